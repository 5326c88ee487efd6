"""The engine benchmark script runs without benchmark data and says what it skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_engine.py"


def test_bench_skips_missing_data_clearly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for section in ("MSRP", "STS Benchmark", "ECB+"):
        assert any(
            line.startswith("skipped:") and section.split()[0] in line
            for line in done.stdout.splitlines()
        ), done.stdout


def test_bench_says_when_the_data_folder_is_absent(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert "benchmark data not found" in done.stdout
