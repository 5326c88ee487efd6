"""The TinyDB store: verdicts on disk, bad files refused and untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.annotations.anchors import targets_for_claim
from newsreader.model import Verdict
from store import AnnotationStore, StoreError


def test_verdicts_persist_across_reopen(db_path: Path, demo_analysis) -> None:
    claim = demo_analysis.claims[0]
    targets = targets_for_claim(demo_analysis, claim)
    with AnnotationStore(db_path) as store:
        store.set_verdict("story", claim.id, Verdict.VERIFIED, targets)
        store.set_verdict("story", claim.id, Verdict.DISPUTED, targets, note="checked")
    with AnnotationStore(db_path) as store:
        [annotation] = store.all()
    assert annotation.status is Verdict.DISPUTED
    assert annotation.note == "checked"
    assert annotation.targets == targets
    assert annotation.created <= annotation.updated
    on_disk = json.loads(db_path.read_text(encoding="utf-8"))
    assert next(iter(on_disk["annotations"].values()))["claim"] == claim.id


def test_targets_quote_with_context(demo_analysis) -> None:
    claim = next(c for c in demo_analysis.claims if len(c.sentences) > 1)
    articles = {a.id: a for a in demo_analysis.story.articles}
    for target in targets_for_claim(demo_analysis, claim):
        text = articles[target.article].text
        assert text[target.start : target.end] == target.exact
        assert text[: target.start].endswith(target.prefix)
        assert text[target.end :].startswith(target.suffix)
        assert len(target.prefix) <= 32 and len(target.suffix) <= 32


def test_clear_removes_annotation(db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c", Verdict.VERIFIED, ())
        assert store.clear("s", "c")
        assert store.all() == []
        assert not store.clear("s", "c")


@pytest.mark.parametrize(
    "content",
    [
        b"not json at all",
        b'{"annotations": [1, 2]}',
        b"[]",
        b'{"annotations": {"1": {}}',
        b"\xff\xfe",
    ],
)
def test_bad_files_are_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a newsreader database"):
        AnnotationStore(path)
    assert path.read_bytes() == content


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        AnnotationStore(tmp_path)


def test_opening_does_not_write(db_path: Path) -> None:
    with AnnotationStore(db_path):
        pass
    assert not db_path.exists()
