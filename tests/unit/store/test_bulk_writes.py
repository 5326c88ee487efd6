"""A large import is one table copy and one save: its cost grows with its size, not its square."""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

import store.storage
from newsreader.annotations.native import (
    ImportFormatError,
    export_json,
    load_export,
    parse_export,
)
from newsreader.model import Annotation, Target, Verdict
from store import AnnotationStore
from store.annotations import annotation_to_doc
from store.table import FastTable


def _annotation(n: int, story: str = "s") -> Annotation:
    return Annotation(
        id=f"a{n}",
        story=story,
        claim=f"c{n}",
        status=Verdict.VERIFIED if n % 2 else Verdict.DISPUTED,
        note="checked" if n % 3 == 0 else None,
        created=f"2026-01-01T00:00:{n % 60:02d}+00:00",
        updated=f"2026-01-02T00:00:{n % 60:02d}+00:00",
        targets=(Target(f"art{n % 4}", f"Quote {n}.", "", "", n, n + 9),),
    )


class _Counted:
    """Counts the table copies and the saves a store makes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.copies = self.saves = 0
        copy, save = FastTable._update_table, store.storage.write_atomically

        def counted_copy(table: FastTable, updater: Any) -> None:
            self.copies += 1
            copy(table, updater)

        def counted_save(*args: Any, **kwargs: Any) -> None:
            self.saves += 1
            save(*args, **kwargs)

        monkeypatch.setattr(FastTable, "_update_table", counted_copy)
        monkeypatch.setattr(store.storage, "write_atomically", counted_save)


def test_an_import_copies_the_table_once_and_saves_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(db_path) as store_:
        store_.put(_annotation(0))
        counted = _Counted(monkeypatch)
        incoming = [_annotation(n) for n in range(1, 2001)]
        report = store_.merge([*incoming, _annotation(0)])
        assert (counted.copies, counted.saves) == (1, 1)
        assert len(report.added) == 2000 and len(report.unchanged) == 1
    with AnnotationStore(db_path) as reopened:
        assert reopened.all() == sorted(
            [_annotation(0), *incoming], key=lambda a: (a.created, a.id)
        )


def test_replacing_and_removing_in_one_write_keeps_the_look_ups(db_path: Path) -> None:
    with AnnotationStore(db_path) as store_:
        store_.annotations.write([_annotation(n) for n in range(5)])
        moved = replace(_annotation(1), status=Verdict.DISPUTED, updated="2026-02-01T00:00:00")
        store_.annotations.write([moved], remove=["a2"])
        assert store_.get("s", "c2") is None and store_.get_by_id("a2") is None
        assert store_.get("s", "c1") == moved
    with AnnotationStore(db_path) as reopened:
        assert [a.id for a in reopened.all()] == ["a0", "a1", "a3", "a4"]


def test_a_stored_document_has_every_field_of_the_model() -> None:
    doc = annotation_to_doc(_annotation(3))
    assert list(doc) == [f.name for f in fields(Annotation)]
    assert list(doc["targets"][0]) == [f.name for f in fields(Target)]
    assert doc["status"] == "verified" and doc["note"] == "checked"


def test_an_export_read_an_annotation_at_a_time_equals_the_whole_document() -> None:
    annotations = [_annotation(n, story=f"s{n % 3}") for n in range(50)]
    document = export_json(annotations)
    text = json.dumps(document, indent=2)
    assert load_export(text) == parse_export(json.loads(text)) == annotations
    assert load_export(text.encode("utf-8")) == annotations
    compact = json.dumps({"annotations": document["annotations"], **document}, indent=None)
    assert load_export(compact) == annotations


HEAD = '{"format": "newsreader-annotations", "version": 1, '


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"annotations": [{"id": 1}], "format": "other"}', "not a newsreader annotations export"),
        (HEAD + '"annotations": [1] ', "not JSON"),
        (HEAD + '"annotations": []} x', "Extra data"),
        (HEAD + '"annotations": [1,]}', "not JSON"),
        (HEAD + '"annotations": {}}', "expected a list"),
        (HEAD + '"annotations": [7]}', "annotations[0]"),
        ('{"format": "newsreader-annotations" "version": 1}', "not JSON"),
    ],
)
def test_a_bad_export_read_an_annotation_at_a_time_says_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(ImportFormatError, match=re.escape(says)):
        load_export(text)
