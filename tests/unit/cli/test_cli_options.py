"""The command line: global options anywhere, story references for export, mistyped commands,
exit codes and the config file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import newsreader

from newsreader.annotations.anchors import targets_for_claim
from newsreader.cli import library_commands
from newsreader.cli.main import main
from newsreader.model import Analysis, Story, Verdict
from store import AnnotationStore

pytestmark = pytest.mark.slow


def run(*args: str, config: Path | None = None, cwd: Path | None = None):
    """The real command, with this config file (by default one that does not exist)."""
    where = str(config) if config else "/nonexistent/newsreader.toml"
    return newsreader(*args, env={"NEWSREADER_CONFIG": where}, cwd=cwd)


@pytest.fixture
def library_db(db_path: Path, demo_analysis: Analysis) -> Path:
    """The demo story with two verdicts, and two saved stories without any."""
    story = demo_analysis.story
    with AnnotationStore(db_path) as store:
        store.save_story(story)
        for claim in demo_analysis.claims[:2]:
            targets = targets_for_claim(demo_analysis, claim)
            store.set_verdict(story.id, claim.id, Verdict.VERIFIED, targets)
        for sid, title in (
            ("bridge-flood-1a2b", "Bridge flood"),
            ("bridge-fire-9f9f", "Bridge fire"),
        ):
            store.save_story(Story(id=sid, title=title, articles=story.articles[:2]))
    return db_path


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "{db}", "list"],
        ["list", "--db", "{db}"],
        ["--db={db}", "list"],
        ["--db", "{db}", "doctor"],
        ["--db", "{db}", "export", "--format", "json"],
        ["export", "--db", "{db}", "--format", "json"],
    ],
)
def test_global_options_anywhere(library_db: Path, args: list[str]) -> None:
    result = run(*(a.replace("{db}", str(library_db)) for a in args))
    assert result.returncode == 0, result.stderr
    if "list" in args:
        assert "bridge-flood-1a2b" in result.stdout
    if "export" in args:
        assert len(json.loads(result.stdout)["annotations"]) == 2


def test_global_db_before_import_rm_add_and_open(library_db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "out.json"
    assert run("--db", str(library_db), "export", "-o", str(exported)).returncode == 0
    fresh = tmp_path / "fresh.json"
    imported = run("--db", str(fresh), "import", str(exported))
    assert imported.returncode == 0 and "2 added" in imported.stdout, imported.stderr
    removed = run("--db", str(library_db), "rm", "bridge fire", "--yes")
    assert removed.returncode == 0 and "Bridge fire" in removed.stdout, removed.stderr
    article = tmp_path / "c.txt"
    article.write_text("The bridge flooded on Monday after heavy rain.\n", encoding="utf-8")
    added = run("--db", str(library_db), "add", str(article), "--story", "bridge flood")
    assert added.returncode == 0 and "bridge-flood-1a2b" in added.stdout, added.stderr
    # open: the story is looked up in the database --db names (no such story: exit 2)
    opened = run("--db", str(library_db), "open", "no such story at all")
    assert opened.returncode == 2 and "no story matches" in opened.stderr


@pytest.mark.parametrize("reference", ["demo", "xi-moscow-visit-2025", "xi-mos", "victory day"])
def test_export_story_takes_story_references(library_db: Path, reference: str) -> None:
    result = run("export", "--story", reference, "--db", str(library_db))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["annotations"]) == 2


def test_export_story_unknown_ambiguous_and_empty(library_db: Path) -> None:
    unknown = run("export", "--story", "harbour strike", "--db", str(library_db))
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert (
        unknown.stderr
        == "newsreader: error: no story matches 'harbour strike' (see 'newsreader list')\n"
    )
    ambiguous = run("export", "--story", "bridge", "--db", str(library_db))
    assert ambiguous.returncode == 2 and "names 2 stories" in ambiguous.stderr
    empty = run("export", "--story", "bridge flood", "--db", str(library_db))
    assert empty.returncode == 0
    assert json.loads(empty.stdout)["annotations"] == []
    assert "story 'bridge-flood-1a2b' has no annotations" in empty.stderr


def test_mistyped_command(tmp_path: Path) -> None:
    result = run("lsit", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "newsreader: error: unknown command 'lsit' (did you mean 'list'?)\n"
    assert run("exprot", "--format", "csv", cwd=tmp_path).stderr.startswith(
        "newsreader: error: unknown command 'exprot' (did you mean 'export'?)"
    )
    # A path, or a word close to no command, is still read as an article.
    far = run("zebra", cwd=tmp_path)
    assert far.returncode == 2 and "zebra" in far.stderr and "unknown command" not in far.stderr
    slash = run("./lsit", cwd=tmp_path)
    assert slash.returncode == 2 and "unknown command" not in slash.stderr


def test_exit_codes_in_help() -> None:
    for args in (["--help"], ["export", "--help"], ["analyze", "--help"]):
        out = run(*args).stdout
        assert "exit status:" in out and "0  success" in out
        assert "1  internal error" in out and "2  usage or input error" in out


def test_internal_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("the disk\nfell off")

    monkeypatch.setattr(library_commands, "cmd_list", broken)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "newsreader: internal error: RuntimeError: the disk fell off "
        "(run again with --debug for the traceback)\n"
    )
    assert main(["list", "--debug"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError" in err


def test_config_command_prints_where_and_what(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    missing = run("config", config=config)
    assert missing.returncode == 0
    assert f"config file: {config} (not found" in missing.stdout
    assert "export_format: not set (default: 'json')" in missing.stdout
    config.write_text(
        'reviewer = "Ana Lima"\nexport_format = "csv"\ntheme = "nord"\n\n'
        '[keymap]\n"reader.verified" = "V"\n',
        encoding="utf-8",
    )
    shown = run("config", config=config).stdout
    assert f"config file: {config}\n" in shown
    assert "reviewer = 'Ana Lima'" in shown and "export_format = 'csv'" in shown
    assert "theme = 'nord'" in shown and "reader.verified = 'V'" in shown


def test_config_default_export_format(library_db: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('export_format = "csv"\n', encoding="utf-8")
    result = run("export", "--db", str(library_db), config=config)
    assert result.returncode == 0 and result.stdout.startswith("annotation_id,story,claim")
    assert (
        run("export", "--format", "json", "--db", str(library_db), config=config).stdout[0] == "{"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviewer = [", "not a valid TOML config file"),
        ('export_format = "pdf"', "export_format must be one of"),
        ('colour = "red"', "unknown setting 'colour'"),
        ("[keymap]\n'reader.verified' = 3", "keymap must be a table"),
        ('theme = "no-such-theme"', "unknown theme 'no-such-theme'"),
    ],
)
def test_bad_config_is_one_line_exit_2(
    library_db: Path, tmp_path: Path, text: str, message: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text + "\n", encoding="utf-8")
    command = ["open", "demo"] if "theme" in text else ["export", "--format", "claimreview"]
    result = run(*command, "--db", str(library_db), config=config)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert str(config) in result.stderr


async def test_theme_and_keymap_reach_the_reader(demo_story: Story, tmp_path: Path) -> None:
    from newsreader.cli.main import _apply_settings
    from newsreader.cli.settings import load_settings
    from tui.app import make_app

    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n[keymap]\n"reader.verified" = "V"\n', encoding="utf-8")
    with AnnotationStore(tmp_path / "db.json") as store:
        app = make_app(demo_story, store, None)
        _apply_settings(app, load_settings(str(config)))
        async with app.run_test():
            assert app.theme == "nord"
            assert app._keymap.get("reader.verified") == "V"
