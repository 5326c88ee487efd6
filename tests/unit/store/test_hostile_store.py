"""Hostile database files: wrong field types are refused on open, by every command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_cli import export_text, newsreader, store_elsewhere

from newsreader.model import Story, Target, Verdict
from store import AnnotationStore, StoreError, check_database

pytestmark = pytest.mark.slow

Tables = dict[str, dict[str, Any]]
TARGET = (Target("art", "A quote.", "", "", 0, 8),)


def _rekey(table: str, key: str) -> Callable[[Tables], None]:
    """Give the first document of a table another document id."""

    def spoil(tables: Tables) -> None:
        docs = tables[table]
        docs[key] = docs.pop(next(iter(docs)))

    return spoil


def _set(table: str, *where: str | int, value: Any) -> Callable[[Tables], None]:
    """Set a field (found by keys and positions) of the first document of a table."""

    def spoil(tables: Tables) -> None:
        doc: Any = next(iter(tables[table].values()))
        for step in where[:-1]:
            doc = doc[step]
        doc[where[-1]] = value

    return spoil


ANN, STORY = "annotation '1': ", "saved story '1': "
# name: (how the file is spoilt, what the one-line error says)
BAD: dict[str, tuple[Callable[[Tables], None], str]] = {
    "annotation id": (_rekey("annotations", "x"), "annotation 'x': the document id is not a"),
    "story a list": (_set("annotations", "story", value=["x"]), ANN + "field 'story' is list"),
    "created a number": (_set("annotations", "created", value=5), ANN + "field 'created' is int"),
    "status a list": (_set("annotations", "status", value=["x"]), ANN + "field 'status' is list"),
    "note a number": (_set("annotations", "note", value=3), ANN + "field 'note' is int"),
    "orphaned text": (_set("annotations", "orphaned", value="y"), ANN + "field 'orphaned' is str"),
    "start text": (
        _set("annotations", "targets", 0, "start", value="0"),
        ANN + "targets are not valid quotes (target 0 field 'start' is str",
    ),
    "story id a number": (_set("stories", "id", value=7), STORY + "field 'id' is int"),
    "title a number": (_set("stories", "title", value=7), STORY + "field 'title' is int"),
    "text null": (
        _set("stories", "articles", 0, "text", value=None),
        STORY + "article 0 field 'text' is null, expected a string",
    ),
    "sentence beyond the text": (
        _set("stories", "articles", 1, "sentences", 0, 2, value=10**9),
        STORY + "article 1 sentence 0 is not [id, start, end] within the text",
    ),
    "story document id": (_rekey("stories", "-1"), "saved story '-1': the document id is not"),
    "ui_state document id": (_rekey("ui_state", "here"), "ui_state document 'here': the document"),
}


@pytest.fixture
def database(tmp_path: Path, demo_story: Story) -> Path:
    """A real database file with a saved story and a verdict."""
    db = tmp_path / "db" / "newsreader.json"
    with AnnotationStore(db) as store:
        store.save_story(demo_story)
        store.set_verdict(demo_story.id, "c-1", Verdict.VERIFIED, TARGET, note="n")
    tables = json.loads(db.read_bytes())
    tables["ui_state"] = {"1": {"story": demo_story.id}}
    db.write_text(json.dumps(tables))
    return db


def _spoil(db: Path, name: str) -> bytes:
    tables = json.loads(db.read_bytes())
    BAD[name][0](tables)
    raw = json.dumps(tables).encode()
    db.write_bytes(raw)
    return raw


@pytest.mark.parametrize("name", list(BAD))
def test_wrong_field_type_is_refused_on_open_naming_the_document(database: Path, name: str) -> None:
    _spoil(database, name)
    with pytest.raises(StoreError) as caught:
        AnnotationStore(database)
    message = str(caught.value)
    assert BAD[name][1] in message and str(database) in message and "\n" not in message
    report = check_database(database)
    assert not report.ok and BAD[name][1] in report.problem


COMMANDS = [["list"], ["export"], ["export", "--format", "md"], ["open", "xi"], []]


@pytest.mark.parametrize("name", ["story a list", "story id a number"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "(reader)")
def test_every_command_refuses_with_one_line(
    database: Path, tmp_path: Path, name: str, command: list[str]
) -> None:
    raw = _spoil(database, name)
    done = newsreader(*command, db=database)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert BAD[name][1] in done.stderr
    assert database.read_bytes() == raw


def test_import_and_doctor_report_the_same_line(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    assert newsreader("export", "-o", str(export), db=database).returncode == 0
    raw = _spoil(database, "created a number")
    done = newsreader("import", str(export), db=database)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert BAD["created a number"][1] in done.stderr
    doctor = newsreader("doctor", db=database)
    assert doctor.returncode == 2 and f"{database}: OK" not in doctor.stdout
    assert doctor.stderr.strip().endswith(done.stderr.strip().split(": ", 2)[2])
    assert database.read_bytes() == raw


def _annotations(db: Path) -> set[str]:
    return set(json.loads(db.read_bytes())["annotations"])


def test_saves_through_a_symlink_go_to_its_target(database: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "link.json"
    link.parent.mkdir()
    link.symlink_to(database)
    with AnnotationStore(link) as store:
        assert store.path == database
        store.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
    assert link.is_symlink() and link.resolve() == database
    assert len(_annotations(database)) == 2
    assert sorted(p.name for p in link.parent.iterdir()) == ["link.json"]
    assert database.with_name(database.name + ".bak").is_file()
    export = tmp_path / "export.json"
    export.write_text(export_text(story="s2"), encoding="utf-8")
    done = newsreader("import", str(export), db=link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and len(_annotations(database)) == 3
    assert newsreader("doctor", db=link).stdout.startswith(f"{database}: OK")


def test_a_chain_of_links_reaches_the_file(database: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    second.symlink_to(database)
    first.symlink_to(second)
    with AnnotationStore(first) as store:
        store.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
    assert first.is_symlink() and second.is_symlink() and len(_annotations(database)) == 2


@pytest.mark.parametrize("command", [["list"], ["import", "EXPORT"], ["doctor"], ["export"]])
def test_a_dangling_symlink_is_a_clear_error(tmp_path: Path, command: list[str]) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "gone" / "newsreader.json")
    export = tmp_path / "export.json"
    export.write_text(export_text(), encoding="utf-8")
    done = newsreader(*(str(export) if a == "EXPORT" else a for a in command), db=link)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "a symbolic link to" in done.stderr and "which does not exist" in done.stderr
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(link)
    with pytest.raises(StoreError, match="leads in a loop"):
        AnnotationStore(link)


def _lock_file(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def test_lock_deleted_then_an_import_is_kept_and_the_app_refuses(
    database: Path, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    export.write_text(export_text(id="imported", story="s2"), encoding="utf-8")
    with AnnotationStore(database) as app:
        _lock_file(database).unlink()
        done = newsreader("import", str(export), db=database)
        assert done.returncode == 0, done.stderr
        with pytest.raises(StoreError, match="changed by another program"):
            app.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
        assert app.get("s", "c-2") is None
    tables = json.loads(database.read_bytes())
    assert {doc["id"] for doc in tables["annotations"].values()} >= {"imported"}
    assert all(doc["claim"] != "c-2" for doc in tables["annotations"].values())


def test_lock_deleted_and_taken_by_another_writer_refuses_the_save(database: Path) -> None:
    with AnnotationStore(database) as app:
        _lock_file(database).unlink()
        with store_elsewhere(database) as role:
            assert role == "writer"
            before = database.read_bytes()
            with pytest.raises(StoreError, match="another program took over the database"):
                app.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
            assert database.read_bytes() == before


def test_lock_deleted_with_no_other_writer_is_taken_again(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(export_text(id="imported", story="s2"), encoding="utf-8")
    with AnnotationStore(database) as app:
        _lock_file(database).unlink()
        app.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
        assert _lock_file(database).exists()
        done = newsreader("import", str(export), db=database)
        assert done.returncode == 2 and "in use by another newsreader" in done.stderr
        app.set_verdict("s", "c-3", Verdict.VERIFIED, TARGET)
    assert len(_annotations(database)) == 3


def test_a_database_rewritten_by_another_program_is_not_overwritten(database: Path) -> None:
    with AnnotationStore(database) as app:
        tables = json.loads(database.read_bytes())
        tables["annotations"]["1"]["note"] = "edited elsewhere"
        database.write_text(json.dumps(tables), encoding="utf-8")
        edited = database.read_bytes()
        with pytest.raises(StoreError, match="changed by another program"):
            app.set_verdict("s", "c-2", Verdict.DISPUTED, TARGET)
    assert database.read_bytes() == edited
