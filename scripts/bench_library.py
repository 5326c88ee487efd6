"""Benchmark the story library: reopening a big story from its cached analysis, and what the
cache costs a verdict save.

Builds one story of N ECB+ articles (default 200; the largest clusters first, so articles of
the same event meet) and prints, in the same run:

- the time to analyse it (a cache miss) against the time to reopen it from the database
  (open the store, load the snapshot, read the cached analysis back), and their ratio;
- the database size with the story's snapshot alone and with its cached analysis too;
- the time to save one verdict (p50/p95) in a database holding the snapshot alone (the
  baseline) and in one holding the snapshot and the cached analysis, measured in turns.

    python scripts/bench_library.py [--articles N] [--saves N] [--data FILE] [--dir FOLDER]

The data file defaults to ../shared/benchmarks/ecbplus/ecbplus_docs.jsonl beside the
repository. Timings depend on the disk and on other load on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from import_ecbplus import DEFAULT_DATA, article_text, clusters, read_documents  # noqa: E402

from newsreader.analysis import analyze  # noqa: E402
from newsreader.analysis_cache import analyse_cached  # noqa: E402
from newsreader.anchors import targets_for_claim  # noqa: E402
from newsreader.article_formats import Source  # noqa: E402
from newsreader.ingest import build_story  # noqa: E402
from newsreader.model import Analysis, Story, Verdict  # noqa: E402
from store import AnnotationStore  # noqa: E402


def big_story(data: Path, count: int) -> Story:
    """A story of `count` ECB+ articles, taking the largest clusters first."""
    grouped = clusters(read_documents(data))
    sources: list[Source] = []
    for documents in sorted(grouped.values(), key=len, reverse=True):
        for document in documents:
            sources.append(
                Source(
                    path=f"ecbplus/{document.doc}.txt",
                    raw=article_text(document),
                    title=document.headline,
                    outlet=document.outlet,
                )
            )
        # A few more than asked: articles whose text repeats another's are dropped.
        if len(sources) >= count + 20:
            break
    story = build_story(sources, title=f"{count} ECB+ articles", story_id="bench-story")
    return replace(story, articles=story.articles[:count])


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of some timings."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def save_verdict(store: AnnotationStore, analysis: Analysis, n: int) -> float:
    """Milliseconds to tag the n-th claim (verified/disputed in turn)."""
    claim = analysis.claims[n % len(analysis.claims)]
    targets = targets_for_claim(analysis, claim)
    verdict = Verdict.VERIFIED if n % 2 else Verdict.DISPUTED
    start = time.perf_counter()
    store.set_verdict(analysis.story.id, claim.id, verdict, targets)
    return (time.perf_counter() - start) * 1000


def reopen(path: Path, story_id: str) -> tuple[float, bool]:
    """Milliseconds to open the database, load the snapshot and get the analysis."""
    start = time.perf_counter()
    with AnnotationStore(path, read_only=True) as store:
        _, cached = analyse_cached(store.load_story(story_id), store)
    return (time.perf_counter() - start) * 1000, cached


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dir", type=Path, help="folder for the databases (default: a temp one)")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"bench_library: ECB+ data not found at {args.data} (pass --data FILE)")
        return 2

    story = big_story(args.data, args.articles)
    sentences = sum(len(a.sentences) for a in story.articles)
    start = time.perf_counter()
    analysis = analyze(story)
    analyse_ms = (time.perf_counter() - start) * 1000
    print(
        f"story: {len(story.articles)} articles, {sentences} sentences, "
        f"{len(analysis.relations)} relations, {len(analysis.claims)} claims"
    )

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        plain, cached = Path(tmp) / "snapshot-only.json", Path(tmp) / "with-cache.json"
        with AnnotationStore(plain) as store:
            store.save_story(story)
        with AnnotationStore(cached) as store:
            store.save_story(story)
            analyse_cached(story, store)
        plain_kb, cached_kb = plain.stat().st_size / 1024, cached.stat().st_size / 1024
        print(
            f"database size: snapshot only {plain_kb:.0f} KiB, with the cached analysis "
            f"{cached_kb:.0f} KiB (+{cached_kb - plain_kb:.0f} KiB, x{cached_kb / plain_kb:.2f})"
        )

        reopen_ms = [reopen(cached, story.id) for _ in range(5)]
        assert all(hit for _, hit in reopen_ms), "the cached analysis was not used"
        best = min(ms for ms, _ in reopen_ms)
        print(
            f"open the story: analyse {analyse_ms:.0f} ms (cache miss), reopen from the "
            f"database {best:.0f} ms (cache hit, best of 5): x{analyse_ms / best:.1f} faster"
        )

        times: dict[str, list[float]] = {"snapshot only": [], "with cache": []}
        with AnnotationStore(plain) as a, AnnotationStore(cached) as b:
            for n in range(args.saves):
                times["snapshot only"].append(save_verdict(a, analysis, n))
                times["with cache"].append(save_verdict(b, analysis, n))
        medians = {}
        for name, values in times.items():
            medians[name] = statistics.median(values)
            print(
                f"verdict save, {name}: p50 {medians[name]:.2f} ms, "
                f"p95 {percentile(values, 0.95):.2f} ms ({len(values)} saves)"
            )
        ratio = medians["with cache"] / medians["snapshot only"]
        print(f"verdict save with the cache / without: x{ratio:.2f} (p50)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
