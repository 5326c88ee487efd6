"""Fault injection: a writer killed with SIGKILL at random moments never loses an acknowledged
verdict, and the database (and its backup) always loads."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsreader.annotations.export import render
from newsreader.model import Annotation, Target, Verdict
from store import AnnotationStore
from store.storage import TEMP_PREFIX, backup_path

KILLS = 200
IMPORT_KILLS = 40
CLAIMS = 40
TARGET = (Target("article", "A quoted sentence.", "before ", " after", 7, 25),)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()"),
]


def _many(story: str, count: int, stamp: str, copies: int) -> list[Annotation]:
    """Annotations of one story on claims of their own, each with a long note."""
    return [
        Annotation(
            id=f"{story}-{n}",
            story=story,
            claim=f"{story[0]}{n}",
            status=Verdict.VERIFIED,
            note="x" * 200,
            created=stamp,
            updated=stamp,
            targets=TARGET * copies,
        )
        for n in range(count)
    ]


def _seed(path: Path, count: int) -> None:
    """A database that is not tiny, so kills often land in the middle of a save."""
    with AnnotationStore(path) as store:
        store.merge(_many("seeded", count, "2026-01-01T00:00:00+00:00", 3))


def _writer(path: Path, ack_fd: int, first: int) -> None:
    """The child: write verdicts in a loop, acknowledging each after the call returned."""
    try:
        store = AnnotationStore(path, read_only=False)
        n = first
        while True:
            verdict = Verdict.VERIFIED if n % 2 else Verdict.DISPUTED
            store.set_verdict("story", f"c{n % CLAIMS}", verdict, TARGET, note=str(n))
            os.write(ack_fd, f"{n}\n".encode())
            n += 1
    finally:
        os._exit(1)


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def test_sigkill_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _seed(path, 1000)
    rng = random.Random(20260523)
    acked: dict[int, int] = {}
    next_n, mid_save = 0, 0
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _writer(path, write_fd, next_n)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        numbers = [int(line) for line in _read_all(read_fd).split()]
        os.close(read_fd)
        for n in numbers:
            acked[n % CLAIMS] = n
        next_n = max(numbers, default=next_n) + 1
        mid_save += any(tmp_path.glob(f"{TEMP_PREFIX}*"))

        with AnnotationStore(path) as store:
            assert not store.read_only, "the killed writer's lock must be released"
            saved = {a.claim: a for a in store.all("story")}
            assert len(store.all("seeded")) == 1000
        for claim_index, n in acked.items():
            annotation = saved[f"c{claim_index}"]
            # A write may land just before its acknowledgement: never older than acknowledged.
            assert int(annotation.note or -1) >= n
            assert annotation.targets == TARGET
        assert not any(tmp_path.glob(f"{TEMP_PREFIX}*")), "leftovers are cleaned on open"
        if backup_path(path).exists():
            with AnnotationStore(backup_path(path), read_only=True) as backup:
                assert len(backup.all("seeded")) == 1000
    assert next_n >= 20, "the writer made progress"
    assert mid_save > 0, "some kills must interrupt a save"


WRITER_SCRIPT = """
import sys
from newsreader.model import Target, Verdict
from store import AnnotationStore
target = (Target("article", "A quoted sentence.", "before ", " after", 7, 25),)
store = AnnotationStore(sys.argv[1], read_only=False)
n = int(sys.argv[2])
while True:
    verdict = Verdict.VERIFIED if n % 2 else Verdict.DISPUTED
    store.set_verdict("story", f"c{n % 40}", verdict, target, note=str(n))
    print(n, flush=True)
    n += 1
"""


def test_killed_command_process_and_concurrent_readers(tmp_path: Path) -> None:
    """A freshly started interpreter as the writer; readers meanwhile always see whole files."""
    path = tmp_path / "db.json"
    _seed(path, 300)
    rng = random.Random(5)
    acked: dict[int, int] = {}
    next_n = 0
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER_SCRIPT, str(path), str(next_n)],
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # the writer is running
        deadline = time.monotonic() + rng.uniform(0.05, 0.3)
        while time.monotonic() < deadline:
            with AnnotationStore(path) as reader:
                assert reader.read_only
                assert len(reader.all("seeded")) == 300
        child.send_signal(signal.SIGKILL)
        child.wait()
        numbers = [int(line) for line in (first + child.stdout.read()).split()]
        child.stdout.close()
        for n in numbers:
            acked[n % CLAIMS] = n
        next_n = max(numbers, default=next_n) + 1
        with AnnotationStore(path) as store:
            assert not store.read_only
            saved = {a.claim: int(a.note or -1) for a in store.all("story")}
        assert all(saved[f"c{k}"] >= n for k, n in acked.items())
    assert acked


def _export(path: Path, count: int) -> None:
    """An export of ``count`` annotations none of which the seeded database holds."""
    annotations = _many("imported", count, "2026-02-01T00:00:00+00:00", 2)
    path.write_text(render("json", annotations), encoding="utf-8")


def test_a_killed_import_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    """`newsreader import` killed at random moments: the database holds the whole import or
    nothing of it, the seeded annotations are intact, and it always loads."""
    path, export, seeded = tmp_path / "db.json", tmp_path / "export.json", tmp_path / "seed.json"
    _seed(seeded, 300)
    _export(export, 3000)
    command = [sys.executable, "-m", "newsreader", "--db", str(path), "import", str(export)]
    start = time.monotonic()
    shutil.copyfile(seeded, path)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    duration = time.monotonic() - start
    rng = random.Random(84)
    interrupted = 0
    for _ in range(IMPORT_KILLS):
        shutil.copyfile(seeded, path)
        backup_path(path).unlink(missing_ok=True)
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.9) * duration)
        child.send_signal(signal.SIGKILL)
        interrupted += child.wait() == -signal.SIGKILL
        with AnnotationStore(path) as store:
            assert not store.read_only
            assert len(store.all("seeded")) == 300
            imported = len(store.all("imported"))
        assert imported in (0, 3000)
        assert not any(tmp_path.glob(f"{TEMP_PREFIX}*")), "leftovers are cleaned on open"
    assert interrupted > 0, "some kills must land while the import runs"
