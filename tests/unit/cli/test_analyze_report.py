"""`newsreader analyze`: the readable report (text and Markdown), the JSON alias, and colour
only on a terminal without NO_COLOR."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest
from cli_run import newsreader

from newsreader.annotations.claim_sides import claim_conflicts
from newsreader.engine.analysis import analyze
from newsreader.ingest.reader import load_story
from newsreader.model import ClaimStatus

pytestmark = pytest.mark.slow

ARTICLE_A = """Drones shot down over the capital

The mayor said 19 drones were shot down over the city overnight.

Airports in the region were closed for several hours on Wednesday morning.

Officials praised the air defence crews for their quick work.
"""
ARTICLE_B = """Capital airports shut after drone raid

The mayor said 14 drones were shot down over the city overnight.

Airports in the region were closed for several hours on Wednesday morning.

A spokesman declined to comment on the damage.
"""
ESC = "\x1b["


@pytest.fixture
def clips(tmp_path: Path) -> list[str]:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command with its output piped."""
    return newsreader(*args, env=env)


def on_terminal(*args: str, **env: str) -> str:
    """Run the real command on a pseudo-terminal and return what it printed."""
    command = Path(sys.executable).with_name("newsreader")
    found = str(command) if command.exists() else shutil.which("newsreader")
    if not found:
        pytest.skip("the newsreader command is not installed")
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update({"TERM": "xterm-256color", **env})
    child = pexpect.spawn(found, list(args), env=environ, encoding="utf-8", timeout=120)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return child.before


def test_text_report_lists_conflicts_with_sides_then_the_rest(clips: list[str]) -> None:
    result = run("analyze", *clips)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert ESC not in text
    lines = text.splitlines()
    conflict = next(n for n, line in enumerate(lines) if line.startswith("conflicting  c-"))
    assert "The mayor said 19 drones" in lines[conflict]
    assert lines[conflict + 1].strip() == "19 vs 14 drones:"
    side_a, side_b = lines[conflict + 2].split(), lines[conflict + 3].split()
    assert side_a[0] == "19" and side_b[0] == "14"
    assert "Drones shot down over the capital:" in lines[conflict + 2]
    assert (
        '"The mayor said 14 drones were shot down over the city overnight."' in lines[conflict + 3]
    )
    corroborated = next(n for n, line in enumerate(lines) if line.startswith("corroborated"))
    single = next(n for n, line in enumerate(lines) if line.startswith("single-source"))
    assert conflict < corroborated < single
    assert "[2 sources:" in lines[corroborated]
    assert lines[-1] == "4 claims (1 conflicting, 1 corroborated, 2 single-source) in 2 articles"


def test_json_alias_and_format_json_are_the_same_bytes(clips: list[str]) -> None:
    alias = run("analyze", "--json", *clips)
    named = run("analyze", "--format", "json", *clips)
    assert alias.returncode == named.returncode == 0
    assert alias.stdout == named.stdout and alias.stdout.startswith('{\n  "story"')


def test_markdown_report(clips: list[str], tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert run("analyze", "--format", "md", "-o", str(out), *clips).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Drones shot down over the capital\n")
    assert text.index("## Conflicting claims") < text.index("## Corroborated claims")
    assert text.index("## Corroborated claims") < text.index("## Single-source claims")
    assert "- 19 vs 14 drones:" in text
    assert "  - **19** (Drones shot down over the capital): The mayor said 19" in text
    assert ESC not in text


def test_colour_only_on_a_terminal_without_no_color(clips: list[str], tmp_path: Path) -> None:
    coloured = on_terminal("analyze", *clips)
    assert f"{ESC}1;31mconflicting" in coloured
    assert ESC not in on_terminal("analyze", *clips, NO_COLOR="1")
    out = tmp_path / "report.txt"
    on_terminal("analyze", "-o", str(out), *clips)
    assert ESC not in out.read_text(encoding="utf-8")
    assert ESC not in run("analyze", *clips).stdout


def test_bad_format_is_one_line_exit_2(clips: list[str]) -> None:
    result = run("analyze", "--format", "pdf", *clips)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "invalid choice: 'pdf'" in result.stderr


@dataclass(frozen=True)
class _Side:
    value: str
    sentences: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class _Conflict:
    type: str
    detail: str
    sides: tuple[_Side, ...]


def test_structured_sides_are_used_when_the_claim_has_them(clips: list[str]) -> None:
    analysis = analyze(load_story(clips))
    claim = next(c for c in analysis.claims if c.status is ClaimStatus.CONFLICTING)
    from_relations = claim_conflicts(analysis, claim)
    assert [s.value for s in from_relations[0].sides] == ["19", "14"]

    @dataclass(frozen=True)
    class WithConflicts:
        id: str
        sentences: tuple[str, ...]
        status: ClaimStatus
        conflicts: tuple[_Conflict, ...]

    first, second = claim.sentences
    sides = (_Side("nineteen", (first,), ()), _Side("fourteen", (second,), ()))
    structured = WithConflicts(
        claim.id, claim.sentences, claim.status, (_Conflict("count", "drone count", sides),)
    )
    [conflict] = claim_conflicts(analysis, structured)  # type: ignore[arg-type]
    assert conflict.detail == "drone count"
    assert [(s.value, s.source.sentence.id) for s in conflict.sides] == [
        ("nineteen", first),
        ("fourteen", second),
    ]


def dated_story(folder: Path, first: str, second: str) -> Path:
    """Two dated reports of a toll from two outlets (The Post first, then The Courier)."""
    folder.mkdir()
    for name, toll in (("a.txt", 37), ("b.txt", 61)):
        (folder / name).write_text(
            f"Toll climbs after the quake\n\nAt least {toll} people were killed when the "
            "quake struck the town.\n\nRescue teams searched the rubble through the night.\n",
            encoding="utf-8",
        )
    manifest = {
        "title": "Coastal quake",
        "articles": {
            "a.txt": {"outlet": "The Post", "date": first},
            "b.txt": {"outlet": "The Courier", "date": second},
        },
    }
    (folder / "story.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("first", "second", "order"),
    [
        (
            "2025-05-07T08:40",
            "2025-05-07T15:05",
            "At least 37 (The Post, 08:40) → At least 61 (The Courier, 15:05, later)",
        ),
        (
            "2025-05-08T09:00",
            "2025-05-07",
            "At least 61 (The Courier, 2025-05-07) → At least 37 (The Post, 2025-05-08 09:00, "
            "later)",
        ),
    ],
)
def test_a_conflict_says_which_report_is_later_when_the_dates_tell(
    tmp_path: Path, first: str, second: str, order: str
) -> None:
    folder = dated_story(tmp_path / "quake", first, second)
    text = run("analyze", str(folder))
    assert text.returncode == 0, text.stderr
    [detail] = [line for line in text.stdout.splitlines() if "→" in line]
    assert detail == f"    At least 37 vs At least 61 people: {order}"
    markdown = run("analyze", "--format", "md", str(folder)).stdout
    assert f"- At least 37 vs At least 61 people: {order}" in markdown.splitlines()
    analysis = json.loads(run("analyze", "--json", str(folder)).stdout)
    [conflict] = [x for claim in analysis["claims"] for x in claim["conflicts"]]
    assert conflict["sides"][conflict["later"]]["date"] == (second if second > first else first)


def test_no_order_is_claimed_without_dates_or_on_the_same_day(tmp_path: Path) -> None:
    for folder, first, second in (
        (tmp_path / "undated", "", ""),
        (tmp_path / "same-day", "2025-05-07", "2025-05-07T15:05"),
    ):
        dated_story(folder, first, second)
        result = run("analyze", str(folder))
        assert result.returncode == 0, result.stderr
        assert "At least 37 vs At least 61 people:" in result.stdout
        assert "→" not in result.stdout and "later" not in result.stdout
