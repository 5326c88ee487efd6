"""Conflicts the engine flags on real aligned news sentences (ECB+), for judging by reading.

Usage: python scripts/sample_conflicts.py [--data PATH] [--sample N] [--seed S]
                                         [--labels FILE] [--all] [--swap]

Runs the whole engine (alignment, then conflict detection) on every ECB+ cluster and
prints how many relations it reports and how many of them it flags as conflicts, per
reason type, then a sample of flagged pairs (stable: see `stable_sample`) with their
reasons, the differing words marked [[like this]].

ECB+ carries no conflict labels. --labels reads verdicts written by a reader, one JSON
object per line: {"a": "<doc>/s<n>", "b": "<doc>/s<n>", "genuine": true|false,
"why": "..."} (sentence ids only, no article text). The script then reports precision
on real text: in the random sample of flags, the share of genuine clashes among those
with a verdict (and the same over every judged flag); it also counts verdicts whose
pair is no longer flagged (fixed false flags, or lost genuine clashes) and prints the
sampled flags still without a verdict, to be judged and added.

--swap plants clashes instead: in every cluster, a copy of one real sentence with one
word swapped for another of its kind (a weekday, or a member of a lexicon class such as
gas/oil or mayor/governor) is added to another article; the script reports how often the
engine aligns the copy with its original and how often it flags the swap.

PATH defaults to ../shared/benchmarks next to the repository root.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_engine import ecb_clusters, make_article, read_ecb  # noqa: E402

from newsreader.engine.analysis import analyze  # noqa: E402
from newsreader.engine.lexicon import SLOT_CLASSES, WEEKDAYS  # noqa: E402
from newsreader.model import Relation, RelationKind, Story  # noqa: E402

_SWAP_CLASSES = (frozenset(WEEKDAYS), *SLOT_CLASSES)


def flagged(docs: list[dict]) -> tuple[list[tuple[Relation, str, str]], int]:
    """Every conflict relation with both sentence texts, and the number of relations."""
    found: list[tuple[Relation, str, str]] = []
    total = 0
    for cluster in ecb_clusters(docs).values():
        story = Story(
            "ecb",
            "ecb",
            tuple(make_article(d["doc"], [s["text"] for s in d["sentences"]]) for d in cluster),
        )
        text = {s.id: s.text for a in story.articles for s in a.sentences}
        analysis = analyze(story, semantic=False)
        total += len(analysis.relations)
        for r in analysis.relations:
            if r.kind is RelationKind.CONFLICT:
                found.append((r, text[r.a], text[r.b]))
    return found, total


def swapped(text: str, rng: random.Random) -> tuple[str, str] | None:
    """The sentence with one lower-case class word or weekday swapped, and the detail."""
    words = re.findall(r"[A-Za-z]+", text)
    options = [
        (w, sorted(group - {w.lower()}))
        for w in words
        for group in _SWAP_CLASSES
        if w.lower() in group and (w.islower() or w.lower() in WEEKDAYS)
    ]
    if not options:
        return None
    word, others = rng.choice(options)
    other = rng.choice([o for o in others if " " not in o and "-" not in o])
    other = other.capitalize() if word[0].isupper() else other
    return re.sub(rf"\b{word}\b", other, text, count=1), f"{word} -> {other}"


def plant_swaps(docs: list[dict], seed: int, show_misses: int) -> None:
    """Plant one swapped sentence per cluster; print how many are aligned and flagged."""
    rng = random.Random(seed)
    planted = aligned = flagged = 0
    for cluster in ecb_clusters(docs).values():
        if len(cluster) < 2:
            continue
        source, target = cluster[0], cluster[1]
        candidates = [
            (n, pair)
            for n, s in enumerate(source["sentences"])
            if 8 <= len(s["text"].split()) <= 40 and (pair := swapped(s["text"], rng))
        ]
        if not candidates:
            continue
        n, (text, detail) = rng.choice(candidates)
        articles = [
            make_article(d["doc"], [s["text"] for s in d["sentences"]])
            for d in cluster
            if d is not target
        ]
        target_texts = [s["text"] for s in target["sentences"]]
        spot = rng.randrange(len(target_texts) + 1)
        articles.append(
            make_article(target["doc"], [*target_texts[:spot], text, *target_texts[spot:]])
        )
        analysis = analyze(Story("ecb", "ecb", tuple(articles)), semantic=False)
        original, copy = f"{source['doc']}/s{n}", f"{target['doc']}/s{spot}"
        relation = next((r for r in analysis.relations if {r.a, r.b} == {original, copy}), None)
        planted += 1
        aligned += relation is not None
        hit = relation is not None and relation.kind is RelationKind.CONFLICT
        flagged += hit
        if not hit and show_misses > 0:
            show_misses -= 1
            state = "aligned, not flagged" if relation else "not aligned"
            print(f"missed ({state}): {detail}\n  {source['sentences'][n]['text']}")
    print(
        f"planted swaps: {planted}; aligned with the original: {aligned} "
        f"({aligned / max(1, planted):.1%}); flagged as a conflict: {flagged} "
        f"({flagged / max(1, planted):.1%})"
    )


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span wrapped in [[ ]]."""
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        out += [text[last:start], "[[", text[start:end], "]]"]
        last = end
    out.append(text[last:])
    return "".join(out)


def show(r: Relation, a: str, b: str) -> str:
    """One flagged pair, readable."""
    reasons = "; ".join(f"{x.type}: {x.detail}" for x in r.reasons)
    return (
        f"{r.a} | {r.b}  score {r.score:.3f}\n  why: {reasons}\n"
        f"  a: {marked(a, [x.a_span for x in r.reasons])}\n"
        f"  b: {marked(b, [x.b_span for x in r.reasons])}"
    )


def read_labels(path: Path) -> dict[tuple[str, str], dict]:
    """Verdicts keyed by the (ordered) pair of sentence ids."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[tuple(sorted((row["a"], row["b"])))] = row
    return labels


def main() -> int:
    """Print the flag counts, a sample of flags and, with --labels, precision on real text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--labels", type=Path, help="verdicts per flagged pair (JSON lines)")
    parser.add_argument("--all", action="store_true", help="print every flagged pair")
    parser.add_argument("--swap", action="store_true", help="plant one-word swaps instead")
    args = parser.parse_args()
    docs = read_ecb(args.data)
    if docs is None:
        print(f"sample_conflicts: no ECB+ data in {args.data / 'ecbplus'}", file=sys.stderr)
        return 2
    if args.swap:
        plant_swaps(docs, args.seed, args.sample)
        return 0
    found, total = flagged(docs)
    types = Counter(x.type for r, _, _ in found for x in r.reasons)
    print(
        f"{total} relations, {len(found)} flagged as conflicts "
        f"({len(found) / max(1, total):.1%}); reasons: {dict(sorted(types.items()))}"
    )
    chosen = found if args.all else stable_sample(found, args.sample, args.seed)
    if args.labels:
        labels = read_labels(args.labels)
        keys = {_pair(r) for r, _, _ in found}
        judged = [labels[k] for k in keys if k in labels]
        gone = [row for k, row in labels.items() if k not in keys]
        in_sample = [labels[_pair(r)] for r, _, _ in chosen if _pair(r) in labels]
        print(
            f"random sample of {len(chosen)} flags (seed {args.seed}): "
            f"{sum(row['genuine'] for row in in_sample)} genuine of {len(in_sample)} judged "
            f"= precision {_share(in_sample)}; all judged flags: {_share(judged)} "
            f"of {len(judged)}; judged pairs no longer flagged: "
            f"{sum(not g['genuine'] for g in gone)} false flags gone, "
            f"{sum(g['genuine'] for g in gone)} genuine clashes lost"
        )
        chosen = [f for f in chosen if _pair(f[0]) not in labels]
        print(f"{len(chosen)} sampled flags without a verdict:" if chosen else "")
    for r, a, b in chosen:
        print(show(r, a, b))
    return 0


def stable_sample(
    found: list[tuple[Relation, str, str]], size: int, seed: int
) -> list[tuple[Relation, str, str]]:
    """The `size` flags whose pair ranks first under a hash salted with the seed: a flag
    that appears or goes changes the sample by at most one pair (a random draw from the
    whole list would change most of it)."""

    def rank(flag: tuple[Relation, str, str]) -> bytes:
        a, b = _pair(flag[0])
        return hashlib.blake2b(f"{seed}:{a}|{b}".encode(), digest_size=8).digest()

    return sorted(found, key=rank)[:size]


def _pair(r: Relation) -> tuple[str, str]:
    return (r.a, r.b) if r.a <= r.b else (r.b, r.a)


def _share(rows: list[dict]) -> str:
    return f"{sum(row['genuine'] for row in rows) / max(1, len(rows)):.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
