"""Benchmark the story library: reopening a big story from its cached analysis, and what the
cached analyses cost a verdict save.

Builds one story of N ECB+ articles (default 200; the largest clusters first, so articles of
the same event meet) and prints, in the same run:

- the time to analyse it (a cache miss) against the time to reopen it from the database
  (open the store, load the snapshot, read the cached analysis back), and their ratio;
- the size of the database file with the story's snapshot alone and with its cached
  analysis too (and of everything kept beside it);
- the time to save one verdict (p50/p95) in a database holding the snapshot alone (the
  baseline) and in one holding the snapshot and the cached analysis, measured in turns.

Then builds a library of several stories (default 22, 50, 100, 150 and 200 articles, from
distinct ECB+ clusters), analyses each with the engine, and prints the verdict save p50/p95
in a library whose stories were all opened (their analyses cached) against the same library
with no cached analysis, measured in turns, with the size of the database file and of
everything kept beside it.

    python scripts/bench_library.py [--articles N] [--saves N] [--library N,N,...]
                                    [--data FILE] [--dir FOLDER]

The data file defaults to ../shared/benchmarks/ecbplus/ecbplus_docs.jsonl beside the
repository. Timings depend on the disk and on other load on the machine.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from import_ecbplus import DEFAULT_DATA, article_text, clusters, read_documents  # noqa: E402

from newsreader.annotations.anchors import targets_for_claim  # noqa: E402
from newsreader.engine.analysis import analyze  # noqa: E402
from newsreader.ingest.formats import Source  # noqa: E402
from newsreader.ingest.reader import build_story  # noqa: E402
from newsreader.library.cache import analyse_cached, remember  # noqa: E402
from newsreader.model import Analysis, Story, Verdict  # noqa: E402
from store import AnnotationStore  # noqa: E402
from store.storage import backup_path  # noqa: E402


def ecb_sources(data: Path) -> Iterator[Source]:
    """Every ECB+ document as an article source, the largest clusters first."""
    grouped = clusters(read_documents(data))
    for documents in sorted(grouped.values(), key=len, reverse=True):
        for document in documents:
            yield Source(
                path=f"ecbplus/{document.doc}.txt",
                raw=article_text(document),
                title=document.headline,
                outlet=document.outlet,
            )


def take_story(sources: Iterator[Source], count: int, story_id: str) -> Story:
    """A story of (at most) `count` articles from the next sources."""
    # A few more than asked: articles whose text repeats another's are dropped.
    taken = list(itertools.islice(sources, count + 20))
    story = build_story(taken, title=f"{count} ECB+ articles", story_id=story_id)
    return replace(story, articles=story.articles[:count])


def big_story(data: Path, count: int) -> Story:
    """A story of `count` ECB+ articles, taking the largest clusters first."""
    return take_story(ecb_sources(data), count, "bench-story")


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


def folder_kib(folder: Path) -> float:
    """The size of every file in a folder and its subfolders, in KiB."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1024


def bench_library_saves(data: Path, sizes: list[int], saves: int, tmp: Path) -> None:
    """Verdict saves in a library of several stories, with and without cached analyses."""
    sources = ecb_sources(data)
    stories = [take_story(sources, n, f"bench-library-{i}") for i, n in enumerate(sizes, 1)]
    analyses = [analyze(story) for story in stories]
    print(
        f"library: {len(stories)} stories of "
        f"{', '.join(str(len(s.articles)) for s in stories)} articles, "
        f"{sum(len(a.claims) for a in analyses)} claims"
    )
    paths = {"no cached analyses": tmp / "plain" / "db.json", "all cached": tmp / "all" / "db.json"}
    for name, path in paths.items():
        with AnnotationStore(path) as store:
            for story, analysis in zip(stories, analyses, strict=True):
                store.save_story(story)
                if name == "all cached":
                    remember(analysis, store)
        # The backup is a hard link to the previous copy: counted once, it is left out.
        backup_path(path).unlink(missing_ok=True)
        print(
            f"  {name}: database file {path.stat().st_size / 1024:.0f} KiB, "
            f"with the files beside it {folder_kib(path.parent):.0f} KiB"
        )
    times: dict[str, list[float]] = {name: [] for name in paths}
    with (
        AnnotationStore(paths["no cached analyses"]) as a,
        AnnotationStore(paths["all cached"]) as b,
    ):
        for n in range(saves):
            analysis = analyses[n % len(analyses)]
            times["no cached analyses"].append(save_verdict(a, analysis, n // len(analyses)))
            times["all cached"].append(save_verdict(b, analysis, n // len(analyses)))
    medians = print_saves(times, indent="  ")
    ratio = medians["all cached"] / medians["no cached analyses"]
    print(f"  verdict save with every analysis cached / with none: x{ratio:.2f} (p50)")


def print_saves(times: dict[str, list[float]], indent: str = "") -> dict[str, float]:
    """Print the p50/p95 of each series of verdict saves; return their medians."""
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(
            f"{indent}verdict save, {name}: p50 {medians[name]:.2f} ms, "
            f"p95 {percentile(values, 0.95):.2f} ms ({len(values)} saves)"
        )
    return medians


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
    parser.add_argument(
        "--library",
        default="22,50,100,150,200",
        help="article counts of the library's stories (comma-separated)",
    )
    parser.add_argument("--library-saves", type=int, default=200)
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
        plain, cached = Path(tmp) / "plain" / "db.json", Path(tmp) / "cached" / "db.json"
        with AnnotationStore(plain) as store:
            store.save_story(story)
        with AnnotationStore(cached) as store:
            store.save_story(story)
            analyse_cached(story, store)
        plain_kb, cached_kb = plain.stat().st_size / 1024, cached.stat().st_size / 1024
        backup_path(cached).unlink(missing_ok=True)
        print(
            f"database file: snapshot only {plain_kb:.0f} KiB, with the cached analysis "
            f"{cached_kb:.0f} KiB (+{cached_kb - plain_kb:.0f} KiB, x{cached_kb / plain_kb:.2f}); "
            f"with the files beside it {folder_kib(cached.parent):.0f} KiB"
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
        medians = print_saves(times)
        ratio = medians["with cache"] / medians["snapshot only"]
        print(f"verdict save with the cache / without: x{ratio:.2f} (p50)")

    sizes = [int(n) for n in args.library.split(",") if n.strip()]
    if sizes:
        with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
            bench_library_saves(args.data, sizes, args.library_saves, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
