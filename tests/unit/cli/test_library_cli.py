"""The library commands with a real database file: list, add, open, rm, and the default story."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from newsreader.cli.main import main
from newsreader.model import Story, Verdict
from store import AnnotationStore
from store.analysis_files import cache_folder, file_name

pytestmark = pytest.mark.slow

ARTICLES = {
    "courier.txt": (
        "Bridge closed after flood\n\n"
        "The old mill bridge was closed on Monday after the river rose by 3 metres. "
        "Engineers said repairs would take 6 weeks. The mayor thanked the volunteers."
    ),
    "northern.txt": (
        "Flood shuts historic bridge\n\n"
        "The old mill bridge was closed on Monday after the river rose by 4 metres. "
        "Engineers said repairs would take 6 weeks. Schools stayed open."
    ),
    "wire.txt": (
        "River flood closes crossing\n\n"
        "Officials closed the old mill bridge on Monday when the river rose by 3 metres. "
        "Repairs would take 6 weeks, engineers said. Buses were diverted."
    ),
}


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess, with no terminal on stdin."""
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def spawn(*args: str, db: Path) -> pexpect.spawn:
    """The real command in a pseudo-terminal."""
    env = {**os.environ, "TERM": "xterm-256color", "NEWSREADER_DB": str(db)}
    return pexpect.spawn(
        sys.executable,
        ["-m", "newsreader", *args],
        env=env,
        dimensions=(40, 160),
        timeout=30,
        encoding="utf-8",
    )


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "flood"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _listing(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    assert main(["list", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:6] == ["ID", "ARTICLES", "CLAIMS", "CONFLICTS", "VERDICTS", "LAST"]
    return {line.split()[0]: line.split() for line in lines[1:] if not line.startswith("(")}


def test_list_always_has_the_demo(db_path: Path, demo_story: Story, capsys) -> None:
    rows = _listing(db_path, capsys)
    assert rows[demo_story.id][1:6] == ["5", "-", "-", "0", "never"]
    assert not db_path.exists()  # listing writes nothing


def test_add_creates_then_extends_a_story(
    db_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    courier, northern, wire = (str(articles / n) for n in ARTICLES)
    assert (
        main(["add", courier, northern, "--story", "Mill bridge flood", "--db", str(db_path)]) == 0
    )
    out = capsys.readouterr().out
    assert "Saved 2 article(s) to 'Mill bridge flood'" in out
    with AnnotationStore(db_path) as store:
        [info] = store.list_stories()
        story_id = info.id
        assert info.articles == 2 and info.claims
    # Adding by an id prefix; the article already there is skipped with a warning.
    assert main(["add", wire, courier, "--story", story_id[:8], "--db", str(db_path)]) == 0
    captured = capsys.readouterr()
    assert "Added 1 article(s)" in captured.out and "3 articles" in captured.out
    assert "courier.txt: already in the story" in captured.err
    rows = _listing(db_path, capsys)
    assert rows[story_id][1] == "3" and rows[story_id][2] != "-"
    with AnnotationStore(db_path) as store:
        story = store.load_story(story_id)
        assert [a.source for a in story.articles] == [courier, northern, wire]


def test_add_to_a_story_reanchors_its_verdicts(
    db_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    courier, northern, wire = (str(articles / n) for n in ARTICLES)
    assert main(["add", courier, northern, "--story", "Flood", "--db", str(db_path)]) == 0
    with AnnotationStore(db_path) as store:
        [info] = store.list_stories()
        from newsreader.annotations.anchors import targets_for_claim
        from newsreader.library.cache import analyse_cached

        analysis, cached = analyse_cached(store.load_story(info.id), store)
        assert cached
        claim = analysis.claim_for(analysis.story.articles[0].sentences[1].id)
        store.set_verdict(info.id, claim.id, Verdict.DISPUTED, targets_for_claim(analysis, claim))
    assert main(["add", wire, "--story", "flood", "--db", str(db_path)]) == 0
    with AnnotationStore(db_path) as store:
        [annotation] = store.all(info.id)
        analysis, cached = analyse_cached(store.load_story(info.id), store)
    assert cached and not annotation.orphaned
    texts = [
        analysis.sentence(sid).text for sid in analysis.claim_index[annotation.claim].sentences
    ]
    assert annotation.targets[0].exact in texts


def test_add_bad_input_touches_nothing(db_path: Path, articles: Path, tmp_path: Path) -> None:
    assert run("add", str(articles), "--story", "Flood", db=db_path).returncode == 0
    before = db_path.read_bytes()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    for args in (
        ["add", str(tmp_path / "missing.txt"), "--story", "Flood"],
        ["add", str(binary), "--story", "Flood"],
        ["add", str(articles / "wire.txt"), "--story", "flood"],
        ["add"],
    ):
        result = run(*args, db=db_path)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsreader: error:"), result.stderr
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["open", "volcano"], "no story matches 'volcano'"),
        (["open", "f"], "names 2 stories"),
        (["rm", "volcano", "--yes"], "no story matches"),
        (["open", "lone"], "at least two to compare"),
        (["rm", "lone"], "refusing to remove without --yes"),
    ],
)
def test_open_and_rm_bad_story_names(db_path: Path, articles: Path, args, message) -> None:
    assert run("add", str(articles), "--story", "Flood one", db=db_path).returncode == 0
    assert (
        run("add", str(articles / "wire.txt"), "--story", "Flood two", db=db_path).returncode == 0
    )
    assert run("add", str(articles / "courier.txt"), "--story", "lone", db=db_path).returncode == 0
    before = db_path.read_bytes()
    result = run(*args, db=db_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


def test_rm_exports_then_removes_only_that_story(
    db_path: Path, articles: Path, demo_story: Story, demo_analysis, tmp_path: Path, capsys
) -> None:
    assert main(["add", str(articles), "--story", "Flood", "--db", str(db_path)]) == 0
    with AnnotationStore(db_path) as store:
        flood = next(s for s in store.list_stories() if s.title == "Flood")
        store.set_verdict(flood.id, "c-one", Verdict.VERIFIED, ())
        store.set_verdict(flood.id, "c-two", Verdict.DISPUTED, ())
        store.set_verdict(demo_story.id, demo_analysis.claims[0].id, Verdict.VERIFIED, ())
    cached = cache_folder(db_path) / file_name(flood.id)
    assert cached.is_file()
    capsys.readouterr()
    out = tmp_path / "flood-verdicts.json"
    assert main(["rm", "flood", "--yes", "--export", str(out), "--db", str(db_path)]) == 0
    printed = capsys.readouterr().out
    assert "Exported 2 annotation(s)" in printed and "and 2 annotation(s)" in printed
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(a["claim"] for a in exported["annotations"]) == ["c-one", "c-two"]
    with AnnotationStore(db_path) as store:
        assert [a.story for a in store.all()] == [demo_story.id]
        assert flood.id not in {s.id for s in store.list_stories()}
    assert not cached.exists() and not list(cache_folder(db_path).iterdir())


def test_rm_export_failure_removes_nothing(db_path: Path, articles: Path, tmp_path: Path) -> None:
    assert run("add", str(articles), "--story", "Flood", db=db_path).returncode == 0
    before = db_path.read_bytes()
    result = run("rm", "flood", "--yes", "--export", str(tmp_path / "no" / "x.json"), db=db_path)
    assert result.returncode == 2 and "nothing removed" in result.stderr
    assert db_path.read_bytes() == before


pty = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _answer(db: Path, question: str, answer: str, outcome: str) -> int | None:
    """Run `rm flood` in a terminal, answer its question; returns the exit status."""
    child = spawn("rm", "flood", db=db)
    child.expect(question)
    child.sendline(answer)
    child.expect(outcome)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


@pty
def test_rm_asks_on_a_terminal(db_path: Path, articles: Path) -> None:
    assert run("add", str(articles), "--story", "Flood", db=db_path).returncode == 0
    before = db_path.read_bytes()
    question = r"Remove story 'Flood' \(flood-\w+, 3 articles\) and its 0 annotation\(s\)\? \[y/N\]"
    assert _answer(db_path, question, "n", "Nothing removed") == 1
    assert db_path.read_bytes() == before
    assert _answer(db_path, question, "y", "Removed story 'Flood'") == 0
    with AnnotationStore(db_path) as store:
        assert store.list_stories() == []


def _open_and_quit(child: pexpect.spawn, expected: str) -> None:
    child.expect(expected)
    child.expect("article 1/")  # the reader's status line: the analysis is done
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pty
def test_open_from_the_snapshot_after_the_files_are_gone(
    db_path: Path, articles: Path, demo_story: Story
) -> None:
    assert run("add", str(articles), "--story", "Mill bridge flood", db=db_path).returncode == 0
    shutil.rmtree(articles)
    _open_and_quit(spawn("open", "mill bridge", db=db_path), "Bridge closed after flood")
    with AnnotationStore(db_path) as store:
        infos = {s.id: s for s in store.list_stories()}
    [flood] = [s for s in infos.values() if s.title == "Mill bridge flood"]
    assert flood.opened is not None
    # With no arguments the story opened last comes back; then the demo, once opened.
    _open_and_quit(spawn(db=db_path), "Bridge closed after flood")
    _open_and_quit(spawn("open", "demo", db=db_path), demo_story.articles[0].title.split()[0])
    _open_and_quit(spawn(db=db_path), demo_story.articles[0].title.split()[0])


@pty
def test_no_arguments_opens_the_demo_on_a_new_database(db_path: Path, demo_story: Story) -> None:
    _open_and_quit(spawn(db=db_path), demo_story.articles[0].title.split()[0])
    with AnnotationStore(db_path) as store:
        [info] = store.list_stories()
    assert info.id == demo_story.id and info.opened and info.claims


def test_stories_known_only_by_annotations_are_listed_and_removable(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with AnnotationStore(db_path) as store:
        store.set_verdict("imported-story", "c1", Verdict.VERIFIED, ())
        store.set_verdict("kept-story", "c2", Verdict.DISPUTED, ())
    rows = _listing(db_path, capsys)
    assert rows["imported-story"][1:6] == ["0", "-", "-", "1", "never"]
    assert " ".join(rows["imported-story"][6:]) == "(articles not saved)"
    assert main(["rm", "imported", "--yes", "--db", str(db_path)]) == 0
    assert "Removed story imported-story (articles not saved) and 1 annotation(s)" in (
        capsys.readouterr().out
    )
    with AnnotationStore(db_path) as store:
        assert [a.story for a in store.all()] == ["kept-story"]
    assert main(["open", "kept", "--db", str(db_path)]) == 2
    assert "no saved story 'kept-story'" in capsys.readouterr().err
