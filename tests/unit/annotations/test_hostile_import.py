"""Hostile export files given to `newsreader import`: one line, exit 2, database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cli import GOOD, export_text, newsreader

from newsreader.model import Annotation, Target, Verdict
from store import AnnotationStore

pytestmark = pytest.mark.slow


def _target(**changes: object) -> list[dict[str, object]]:
    return [{**GOOD["targets"][0], **changes}]  # type: ignore[dict-item]


HOSTILE = {
    "huge start": export_text(targets=_target(start=10**30, end=10**30)),
    "u64 start": export_text(targets=_target(start=2**64 - 1, end=2**64 - 1)),
    "huge negative": export_text(targets=_target(start=-(10**30))),
    "lone surrogate in story": export_text(story="s").replace('"story": "s"', '"story": "\\udc80"'),
    "lone surrogate in note": export_text(note="n").replace('"note": "n"', '"note": "x\\udc80"'),
    "lone surrogate in quote": export_text().replace('"A quote."', '"\\ud800"'),
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "nested in a note": export_text(note="n").replace('"n"', "[" * 100_000 + "]" * 100_000),
    "infinity": export_text(targets=_target(start=1)).replace('"start": 1', '"start": 1e999'),
    "NaN": export_text(targets=_target(start=1)).replace('"start": 1', '"start": NaN'),
}


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
    export.write_text(export_text(), encoding="utf-8")
    done = newsreader("import", str(export), db=seeded)
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout
