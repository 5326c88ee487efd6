"""Benchmark the reader: cold start against a bare Textual app, and key press to repaint.

Cold start: the real `newsreader` command (a first start: no database file yet, so the demo
story) and a bare Textual app showing one Static are started alternately in a pseudo-terminal;
each run is timed from spawn until the output shows the painted screen (for the reader: the
first article's title and the start of its first sentence). Target: at most 1.3x. Both run
from compiled bytecode (PYTHONDONTWRITEBYTECODE is dropped), as an installed copy does.

Key press to repaint: the largest ECB+ cluster (22 articles) from the benchmark data
(default ../shared/benchmarks, relative to the repository root) is opened headless; for each
key the time runs from sending it to the moment the screen update has been rendered to
terminal output. Target: under 50 ms.

Open the coverage matrix on 200 articles: a story of 200 ECB+ articles (the largest clusters
first) is opened headless; the time runs from pressing `m` in the reader to the matrix
rendered to terminal output, the first time (the matrix is built then) and on reopening,
against opening the claims view (tab) of the same story in the same run, with key presses
inside the matrix. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsreader.model import Story

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks"
SIZE = (160, 45)

BARE_APP = """
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("bare-app-ready")


Bare().run()
"""


def time_to_marker(command: list[str], markers: list[bytes], env: dict[str, str]) -> float:
    """Seconds from spawning a command in a pty until the markers appear, in this order,
    in its output."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(
        command[0], command[1:], env=env, dimensions=(SIZE[1], SIZE[0]), timeout=30
    )
    try:
        for marker in markers:
            child.expect_exact(marker)
        return time.perf_counter() - start
    finally:
        child.sendcontrol("q")
        with contextlib.suppress(pexpect.TIMEOUT):
            child.expect(pexpect.EOF, timeout=5)
        child.close(force=True)


def cold_start(runs: int) -> None:
    """Alternate the bare app and the reader; print medians and their ratio."""
    from newsreader.library.demo import load_demo_story

    # The story is painted when the first article's title (in its column header) and, below
    # it, the first words of its first sentence are on screen.
    first = load_demo_story().articles[0]
    story_markers = [first.title[:16].encode(), first.sentences[0].text[:12].encode()]
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        newsreader = Path(sys.executable).with_name("newsreader")
        env = {**os.environ, "TERM": "xterm-256color", "NEWSREADER_DB": f"{tmp}/db.json"}
        env.pop("NO_COLOR", None)
        # An installed copy runs from compiled bytecode, as Textual in the bare app does:
        # without this, every start would compile the reader's modules again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # One unmeasured run of each warms the file system cache, as a user's second start.
        time_to_marker([sys.executable, str(bare)], [b"bare-app-ready"], env)
        time_to_marker([str(newsreader)], [b"article 1/"], env)
        times: dict[str, list[float]] = defaultdict(list)
        for _ in range(runs):
            for name, command, markers in (
                ("bare", [sys.executable, str(bare)], [b"bare-app-ready"]),
                ("story", [str(newsreader)], story_markers),
                ("bare", [sys.executable, str(bare)], [b"bare-app-ready"]),
                # The status line appears once the analysis is done and the reader takes keys.
                ("reader", [str(newsreader)], [b"article 1/"]),
            ):
                for leftover in Path(tmp).glob("db.json*"):
                    if leftover.is_dir():
                        shutil.rmtree(leftover)
                    else:
                        leftover.unlink()
                times[name].append(time_to_marker(command, markers, env))
    from newsreader.library.demo import seeds_dir
    from newsreader.library.demo_snapshot import read_snapshot

    if read_snapshot(seeds_dir()) is None:
        print(
            "note: newsreader/demo_snapshot.json is stale or missing, so every start builds "
            "the demo story (python scripts/build_demo_snapshot.py writes it again)"
        )
    bare_ms = statistics.median(times["bare"])
    story_ms = statistics.median(times["story"])
    ready_ms = statistics.median(times["reader"])
    print(f"cold start, {runs} alternating runs each, {SIZE[0]}x{SIZE[1]} pty:")
    print(f"  bare Textual app (one Static):        median {bare_ms * 1000:.0f} ms")
    print(f"  newsreader, demo story painted:       median {story_ms * 1000:.0f} ms")
    print(f"  newsreader, analysed, taking keys:    median {ready_ms * 1000:.0f} ms")
    verdict = "OK" if story_ms / bare_ms <= 1.3 else "ABOVE TARGET"
    print(f"  story painted / bare: {story_ms / bare_ms:.2f}x (target <= 1.3x): {verdict}")
    print(f"  analysed reader / bare: {ready_ms / bare_ms:.2f}x")


def load_cluster(data: Path):
    """The ECB+ cluster with the most articles, as a Story."""
    from newsreader.model import Article, Sentence, Story

    docs_by_cluster: dict[str, list[dict]] = defaultdict(list)
    with (data / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            docs_by_cluster[doc["subtopic"]].append(doc)
    cluster, docs = max(docs_by_cluster.items(), key=lambda item: len(item[1]))
    articles = []
    for doc in docs:
        sentences, offset, parts = [], 0, []
        for number, item in enumerate(doc["sentences"]):
            text = item["text"].strip()
            sentences.append(
                Sentence(
                    f"{doc['doc']}-{number}", doc["doc"], number, text, offset, offset + len(text)
                )
            )
            parts.append(text)
            offset += len(text) + 1
        articles.append(
            Article(
                id=doc["doc"],
                title=parts[0][:80] if parts else doc["doc"],
                source=doc["doc"],
                text=" ".join(parts),
                sentences=tuple(sentences),
                outlet=doc["doc"],
            )
        )
    return Story(id=f"ecbplus-{cluster}", title=f"ECB+ cluster {cluster}", articles=tuple(articles))


def record_paints(app: Any) -> list[tuple[float, str]]:
    """Record when each screen update of a headless app has been rendered as a terminal
    would (time, name of the screen drawn); the list is filled as the app runs."""
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=SIZE[0],
        height=SIZE[1],
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
    )
    painted: list[tuple[float, str]] = []
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            # Headless apps skip the terminal write: render the update as a terminal would.
            console.file = io.StringIO()
            console.print(renderable, end="")
            painted.append((time.perf_counter(), type(screen).__name__))
        original(screen, renderable)

    app._display = display
    return painted


async def time_key(
    pilot: Any,
    key: str,
    painted: list[tuple[float, str]],
    screen: str | None = None,
    wait: float = 0.2,
) -> float | None:
    """Seconds from pressing a key to the first update rendered (of that screen, if named);
    None when nothing was drawn within `wait` seconds."""
    painted.clear()
    start = time.perf_counter()
    await pilot.press(key)
    for _ in range(round(wait / 0.002)):
        done = [when for when, name in painted if screen is None or name == screen]
        if done:
            return done[0] - start
        await asyncio.sleep(0.002)
    return None


def matrix_story(data: Path, count: int = 200) -> Story:
    """A story of `count` ECB+ articles, the largest clusters first (as bench_library's)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_library import big_story

    return big_story(data / "ecbplus" / "ecbplus_docs.jsonl", count)


async def matrix_opening(data: Path, rounds: int) -> None:
    """Open the 200-article story headless; time `m` (the matrix) against `tab` (claims)."""
    from newsreader.engine.analysis import analyze
    from store import AnnotationStore
    from tui.app import make_app

    story = matrix_story(data)
    analysis = analyze(story)
    opened: dict[str, list[float]] = defaultdict(list)
    inside: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, AnnotationStore(Path(tmp) / "db.json") as store:
        app = make_app(story, store, analysis)
        painted = record_paints(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            for _ in range(rounds):
                for key, screen in (("m", "MatrixScreen"), ("tab", "ClaimsScreen")):
                    took = await time_key(pilot, key, painted, screen, wait=1.0)
                    if took is not None:
                        opened[key].append(took)
                    await pilot.pause(0.1)
                    if key == "m":
                        for inner in ("j", "l", "j", "l", "f", "w", "w", "z", "z", "G", "g"):
                            took = await time_key(pilot, inner, painted)
                            if took is not None:
                                inside.append(took)
                            await pilot.pause(0.02)
                    await pilot.press("escape")
                    await pilot.pause(0.2)
    claims = len(analysis.claims)
    print(
        f"open the coverage matrix, {len(story.articles)} articles, {claims} claims "
        f"({claims} rows x {len(story.articles)} source columns), {SIZE[0]}x{SIZE[1]}:"
    )
    matrix, table = opened["m"], opened["tab"]
    if not matrix or not table:
        print("  not measured: a screen was not drawn within 1 s")
        return
    print(f"  m, first open (builds the matrix):  {matrix[0] * 1000:6.1f} ms")
    again = matrix[1:] or matrix
    print(
        f"  m, reopened:                        median {statistics.median(again) * 1000:6.1f} "
        f"ms, max {max(again) * 1000:6.1f} ms ({len(again)} runs)"
    )
    print(
        f"  tab, the claims view (baseline):    median {statistics.median(table) * 1000:6.1f} "
        f"ms, max {max(table) * 1000:6.1f} ms"
    )
    print(f"  matrix first open / claims view: {matrix[0] / statistics.median(table):.2f}x")
    slowest = max(matrix)
    print(f"  target < 200 ms: {'OK' if slowest < 0.200 else 'ABOVE TARGET'} (slowest open)")
    if inside:
        inside.sort()
        p95 = inside[int(len(inside) * 0.95) - 1]
        print(
            f"  keys inside the matrix (j l f w z G g): median "
            f"{statistics.median(inside) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
        )


async def keypress_latency(data: Path, rounds: int) -> None:
    """Open the 22-article cluster headless and time key press to rendered update."""
    from newsreader.engine.analysis import analyze
    from store import AnnotationStore
    from tui.app import make_app

    story = load_cluster(data)
    analysis = analyze(story)
    keys = (
        ["j"] * 6
        + ["l"] * 6
        + ["k"] * 3
        + ["h"] * 3
        + ["c", "C", "u", "p", "j", "p", "f", "f", "f"]
    )
    with tempfile.TemporaryDirectory() as tmp, AnnotationStore(Path(tmp) / "db.json") as store:
        app = make_app(story, store, analysis)
        painted = record_paints(app)
        latencies: dict[str, list[float]] = defaultdict(list)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            for _ in range(rounds):
                for key in keys:
                    took = await time_key(pilot, key, painted)
                    if took is not None:
                        latencies[key].append(took)
                    await pilot.pause(0.02)
    every = sorted(t for values in latencies.values() for t in values)
    sentences = sum(len(a.sentences) for a in story.articles)
    print(
        f"key press to repaint, {story.title}: {len(story.articles)} articles, "
        f"{sentences} sentences, {len(analysis.relations)} relations, {len(every)} key presses:"
    )
    for key, values in latencies.items():
        print(
            f"  {key!r:>4}: median {statistics.median(values) * 1000:5.1f} ms, "
            f"max {max(values) * 1000:5.1f} ms"
        )
    p95 = every[int(len(every) * 0.95) - 1]
    print(
        f"  all keys: median {statistics.median(every) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {every[-1] * 1000:.1f} ms"
    )
    print(f"  target < 50 ms: {'OK' if p95 < 0.050 else 'ABOVE TARGET'} (p95)")
    moves = sorted(t for key in "jklhcCu" for t in latencies.get(key, []))
    if moves:
        move_p95 = moves[int(len(moves) * 0.95) - 1]
        print(
            f"  cursor moves (j k h l c C u): median {statistics.median(moves) * 1000:.1f} ms, "
            f"p95 {move_p95 * 1000:.1f} ms; the rest (p panel, f filter) change the layout"
        )


def main() -> int:
    """Run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA,
        help="benchmark data folder (default: ../shared/benchmarks)",
    )
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each app")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the key sequence")
    parser.add_argument(
        "--only", choices=["cold", "keys", "matrix"], help="run one measurement only"
    )
    args = parser.parse_args()
    if args.only in (None, "cold"):
        cold_start(args.runs)
    if args.only == "cold":
        return 0
    if not (args.data / "ecbplus" / "ecbplus_docs.jsonl").exists():
        print(
            f"key press and matrix benchmarks skipped: no ECB+ data at {args.data / 'ecbplus'} "
            "(pass the benchmarks folder as an argument)"
        )
        return 1
    if args.only in (None, "keys"):
        asyncio.run(keypress_latency(args.data, args.rounds))
    if args.only in (None, "matrix"):
        asyncio.run(matrix_opening(args.data, max(args.rounds, 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
