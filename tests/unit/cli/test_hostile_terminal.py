"""Control characters in what the command line prints: shown as escapes, never sent raw to a
terminal; documents into files and pipes stay byte for byte what they were."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hostile_cli import GOOD, export_text, imported, newsreader

from newsreader.cli.analysis_report import render_text
from newsreader.cli.terminal import visible_document, visible_line
from newsreader.model import Analysis

OSC = "\x1b]0;PWNED\x07"
# Raw bytes a terminal would act on: ESC, BEL, CSI (C1), a lone carriage return.
RAW = re.compile(rb"[\x07\x1b]|\xc2\x9b|\r(?!\n)")
FIRE = "The minister said {} people died in the fire on Monday.\n\nRescue teams worked all night.\n"


def test_a_line_shows_every_control_character_as_an_escape() -> None:
    hostile = f"a{OSC}b\nc\rd\x7fe\x9bf\u202eg\udc80h\ti é ب"
    shown = visible_line(hostile)
    assert shown == (
        "a\\u001b]0;PWNED\\u0007b\\u000ac\\u000dd\\u007fe\\u009bf\\u202eg\\udc80h\ti é ب"
    )
    assert visible_line(shown) == shown


def test_a_document_keeps_its_line_ends_and_tabs() -> None:
    assert visible_document(f"a\tb\r\nc\nd{OSC}\re") == "a\tb\r\nc\nd\\u001b]0;PWNED\\u0007\\u000de"


def test_json_escaped_for_a_terminal_is_still_the_same_json() -> None:
    data = {"note": f"x{OSC}\x9b\x7f\u202e y", "list": ["\u2028", "é"]}
    text = json.dumps(data, ensure_ascii=False)
    assert "\x9b" in text  # json leaves C1 controls raw
    shown = visible_document(text)
    assert RAW.search(shown.encode()) is None
    assert json.loads(shown) == data


def test_the_coloured_report_has_no_escape_sequence_but_its_colours(
    demo_analysis: Analysis,
) -> None:
    story = demo_analysis.story
    hostile = replace(
        story,
        title=f"Title{OSC}",
        articles=tuple(
            replace(a, outlet=f"Outlet\x1b[2J{n}") for n, a in enumerate(story.articles)
        ),
    )
    report = render_text(replace(demo_analysis, story=hostile), color=True)
    colours = re.sub(r"\x1b\[[0-9;]*m", "", report)
    assert "\x1b" not in colours and "\x07" not in colours
    assert "Title\\u001b]0;PWNED\\u0007" in report and "Outlet\\u001b[2J0" in report


def _on_terminal(*args: str, db: Path) -> tuple[bytes, str]:
    """Run the command with stdout on a pseudo-terminal: what it wrote there, and stderr."""
    main, child = os.openpty()
    env = {**os.environ, "NEWSREADER_DB": str(db), "NO_COLOR": "1"}
    done = subprocess.Popen(
        [sys.executable, "-m", "newsreader", *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    stderr = done.communicate(timeout=120)[1].decode()
    assert done.returncode == 0, stderr
    return shown, stderr


@pytest.fixture
def noted(tmp_path: Path) -> Path:
    """A database holding an annotation whose note and quote carry escape sequences."""
    target = {**GOOD["targets"][0], "exact": f"A quote.{OSC}", "article": f"art{OSC}"}
    return imported(tmp_path, note=f"n{OSC}\u202eevil", targets=[target])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["md", "csv", "json", "w3c"])
def test_an_export_to_a_terminal_is_escaped(noted: Path, fmt: str) -> None:
    shown, _ = _on_terminal("export", "--format", fmt, db=noted)
    assert b"PWNED" in shown
    assert RAW.search(shown) is None, shown


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_to_a_pipe_or_a_file_is_the_data_as_it_is(
    noted: Path, tmp_path: Path, fmt: str
) -> None:
    piped = newsreader("export", "--format", fmt, db=noted)
    assert piped.returncode == 0, piped.stderr
    written = tmp_path / f"out.{fmt}"
    assert newsreader("export", "--format", fmt, "-o", str(written), db=noted).returncode == 0
    if fmt == "csv":
        assert written.read_text(encoding="utf-8") == piped.stdout
        assert f"n{OSC}\u202eevil" in piped.stdout
    else:
        # The same document but for the time it was made.
        piped_doc, written_doc = json.loads(piped.stdout), json.loads(written.read_bytes())
        assert piped_doc.pop("exported_at") and written_doc.pop("exported_at")
        assert piped_doc == written_doc
        [annotation] = piped_doc["annotations"]
        assert annotation["note"] == f"n{OSC}\u202eevil"


@pytest.mark.slow
def test_a_listing_of_a_database_from_elsewhere_is_escaped(tmp_path: Path) -> None:
    db = imported(tmp_path)
    tables = json.loads(db.read_text(encoding="utf-8"))
    for doc in tables["annotations"].values():
        doc["story"] = f"s{OSC}\nforged line"
    db.write_text(json.dumps(tables), encoding="utf-8")
    listed = newsreader("list", db=db)
    assert listed.returncode == 0, listed.stderr
    assert RAW.search(listed.stdout.encode()) is None
    assert not any(line.startswith("forged") for line in listed.stdout.splitlines())
    assert "s\\u001b]0;PWNED\\u0007\\u000aforged line" in listed.stdout


@pytest.mark.slow
def test_hostile_file_names_in_warnings_stay_one_escaped_line(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, count in (("a.txt", 19), ("b.txt", 14)):
        (folder / name).write_text(FIRE.format(count), encoding="utf-8")
    (folder / f"c{OSC}.pdf").write_bytes(b"%PDF")
    (folder / "d\nnewsreader: error: forged.pdf").write_bytes(b"%PDF")
    done = newsreader("analyze", str(folder), db=tmp_path / "db.json")
    assert done.returncode == 0, done.stderr
    assert RAW.search(done.stderr.encode()) is None
    lines = done.stderr.splitlines()
    assert all(line.startswith("newsreader: warning: ") for line in lines), lines
    assert any("c\\u001b]0;PWNED\\u0007.pdf: skipped" in line for line in lines)
    assert any("d\\u000anewsreader: error: forged.pdf: skipped" in line for line in lines)


@pytest.mark.slow
def test_an_import_names_a_hostile_file_name_escaped(tmp_path: Path) -> None:
    export = tmp_path / f"e{OSC}.json"
    export.write_text(export_text(), encoding="utf-8")
    shown, _ = _on_terminal("import", str(export), db=tmp_path / "db.json")
    assert RAW.search(shown) is None and b"1 added" in shown
    piped = newsreader("import", str(export), db=tmp_path / "db2.json")
    assert "\x1b" not in piped.stdout and "e\\u001b]0;PWNED\\u0007.json: 1 added" in piped.stdout
