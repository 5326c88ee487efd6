"""End to end: the real `newsreader` command in a pseudo-terminal, read back with pyte."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pexpect
import pyte
import pytest

pytestmark = pytest.mark.slow

COLUMNS, LINES = 140, 40


def newsreader_command() -> str:
    """The installed console script (next to this interpreter, else on PATH)."""
    beside = Path(sys.executable).with_name("newsreader")
    found = str(beside) if beside.exists() else shutil.which("newsreader")
    if not found:
        pytest.skip("the newsreader command is not installed")
    return found


def _default_hangup() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


class Terminal:
    """A pseudo-terminal running the app, with a pyte screen of what it shows."""

    def __init__(self, db_path: Path) -> None:
        env = {
            **os.environ,
            "NEWSREADER_DB": str(db_path),
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
        }
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            newsreader_command(),
            [],
            env=env,
            dimensions=(LINES, COLUMNS),
            timeout=20,
            # A terminal's hang-up ends its programs even when this run ignores it (nohup).
            preexec_fn=_default_hangup,
        )

    def text(self) -> str:
        """The screen as plain text."""
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        """Read output until the screen shows needle; returns the screen text."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return self.text()
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.1))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                break
        raise AssertionError(f"{needle!r} never appeared on screen:\n{self.text()}")

    def press(self, keys: str) -> None:
        """Type keys, one at a time, as a user would."""
        for key in keys:
            self.child.send(key)
            time.sleep(0.05)


@contextmanager
def terminal(db_path: Path) -> Iterator[Terminal]:
    """Run the app in a pseudo-terminal until it shows the reader; always clean up."""
    term = Terminal(db_path)
    try:
        term.wait_for("article 1/")
        yield term
    finally:
        term.child.close(force=True)


def export(db_path: Path) -> dict:
    """Run `newsreader export --format json` on the database."""
    result = subprocess.run(
        [newsreader_command(), "export", "--format", "json", "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_tag_two_claims_write_a_note_quit_and_export(tmp_path: Path) -> None:
    db_path = tmp_path / "e2e.json"
    with terminal(db_path) as term:
        term.press("v")
        term.wait_for("saved: verified")
        term.press("u")  # the next claim without a verdict
        term.wait_for("claim ")
        term.press("d")
        term.wait_for("saved: disputed")
        term.press("n")
        term.wait_for("Note on this claim")
        term.press("numbers differ: check")
        term.press("\r")
        term.wait_for("saved: disputed + note")
        term.press("\x03")  # ctrl+c: the app says how to quit and loses nothing
        term.wait_for("to quit the app")
        term.press("q")
        term.child.expect(pexpect.EOF)
    document = export(db_path)
    annotations = document["annotations"]
    assert sorted(a["status"] for a in annotations) == ["disputed", "verified"]
    [disputed] = [a for a in annotations if a["status"] == "disputed"]
    assert disputed["note"] == "numbers differ: check"
    assert all(a["targets"] for a in annotations)


def test_closing_the_terminal_loses_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "hangup.json"
    with terminal(db_path) as term:
        term.press("jv")
        term.wait_for("saved: verified")
        term.child.kill(signal.SIGHUP)
        term.child.expect(pexpect.EOF)
    [annotation] = export(db_path)["annotations"]
    assert annotation["status"] == "verified"
    # The next run opens where the cursor was, with the tag shown.
    with terminal(db_path) as term:
        shown = term.wait_for("sentence 2/")
        assert "✓" in shown
        term.press("q")
        term.child.expect(pexpect.EOF)
