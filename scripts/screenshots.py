"""Drive the reader headless on the demo story and write SVG screenshots to screenshots/,
and a PNG of the reader served to headless Chromium by `newsreader serve`."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from newsreader.engine.analysis import analyze
from newsreader.ingest.reader import load_story
from newsreader.library.demo import load_demo_story
from newsreader.model import Story
from store import AnnotationStore
from tui.app import make_app
from tui.screens.reader import ReaderScreen

ROOT = Path(__file__).resolve().parent.parent


def ecbplus_story(data: Path) -> Story | None:
    """The largest ECB+ cluster (22 outlets on one event) as a story, if the data is there."""
    if not data.is_file():
        print(f"screenshots: no ECB+ data at {data}; skipping the ECB+ screenshot")
        return None
    from import_ecbplus import clusters, read_documents, write_story

    grouped = clusters(read_documents(data))
    subtopic = max(grouped, key=lambda key: len(grouped[key]))
    folder = Path(tempfile.mkdtemp(prefix="newsreader-ecbplus-"))
    write_story(subtopic, grouped[subtopic], folder, force=True)
    return load_story([str(folder)])


async def shoot(
    out: Path, name: str, size: tuple[int, int], keys: list[str], story: Story | None = None
) -> Path:
    """Open a story (the demo by default) at a terminal size, press keys, save a screenshot."""
    story = story or load_demo_story()
    analysis = analyze(story)
    # A fixed path: the status line shows where verdicts are saved.
    folder = Path(tempfile.gettempdir()) / "newsreader-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    with AnnotationStore(folder / "newsreader.json") as store:
        app = make_app(story, store, analysis)
        async with app.run_test(size=size, notifications=False) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.1)
            assert isinstance(app.screen_stack[1], ReaderScreen)
            app.save_screenshot(filename=f"{name}.svg", path=str(out))
    shutil.rmtree(folder, ignore_errors=True)
    return out / f"{name}.svg"


SHOTS: list[tuple[str, tuple[int, int], list[str]]] = [
    ("overview", (160, 45), ["j", "j", "v", "l", "j"]),
    ("claim-panel", (160, 45), ["c", "p"]),
    ("claims-view", (160, 45), ["j", "v", "c", "d", "tab"]),
    ("help", (120, 40), ["question_mark"]),
    ("narrow-80x24", (80, 24), ["c"]),
    ("coverage-matrix", (160, 45), ["c", "d", "m", "l"]),
    ("source-scorecard", (120, 30), ["c", "d", "j", "v", "s"]),
]


BROWSER_SHOT = "browser"


def browser_shot(out: Path) -> Path | None:
    """`newsreader serve` on the demo story, opened in headless Chromium (the code path of
    the end-to-end test): the next conflict with the claim panel, saved as a PNG."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser_session import BrowserMissing, browser_page, served

    # A fixed path: the status line shows where verdicts are saved.
    folder = Path(tempfile.gettempdir()) / "newsreader-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        with (
            served("--db", str(folder / "newsreader.json"), "demo") as server,
            browser_page(server.url, size=(1600, 900)) as page,
        ):
            page.wait_for("0 reviewed", what="the reader's status line")
            page.press("c", "p")
            page.wait_for("Why they conflict", what="the claim panel on the next conflict")
            shot = page.screenshot(out / f"{BROWSER_SHOT}.png")
    except BrowserMissing as exc:
        print(f"screenshots: {exc}; skipping the browser screenshot")
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return shot


def main() -> None:
    """Write every screenshot (or the ones named on the command line)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="screenshots to make (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument(
        "--ecbplus",
        type=Path,
        default=ROOT.parent / "shared" / "benchmarks" / "ecbplus" / "ecbplus_docs.jsonl",
        help="ECB+ documents, for a screenshot of real 22-outlet coverage",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, size, keys in SHOTS:
        if not args.names or name in args.names:
            print(asyncio.run(shoot(args.out, name, size, keys)))
    if not args.names or {"ecbplus-22-outlets", "ecbplus-matrix"} & set(args.names):
        story = ecbplus_story(args.ecbplus)
        if story is not None:
            shot = shoot(args.out, "ecbplus-22-outlets", (160, 45), ["j", "c", "p"], story)
            print(asyncio.run(shot))
            shot = shoot(args.out, "ecbplus-matrix", (160, 45), ["m", "z"], story)
            print(asyncio.run(shot))
    if not args.names or BROWSER_SHOT in args.names:
        print(browser_shot(args.out))


if __name__ == "__main__":
    main()
