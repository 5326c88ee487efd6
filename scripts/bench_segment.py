"""Compare sentence segmenters on ECB+ documents: boundary precision/recall/F1 and speed.

Each ECB+ document is given as a list of gold sentences. They are joined into one text (a
space after a sentence that ends with . ! ? or a closing quote, a newline after one that
does not, as headlines and datelines stand on their own line in real articles) and every
segmenter must find the gold boundaries again. Boundaries are compared by the number of
letters and digits before them, so a closing quote or a space on either side of a boundary
does not count as an error. Every segmenter gets the text one line at a time (a line break
always ends a sentence in newsreader); "repair+X" is newsreader's repair pass on library X.

Usage: python scripts/bench_segment.py [--data PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

Spans = list[tuple[int, int]]
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]\s]*$")
_SPACED_DECIMAL = re.compile(r"\d\. \d")
BASELINE = "syntok"
SHIPPED = "nupunkt"  # the library newsreader.engine.segment builds on


@dataclass(frozen=True)
class Doc:
    """One benchmark document: its text and the end offsets of its gold sentences."""

    text: str
    gold_ends: tuple[int, ...]
    subtopic: str


def load_docs(path: Path) -> list[Doc]:
    """Read ECB+ documents and build their texts with gold sentence ends."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        parts: list[str] = []
        ends: list[int] = []
        offset = 0
        for sentence in record["sentences"]:
            text = sentence["text"].strip()
            if not text:
                continue
            if parts:
                glue = " " if _ENDS_SENTENCE.search(parts[-1]) else "\n"
                parts.append(glue)
                offset += 1
            parts.append(text)
            offset += len(text)
            ends.append(offset)
        if ends:
            docs.append(Doc("".join(parts), tuple(ends[:-1]), record["subtopic"]))
    return docs


def _syntok() -> Callable[[str], Spans]:
    from syntok import segmenter

    def spans(text: str) -> Spans:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                if sentence:
                    out.append((sentence[0].offset, sentence[-1].offset + len(sentence[-1].value)))
        return out

    return spans


def _pysbd() -> Callable[[str], Spans]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(s.start, s.end) for s in seg.segment(text)]


def _nupunkt() -> Callable[[str], Spans]:
    import nupunkt

    return nupunkt.sent_spans


def _blingfire() -> Callable[[str], Spans]:
    import blingfire

    def spans(text: str) -> Spans:
        # blingfire returns no offsets for text without any word character.
        if not text.strip():
            return []
        return list(blingfire.text_to_sentences_and_offsets(text)[1])

    return spans


def _by_line(factory: Callable[[], Callable[[str], Spans]]) -> Callable[[], Callable[[str], Spans]]:
    """Give a library the text one line at a time, as newsreader does (lines are hard breaks)."""

    def build() -> Callable[[str], Spans]:
        segment = factory()

        def spans(text: str) -> Spans:
            out = []
            for match in re.finditer(r"[^\n]+", text):
                base = match.start()
                out.extend((base + s, base + e) for s, e in segment(match.group()))
            return out

        return spans

    return build


def _repaired(
    factory: Callable[[], Callable[[str], Spans]],
) -> Callable[[], Callable[[str], Spans]]:
    """newsreader's repair pass on top of a library."""

    def build() -> Callable[[str], Spans]:
        from newsreader.engine.segment import sentence_spans

        segment = factory()
        return lambda text: sentence_spans(text, splitter=segment)

    return build


def _newsreader() -> Callable[[str], Spans]:
    from newsreader.engine.segment import sentence_spans

    return sentence_spans


LIBRARIES = {"syntok": _syntok, "pysbd": _pysbd, "nupunkt": _nupunkt, "blingfire": _blingfire}
SEGMENTERS: dict[str, tuple[str, Callable[[], Callable[[str], Spans]]]] = {
    **{name: (name, _by_line(f)) for name, f in LIBRARIES.items()},
    **{f"repair+{name}": (name, _repaired(f)) for name, f in LIBRARIES.items() if name != SHIPPED},
    # newsreader's own segmenter: the shipped library plus the repair pass.
    f"newsreader({SHIPPED})": (SHIPPED, _newsreader),
}


def _alnum_prefix(text: str) -> list[int]:
    counts = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        if ch.isalnum():
            n += 1
        counts[i + 1] = n
    return counts


def score(docs: list[Doc], outputs: list[Spans]) -> tuple[float, float, float]:
    """Boundary precision, recall and F1 over all documents (end of text excluded)."""
    tp = fp = fn = 0
    for doc, spans in zip(docs, outputs, strict=True):
        prefix = _alnum_prefix(doc.text)
        last = prefix[-1]
        gold = {prefix[e] for e in doc.gold_ends} - {0, last}
        found = {prefix[e] for _, e in spans} - {0, last}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def false_splits(docs: list[Doc], outputs: list[Spans]) -> tuple[int, int]:
    """False splits in all, and those inside spaced decimals ("magnitude 6. 1"), which are an
    artifact of ECB+'s tokenised text rather than of real articles."""
    total = spaced = 0
    for doc, spans in zip(docs, outputs, strict=True):
        prefix = _alnum_prefix(doc.text)
        gold = {prefix[e] for e in doc.gold_ends}
        for _, end in spans:
            if end < len(doc.text) and prefix[end] not in gold:
                total += 1
                spaced += bool(_SPACED_DECIMAL.match(doc.text, max(0, end - 2)))
    return total, spaced


def cold_start(name: str) -> float:
    """Seconds to import a segmenter and segment one sentence in a fresh interpreter."""
    here = str(Path(__file__).resolve().parent)
    code = (
        f"import sys, time; sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {here!r}); "
        "import bench_segment as b; t = time.perf_counter(); "
        f"b.SEGMENTERS[{name!r}][1]()('Dr. A. Smith went home at 5 p.m. on Monday. He slept.'); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1])
    return float(out.stdout)


def timed(segment: Callable[[str], Spans], texts: list[str]) -> tuple[float, list[Spans]]:
    """Wall time of segmenting every text once, and the output."""
    start = time.perf_counter()
    outputs = [segment(t) for t in texts]
    return time.perf_counter() - start, outputs


def story_timing(docs: list[Doc]) -> None:
    """Clean and segment the largest ECB+ story, as `newsreader analyze` would."""
    from newsreader.engine.segment import sentence_spans
    from newsreader.ingest.cleaning import clean_article

    sizes = Counter(d.subtopic for d in docs)
    subtopic, count = sizes.most_common(1)[0]
    texts = [d.text for d in docs if d.subtopic == subtopic]
    start = time.perf_counter()
    cleaned = [clean_article(t).text for t in texts]
    middle = time.perf_counter()
    sentences = sum(len(sentence_spans(t)) for t in cleaned)
    end = time.perf_counter()
    print(
        f"\nlargest ECB+ story ({subtopic}: {count} articles, {sum(map(len, texts)):,} chars, "
        f"{sentences} sentences): clean {middle - start:.3f} s + segment {end - middle:.3f} s"
    )


def main() -> int:
    """Run the comparison and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "benchmarks")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs over the corpus")
    args = parser.parse_args()
    path = args.data / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.is_file():
        print(f"bench_segment: ECB+ data not found at {path} (pass --data PATH)", file=sys.stderr)
        return 2
    docs = load_docs(path)
    texts = [d.text for d in docs]
    total = sum(len(t) for t in texts)
    sample: list[str] = []
    while sum(len(t) for t in sample) < 47_000:
        sample.append(texts[len(sample)])
    sample_chars = sum(len(t) for t in sample)
    gold = sum(len(d.gold_ends) for d in docs)
    print(f"ECB+: {len(docs)} documents, {total:,} characters, {gold:,} gold boundaries")
    print(f"47 KB sample: first {len(sample)} documents, {sample_chars:,} characters\n")

    rows = []
    shipped_errors: tuple[str, int, int] | None = None
    for name, (module, _factory) in SEGMENTERS.items():
        try:
            importlib.import_module(module.split(".")[0])
            segment = SEGMENTERS[name][1]()
        except ImportError:
            print(f"{name}: not installed, skipped")
            continue
        # The 47 KB sample runs first, before any per-word cache of a library is warm, as in
        # a fresh `newsreader` process; the whole corpus takes the best of --repeat runs.
        sample_seconds, _ = timed(segment, sample)
        seconds, outputs = timed(segment, texts)
        for _ in range(args.repeat - 1):
            seconds = min(seconds, timed(segment, texts)[0])
        precision, recall, f1 = score(docs, outputs)
        if name.startswith("newsreader"):
            shipped_errors = (name, *false_splits(docs, outputs))
        rows.append(
            (name, precision, recall, f1, total / seconds, sample_seconds, cold_start(name))
        )

    base = next((r for r in rows if r[0] == BASELINE), rows[0])
    print(
        f"{'segmenter':<20} {'P':>6} {'R':>6} {'F1':>6} {'chars/s':>11} {'47KB s':>8} "
        f"{'cold s':>7} {'speed x':>8} {'47KB x':>7}"
    )
    for name, p, r, f1, cps, sample_s, cold in rows:
        print(
            f"{name:<20} {p:6.3f} {r:6.3f} {f1:6.3f} {cps:11,.0f} {sample_s:8.3f} {cold:7.3f} "
            f"{cps / base[4]:8.2f} {sample_s / base[5]:7.2f}"
        )
    if shipped_errors:
        name, total_fp, spaced = shipped_errors
        print(
            f"\n{name}: {total_fp} false splits, {spaced} of them in spaced decimals "
            "('magnitude 6. 1', an artifact of ECB+ tokenisation)"
        )
    story_timing(docs)
    print(
        f"\nspeed x = chars/s relative to {base[0]}; 47KB x = time for 47 KB relative to "
        f"{base[0]}; cold s = fresh interpreter: import + first call."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
