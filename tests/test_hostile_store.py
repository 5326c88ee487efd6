"""Hostile database files: wrong field types are refused on open, by every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsreader.model import Story, Target, Verdict
from store import AnnotationStore, StoreError, check_database

Tables = dict[str, dict[str, Any]]
TARGET = (Target("art", "A quote.", "", "", 0, 8),)


def newsreader(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess against a database file."""
    env = {**os.environ, "NEWSREADER_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _first(tables: Tables, name: str) -> dict[str, Any]:
    return next(iter(tables[name].values()))


def _rekey(tables: Tables, name: str, key: str) -> None:
    table = tables[name]
    table[key] = table.pop(next(iter(table)))


BAD: dict[str, tuple[Callable[[Tables], None], str]] = {
    "annotation document id not an int": (
        lambda t: _rekey(t, "annotations", "x"),
        "annotation 'x': the document id is not a whole number",
    ),
    "annotation story a list": (
        lambda t: _first(t, "annotations").update(story=["x"]),
        "annotation '1': field 'story' is list, expected a non-empty string",
    ),
    "annotation created a number": (
        lambda t: _first(t, "annotations").update(created=5),
        "annotation '1': field 'created' is int, expected a string",
    ),
    "annotation status a list": (
        lambda t: _first(t, "annotations").update(status=["verified"]),
        "annotation '1': field 'status' is list",
    ),
    "annotation note a number": (
        lambda t: _first(t, "annotations").update(note=3),
        "annotation '1': field 'note' is int, expected a string or null",
    ),
    "annotation orphaned a string": (
        lambda t: _first(t, "annotations").update(orphaned="yes"),
        "annotation '1': field 'orphaned' is str, expected true or false",
    ),
    "target start a string": (
        lambda t: _first(t, "annotations")["targets"][0].update(start="0"),
        "targets are not valid quotes (target 0 field 'start' is str",
    ),
    "story id a number": (
        lambda t: _first(t, "stories").update(id=7),
        "saved story '1': field 'id' is int, expected a non-empty string",
    ),
    "story title a number": (
        lambda t: _first(t, "stories").update(title=7),
        "saved story '1': field 'title' is int, expected a string",
    ),
    "article text null": (
        lambda t: _first(t, "stories")["articles"][0].update(text=None),
        "saved story '1': article 0 field 'text' is null",
    ),
    "sentence beyond the text": (
        lambda t: _first(t, "stories")["articles"][1]["sentences"][0].__setitem__(2, 10**9),
        "saved story '1': article 1 sentence 0 is not [id, start, end] within the text",
    ),
    "story document id not an int": (
        lambda t: _rekey(t, "stories", "-1"),
        "saved story '-1': the document id is not a whole number",
    ),
    "ui_state document id not an int": (
        lambda t: t.update(ui_state={"here": {"story": "s"}}),
        "ui_state document 'here': the document id is not a whole number",
    ),
}


@pytest.fixture
def database(tmp_path: Path, demo_story: Story) -> Path:
    """A real database file with a saved story and a verdict."""
    db = tmp_path / "db" / "newsreader.json"
    with AnnotationStore(db) as store:
        store.save_story(demo_story)
        store.set_verdict(demo_story.id, "c-1", Verdict.VERIFIED, TARGET, note="n")
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


@pytest.mark.parametrize("name", ["annotation story a list", "story id a number"])
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
    raw = _spoil(database, "annotation created a number")
    done = newsreader("import", str(export), db=database)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert BAD["annotation created a number"][1] in done.stderr
    doctor = newsreader("doctor", db=database)
    assert doctor.returncode == 2 and f"{database}: OK" not in doctor.stdout
    assert doctor.stderr.strip().endswith(done.stderr.strip().split(": ", 2)[2])
    assert database.read_bytes() == raw
