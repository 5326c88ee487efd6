"""Exports other tools can trust: W3C selectors true of the documents they name, the shapes of
the W3C model and schema.org ClaimReview, the CSV columns and the Markdown report."""

from __future__ import annotations

import csv
import getpass
import io
import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from cli_run import newsreader

from newsreader.annotations.anchors import targets_for_claim
from newsreader.engine.analysis import analyze
from newsreader.model import ClaimStatus, Verdict
from store import AnnotationStore

ARTICLE_A = """Drones shot down over the capital
By Jane Roe
2025-05-07

The mayor said 19 drones were shot down over the city overnight.

Airports in the region were closed for several hours on Wednesday morning.

Officials praised the air defence crews for their quick work.
"""
ARTICLE_B = """Capital airports shut after drone raid
By John Doe
2025-05-08

The mayor said 14 drones were shot down over the city overnight.

Airports in the region were closed for several hours on Wednesday morning.

A spokesman declined to comment on the damage.
"""
PAGE_C = """<!doctype html><html><head><title>Drone raid on the capital</title>
<meta property="og:site_name" content="The Web Post"></head><body><article>
<h1>Drone raid on the capital</h1>
<p>The mayor said 19 drones were shot down over the city overnight, officials confirmed.</p>
<p>Airports in the region were closed for several hours on Wednesday morning.</p>
</article></body></html>
"""

# The terms of http://www.w3.org/ns/anno.jsonld that this export may use.
W3C_TERMS = {
    "@context", "id", "type", "motivation", "created", "modified", "body", "target",
    "source", "selector", "exact", "prefix", "suffix", "start", "end", "value", "purpose",
    "format", "label", "total", "first", "items", "startIndex",
}  # fmt: skip
W3C_MOTIVATIONS = [
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying",
    "tagging",
]  # fmt: skip
IRI = {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:"}
W3C_ANNOTATION = {
    "type": "object",
    "required": ["@context", "id", "type", "body", "target"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "id": IRI,
        "type": {"const": "Annotation"},
        "motivation": {"enum": W3C_MOTIVATIONS},
        "created": {"type": "string", "format": "date-time"},
        "modified": {"type": "string", "format": "date-time"},
        "body": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "value"],
                "properties": {
                    "type": {"const": "TextualBody"},
                    "value": {"type": "string"},
                    "purpose": {"enum": W3C_MOTIVATIONS},
                    "format": {"type": "string"},
                },
            },
        },
        "target": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["source", "selector"],
                "properties": {
                    "source": IRI,
                    "selector": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "oneOf": [
                                {
                                    "type": "object",
                                    "required": ["type", "exact"],
                                    "properties": {
                                        "type": {"const": "TextQuoteSelector"},
                                        "exact": {"type": "string", "minLength": 1},
                                        "prefix": {"type": "string"},
                                        "suffix": {"type": "string"},
                                    },
                                    "additionalProperties": False,
                                },
                                {
                                    "type": "object",
                                    "required": ["type", "start", "end"],
                                    "properties": {
                                        "type": {"const": "TextPositionSelector"},
                                        "start": {"type": "integer", "minimum": 0},
                                        "end": {"type": "integer", "minimum": 0},
                                    },
                                    "additionalProperties": False,
                                },
                            ]
                        },
                    },
                },
            },
        },
    },
}
W3C_COLLECTION = {
    "type": "object",
    "required": ["@context", "type", "total", "first"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "type": {"const": "AnnotationCollection"},
        "total": {"type": "integer", "minimum": 0},
        "first": {
            "type": "object",
            "required": ["type", "items"],
            "properties": {
                "type": {"const": "AnnotationPage"},
                "startIndex": {"type": "integer", "minimum": 0},
                "items": {"type": "array", "items": W3C_ANNOTATION},
            },
        },
    },
}
# fmt: off
CLAIM_REVIEW = {
    "type": "object", "required": ["@context", "@graph"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@graph": {
            "type": "array", "items": {
                "type": "object",
                "required": [
                    "@type",
                    "author",
                    "datePublished",
                    "claimReviewed",
                    "reviewRating",
                    "itemReviewed",
                ],
                "properties": {
                    "@type": {"const": "ClaimReview"},
                    "author": {
                        "type": "object",
                        "required": ["@type", "name"],
                        "properties": {
                            "@type": {"enum": ["Person", "Organization"]},
                            "name": {"type": "string", "minLength": 1},
                        },
                    },
                    "datePublished": {"type": "string", "format": "date"},
                    "claimReviewed": {"type": "string", "minLength": 1},
                    "reviewRating": {
                        "type": "object",
                        "required": [
                            "@type",
                            "ratingValue",
                            "bestRating",
                            "worstRating",
                            "alternateName",
                        ],
                        "properties": {
                            "@type": {"const": "Rating"},
                            "ratingValue": {"type": "integer"},
                            "bestRating": {"type": "integer"},
                            "worstRating": {"type": "integer"},
                            "alternateName": {"enum": ["Verified", "Disputed"]},
                        },
                    },
                    "itemReviewed": {
                        "type": "object",
                        "required": ["@type", "appearance"],
                        "properties": {
                            "@type": {"const": "Claim"},
                            "appearance": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["@type", "text"],
                                    "anyOf": [{"required": ["url"]}, {"required": ["identifier"]}],
                                    "properties": {
                                        "@type": {"const": "CreativeWork"},
                                        "url": {"type": "string", "format": "uri"},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}
# fmt: on


def run(*args: str, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, with the config file named (when given)."""
    return newsreader(*args, env={"NEWSREADER_CONFIG": str(config)} if config else None)


@pytest.fixture
def story_db(tmp_path: Path) -> Path:
    """A database holding a story of two text files and a web page, every claim tagged."""
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "c.html").write_text(PAGE_C, encoding="utf-8")
    db = tmp_path / "db.json"
    files = [str(folder / name) for name in ("a.txt", "b.txt", "c.html")]
    added = run("add", *files, "--story", "Drone raid", "--db", str(db))
    assert added.returncode == 0, added.stderr
    with AnnotationStore(db) as store:
        [info] = [s for s in store.list_stories() if s.saved]
        story = store.load_story(info.id)
        analysis = analyze(story)
        for n, claim in enumerate(analysis.claims):
            verdict = (
                Verdict.DISPUTED if claim.status is ClaimStatus.CONFLICTING else Verdict.VERIFIED
            )
            store.set_verdict(story.id, claim.id, verdict, targets_for_claim(analysis, claim))
            if n == 0:
                store.set_note(story.id, claim.id, "Asked the mayor's office")
    return db


def _export(db: Path, fmt: str, config: Path | None = None) -> str:
    result = run("export", "--format", fmt, "--db", str(db), config=config)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _used_keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _used_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _used_keys(v)}
    return set()


def test_w3c_positions_are_true_of_the_named_documents(story_db: Path) -> None:
    data = json.loads(_export(story_db, "w3c"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(W3C_COLLECTION, format_checker=checker).validate(data)
    assert _used_keys(data) <= W3C_TERMS
    positioned = unpositioned = 0
    for item in data["first"]["items"]:
        for target in item["target"]:
            selectors = {s["type"]: s for s in target["selector"]}
            quote = selectors["TextQuoteSelector"]
            source = urlsplit(target["source"])
            assert source.scheme == "file", target["source"]
            path = Path(unquote(source.path))
            if "TextPositionSelector" not in selectors:
                # Offsets into a web page would count its markup: no position is given.
                assert path.suffix == ".html"
                unpositioned += 1
                continue
            position = selectors["TextPositionSelector"]
            document = path.read_text(encoding="utf-8")
            assert document[position["start"] : position["end"]] == quote["exact"]
            assert document[: position["start"]].endswith(quote["prefix"][-8:])
            positioned += 1
    assert positioned >= 4 and unpositioned >= 1


def test_claimreview_shape_author_and_urls(story_db: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('reviewer = "Ana Lima"\n', encoding="utf-8")
    data = json.loads(_export(story_db, "claimreview", config))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(CLAIM_REVIEW, format_checker=checker).validate(data)
    reviews = data["@graph"]
    assert {r["author"]["name"] for r in reviews} == {"Ana Lima"}
    for review in reviews:
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        for appearance in review["itemReviewed"]["appearance"]:
            assert appearance["url"].startswith("file://")
    disputed = [r for r in reviews if r["reviewRating"]["alternateName"] == "Disputed"]
    assert disputed and all(r["reviewRating"]["ratingValue"] == 1 for r in disputed)
    unsigned = json.loads(_export(story_db, "claimreview", tmp_path / "missing.toml"))
    assert {r["author"]["name"] for r in unsigned["@graph"]} == {getpass.getuser()}


def test_csv_row_per_quoted_sentence_with_story_claim_and_article(story_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(story_db, "csv"))))
    annotations = json.loads(_export(story_db, "json"))["annotations"]
    assert len(rows) == sum(len(a["targets"]) for a in annotations)
    wanted = {"story_title", "claim_text", "claim_status", "verdict", "note", "article_title",
              "outlet", "author", "date", "url"}  # fmt: skip
    assert wanted <= set(rows[0])
    assert {r["story_title"] for r in rows} == {"Drone raid"}
    conflict = [r for r in rows if r["claim_status"] == "conflicting"]
    assert conflict and {r["verdict"] for r in conflict} == {"disputed"}
    by_author = {r["author"]: r for r in rows if r["claim_text"].startswith("The mayor said")}
    assert by_author["Jane Roe"]["date"] == "2025-05-07"
    assert by_author["Jane Roe"]["article_title"] == "Drones shot down over the capital"
    assert by_author["Jane Roe"]["url"].startswith("file://") and by_author["Jane Roe"][
        "url"
    ].endswith("a.txt")
    assert any(r["outlet"] == "The Web Post" for r in rows)
    assert any(r["note"] == "Asked the mayor's office" for r in rows)


def test_markdown_report_per_claim(story_db: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('reviewer = "Ana Lima"\n', encoding="utf-8")
    text = _export(story_db, "md", config)
    headings = [line[4:] for line in text.splitlines() if line.startswith("### ")]
    assert headings and not any(h.startswith("c-") or "claim c-" in h for h in headings)
    assert "### The mayor said 19 drones were shot down over the city overnight." in text
    section = text.split("### The mayor said 19 drones")[1].split("### ")[0]
    assert "- Status: conflicting" in section and "- Verdict: disputed" in section
    assert "- Conflict: 19 vs 14 drones" in section
    assert "**19**" in section and "**14**" in section
    assert "(<file://" in section and "Drones shot down over the capital" in section
    assert "Jane Roe, 2025-05-07" in section
    assert "- Claim `c-" in section
    assert "by Ana Lima" in text and "Asked the mayor's office" in text
