"""Running the real `newsreader` command in a subprocess, for the command-line tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def newsreader(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m newsreader ARGS` with its output captured and no terminal for input."""
    command, environ = [sys.executable, "-m", "newsreader", *args], {**os.environ, **(env or {})}
    return subprocess.run(
        command, capture_output=True, text=True, env=environ, cwd=cwd, timeout=timeout, stdin=-3
    )
