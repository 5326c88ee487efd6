"""Damaged cache files with valid headers: discarded, and the story analysed again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from newsreader.annotations.anchors import targets_for_claim
from newsreader.library.cache import load_cached
from newsreader.library.opening import StoryOpener
from newsreader.model import Story, Verdict
from store import AnnotationStore

Damage = Callable[[dict[str, Any]], None]


def _claims(packed: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    return packed["claims"]["fields"], packed["claims"]["rows"]


def _drop_first_claim(packed: dict[str, Any]) -> None:
    del _claims(packed)[1][0]


def _sentence_in_two_claims(packed: dict[str, Any]) -> None:
    fields, rows = _claims(packed)
    at = fields.index("sentences")
    rows[1][at] = [*rows[1][at], rows[0][at][0]]


def _repeated_claim_id(packed: dict[str, Any]) -> None:
    fields, rows = _claims(packed)
    at = fields.index("id")
    rows[1][at] = rows[0][at]


def _claim_id_a_number(packed: dict[str, Any]) -> None:
    fields, rows = _claims(packed)
    rows[0][fields.index("id")] = 7


def _empty_claim(packed: dict[str, Any]) -> None:
    fields, rows = _claims(packed)
    rows.append([[] if f == "sentences" else v for f, v in zip(fields, rows[0], strict=True)])


def _no_claims(packed: dict[str, Any]) -> None:
    _claims(packed)[1].clear()


def _conflict_side_elsewhere(packed: dict[str, Any]) -> None:
    fields, rows = _claims(packed)
    at = fields.index("conflicts")
    conflict = next(row[at][0] for row in rows if row[at])
    conflict["sides"][0]["sentences"] = ["nowhere/s9"]


DAMAGES: dict[str, Damage] = {
    "a claim left out": _drop_first_claim,
    "a sentence in two claims": _sentence_in_two_claims,
    "two claims with one id": _repeated_claim_id,
    "a claim id that is a number": _claim_id_a_number,
    "a claim with no sentences": _empty_claim,
    "no claims at all": _no_claims,
    "a conflict side in no article": _conflict_side_elsewhere,
}


def _cache_file(db: Path) -> Path:
    (path,) = (db.parent / (db.name + ".cache")).glob("*.json")
    return path


def _damage(path: Path, damage: Damage) -> None:
    header, body, _ = path.read_bytes().split(b"\n")
    packed = orjson.loads(body)
    damage(packed)
    path.write_bytes(header + b"\n" + orjson.dumps(packed) + b"\n")


@pytest.mark.parametrize("name", list(DAMAGES))
def test_damaged_cache_is_discarded_and_the_story_analysed_again(
    tmp_path: Path, demo_story: Story, name: str
) -> None:
    db = tmp_path / "db" / "newsreader.json"
    with AnnotationStore(db) as store:
        analysis = StoryOpener(store).open(demo_story).analysis
        # A verdict on the claim whose row the damage touches first.
        claim = analysis.claims[0]
        store.set_verdict(
            demo_story.id, claim.id, Verdict.DISPUTED, targets_for_claim(analysis, claim)
        )
    cache = _cache_file(db)
    _damage(cache, DAMAGES[name])
    with AnnotationStore(db) as store:
        assert load_cached(demo_story, store) is None
        assert StoryOpener(store).open_cached(demo_story) is None  # the reader then analyses it
        opened = StoryOpener(store).open(demo_story)
        assert not opened.cached
        assert [a.claim for a in opened.anchored.attached] == [claim.id]
        assert opened.analysis.claims == analysis.claims
    # The analysis made again replaced the damaged file: the next start reads it.
    with AnnotationStore(db) as store:
        reopened = StoryOpener(store).open_cached(demo_story)
        assert reopened is not None and reopened.cached
        assert reopened.analysis.claims == analysis.claims
