"""The real `newsreader` command in a pseudo-terminal: opening a story snapshots it and
re-anchors its annotations; a second instance on a held file is read-only and says so."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pytest

from newsreader.model import Story, Verdict
from store import AnnotationStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal"),
]


def _spawn(db: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color", "NEWSREADER_DB": str(db)}
    return pexpect.spawn(
        sys.executable,
        ["-m", "newsreader"],
        env=env,
        dimensions=(40, 160),
        timeout=30,
        encoding="utf-8",
    )


def _first_word(story: Story) -> str:
    return story.articles[0].title.split()[0]


def _quit(child: pexpect.spawn) -> None:
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()


def test_open_saves_the_story_and_the_verdict(db_path: Path, demo_story: Story) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict(demo_story.id, "c-no-longer-there", Verdict.DISPUTED, ())
    child = _spawn(db_path)
    child.expect(_first_word(demo_story))
    child.send("v")
    deadline = time.monotonic() + 20
    while b'"verified"' not in db_path.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.1)
    child.send("q")
    child.expect("1 orphaned annotation")
    child.expect(pexpect.EOF)
    child.close()
    with AnnotationStore(db_path) as store:
        assert store.load_story(demo_story.id) == demo_story
        verdicts = store.all(demo_story.id)
        assert [a.status for a in verdicts if not a.orphaned] == [Verdict.VERIFIED]
        assert [a.claim for a in store.orphans()] == ["c-no-longer-there"]


def test_second_instance_is_read_only(db_path: Path, demo_story: Story) -> None:
    with AnnotationStore(db_path) as writer:
        writer.set_verdict("other", "c1", Verdict.VERIFIED, ())
        before = db_path.read_bytes()
        child = _spawn(db_path)
        child.expect("the file is in use by another newsreader; opened read-only")
        child.expect("READ-ONLY: the file is in use by another newsreader")
        child.send("v")
        child.expect("NOT SAVED")
        _quit(child)
        assert db_path.read_bytes() == before
        writer.set_verdict("other", "c2", Verdict.DISPUTED, ())
    with AnnotationStore(db_path) as store:
        assert [a.claim for a in store.all()] == ["c1", "c2"]
