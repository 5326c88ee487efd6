"""Helpers of the hostile-input tests: the real `newsreader` command, export documents."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cli_run

# One valid annotation of an export file.
GOOD: dict[str, Any] = {
    "id": "a1",
    "story": "s",
    "claim": "c",
    "status": "verified",
    "note": None,
    "created": "2026-01-01T00:00:00+00:00",
    "updated": "2026-01-02T00:00:00+00:00",
    "targets": [
        {"article": "art", "exact": "A quote.", "prefix": "", "suffix": "", "start": 0, "end": 8}
    ],
}


def newsreader(*args: str, db: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess against a database file (no terminal input)."""
    return cli_run.newsreader(*args, env={"NEWSREADER_DB": str(db)}, timeout=timeout)


def one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """The command failed with exit 2 and one line on stderr holding every word."""
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith("newsreader: error: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


def export_text(**changes: Any) -> str:
    """An export file holding the good annotation with some fields changed."""
    document = {"format": "newsreader-annotations", "version": 1}
    return json.dumps({**document, "annotations": [{**GOOD, **changes}]})


def imported(folder: Path, **changes: Any) -> Path:
    """A database in ``folder`` holding the good annotation with some fields changed, put
    there by the real `import`."""
    db, export = folder / "db" / "newsreader.json", folder / "imported.json"
    export.write_text(export_text(**changes), encoding="utf-8")
    done = newsreader("import", str(export), db=db)
    assert done.returncode == 0, done.stderr
    return db


HOLDER = """
import sys
from store import AnnotationStore
with AnnotationStore(sys.argv[1]) as store:
    print("read-only" if store.read_only else "writer", flush=True)
    sys.stdin.read()
"""
PIPES = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "text": True}


@contextlib.contextmanager
def store_elsewhere(db: Path) -> Iterator[str]:
    """Keep a database open in another process; yields "writer" or "read-only"."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], **PIPES)  # type: ignore[call-overload]
    try:
        yield holder.stdout.readline().strip()
    finally:
        holder.communicate("", timeout=60)
