"""The database file: bad files refused untouched, migrations, backups, read-only folders,
a full disk, two processes on one file, story snapshots and notes."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsreader.annotations.anchors import targets_for_claim
from newsreader.cli.main import main
from newsreader.model import Analysis, Story, Target, Verdict
from store import AnnotationStore, StoreError
from store.schema import SCHEMA_VERSION
from store.storage import backup_path

TARGET = (Target("a", "Quote.", "", "", 0, 6),)

V1_FILE = {
    "_default": {},
    "annotations": {
        "1": {
            "id": "11111111-1111-1111-1111-111111111111",
            "story": "s",
            "claim": "c1",
            "status": "verified",
            "note": "from version one",
            "created": "2025-01-01T00:00:00.000+00:00",
            "updated": "2025-01-02T00:00:00.000+00:00",
            "targets": [
                {
                    "article": "a",
                    "exact": "Quote.",
                    "prefix": "",
                    "suffix": "",
                    "start": 0,
                    "end": 6,
                }
            ],
        }
    },
}


def _two_verdicts(path: Path) -> None:
    """Two saves, so the file has a backup holding the first."""
    with AnnotationStore(path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
        store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)


def _saved(path: Path) -> dict:
    return json.loads(path.read_bytes())


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"annotations": {"1": {"id": "x"', "truncated"),
        (b'{"meta": {}, "annotations": {}}{"annotations": {}}', "trailing garbage"),
        (b"<html>not json</html>", "not valid JSON at byte 0"),
        (b'["a", "list"]', "unexpected JSON shape"),
        (b'{"users": {"1": {"name": "bob"}}}', "unknown tables: users"),
        (b'{"_default": {"1": {"name": "bob"}}}', "unknown tables: _default"),
        (b'{"annotations": {"1": {"text": "no claim"}}}', "lacks"),
        (
            b'{"annotations": {"1": {"id": "a", "story": "s", "claim": "c", "status": "maybe",'
            b' "created": "", "updated": ""}}}',
            "unknown status 'maybe'",
        ),
        (
            b'{"annotations": {"1": {"id": "a", "story": "s", "claim": "c", "status": "verified",'
            b' "created": "", "updated": "", "targets": [{"exact": "x"}]}}}',
            "targets are not valid quotes",
        ),
        (b'{"meta": {"1": {"schema": 2}}, "stories": {"1": {"id": "s"}}}', "story is incomplete"),
        (b'{"meta": {"1": {"schema": 99}}, "annotations": {}}', "newer than this newsreader"),
        (b'{"meta": {"1": {"schema": "two"}}}', "no valid schema version"),
    ],
)
def test_invalid_files_are_refused_untouched(tmp_path: Path, content: bytes, why: str) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=why) as caught:
        AnnotationStore(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert "no backup copy exists" in message
    assert path.read_bytes() == content
    # A failed open must not keep the writer lock.
    with pytest.raises(StoreError):
        AnnotationStore(path)


def test_invalid_file_error_names_the_backup_and_cli_exits_2(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _two_verdicts(db_path)
    db_path.write_bytes(db_path.read_bytes()[:-20])
    broken = db_path.read_bytes()
    assert main(["export", "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("newsreader: error: ")
    assert str(backup_path(db_path)) in err and "doctor --restore" in err
    assert db_path.read_bytes() == broken


def test_doctor_checks_and_restores_the_backup(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _two_verdicts(db_path)
    assert main(["doctor", "--db", str(db_path)]) == 0
    assert (
        f"OK, schema version {SCHEMA_VERSION} (0 stories, 2 annotations, 0 orphaned)"
        in capsys.readouterr().out
    )
    db_path.write_bytes(b'{"annotations": {"1": ')
    assert main(["doctor", "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    assert "backup OK" in captured.out and "truncated" in captured.err
    assert main(["doctor", "--restore", "--db", str(db_path)]) == 0
    assert "restored from" in capsys.readouterr().out
    with AnnotationStore(db_path) as store:
        assert [a.claim for a in store.all()] == ["c1"]
    kept = list(db_path.parent.glob("*.replaced-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"annotations": {"1": '


def test_backup_holds_the_previous_good_copy(db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
        first = db_path.read_bytes()
        store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)
    assert backup_path(db_path).read_bytes() == first
    with AnnotationStore(backup_path(db_path), read_only=True) as backup:
        assert [a.claim for a in backup.all()] == ["c1"]


def test_version_one_file_is_migrated_on_first_save(db_path: Path, capsys) -> None:
    db_path.write_text(json.dumps(V1_FILE))
    assert main(["doctor", "--db", str(db_path)]) == 0
    assert "schema version 1" in capsys.readouterr().out
    with AnnotationStore(db_path) as store:
        assert store.schema_found == 1
        [old] = store.all()
        assert old.note == "from version one" and not old.orphaned
        assert _saved(db_path) == V1_FILE, "opening alone does not rewrite the file"
        store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)
    saved = _saved(db_path)
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert saved["stories"] == {}
    assert len(saved["annotations"]) == 2
    assert json.loads(backup_path(db_path).read_bytes()) == V1_FILE


@contextlib.contextmanager
def _read_only_folder(folder: Path) -> Iterator[None]:
    """Make a folder refuse new files: chmod, or for root (who ignores modes) chattr +i."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
        pytest.skip("cannot make a folder read-only for root here")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_read_only_folder_opens_read_only_and_refuses_edits(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "db.json"
    with AnnotationStore(path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
    before = path.read_bytes()
    with _read_only_folder(folder), AnnotationStore(path) as store:
        assert store.read_only and "not writable" in store.read_only_reason
        assert store.get("s", "c1") is not None
        with pytest.raises(StoreError, match="read-only"):
            store.set_verdict("s", "c1", Verdict.DISPUTED, TARGET)
        assert store.get("s", "c1").status is Verdict.VERIFIED
    assert path.read_bytes() == before


def test_read_only_folder_write_failure_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even as the writer, a folder that refuses new files fails cleanly (works as root)."""
    path = tmp_path / "db.json"
    with AnnotationStore(path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
        before = path.read_bytes()
        real_open = os.open

        def refuse(file: str | os.PathLike[str], flags: int, *args: int) -> int:
            if flags & os.O_CREAT and Path(file).parent == tmp_path:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, flags, *args)

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(StoreError, match="not writable; the previous file is intact"):
            store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)
        monkeypatch.undo()
        assert store.get("s", "c2") is None
    assert path.read_bytes() == before


def test_full_disk_keeps_the_old_file_and_memory_consistent(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET, note="first")
        before = db_path.read_bytes()

        def disk_full(fd: int, buffers: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "writev", disk_full)
        monkeypatch.setattr(os, "write", disk_full)
        with pytest.raises(StoreError, match="disk is full; the previous file is intact"):
            store.set_verdict("s", "c1", Verdict.DISPUTED, TARGET, note="second")
        with pytest.raises(StoreError, match="disk is full"):
            store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)
        assert db_path.read_bytes() == before
        assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".newsreader-tmp")]
        # The failed edits did not leak into memory either.
        assert store.get("s", "c1").note == "first"
        assert store.get("s", "c2") is None
        monkeypatch.undo()
        store.set_verdict("s", "c2", Verdict.DISPUTED, TARGET)
    with AnnotationStore(db_path) as store:
        assert {a.claim: a.note for a in store.all()} == {"c1": "first", "c2": None}


def test_full_disk_is_shown_to_the_user_of_the_cli(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
        exported = tmp_path / "export.json"
    assert main(["export", "--db", str(db_path), "-o", str(exported)]) == 0
    data = json.loads(exported.read_text())
    data["annotations"][0]["claim"] = "c9"
    data["annotations"][0]["id"] = "other"
    exported.write_text(json.dumps(data))
    before = db_path.read_bytes()

    def disk_full(fd: int, buffers: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "writev", disk_full)
    monkeypatch.setattr(os, "write", disk_full)
    assert main(["import", str(exported), "--db", str(db_path)]) == 2
    assert "disk is full" in capsys.readouterr().err
    assert db_path.read_bytes() == before


WRITER = textwrap.dedent(
    """
    import sys
    from newsreader.model import Verdict
    from store import AnnotationStore
    store = AnnotationStore(sys.argv[1])
    print("read_only" if store.read_only else "writer", flush=True)
    store.set_verdict("s", "held", Verdict.VERIFIED, ())
    print("saved", flush=True)
    sys.stdin.readline()
    store.set_verdict("s", "late", Verdict.DISPUTED, ())
    store.close()
    """
)


def test_second_process_is_read_only_and_nothing_is_lost(db_path: Path) -> None:
    first = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout.readline().strip() == "writer"
        assert first.stdout.readline().strip() == "saved"
        second = subprocess.run(
            [sys.executable, "-c", WRITER, str(db_path)],
            input="\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.stdout.splitlines()[0] == "read_only"
        assert "read-only, not saved (the file is in use by another newsreader)" in second.stderr
        with AnnotationStore(db_path) as store:
            assert store.read_only
            with pytest.raises(StoreError, match="in use"):
                store.clear("s", "held")
        # The import command refuses to run beside the writer.
        result = subprocess.run(
            [sys.executable, "-m", "newsreader", "import", os.devnull, "--db", str(db_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.wait(timeout=60) == 0
    finally:
        first.kill()
    with AnnotationStore(db_path) as store:
        assert not store.read_only
        assert sorted(a.claim for a in store.all()) == ["held", "late"]


def test_import_refused_while_another_store_writes(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "e.json"
    export.write_text(
        json.dumps({"format": "newsreader-annotations", "version": 1, "annotations": []})
    )
    with AnnotationStore(db_path) as writer:
        assert not writer.read_only
        with pytest.raises(
            StoreError, match="in use by another newsreader; close the other newsreader first"
        ):
            AnnotationStore(db_path, read_only=False)
        assert main(["import", str(export), "--db", str(db_path)]) == 2


def test_set_note_and_many_writes_round_trip(db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        assert store.set_note("s", "nothing", "no verdict yet") is None
        for n in range(30):
            store.set_verdict("s", f"c{n}", Verdict.VERIFIED, TARGET)
        for n in range(0, 30, 3):
            store.set_note("s", f"c{n}", f"note {n}")
        for n in range(1, 30, 3):
            store.clear("s", f"c{n}")
        store.set_note("s", "c0", "")
        expected = {a.claim: a for a in store.all()}
    assert expected["c0"].note is None and expected["c3"].note == "note 3"
    with AnnotationStore(db_path) as store:
        assert {a.claim: a for a in store.all()} == expected
    raw = _saved(db_path)["annotations"]
    assert sorted(d["claim"] for d in raw.values()) == sorted(expected)


def test_story_snapshots(db_path: Path, demo_story: Story, demo_analysis: Analysis) -> None:
    with AnnotationStore(db_path) as store:
        assert store.save_story(demo_story)
        assert not store.save_story(demo_story), "an unchanged story is not written again"
        claim = demo_analysis.claims[0]
        store.set_verdict(
            demo_story.id, claim.id, Verdict.VERIFIED, targets_for_claim(demo_analysis, claim)
        )
    with AnnotationStore(db_path, read_only=True) as store:
        assert store.load_story(demo_story.id) == demo_story
        [info] = store.list_stories()
        assert (info.id, info.title, info.articles, info.annotations) == (
            demo_story.id,
            demo_story.title,
            len(demo_story.articles),
            1,
        )
        with pytest.raises(KeyError):
            store.load_story("missing")
    with AnnotationStore(db_path) as store:
        assert store.delete_story(demo_story.id, annotations=True)
        assert not store.delete_story(demo_story.id)
        assert store.list_stories() == [] and store.all() == []


def test_file_always_equals_memory_under_random_edits(db_path: Path, demo_story: Story) -> None:
    """The encoding caches never let the file drift from the data (random edit sequence)."""
    rng = random.Random(7)
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c0", Verdict.VERIFIED, TARGET)
        for step in range(300):
            claim = f"c{rng.randrange(25)}"
            action = rng.randrange(6)
            if action == 0:
                store.clear("s", claim)
            elif action == 1:
                store.set_note("s", claim, f"note {step}")
            elif action == 2:
                store.save_story(replace(demo_story, title=f"title {step % 3}"))
            elif action == 3 and step % 10 == 0:
                store.delete_story(demo_story.id, annotations=rng.random() < 0.2)
            else:
                store.set_verdict("s", claim, rng.choice(list(Verdict)), TARGET)
            on_disk = json.loads(db_path.read_bytes())
            # A fresh encoding of the in-memory data, bypassing every cache.
            assert on_disk == json.loads(json.dumps(store.database.storage.read()))
        expected = store.all()
        stories = store.list_stories()
    with AnnotationStore(db_path) as reopened:
        assert reopened.all() == expected and reopened.list_stories() == stories


def test_saves_keep_the_file_permissions(db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c1", Verdict.VERIFIED, TARGET)
        db_path.chmod(0o640)
        store.set_verdict("s", "c2", Verdict.VERIFIED, TARGET)
    assert db_path.stat().st_mode & 0o777 == 0o640


def test_benchmark_script_runs(tmp_path: Path) -> None:
    """The benchmark stays runnable (tiny sizes; the figures themselves are not checked)."""
    script = Path(__file__).resolve().parents[3] / "scripts" / "bench_store.py"
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--annotations",
            "120",
            "--saves",
            "5",
            "--stock-saves",
            "2",
            "--import-sizes",
            "30,60",
            "--dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "TinyDB stock JSONStorage" in result.stdout and "disk floor" in result.stdout
    assert "60 annotations" in result.stdout and "ratio 60/30" in result.stdout
