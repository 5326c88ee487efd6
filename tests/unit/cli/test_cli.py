"""The command line: analyze, export, help, version and clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader import __version__
from newsreader.cli.main import main
from newsreader.model import Verdict
from store import AnnotationStore

pytestmark = pytest.mark.slow


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess."""
    import os

    env = dict(os.environ)
    if env_db is not None:
        env["NEWSREADER_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"newsreader {__version__}"
    result = run("--help")
    assert result.returncode == 0 and "analyze" in result.stdout


def test_analyze_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"story", "articles", "relations", "claims"}
    assert len(data["articles"]) == 5
    sentence_ids = [s["id"] for a in data["articles"] for s in a["sentences"]]
    assert len(sentence_ids) == len(set(sentence_ids))
    owner = {s["id"]: a["id"] for a in data["articles"] for s in a["sentences"]}
    for relation in data["relations"]:
        assert relation["kind"] in {"match", "conflict"}
        assert owner[relation["a"]] != owner[relation["b"]]
        assert isinstance(relation["score"], float)
        for reason in relation["reasons"]:
            assert set(reason) >= {"type", "detail", "a_span", "b_span"}
    statuses = {c["status"] for c in data["claims"]}
    assert statuses <= {"corroborated", "conflicting", "single-source"}
    assert "corroborated" in statuses and "single-source" in statuses


def test_analyze_json_is_written_as_indented_json(
    hostile_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Other tools diff these bytes: they are json.dumps(indent=2) with text left unescaped.
    assert main(["analyze", str(hostile_dir), "--json"]) == 0
    out = capsys.readouterr().out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_analyze_user_folder(hostile_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(hostile_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    texts = [s["text"] for a in data["articles"] for s in a["sentences"]]
    assert any("[@click=app.quit]x[/]" in t for t in texts)


def test_export_json(db_path: Path, demo_analysis, tmp_path: Path) -> None:
    claim = demo_analysis.claims[0]
    with AnnotationStore(db_path) as store:
        store.set_verdict(demo_analysis.story.id, claim.id, Verdict.VERIFIED, ())
    out = tmp_path / "out.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(db_path)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "newsreader-annotations" and data["version"] == 1
    [annotation] = data["annotations"]
    assert annotation["claim"] == claim.id and annotation["status"] == "verified"
    assert set(annotation) >= {"id", "story", "note", "created", "updated", "targets"}


@pytest.mark.parametrize(
    "make_args",
    [
        lambda p: [str(p / "missing")],
        lambda p: ["analyze", str(p / "missing.txt")],
        lambda p: ["analyze", str(p / "empty")],
        lambda p: ["analyze", str(p / "single")],
        lambda p: ["analyze", str(p / "binary.txt"), str(p / "single" / "a.txt")],
        lambda p: ["export", "--db", str(p)],
        lambda p: ["export", "--db", str(p / "garbage.json")],
        lambda p: ["--db", str(p / "garbage.json")],
        lambda p: ["export", "--format", "nope"],
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, make_args) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "single").mkdir()
    (tmp_path / "single" / "a.txt").write_text("Only one article.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00garbage{")
    result = run(*make_args(tmp_path))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsreader: error:")
    assert "Traceback" not in result.stderr
    assert garbage.read_bytes() == b"\x00garbage{"


def test_bad_story_leaves_database_untouched(tmp_path: Path, db_path: Path) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("s", "c", Verdict.DISPUTED, ())
    before = db_path.read_bytes()
    result = run(str(tmp_path / "nothing-here"), "--db", str(db_path))
    assert result.returncode == 2
    assert db_path.read_bytes() == before
