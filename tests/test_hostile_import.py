"""Hostile export files given to `newsreader import`: one line, exit 2, database unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.model import Annotation, Target, Verdict
from store import AnnotationStore

GOOD = {
    "id": "a1",
    "story": "s",
    "claim": "c",
    "status": "verified",
    "note": None,
    "created": "2026-01-01T00:00:00+00:00",
    "updated": "2026-01-02T00:00:00+00:00",
    "targets": [
        {"article": "art", "exact": "A quote.", "prefix": "", "suffix": "", "start": 0, "end": 8}
    ],
}


def _document(**changes: object) -> str:
    annotation = {**GOOD, **changes}
    return json.dumps(
        {"format": "newsreader-annotations", "version": 1, "annotations": [annotation]}
    )


def _target(**changes: object) -> list[dict[str, object]]:
    return [{**GOOD["targets"][0], **changes}]  # type: ignore[dict-item]


HOSTILE = {
    "huge start": _document(targets=_target(start=10**30, end=10**30)),
    "u64 start": _document(targets=_target(start=2**64 - 1, end=2**64 - 1)),
    "huge negative": _document(targets=_target(start=-(10**30))),
    "lone surrogate in story": _document(story="s").replace('"story": "s"', '"story": "\\udc80"'),
    "lone surrogate in note": _document(note="n").replace('"note": "n"', '"note": "x\\udc80"'),
    "lone surrogate in quote": _document().replace('"A quote."', '"\\ud800"'),
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "nested in a note": _document(note="n").replace('"n"', "[" * 100_000 + "]" * 100_000),
    "infinity": _document(targets=_target(start=1)).replace('"start": 1', '"start": 1e999'),
    "NaN": _document(targets=_target(start=1)).replace('"start": 1', '"start": NaN'),
}


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


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "db" / "newsreader.json"
    with AnnotationStore(db) as store:
        store.put(
            Annotation(
                "kept",
                "s",
                "c0",
                Verdict.DISPUTED,
                "mine",
                "2026-01-01T00:00:00+00:00",
                "2026-01-01T00:00:00+00:00",
                (Target("art", "Mine.", "", "", 0, 5),),
            )
        )
    return db


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_import_is_one_line_and_changes_nothing(
    seeded: Path, tmp_path: Path, name: str
) -> None:
    before = seeded.read_bytes()
    export = tmp_path / "hostile.json"
    export.write_text(HOSTILE[name], encoding="utf-8")
    done = newsreader("import", str(export), db=seeded)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("newsreader: error: ")
    assert "nothing imported" in done.stderr
    assert seeded.read_bytes() == before
    assert not seeded.with_name(seeded.name + ".bak").exists()


def test_the_good_document_imports(seeded: Path, tmp_path: Path) -> None:
    export = tmp_path / "good.json"
    export.write_text(_document(), encoding="utf-8")
    done = newsreader("import", str(export), db=seeded)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
