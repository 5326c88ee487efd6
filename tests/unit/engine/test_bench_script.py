"""The engine benchmark script runs without benchmark data and says what it skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "bench_engine.py"


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


SUBJECTS = ["The council", "The mayor", "A court", "The union", "Police", "The agency"]
VERBS = ["approved", "rejected", "delayed", "reviewed", "announced", "questioned"]
OBJECTS = ["the budget", "a new bridge", "the strike", "the report", "a curfew", "the merger"]


def _pairs() -> list[tuple[int, str, str]]:
    """Made-up labelled pairs: a reworded sentence (1) or an unrelated one (0)."""
    rows = []
    for n, (subject, verb, thing) in enumerate(zip(SUBJECTS, VERBS, OBJECTS, strict=True)):
        sentence = f"{subject} {verb} {thing} on Monday after {n + 2} hours of debate."
        reworded = f"On Monday, after {n + 2} hours of debate, {subject.lower()} {verb} {thing}."
        other = SUBJECTS[n - 1], VERBS[n - 2], OBJECTS[n - 3]
        unrelated = f"{other[0]} {other[1]} {other[2]} last year without any vote."
        rows += [(1, sentence, reworded), (0, sentence, unrelated)]
    return rows


def _write_corpora(data: Path) -> None:
    (data / "msrp").mkdir(parents=True)
    (data / "stsbenchmark").mkdir()
    lines = ["Quality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{label}\t{n}\t{n + 1}\t{a}\t{b}" for n, (label, a, b) in enumerate(_pairs())]
    for split in ("train", "test"):
        (data / "msrp" / f"msr_paraphrase_{split}.txt").write_text("\n".join(lines) + "\n")
    sts = [
        f"main-news\tnews\t2020\t{n:04d}\t{4.5 if label else 0.5}\t{a}\t{b}"
        for n, (label, a, b) in enumerate(_pairs())
    ]
    for split in ("train", "dev", "test"):
        (data / "stsbenchmark" / f"sts-{split}.csv").write_text("\n".join(sts) + "\n")


def test_bench_quality_sections_run_on_small_corpora(tmp_path: Path) -> None:
    _write_corpora(tmp_path)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path), "--only", "msrp", "sts", "fitted"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "skipped" not in out, out
    engine = next(line for line in out.splitlines() if line.startswith("engine pair_score"))
    assert "test accuracy 1.000" in engine, out
    assert "train (12 pairs)" in out, out
    fitted = out.split("fitted on STS-B train news")[1]
    assert "MSRP threshold" in fitted and "test accuracy 1.000" in fitted, out


def test_bench_encoder_options_measure_or_say_what_is_missing(tmp_path: Path) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import bench_engine
    finally:
        sys.path.remove(str(SCRIPT.parent))
    _write_corpora(tmp_path)
    command = [sys.executable, str(SCRIPT), "--data", str(tmp_path), "--only", "msrp"]
    done = subprocess.run(
        [*command, "--minilm", "--mpnet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for option, label, _, _ in bench_engine.ENCODERS:
        if bench_engine.encoder_available(option):
            assert any(line.startswith(f"{label} cosine") for line in lines), done.stdout
            assert any(line.startswith(f"engine + {label} 1:1") for line in lines), done.stdout
        else:
            assert any(f"{label} figures skipped" in line for line in lines), done.stdout
