"""Ingestion: files and folders into a story, with clear errors on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.ingest import load_story


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
