"""The library core and store: analysis round trip, the analysis cache, story look-up."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

import newsreader.engine.analysis
import newsreader.engine.version
from newsreader.errors import UserError
from newsreader.library.analysis_json import analysis_from_dict, analysis_to_dict
from newsreader.library.cache import (
    analyse_cached,
    engine_key,
    load_cached,
    pack_analysis,
    story_fingerprint,
    unpack_analysis,
)
from newsreader.library.lookup import find_story, match_story
from newsreader.library.opening import StoryOpener
from newsreader.library.stories import last_opened, library_story
from newsreader.model import Analysis, Story, Verdict
from store import AnnotationStore
from store.analysis_files import cache_folder, file_name


def cache_entries(db_path: Path) -> dict[str, dict]:
    """The cached analyses beside a database, read straight from their files, by story."""
    entries = {}
    for path in sorted(cache_folder(db_path).glob("*.json")):
        header, data = path.read_bytes().split(b"\n")[:2]
        entry = orjson.loads(header) | {"data": orjson.loads(data)}
        assert path.name == file_name(entry["story"])
        entries[entry["story"]] = entry
    return entries


def _engine_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(story: Story) -> Analysis:
        raise AssertionError("the engine ran on a cache hit")

    monkeypatch.setattr(newsreader.engine.analysis, "analyze", refuse)


def _edited(story: Story) -> Story:
    """The story with one word of its first article's text changed (same length)."""
    first = story.articles[0]
    text = first.text.replace("the", "thy", 1)
    assert text != first.text
    sentences = tuple(replace(s, text=text[s.start : s.end]) for s in first.sentences)
    return replace(
        story, articles=(replace(first, text=text, sentences=sentences), *story.articles[1:])
    )


def test_analysis_round_trips_through_the_contract(demo_story: Story, demo_analysis) -> None:
    data = json.loads(json.dumps(analysis_to_dict(demo_analysis)))
    rebuilt = analysis_from_dict(data, demo_story)
    assert rebuilt == demo_analysis
    assert rebuilt.claim_of == demo_analysis.claim_of
    assert rebuilt.relations_by_sentence == demo_analysis.relations_by_sentence


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("claims"),
        lambda d: d["relations"][0].update(kind="maybe"),
        lambda d: d["claims"][0].update(sentences=["nowhere/s1"]),
        lambda d: d["relations"][0].update(reasons=[{"type": "numeric"}]),
    ],
)
def test_analysis_from_bad_data_is_a_value_error(demo_story: Story, demo_analysis, spoil) -> None:
    data = analysis_to_dict(demo_analysis)
    assert any(r["kind"] == "conflict" for r in data["relations"])
    data["relations"].sort(key=lambda r: r["kind"] != "conflict")
    spoil(data)
    with pytest.raises(ValueError):
        analysis_from_dict(data, demo_story)


def test_cache_miss_then_hit_across_reopening(
    db_path: Path, demo_story: Story, demo_analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(db_path) as store:
        store.save_story(demo_story)
        analysis, cached = analyse_cached(demo_story, store)
        assert not cached and analysis == demo_analysis
    saved = orjson.loads(db_path.read_bytes())
    assert "analyses" not in saved and b'"relations"' not in db_path.read_bytes()
    [entry] = cache_entries(db_path).values()
    assert entry["story"] == demo_story.id and entry["engine"] == engine_key()
    assert entry["fingerprint"] == story_fingerprint(demo_story)
    # The article texts live in the snapshot only.
    assert set(entry["data"]) >= {"relations", "claims"} and "articles" not in entry["data"]
    _engine_must_not_run(monkeypatch)
    with AnnotationStore(db_path) as store:
        analysis, cached = analyse_cached(store.load_story(demo_story.id), store)
    assert cached and analysis == demo_analysis


def test_engine_version_change_invalidates(
    db_path: Path, demo_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(db_path) as store:
        analyse_cached(demo_story, store)
        monkeypatch.setattr(newsreader.engine.version, "ENGINE_VERSION", "a-newer-engine")
        _, cached = analyse_cached(demo_story, store)
        assert not cached
        _, cached = analyse_cached(demo_story, store)
        assert cached
        # One entry per story: the newer engine's replaced the older one.
        [info] = store.list_stories(always=[demo_story], engine="a-newer-engine")
        assert info.claims == len(load_cached(demo_story, store).claims)
        [stale] = store.list_stories(always=[demo_story], engine="an-older-engine")
        assert stale.claims is None


def test_semantic_switch_invalidates(
    db_path: Path, demo_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsreader.engine.embeddings

    with AnnotationStore(db_path) as store:
        analyse_cached(demo_story, store)
        assert analyse_cached(demo_story, store)[1]
        monkeypatch.setenv("NEWSREADER_SEMANTIC", "1")
        monkeypatch.setattr(
            newsreader.engine.embeddings, "semantic_requested", lambda flag=None: True
        )
        assert engine_key() == f"{newsreader.engine.version.ENGINE_VERSION}+semantic"
        assert load_cached(demo_story, store) is None


def test_content_change_invalidates(db_path: Path, demo_story: Story) -> None:
    edited = _edited(demo_story)
    assert story_fingerprint(edited) != story_fingerprint(demo_story)
    with AnnotationStore(db_path) as store:
        store.save_story(demo_story)
        analyse_cached(demo_story, store)
        assert analyse_cached(demo_story, store)[1]
        assert not analyse_cached(edited, store)[1]
        # Saving a changed snapshot drops its cached analysis in the same write.
        assert analyse_cached(demo_story, store)[1] is False
        assert store.save_story(edited)
        assert store.list_stories()[0].claims is None
        assert not analyse_cached(edited, store)[1]


def _claim_row(entry: dict) -> list:
    claims = entry["data"]["claims"]
    return claims["rows"][0]


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: e["data"].update(packing=99),
        lambda e: _claim_row(e).__setitem__(
            e["data"]["claims"]["fields"].index("sentences"), [10**6]
        ),
        lambda e: _claim_row(e).__setitem__(e["data"]["claims"]["fields"].index("sentences"), [-1]),
        lambda e: _claim_row(e).pop(),
        lambda e: e["data"].pop("relations"),
    ],
)
def test_damaged_cache_entry_is_ignored_and_replaced(
    db_path: Path, demo_story: Story, damage
) -> None:
    with AnnotationStore(db_path) as store:
        analyse_cached(demo_story, store)
    [entry] = cache_entries(db_path).values()
    damage(entry)
    path = cache_folder(db_path) / file_name(demo_story.id)
    header = {k: v for k, v in entry.items() if k != "data"}
    path.write_bytes(orjson.dumps(header) + b"\n" + orjson.dumps(entry["data"]))
    with AnnotationStore(db_path) as store:
        assert analyse_cached(demo_story, store)[1] is False
        assert analyse_cached(demo_story, store)[1] is True


def test_read_only_store_analyses_without_writing(db_path: Path, demo_story: Story) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("other", "c1", Verdict.VERIFIED, ())
    before = db_path.read_bytes()
    with AnnotationStore(db_path, read_only=True) as store:
        opened = StoryOpener(store).open(demo_story)
    assert not opened.cached and opened.analysis.claims
    assert db_path.read_bytes() == before


def test_open_story_snapshots_caches_and_marks_opened(db_path: Path, demo_story: Story) -> None:
    with AnnotationStore(db_path) as store:
        assert not StoryOpener(store).open(demo_story).cached
        assert StoryOpener(store).open(demo_story).cached
        [info] = store.list_stories()
        analysis = load_cached(demo_story, store)
        assert info.opened and info.claims == len(analysis.claims)
        assert info.conflicts == sum(c.status == "conflicting" for c in analysis.claims)
        assert last_opened([(info.id, info.opened), ("x", None)]) == demo_story.id
        with pytest.raises(UserError, match="at least two"):
            StoryOpener(store).open(
                replace(demo_story, id="lone", articles=demo_story.articles[:1])
            )


def test_delete_story_removes_only_that_story(db_path: Path, demo_story: Story) -> None:
    other = replace(demo_story, id="other", title="Other", articles=demo_story.articles[1:3])
    with AnnotationStore(db_path) as store:
        for story in (demo_story, other):
            analysis = StoryOpener(store).open(story).analysis
            store.set_verdict(story.id, analysis.claims[0].id, Verdict.VERIFIED, ())
        assert store.delete_story(demo_story.id, annotations=True)
        assert [s.id for s in store.list_stories()] == ["other"]
        assert [a.story for a in store.all()] == ["other"]
        assert analyse_cached(other, store)[1]
        assert library_story(store, demo_story.id) == demo_story  # the demo stays available
        with pytest.raises(UserError):
            library_story(store, "gone")
    assert list(cache_entries(db_path)) == ["other"]


def test_version_2_file_is_upgraded(db_path: Path, demo_story: Story) -> None:
    db_path.write_bytes(
        b'{"meta": {"1": {"schema": 2}}, "stories": {}, "annotations": {}, "_default": {}}'
    )
    with AnnotationStore(db_path) as store:
        assert store.schema_found == 2
        analyse_cached(demo_story, store)
        store.set_verdict("s", "c1", Verdict.VERIFIED, ())
    data = orjson.loads(db_path.read_bytes())
    assert data["meta"]["1"]["schema"] == 4 and "analyses" not in data
    assert list(cache_entries(db_path)) == [demo_story.id]


STORIES = [
    ("bridge-flood-1a2b", "Old mill bridge closed after flood"),
    ("bridge-vote-9f9f", "Council votes on the new bridge"),
    ("xi-moscow-visit-2025", "Xi Jinping's visit to Moscow"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bridge-vote-9f9f", "bridge-vote-9f9f"),
        ("bridge-f", "bridge-flood-1a2b"),
        ("xi", "xi-moscow-visit-2025"),
        ("demo", "xi-moscow-visit-2025"),
        ("Council votes on the new bridge", "bridge-vote-9f9f"),
        ("MILL flood", "bridge-flood-1a2b"),
    ],
)
def test_find_story(query: str, expected: str) -> None:
    assert find_story(query, STORIES, demo_id="xi-moscow-visit-2025") == expected


def test_find_story_refuses_ambiguous_and_unknown() -> None:
    with pytest.raises(UserError, match="names 2 stories"):
        find_story("bridge", STORIES)
    with pytest.raises(UserError, match="no story matches"):
        find_story("volcano", STORIES)
    with pytest.raises(UserError):
        find_story("  ", STORIES)
    assert match_story("volcano", STORIES) is None


def test_open_story_with_an_analysis_made_elsewhere_caches_it(
    db_path: Path, demo_story: Story, demo_analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    _engine_must_not_run(monkeypatch)
    with AnnotationStore(db_path) as store:
        assert load_cached(demo_story, store) is None
        opened = StoryOpener(store).open(demo_story, demo_analysis)
        assert not opened.cached and opened.analysis is demo_analysis
    with AnnotationStore(db_path) as store:
        assert load_cached(store.load_story(demo_story.id), store) == demo_analysis
        assert StoryOpener(store).open(demo_story).cached


def test_packing_keeps_fields_added_to_the_contract(demo_story: Story, demo_analysis) -> None:
    data = analysis_to_dict(demo_analysis)
    data["relations"][0]["model"] = "a newer field"
    data["topics"] = [{"label": "visit", "claims": [data["claims"][0]["id"]]}]
    packed = orjson.loads(orjson.dumps(pack_analysis(data, demo_story)))
    assert len(orjson.dumps(packed)) < len(orjson.dumps(data)) / 3
    unpacked = unpack_analysis(packed, demo_story)
    assert unpacked["topics"] == data["topics"]
    assert unpacked["relations"][0]["model"] == "a newer field"
    assert unpacked["relations"][1]["model"] is None
    assert unpacked["claims"] == data["claims"]
    assert [{k: r[k] for k in r if k != "model"} for r in unpacked["relations"]] == [
        {k: r[k] for k in r if k != "model"} for r in data["relations"]
    ]
