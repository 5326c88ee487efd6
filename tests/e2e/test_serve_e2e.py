"""End to end: `newsreader serve` in a subprocess, the page opened in headless Chromium.

The page's terminal (xterm.js) is read back as text; the test polls it with a deadline.
Without a browser on the machine the test is skipped and says why.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from browser_session import BrowserMissing, browser_page, find_browser, served

from newsreader.model import Analysis, Story, Verdict
from store import AnnotationStore

pytestmark = pytest.mark.slow

STORY_ID, STORY_TITLE = "bridge-flood-1a2b", "Bridge flood over the river"


@pytest.fixture(autouse=True)
def _browser() -> None:
    try:
        find_browser()
    except BrowserMissing as exc:
        pytest.skip(f"no browser to open the served page: {exc}")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name needs quoting in a shell command."""
    path = tmp_path / "news room's $HOME; files"
    path.mkdir()
    return path


@pytest.fixture
def library(folder: Path, demo_analysis: Analysis) -> Path:
    """A database holding a saved story of two articles (besides the demo)."""
    db = folder / "team db.json"
    story = Story(id=STORY_ID, title=STORY_TITLE, articles=demo_analysis.story.articles[:2])
    with AnnotationStore(db) as store:
        store.save_story(story)
    return db


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and how many distinct byte values its pixel rows hold."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    chunks, n = [], 8
    while n < len(data):
        (size,) = struct.unpack(">I", data[n : n + 4])
        if data[n + 4 : n + 8] == b"IDAT":
            chunks.append(data[n + 8 : n + 8 + size])
        n += 12 + size
    return width, height, len(set(zlib.decompress(b"".join(chunks))))


def test_the_served_reader_is_drawn_in_a_browser_and_answers_a_key(
    library: Path, folder: Path, tmp_path: Path
) -> None:
    config = folder / "config's.toml"
    config.write_text('[keymap]\n"reader.verified" = "V"\n', encoding="utf-8")
    # Title words name the story; --db and --config carry through to every session.
    with (
        served("--db", str(library), "--config", str(config), "bridge flood") as server,
        browser_page(server.url) as page,
    ):
        screen = page.wait_for("0 reviewed", what="the reader's status line")
        assert STORY_TITLE in screen
        assert "claim 1/" in screen and "article 1/2" in screen
        page.press("V")  # the config's key for "verified"
        screen = page.wait_for("1 reviewed")
        assert "✓" in screen
        shot = page.screenshot(tmp_path / "served.png")
    assert server.stop() == 130, server.output()
    assert "Traceback" not in server.output()
    width, height, values = png_facts(shot)
    assert width >= 1000 and height >= 500 and values > 16
    with AnnotationStore(library, read_only=True) as store:
        [annotation] = store.all()
    assert (annotation.story, annotation.status) == (STORY_ID, Verdict.VERIFIED)
