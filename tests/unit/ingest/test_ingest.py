"""Ingestion: files and folders into a story, with clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.ingest.reader import load_story
from store import AnnotationStore
from tui.app import make_app


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_becomes_story_with_unique_slug_ids(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Same Headline Here\n\nThe first report says one thing.\n")
    _write(tmp_path, "b.md", "Same Headline Here\n\nThe second report says another.\n")
    story = load_story([str(tmp_path)])
    ids = [a.id for a in story.articles]
    assert ids == ["same-headline-here", "same-headline-here-2"]
    sentence_ids = [s.id for a in story.articles for s in a.sentences]
    assert len(sentence_ids) == len(set(sentence_ids))


def test_story_id_is_stable(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "One article with a sentence.\n")
    _write(tmp_path, "b.txt", "Another article with a sentence.\n")
    assert load_story([str(tmp_path)]).id == load_story([str(tmp_path)]).id


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffCafé owners protested on Sunday.".encode())
    (tmp_path / "u16.txt").write_bytes("Café owners protested on Monday.".encode("utf-16"))
    (tmp_path / "cp.txt").write_bytes("Café owners protested “loudly”.".encode("cp1252"))
    story = load_story([str(tmp_path)])
    texts = sorted(a.text for a in story.articles)
    assert texts == [
        "Café owners protested on Monday.",
        "Café owners protested on Sunday.",
        "Café owners protested “loudly”.",
    ]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: [str(p / "missing.txt")], "no such file"),
        (lambda p: [str(p)], "no .txt, .md or .html articles"),
        (lambda p: [str(_write(p, "one.txt", "Only one article here."))], "at least two"),
    ],
)
def test_bad_input_raises_user_error(tmp_path: Path, setup, message: str) -> None:
    with pytest.raises(UserError, match=message):
        load_story(setup(tmp_path))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    _write(tmp_path, "ok.txt", "A sentence.")
    with pytest.raises(UserError, match="binary"):
        load_story([str(tmp_path / "blob.txt"), str(tmp_path / "ok.txt")])


def test_hostile_text_is_stripped_of_escapes(hostile_dir: Path) -> None:
    story = load_story([str(hostile_dir)])
    text = "\n".join(a.text for a in story.articles)
    assert "\x1b" not in text and "\x07" not in text
    assert "[@click=app.quit]x[/]" in text


HTML_DIR = Path(__file__).resolve().parents[2] / "data" / "html"
REPORT = "Bridge shut after flood\n\nThe Old Mill Bridge was closed on Friday after the flood.\n"


def _load(paths: list[str]) -> tuple[list[str], object]:
    warnings: list[str] = []
    story = load_story(paths, warn=warnings.append)
    return warnings, story


def test_mixed_folder_of_text_markdown_and_html(tmp_path: Path) -> None:
    for name in ("courier-bridge.html", "northern-post-bridge.html"):
        (tmp_path / name).write_bytes((HTML_DIR / name).read_bytes())
    _write(tmp_path, "notes.md", "# Council statement\n\nThe council said the bridge is shut.\n")
    _write(tmp_path, "wire.txt", REPORT)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    warnings, story = _load([str(tmp_path)])
    assert [a.title for a in story.articles] == [
        "Old Mill Bridge closed after river surge damages two pillars",
        "Varra flood shuts historic bridge as Millside residents brace for more rain",
        "Council statement",
        "Bridge shut after flood",
    ]
    assert warnings == [f"{tmp_path / 'photo.jpg'}: skipped (not a .txt, .md or .html article)"]
    assert all(Path(a.source).is_absolute() for a in story.articles)


def test_duplicate_article_and_same_file_twice_are_read_once(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", REPORT)
    copy = _write(tmp_path, "copy.txt", REPORT.replace("flood.", "flood .") + "\n\n")
    b = _write(tmp_path, "b.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    warnings, story = _load([str(a), str(copy), str(b), str(tmp_path / "." / "a.txt")])
    assert len(story.articles) == 2
    assert len(warnings) == 2
    assert "given more than once" in warnings[0]
    assert warnings[1] == f"{copy}: same text as {a}, kept only that one"


def test_bad_items_are_skipped_with_a_warning_each(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3")
    (tmp_path / "empty.md").write_text("# \n\n![only a picture](x.png)\n", encoding="utf-8")
    (tmp_path / "front.html").write_bytes((HTML_DIR / "section-front.html").read_bytes())
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "b.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    warnings, story = _load([str(tmp_path), str(tmp_path / "nope.txt")])
    assert len(story.articles) == 2
    assert sorted(w.split(": ", 1)[1] for w in warnings) == [
        "binary file (a PDF document), not an article; save the article as text or HTML",
        "empty file",
        "no article text found in the page",
        "no such file or folder",
    ]


def test_article_ids_come_from_outlet_and_title_and_are_stable(tmp_path: Path) -> None:
    front = "---\noutlet: Harbour Courier\ntitle: Bridge Shut!\n---\n"
    _write(tmp_path, "1.md", front + "The bridge was shut on Friday.\n")
    _write(tmp_path, "2.md", front + "The bridge was shut on Friday morning.\n")
    _write(tmp_path, "3.txt", "Bridge Shut!\n\nNo outlet is known for this one.\n")
    first = load_story([str(tmp_path)])
    assert [a.id for a in first.articles] == [
        "harbour-courier-bridge-shut",
        "harbour-courier-bridge-shut-2",
        "bridge-shut",
    ]
    again = load_story([str(tmp_path)])
    assert [a.id for a in again.articles] == [a.id for a in first.articles]
    assert again.id == first.id


def test_folder_manifest_names_story_and_outlets(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "b.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    manifest = {
        "id": "bridge-2026",
        "title": "The Old Mill Bridge closure",
        "articles": {
            "a.txt": {"outlet": "Harbour Courier", "date": "2026-03-14"},
            "b.txt": {"url": "https://www.northern.example/region/bridge"},
        },
    }
    (tmp_path / "story.json").write_text(json.dumps(manifest), encoding="utf-8")
    story = load_story([str(tmp_path)])
    assert (story.id, story.title) == ("bridge-2026", "The Old Mill Bridge closure")
    assert [(a.outlet, a.date) for a in story.articles] == [
        ("Harbour Courier", "2026-03-14"),
        ("northern.example", None),
    ]


def test_cli_opens_the_rest_when_one_file_is_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)))
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "b.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    result = subprocess.run(
        [sys.executable, "-m", "newsreader", "analyze", "--json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"newsreader: warning: {tmp_path / 'blob.txt'}: binary file, not an article\n"
    )
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_without_html_support_pages_are_skipped_with_the_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "page.html").write_bytes((HTML_DIR / "courier-bridge.html").read_bytes())
    _write(tmp_path, "a.txt", REPORT)
    _write(tmp_path, "b.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    warnings, story = _load([str(tmp_path)])
    assert len(story.articles) == 2
    [warning] = warnings
    assert warning.startswith(f"{tmp_path / 'page.html'}: ")
    assert "pip install 'newsreader-compare[html]'" in warning


def test_near_copies_are_kept_with_a_note(tmp_path: Path) -> None:
    wire = (
        "Flood closes bridge\n\nThe Old Mill Bridge was closed on Friday after the river rose "
        "by almost three metres overnight, the council said. About 9,000 vehicles use it daily.\n"
    )
    a = _write(tmp_path, "a.txt", wire)
    b = _write(tmp_path, "b.txt", wire.replace("almost three metres", "nearly three metres"))
    _write(tmp_path, "c.txt", "Another report\n\nThe bridge stays shut until Monday.\n")
    warnings, story = _load([str(tmp_path)])
    assert len(story.articles) == 3
    [note] = warnings
    assert note.startswith(f"{b}: nearly the same text as {a} (")
    assert note.endswith("% alike), kept both")


HOSTILE_PAGE = """<html><head><title>[/foo] Bridge [@click=app.quit]x[/] closed</title>
<meta property="og:site_name" content="[bold]Evil[/bold] Times [/]">
<meta property="og:title" content="[/foo] Bridge [@click=app.quit]x[/] closed">
</head><body><article><h1>[/foo] Bridge [@click=app.quit]x[/] closed</h1>
<p>The Old Mill Bridge was closed on Friday after the river rose by three metres.</p>
<p>About 9,000 vehicles a day use the bridge, the council said on Friday.</p>
</article></body></html>"""


async def test_page_metadata_with_markup_opens_in_the_reader(tmp_path: Path) -> None:
    """Titles and outlet names from web pages are untrusted too: shown literally, inert."""
    (tmp_path / "evil.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    _write(tmp_path, "plain.txt", "The bridge was closed on Friday after the river rose.\n")
    story = load_story([str(tmp_path)])
    evil = story.articles[0]
    assert evil.title == "[/foo] Bridge [@click=app.quit]x[/] closed"
    assert evil.outlet is not None and "[/]" in evil.outlet
    with AnnotationStore(tmp_path / "db.json") as store:
        app = make_app(story, store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("l", "h", "j")
            await pilot.pause()
            assert app.is_running
