"""Export formats and import: the JSON schema, round trips, merging, foreign files, W3C and
ClaimReview fields, CSV and the Markdown report."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsreader.annotations.anchors import targets_for_claim
from newsreader.cli.main import main
from newsreader.model import Analysis, Verdict
from store import AnnotationStore

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((ROOT / "schemas" / "annotations-v1.schema.json").read_text())


@pytest.fixture
def filled_db(db_path: Path, demo_analysis: Analysis) -> Path:
    """A database with the demo story and three verdicts (one with a note)."""
    multi = [c for c in demo_analysis.claims if len(c.sentences) > 1][:2]
    single = next(c for c in demo_analysis.claims if len(c.sentences) == 1)
    story = demo_analysis.story.id
    with AnnotationStore(db_path) as store:
        store.save_story(demo_analysis.story)
        for n, claim in enumerate([*multi, single]):
            verdict = Verdict.DISPUTED if n == 1 else Verdict.VERIFIED
            targets = targets_for_claim(demo_analysis, claim)
            store.set_verdict(story, claim.id, verdict, targets)
        store.set_note(story, multi[0].id, 'Checked with the ministry; "quotes" and, commas')
    return db_path


def _export(db: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["export", "--format", fmt, "--db", str(db)]) == 0
    return capsys.readouterr().out


def _annotations(export_text: str) -> list[dict]:
    return json.loads(export_text)["annotations"]


def test_json_export_matches_the_schema(filled_db: Path, capsys) -> None:
    data = json.loads(_export(filled_db, "json", capsys))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(data)
    assert len(data["annotations"]) == 3
    broken = {**data, "annotations": [{**data["annotations"][0], "status": "maybe"}]}
    assert not validator.is_valid(broken)


def _import_into_fresh_database(export_text: str, tmp_path: Path, capsys) -> tuple[str, str]:
    """Import an export into a new database: what import printed, and the new export."""
    exported = tmp_path / "export.json"
    exported.write_text(export_text)
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(exported), "--db", str(fresh)]) == 0
    printed = capsys.readouterr().out
    return printed, _export(fresh, "json", capsys)


def test_round_trip_through_a_fresh_database(filled_db: Path, tmp_path: Path, capsys) -> None:
    first = _export(filled_db, "json", capsys)
    printed, again = _import_into_fresh_database(first, tmp_path, capsys)
    assert "3 added, 0 updated, 0 unchanged" in printed
    assert _annotations(again) == _annotations(first)


def test_importing_twice_adds_nothing(filled_db: Path, tmp_path: Path, capsys) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(_export(filled_db, "json", capsys))
    before = filled_db.read_bytes()
    assert main(["import", str(exported), "--db", str(filled_db)]) == 0
    assert "0 added, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert filled_db.read_bytes() == before, "nothing is written when nothing changed"


def test_newer_updated_wins_and_changes_are_reported(
    filled_db: Path, tmp_path: Path, capsys
) -> None:
    data = json.loads(_export(filled_db, "json", capsys))
    # Saves within one millisecond share a `created` time: pick the roles by content.
    anns = sorted(data["annotations"], key=lambda a: (a["note"] is None, a["claim"]))
    newer, older, same_claim = (dict(a) for a in anns)
    newer.update(status="disputed", note="re-checked", updated="2999-01-01T00:00:00+00:00")
    older.update(status="verified", note="stale", updated="2000-01-01T00:00:00+00:00")
    # Another reviewer's annotation on the same claim, under another id, and newer.
    same_claim.update(id="from-a-colleague", updated="2999-01-01T00:00:00+00:00", note="mine")
    data["annotations"] = [newer, older, same_claim]
    exported = tmp_path / "colleague.json"
    exported.write_text(json.dumps(data))
    before = filled_db.read_bytes()
    assert main(["import", "--dry-run", str(exported), "--db", str(filled_db)]) == 0
    assert "would be 0 added, 2 updated, 0 unchanged, 1 kept" in capsys.readouterr().out
    assert filled_db.read_bytes() == before
    assert main(["import", str(exported), "--db", str(filled_db)]) == 0
    out = capsys.readouterr().out
    assert "0 added, 2 updated, 0 unchanged, 1 kept" in out
    assert f"~ {newer['story']} / {newer['claim']}: disputed replaced" in out
    assert f"= {older['story']} / {older['claim']}" in out
    with AnnotationStore(filled_db) as store:
        notes = {a.claim: (a.id, a.note) for a in store.all()}
    assert notes[newer["claim"]] == (newer["id"], "re-checked")
    assert notes[older["claim"]][1] is None
    assert notes[same_claim["claim"]] == ("from-a-colleague", "mine")
    assert len(notes) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not JSON"),
        (b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}', "found None"),
        (b'{"format": "something-else", "version": 1}', "something-else"),
        (b'{"format": "newsreader-annotations", "version": 7, "annotations": []}', "newer"),
        (b'{"format": "newsreader-annotations", "version": 1, "annotations": {}}', "a list"),
        (
            b'{"format": "newsreader-annotations", "version": 1, "annotations": [{"id": "x", '
            b'"story": "s", "claim": "c", "status": "true", "created": "2026-01-01", '
            b'"updated": "2026-01-01"}]}',
            "annotations[0].status",
        ),
        (
            b'{"format": "newsreader-annotations", "version": 1, "annotations": [{"id": "x", '
            b'"story": "s", "claim": "c", "status": "verified", "created": "yesterday", '
            b'"updated": "2026-01-01"}]}',
            "annotations[0].created: not an ISO-8601 time",
        ),
        (
            b'{"format": "newsreader-annotations", "version": 1, "annotations": [{"id": "x", '
            b'"story": "s", "claim": "c", "status": "verified", "created": "2026-01-01", '
            b'"updated": "2026-01-01", "targets": [{"article": "a", "exact": "e", '
            b'"prefix": "", "suffix": "", "start": "0", "end": 1}]}]}',
            "annotations[0].targets[0].start: expected an integer",
        ),
    ],
)
def test_bad_or_foreign_imports_write_nothing(
    filled_db: Path, tmp_path: Path, capsys, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = filled_db.read_bytes()
    assert main(["import", str(bad), "--db", str(filled_db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsreader: error: {bad}: ") and message in err
    assert err.count("\n") == 1
    assert filled_db.read_bytes() == before
    fresh = tmp_path / "never-created.json"
    assert main(["import", str(bad), "--db", str(fresh)]) == 2
    assert not fresh.exists()


def test_missing_import_file(tmp_path: Path, capsys) -> None:
    assert main(["import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "db.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_w3c_annotations_have_the_required_fields(filled_db: Path, capsys) -> None:
    data = json.loads(_export(filled_db, "w3c", capsys))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    items = data["first"]["items"]
    assert len(items) == 3
    for item in items:
        assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert item["type"] == "Annotation" and item["motivation"] == "assessing"
        assert item["id"].startswith("urn:uuid:")
        assert item["created"] and item["modified"]
        purposes = [b["purpose"] for b in item["body"]]
        assert purposes[0] == "assessing" and item["body"][0]["value"] in {"verified", "disputed"}
        assert all(b["type"] == "TextualBody" for b in item["body"])
        assert item["target"]
        for target in item["target"]:
            assert target["source"]
            quote, position = target["selector"]
            assert quote["type"] == "TextQuoteSelector" and quote["exact"]
            assert {"prefix", "suffix"} <= set(quote)
            assert position["type"] == "TextPositionSelector"
            assert 0 <= position["start"] < position["end"]
    commented = [i for i in items if len(i["body"]) == 2]
    assert len(commented) == 1 and commented[0]["body"][1]["purpose"] == "commenting"


def test_claimreview_fields(filled_db: Path, demo_analysis: Analysis, capsys) -> None:
    data = json.loads(_export(filled_db, "claimreview", capsys))
    assert data["@context"] == "https://schema.org"
    reviews = data["@graph"]
    assert sorted(r["reviewRating"]["alternateName"] for r in reviews) == [
        "Disputed",
        "Verified",
        "Verified",
    ]
    titles = {a.title for a in demo_analysis.story.articles}
    for review in reviews:
        assert review["@type"] == "ClaimReview" and review["claimReviewed"]
        assert review["itemReviewed"]["@type"] == "Claim"
        for appearance in review["itemReviewed"]["appearance"]:
            assert appearance["headline"] in titles
            assert appearance.get("url") or appearance["identifier"].startswith("urn:newsreader:")
    [commented] = [r for r in reviews if "reviewBody" in r]
    assert len(commented["itemReviewed"]["appearance"]) > 1
    assert commented["reviewBody"].startswith("Checked with the ministry")


def test_csv_rows_per_quoted_sentence(filled_db: Path, capsys) -> None:
    text = _export(filled_db, "csv", capsys)
    rows = list(csv.DictReader(io.StringIO(text)))
    exported = _annotations(_export(filled_db, "json", capsys))
    assert len(rows) == sum(len(a["targets"]) for a in exported)
    first = exported[0]
    mine = [r for r in rows if r["annotation_id"] == first["id"]]
    assert [r["exact"] for r in mine] == [t["exact"] for t in first["targets"]]
    assert mine[0]["note"] == (first["note"] or "")


def test_markdown_report(filled_db: Path, demo_analysis: Analysis, capsys) -> None:
    text = _export(filled_db, "md", capsys)
    assert text.startswith("# newsreader annotations")
    assert f"## {demo_analysis.story.title}" in text
    assert text.count("- Verdict: verified") == 2 and text.count("- Verdict: disputed") == 1
    assert "Note: Checked with the ministry" in text
    assert demo_analysis.story.articles[0].title in text


def test_export_story_filter_and_output_file(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsreader",
            "export",
            "--format",
            "md",
            "-o",
            str(out),
            "--story",
            "demo",
            "--db",
            str(filled_db),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "3 annotation(s)" in out.read_text()


def test_a_note_without_a_verdict_exports_as_unreviewed_and_round_trips(
    filled_db: Path, demo_analysis: Analysis, tmp_path: Path, capsys
) -> None:
    claim = demo_analysis.claims[-1]
    with AnnotationStore(filled_db) as store:
        targets = targets_for_claim(demo_analysis, claim)
        store.set_verdict(demo_analysis.story.id, claim.id, Verdict.UNREVIEWED, targets, note="ask")
    first = _export(filled_db, "json", capsys)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.validate(json.loads(first))
    [noted] = [a for a in _annotations(first) if a["claim"] == claim.id]
    assert (noted["status"], noted["note"]) == ("unreviewed", "ask")
    reviews = json.loads(_export(filled_db, "claimreview", capsys))["@graph"]
    assert len(reviews) == 3, "a note alone rates nothing"
    printed, again = _import_into_fresh_database(first, tmp_path, capsys)
    assert "4 added" in printed
    assert _annotations(again) == _annotations(first)
