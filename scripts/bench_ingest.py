#!/usr/bin/env python3
"""Time article ingestion: web-page extraction per page against reading the same text as .txt.

    python scripts/bench_ingest.py [SAVED_PAGE.html ...] [--runs N] [--ecbplus FILE.jsonl]

Each timing is one article read, cleaned and split into sentences. Baseline (same run): the
page's extracted text saved as a .txt file and read the same way, so the ratio is what
main-text extraction costs on top of plain text.
With the ECB+ data present (default ../shared/benchmarks/ecbplus/ecbplus_docs.jsonl), every
cluster is also imported and loaded as a story, and the per-item warnings are counted.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import import_ecbplus

from newsreader.engine.segment import sentence_spans
from newsreader.ingest.cleaning import clean_article
from newsreader.ingest.reader import load_story, read_source

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "data" / "html"
DEFAULT_ECBPLUS = REPO.parent / "shared" / "benchmarks" / "ecbplus" / "ecbplus_docs.jsonl"


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _ingest(path: Path) -> int:
    """Read, clean and segment one article file; returns its sentence count."""
    return len(sentence_spans(clean_article(read_source(path).raw).text))


def _bloated(page: str, copies: int) -> str:
    """The same article buried in a much larger page: many menu links and comments."""
    menu = "".join(f'<li><a href="/s/{i}">Section number {i}</a></li>' for i in range(copies))
    comments = "".join(
        f'<div class="comment"><p>Reader {i} wrote a long comment that is not news.</p></div>'
        for i in range(copies)
    )
    return page.replace("<main>", f"<nav><ul>{menu}</ul></nav><main>").replace(
        "</main>", f'<section class="comments">{comments}</section></main>'
    )


def bench_pages(runs: int, folder: Path, extra: list[Path]) -> None:
    """Per-page extraction time against the plain-text baseline."""
    pages = [p for p in sorted(PAGES.glob("*.htm*")) if p.name != "section-front.html"]
    pages += extra
    big = folder / "bloated-courier.html"
    big.write_text(
        _bloated((PAGES / "courier-bridge.html").read_text(encoding="utf-8"), 2000),
        encoding="utf-8",
    )
    read_source(pages[0])  # first call pays the extractor's imports
    print(f"{'page':<28} {'KB':>6} {'html ms':>8} {'txt ms':>7} {'ratio':>6}")
    for page in [*pages, big]:
        text = read_source(page).raw
        plain = folder / f"{page.stem}.txt"
        plain.write_text(text, encoding="utf-8")
        assert _ingest(page) == _ingest(plain)
        html_ms = _median_ms(lambda page=page: _ingest(page), runs)
        txt_ms = _median_ms(lambda plain=plain: _ingest(plain), runs)
        size = page.stat().st_size / 1024
        ratio = html_ms / txt_ms
        print(f"{page.name:<28} {size:>6.1f} {html_ms:>8.2f} {txt_ms:>7.2f} {ratio:>6.1f}x")


def _kind(warning: str) -> str:
    """A warning without its file names and figures, to count warnings by kind."""
    message = re.sub(r"\(.*?\)|\S*/\S*", "", warning.split(": ", 1)[1])
    return " ".join(message.split()).replace(" ,", ",")


def bench_ecbplus(data: Path, folder: Path) -> None:
    """Write every ECB+ cluster as a story folder and load them all, counting the warnings."""
    if not data.is_file():
        print(f"ECB+ data not found at {data}: skipping the corpus timing (pass --ecbplus)")
        return
    grouped = import_ecbplus.clusters(import_ecbplus.read_documents(data))
    kinds: Counter[str] = Counter()
    articles = sentences = 0
    largest = (0.0, 0, "")
    started = time.perf_counter()
    for subtopic, documents in grouped.items():
        out = folder / subtopic
        import_ecbplus.write_story(subtopic, documents, out, force=False)
        warnings: list[str] = []
        began = time.perf_counter()
        story = load_story([str(out)], warn=warnings.append)
        elapsed = (time.perf_counter() - began) * 1000
        largest = max(largest, (elapsed, len(story.articles), subtopic))
        articles += len(story.articles)
        sentences += sum(len(a.sentences) for a in story.articles)
        kinds.update(_kind(warning) for warning in warnings)
    total = (time.perf_counter() - started) * 1000
    documents = sum(len(d) for d in grouped.values())
    print(
        f"ECB+: {len(grouped)} clusters, {documents} documents -> {articles} articles, "
        f"{sentences} sentences; written and loaded in {total:.0f} ms"
    )
    print(f"  slowest cluster {largest[2]}: {largest[1]} articles loaded in {largest[0]:.1f} ms")
    for kind, count in kinds.most_common():
        print(f"  {count:>4} x {kind}")


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="more saved web pages to time")
    parser.add_argument("--runs", type=int, default=30, help="repetitions per measurement")
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT_ECBPLUS, help="ECB+ jsonl file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_pages(args.runs, Path(tmp), args.pages)
        bench_ecbplus(args.ecbplus, Path(tmp))


if __name__ == "__main__":
    main()
