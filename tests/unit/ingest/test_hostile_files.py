"""Special files where newsreader expects ordinary ones: named pipes, devices, huge files.

Every read opens without blocking and refuses anything but an ordinary file of a bounded
size, in one line naming the file; nothing hangs, nothing reads without limit.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hostile_cli import export_text, newsreader, one_line_error

from newsreader.ingest.files import FileRefused, read_file
from store.storage import MAX_DATABASE_BYTES

# A command that blocks on a named pipe never ends; this is far above a normal run.
PATIENCE = 60
FIRE = "The minister said {} people died in the fire on Monday.\n\nRescue teams worked all night.\n"


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/dev/zero")
    return path


def _articles(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, count in (("a.txt", 19), ("b.txt", 14)):
        (folder / name).write_text(FIRE.format(count), encoding="utf-8")
    return [str(folder / "a.txt"), str(folder / "b.txt")]


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="a named pipe"):
        read_file(_fifo(tmp_path / "pipe"), 100)


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="a character device"):
        read_file(_zero(tmp_path / "zero.json"), 100)


def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileRefused, match="too large"):
        read_file(big, 100)
    assert read_file(big, 101) == b"x" * 101


SPECIAL = {"named pipe": _fifo, "link to /dev/zero": _zero}
DB_COMMANDS = {
    "list": ["list"],
    "export": ["export"],
    "doctor": ["doctor"],
    "rm": ["rm", "x", "--yes"],
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(SPECIAL))
@pytest.mark.parametrize("command", list(DB_COMMANDS))
def test_a_special_database_is_refused_in_one_line(tmp_path: Path, kind: str, command: str) -> None:
    db = SPECIAL[kind](tmp_path / "db" / "newsreader.json")
    done = newsreader(*DB_COMMANDS[command], db=db, timeout=PATIENCE)
    one_line_error(done, str(db), "not an ordinary file")


@pytest.mark.slow
def test_an_import_into_a_special_database_changes_nothing(tmp_path: Path) -> None:
    db = _fifo(tmp_path / "db" / "newsreader.json")
    export = tmp_path / "good.json"
    export.write_text(export_text(), encoding="utf-8")
    one_line_error(newsreader("import", str(export), db=db, timeout=PATIENCE), "a named pipe")
    assert db.is_fifo()


@pytest.mark.slow
def test_a_database_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    db = tmp_path / "db" / "newsreader.json"
    db.parent.mkdir()
    with db.open("wb") as file:
        file.truncate(MAX_DATABASE_BYTES + 1)  # sparse: nothing is written to the disk
    one_line_error(newsreader("list", db=db, timeout=PATIENCE), str(db), "too large")


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_import_file_is_refused(tmp_path: Path, kind: str) -> None:
    export = SPECIAL[kind](tmp_path / "export.json")
    done = newsreader("import", str(export), db=tmp_path / "db.json", timeout=PATIENCE)
    one_line_error(done, str(export), "not an ordinary file", "nothing imported")


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_config_file_is_refused(tmp_path: Path, kind: str) -> None:
    config = SPECIAL[kind](tmp_path / "config.toml")
    done = newsreader("config", "--config", str(config), db=tmp_path / "db.json", timeout=60)
    one_line_error(done, str(config), "not an ordinary file")


def _story_folder(folder: Path, kind: str) -> list[str]:
    """Two articles and, beside them, a special article file and manifest."""
    _articles(folder)
    SPECIAL[kind](folder / "c.txt")
    SPECIAL[kind](folder / "story.json")
    return [str(folder)]


def _named(folder: Path, kind: str) -> list[str]:
    """Two articles and a special one, each named on the command line."""
    return [*_articles(folder), str(SPECIAL[kind](folder / "c.txt"))]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("given", "warning"),
    [(_named, ": not an ordinary file"), (_story_folder, ": skipped (not an ordinary file)")],
)
@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_article_is_one_warning_and_the_rest_is_read(
    tmp_path: Path, kind: str, given: Any, warning: str
) -> None:
    paths = given(tmp_path / "s", kind)
    done = newsreader("analyze", *paths, db=tmp_path / "db.json", timeout=PATIENCE)
    assert done.returncode == 0, done.stderr
    assert f"newsreader: warning: {tmp_path / 's' / 'c.txt'}{warning}" in done.stderr
    assert "in 2 articles" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(SPECIAL))
def test_a_special_cache_file_is_a_cache_miss(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "db" / "newsreader.json"
    assert newsreader("add", *_articles(tmp_path / "s"), "--story", "fire", db=db).returncode == 0
    (cached,) = db.with_name(db.name + ".cache").glob("*.json")
    cached.unlink()
    SPECIAL[kind](cached)
    listed = newsreader("list", db=db, timeout=PATIENCE)
    assert listed.returncode == 0, listed.stderr
    assert "fire" in listed.stdout
    exported = newsreader("export", "--format", "csv", db=db, timeout=PATIENCE)
    assert exported.returncode == 0, exported.stderr
