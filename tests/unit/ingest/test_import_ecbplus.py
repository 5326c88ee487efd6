"""The ECB+ importer: a cluster of a (tiny, hand-written) ECB+ file becomes a story folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsreader.ingest.reader import load_story

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "import_ecbplus.py"
TINY = Path(__file__).resolve().parents[2] / "data" / "ecbplus_tiny.jsonl"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_list_shows_clusters_with_counts() -> None:
    result = _run("--data", str(TINY), "--list")
    assert result.returncode == 0, result.stderr
    rows = [line.split()[:2] for line in result.stdout.splitlines()[1:]]
    assert rows == [["90ecb", "2"], ["90ecbplus", "3"]]
    assert "Ferry aground off Point Hale, 52 rescued" in result.stdout


def test_largest_cluster_opens_as_a_story(tmp_path: Path) -> None:
    out = tmp_path / "ferry"
    result = _run("--data", str(TINY), "--largest", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "90_1ecbplus.txt",
        "90_2ecbplus.txt",
        "90_3ecbplus.txt",
        "story.json",
    ]
    assert (out / "90_1ecbplus.txt").read_text(encoding="utf-8") == (
        "Ferry aground off Point Hale, 52 rescued\n\n"
        "March 3, 2026 | 7: 40 pm\n\n"
        "A passenger ferry struck a sandbank off Point Hale on Monday night. "
        "Rescuers said 52 people were on board. The vessel was refloated at high tide.\n\n"
        "Its operator apologised to passengers.\n"
    )
    story = load_story([str(out)])
    assert story.id == "ecbplus-90ecbplus"
    assert story.title == "ECB+ 90ecbplus: Ferry aground off Point Hale, 52 rescued"
    assert [(a.outlet, a.title) for a in story.articles] == [
        ("coastnews.example", "Ferry aground off Point Hale, 52 rescued"),
        ("harbourdaily.example", "Point Hale ferry refloated after grounding"),
        ("radio.example", "Engine failure blamed for ferry grounding"),
    ]
    assert "March 3" not in story.articles[0].text
    manifest = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert manifest["articles"]["90_3ecbplus.txt"]["url"] == "https://radio.example/ferry"


def test_named_cluster_without_urls(tmp_path: Path) -> None:
    out = tmp_path / "ecb"
    assert _run("--data", str(TINY), "90ecb", "-o", str(out)).returncode == 0
    story = load_story([str(out)])
    assert [a.outlet for a in story.articles] == [None, None]
    assert story.articles[1].title == "Ferry runs aground, passengers rescued"


def test_clear_errors(tmp_path: Path) -> None:
    missing = _run("--data", str(tmp_path / "none.jsonl"), "--list")
    assert missing.returncode == 2
    assert missing.stderr.startswith("import_ecbplus: error: ECB+ data not found at")
    unknown = _run("--data", str(TINY), "77ecb", "-o", str(tmp_path / "x"))
    assert unknown.returncode == 2 and "no cluster '77ecb'" in unknown.stderr
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    busy = _run("--data", str(TINY), "--largest", "-o", str(tmp_path / "full"))
    assert busy.returncode == 2 and "not empty" in busy.stderr
    assert (tmp_path / "full" / "keep.txt").read_text(encoding="utf-8") == "mine"
