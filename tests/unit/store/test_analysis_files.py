"""Cached analyses in files beside the database: kept out of the database file, safe to
delete or damage, moved out of version 3 files, pruned, respected by a read-only store."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

import newsreader.engine.analysis
import newsreader.engine.version
from newsreader.annotations.anchors import targets_for_claim
from newsreader.cli.main import main
from newsreader.library.analysis_json import analysis_to_dict
from newsreader.library.cache import (
    analyse_cached,
    engine_key,
    load_cached,
    pack_analysis,
    story_fingerprint,
)
from newsreader.library.opening import StoryOpener
from newsreader.model import Analysis, Story, Verdict
from store import AnnotationStore, StoreError
from store.analysis_files import cache_folder, file_name
from store.schema import SCHEMA_VERSION
from store.storage import backup_path
from store.stories import story_to_doc

SAVED = "2026-01-01T00:00:00.000+00:00"


def _engine_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(story: Story) -> Analysis:
        raise AssertionError("the engine ran on a cache hit")

    monkeypatch.setattr(newsreader.engine.analysis, "analyze", refuse)


def _cache_file(db_path: Path, story_id: str) -> Path:
    return cache_folder(db_path) / file_name(story_id)


def _other(story: Story) -> Story:
    return replace(story, id="other", title="Other", articles=story.articles[1:3])


def _v3_file(story: Story, analysis: Analysis) -> dict:
    """A version 3 database as an earlier newsreader wrote it: the analysis inside."""
    claim = analysis.claims[0]
    return {
        "meta": {"1": {"schema": 3}},
        "stories": {"1": story_to_doc(story, SAVED) | {"opened": SAVED}},
        "annotations": {
            "1": {
                "id": "11111111-1111-1111-1111-111111111111",
                "story": story.id,
                "claim": claim.id,
                "status": "disputed",
                "note": "kept across the upgrade",
                "created": SAVED,
                "updated": SAVED,
                "targets": [],
                "orphaned": False,
            }
        },
        "analyses": {
            "1": {
                "story": story.id,
                "fingerprint": story_fingerprint(story),
                "engine": engine_key(),
                "data": pack_analysis(analysis_to_dict(analysis), story),
                "claims": len(analysis.claims),
                "conflicts": 3,
                "saved": SAVED,
            }
        },
        "_default": {},
    }


def test_a_verdict_save_writes_no_analysis(
    db_path: Path, demo_story: Story, demo_analysis: Analysis
) -> None:
    with AnnotationStore(db_path) as store:
        StoryOpener(store).open(demo_story)
        cached = _cache_file(db_path, demo_story.id)
        before = (cached.read_bytes(), cached.stat().st_mtime_ns)
        store.set_verdict(demo_story.id, demo_analysis.claims[0].id, Verdict.VERIFIED, ())
        assert (cached.read_bytes(), cached.stat().st_mtime_ns) == before
    saved = orjson.loads(db_path.read_bytes())
    assert set(saved) == {"meta", "stories", "annotations"}
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION == 4
    header = orjson.loads(cached.read_bytes().split(b"\n")[0])
    assert header["story"] == demo_story.id and header["claims"] == len(demo_analysis.claims)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"\x00\xff garbage \n{"),
        lambda p: p.write_bytes(p.read_bytes().split(b"\n")[0]),
        lambda p: p.write_bytes(p.read_bytes().replace(b'"format":1', b'"format":9', 1)),
        lambda p: p.write_bytes(b"[1, 2]\n{}"),
        lambda p: p.unlink(),
        lambda p: p.chmod(0o000) if os.geteuid() != 0 else p.write_bytes(b"{"),
    ],
)
def test_a_damaged_or_missing_cache_file_means_analysing_again(
    db_path: Path, demo_story: Story, spoil, capsys: pytest.CaptureFixture[str]
) -> None:
    with AnnotationStore(db_path) as store:
        StoryOpener(store).open(demo_story)
    path = _cache_file(db_path, demo_story.id)
    spoil(path)
    with AnnotationStore(db_path) as store:
        assert [info.id for info in store.list_stories()] == [demo_story.id]
        assert not StoryOpener(store).open(demo_story).cached
        assert StoryOpener(store).open(demo_story).cached
    assert capsys.readouterr().err == ""


def test_the_cache_folder_is_safe_to_delete(
    db_path: Path, demo_story: Story, demo_analysis: Analysis
) -> None:
    with AnnotationStore(db_path) as store:
        StoryOpener(store).open(demo_story)
        claim = demo_analysis.claims[0]
        targets = targets_for_claim(demo_analysis, claim)
        store.set_verdict(demo_story.id, claim.id, Verdict.VERIFIED, targets)
    for path in cache_folder(db_path).iterdir():
        path.unlink()
    cache_folder(db_path).rmdir()
    with AnnotationStore(db_path) as store:
        opened = StoryOpener(store).open(demo_story)
        assert not opened.cached and not opened.anchored.orphaned
        assert [a.claim for a in store.attached(demo_story.id)] == [demo_analysis.claims[0].id]
    assert _cache_file(db_path, demo_story.id).is_file()


def test_a_file_in_place_of_the_cache_folder_only_disables_the_cache(
    db_path: Path, demo_story: Story, capsys: pytest.CaptureFixture[str]
) -> None:
    cache_folder(db_path).write_bytes(b"not a folder")
    with AnnotationStore(db_path) as store:
        assert not StoryOpener(store).open(demo_story).cached
        assert not StoryOpener(store).open(demo_story).cached
    assert cache_folder(db_path).read_bytes() == b"not a folder"
    assert main(["doctor", "--db", str(db_path)]) == 0
    assert "not a folder, so no analysis is cached" in capsys.readouterr().out


def test_a_story_id_that_is_no_file_name_gets_a_safe_file(db_path: Path, demo_story: Story) -> None:
    odd = replace(demo_story, id="../../etc/passwd")
    with AnnotationStore(db_path) as store:
        StoryOpener(store).open(odd)
        assert StoryOpener(store).open(odd).cached
    [path] = cache_folder(db_path).iterdir()
    assert path.parent == cache_folder(db_path) and "/" not in path.name
    assert file_name("a/b") != file_name("a-b")


def test_read_only_second_instance_reads_the_cache_and_writes_nothing(
    db_path: Path, demo_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _other(demo_story)
    with AnnotationStore(db_path) as writer:
        analysis = StoryOpener(writer).open(demo_story).analysis
        listing = sorted(p.name for p in cache_folder(db_path).iterdir())
        with AnnotationStore(db_path) as second:
            assert second.read_only
            assert _same(load_cached(demo_story, second), analysis)
            assert not StoryOpener(second).open(other).cached
            assert not StoryOpener(second).open(other).cached, "a read-only store caches nothing"
            with pytest.raises(StoreError, match="read-only"):
                second.delete_story(demo_story.id)
        assert sorted(p.name for p in cache_folder(db_path).iterdir()) == listing
        _engine_must_not_run(monkeypatch)
        assert _same(load_cached(demo_story, writer), analysis)


def test_old_entries_are_pruned(
    db_path: Path, demo_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _other(demo_story)
    unsaved, fourth = replace(other, id="unsaved"), replace(other, id="fourth")

    def files() -> set[str]:
        return {p.name for p in cache_folder(db_path).iterdir()}

    with AnnotationStore(db_path) as store:
        for story in (demo_story, other):
            StoryOpener(store).open(story)
        analyse_cached(unsaved, store)  # analysed, but not in the library
        (cache_folder(db_path) / "stray.json").write_bytes(b"left by something else")
        assert files() == {file_name(s.id) for s in (demo_story, other, unsaved)} | {"stray.json"}
        StoryOpener(store).open(fourth)
        assert files() == {file_name(s.id) for s in (demo_story, other, fourth)}
        monkeypatch.setattr(newsreader.engine.version, "ENGINE_VERSION", "a-newer-engine")
        assert not StoryOpener(store).open(other).cached
        # Only the entry just made is kept: the others are of the older engine.
        assert files() == {file_name(other.id)}
        assert not StoryOpener(store).open(demo_story).cached
        assert StoryOpener(store).open(other).cached
    assert files() == {file_name(other.id), file_name(demo_story.id)}


def test_stale_temporary_cache_files_are_removed_by_the_writer(
    db_path: Path, demo_story: Story
) -> None:
    with AnnotationStore(db_path) as store:
        StoryOpener(store).open(demo_story)
    leftover = cache_folder(db_path) / f".newsreader-tmp-99999-{file_name(demo_story.id)}"
    leftover.write_bytes(b'{"format": 1')
    with AnnotationStore(db_path, read_only=True):
        assert leftover.exists()
    with AnnotationStore(db_path) as store:
        assert not leftover.exists()
        assert load_cached(demo_story, store) is not None


def test_version_3_file_moves_its_analyses_out_without_losing_anything(
    db_path: Path,
    demo_story: Story,
    demo_analysis: Analysis,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    v3 = _v3_file(demo_story, demo_analysis)
    db_path.write_text(json.dumps(v3))
    assert main(["doctor", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "schema version 3" in out and "1 cached analysis inside the file moves to" in out
    _engine_must_not_run(monkeypatch)
    with AnnotationStore(db_path) as store:
        assert store.schema_found == 3
        assert json.loads(db_path.read_bytes()) == v3, "opening alone does not rewrite the file"
        # The entry is in its file already, exactly as it was inside the database.
        header, data = _cache_file(db_path, demo_story.id).read_bytes().split(b"\n")[:2]
        entry = v3["analyses"]["1"]
        assert orjson.loads(data) == entry["data"]
        assert orjson.loads(header) == {"format": 1} | {
            k: v for k, v in entry.items() if k != "data"
        }
        [info] = store.list_stories(engine=engine_key())
        assert (info.claims, info.conflicts) == (len(demo_analysis.claims), 3)
        assert load_cached(demo_story, store) == demo_analysis
        [annotation] = store.all()
        store.set_verdict(demo_story.id, annotation.claim, Verdict.VERIFIED, ())
    saved = json.loads(db_path.read_bytes())
    assert saved["meta"]["1"]["schema"] == 4 and "analyses" not in saved
    assert saved["stories"] == v3["stories"]
    [kept] = saved["annotations"].values()
    assert kept["note"] == "kept across the upgrade" and kept["status"] == "verified"
    assert json.loads(backup_path(db_path).read_bytes()) == v3
    with AnnotationStore(db_path) as store:
        assert store.schema_found == 4
        assert StoryOpener(store).open(store.load_story(demo_story.id)).cached
    assert main(["doctor", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "schema version 4" in out and "1 cached analysis (" in out and "damaged" not in out


def test_version_3_file_opened_read_only_serves_its_analyses_from_memory(
    db_path: Path, demo_story: Story, demo_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    v3 = _v3_file(demo_story, demo_analysis)
    db_path.write_text(json.dumps(v3))
    _engine_must_not_run(monkeypatch)
    with AnnotationStore(db_path, read_only=True) as store:
        assert load_cached(demo_story, store) == demo_analysis
        [info] = store.list_stories()
        assert info.claims == len(demo_analysis.claims)
    assert not cache_folder(db_path).exists()
    assert json.loads(db_path.read_bytes()) == v3


def test_version_3_entries_of_other_content_stay_a_miss(
    db_path: Path, demo_story: Story, demo_analysis: Analysis
) -> None:
    v3 = _v3_file(demo_story, demo_analysis)
    v3["analyses"]["1"]["fingerprint"] = "another content"
    v3["analyses"]["2"] = {"story": "broken", "data": "no fingerprint"}
    db_path.write_text(json.dumps(v3))
    with AnnotationStore(db_path) as store:
        assert load_cached(demo_story, store) is None
        assert [p.name for p in cache_folder(db_path).iterdir()] == [file_name(demo_story.id)]
        assert not StoryOpener(store).open(demo_story).cached
        assert StoryOpener(store).open(demo_story).cached


def test_rm_removes_the_story_cache_and_doctor_reports_the_rest(
    db_path: Path,
    demo_story: Story,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = _other(demo_story)
    with AnnotationStore(db_path) as store:
        for story in (demo_story, other):
            StoryOpener(store).open(story)
    assert main(["rm", "other", "--yes", "--db", str(db_path)]) == 0
    assert [p.name for p in cache_folder(db_path).iterdir()] == [file_name(demo_story.id)]
    (cache_folder(db_path) / "x.json").write_bytes(b"{")
    capsys.readouterr()
    assert main(["doctor", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"{cache_folder(db_path)}: 2 cached analyses" in out
    assert "1 damaged, 0 of stories not in the library, 0 from another engine" in out
    monkeypatch.setattr(newsreader.engine.version, "ENGINE_VERSION", "a-newer-engine")
    assert main(["doctor", "--db", str(db_path)]) == 0
    assert "1 damaged, 0 of stories not in the library, 1 from another engine" in (
        capsys.readouterr().out
    )
    assert len(list(cache_folder(db_path).iterdir())) == 2, "doctor changes nothing"


def test_a_full_disk_while_caching_only_means_analysing_again(
    db_path: Path, demo_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(db_path) as store:
        store.save_story(demo_story)
        before = db_path.read_bytes()

        def disk_full(fd: int, buffers: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "writev", disk_full)
        monkeypatch.setattr(os, "write", disk_full)
        analysis, cached = analyse_cached(demo_story, store)
        assert analysis.claims and not cached
        monkeypatch.undo()
        assert list(cache_folder(db_path).iterdir()) == []
        assert db_path.read_bytes() == before
        assert not analyse_cached(demo_story, store)[1]
        assert analyse_cached(demo_story, store)[1]


def _same(cached: Analysis | None, analysis: Analysis) -> bool:
    """The cached analysis holds the same relations and claims as the one computed."""
    return (
        cached is not None
        and cached.relations == analysis.relations
        and cached.claims == analysis.claims
    )
