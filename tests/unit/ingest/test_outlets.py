"""Which outlet an article is credited to: from every source a report offers, best first."""

from __future__ import annotations

import json
from pathlib import Path

from newsreader.ingest.bylines import byline_outlet, dateline_agency
from newsreader.ingest.reader import load_story

BODY = (
    "The Harbor Bridge collapsed on Tuesday evening after days of heavy rain, officials said.\n\n"
    "Rescue teams worked through the night to reach the drivers trapped on the span."
)


def test_a_byline_names_the_author_and_the_outlet() -> None:
    assert byline_outlet("By Jane Hollis, The Harbour Courier") == "The Harbour Courier"
    assert byline_outlet("By Jane Doe for Reuters") == "Reuters"
    assert byline_outlet("By Jane Doe and John Roe, Associated Press") == "Associated Press"
    for no_outlet in ("By Jane Doe", "By Jane Doe, Staff Writer", "By Jane Doe in London"):
        assert byline_outlet(no_outlet) is None, no_outlet
    assert byline_outlet("By Jane Doe, 3 March 2026") is None


def test_a_wire_dateline_names_the_agency() -> None:
    assert dateline_agency("MOSCOW, May 7 (Reuters) — Xi arrived.") == "Reuters"
    assert dateline_agency("KYIV, Ukraine (AP) - The city was quiet.") == "AP"
    assert dateline_agency("WASHINGTON — Nothing was said.") is None


def _story(tmp_path: Path, files: dict[str, str], manifest: dict | None = None):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (tmp_path / "story.json").write_text(json.dumps(manifest), encoding="utf-8")
    story = load_story([str(tmp_path)])
    return {a.source.rsplit("/", 1)[-1]: a for a in story.articles}


def test_outlets_come_from_bylines_datelines_front_matter_and_hosts(tmp_path: Path) -> None:
    articles = _story(
        tmp_path,
        {
            "byline.txt": f"Bridge falls\n\nBy Jane Hollis, The Harbour Courier\n\n{BODY}",
            "wire.txt": f"Bridge falls\n\nHARBOR CITY, May 7 (Reuters) — {BODY} Wire copy.",
            "clipped.md": f"---\ntitle: Bridge\nsite_name: Northern Post\n---\n\n{BODY} Two.",
            "hosted.md": f"---\nurl: https://www.valley-news.example/bridge\n---\n\n{BODY} Three.",
        },
    )
    assert articles["byline.txt"].outlet == "The Harbour Courier"
    assert articles["byline.txt"].author == "Jane Hollis"
    assert articles["wire.txt"].outlet == "Reuters"
    assert articles["clipped.md"].outlet == "Northern Post"
    assert articles["hosted.md"].outlet == "valley-news.example"


def test_a_stated_outlet_outranks_a_byline_and_a_byline_outranks_the_host(
    tmp_path: Path,
) -> None:
    articles = _story(
        tmp_path,
        {
            "a.md": f"---\nurl: https://host.example/a\n---\n\nBy Ann Lee, Daily Ledger\n\n{BODY}",
            "b.txt": f"By Ann Lee, Daily Ledger\n\n{BODY} Again.",
        },
        manifest={"articles": {"b.txt": {"outlet": "The Manifest Times"}}},
    )
    assert articles["a.md"].outlet == "Daily Ledger", "a byline names the outlet, a host does not"
    assert articles["b.txt"].outlet == "The Manifest Times"
