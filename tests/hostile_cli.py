"""Helpers of the hostile-input tests: the real `newsreader` command, export documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

RUN = {"capture_output": True, "text": True, "timeout": 120, "stdin": subprocess.DEVNULL}

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


def newsreader(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess against a database file (no terminal input)."""
    env = {**os.environ, "NEWSREADER_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "newsreader", *args], env=env, **RUN)  # type: ignore[call-overload]


def export_text(**changes: Any) -> str:
    """An export file holding the good annotation with some fields changed."""
    document = {"format": "newsreader-annotations", "version": 1}
    return json.dumps({**document, "annotations": [{**GOOD, **changes}]})
