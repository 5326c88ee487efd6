"""Naming articles for the reader: outlet first, then a readable file name, then a number."""

from __future__ import annotations

from newsreader.ingest.article_names import article_name, readable_file_name
from newsreader.model import Article


def _article(source: str, outlet: str | None = None) -> Article:
    return Article(id="a", title="T", source=source, text="", outlet=outlet)


def test_outlet_wins_over_the_file_name() -> None:
    assert article_name(_article("/tmp/bbc.txt", outlet="Reuters"), 2) == "Reuters"


def test_a_readable_file_name_is_kept() -> None:
    assert article_name(_article("/news/bbc-2025-05-07.txt"), 1) == "bbc-2025-05-07.txt"
    assert readable_file_name("https://example.org/world/bridge-collapse.html") == (
        "bridge-collapse.html"
    )


def test_hashes_and_ids_give_way_to_the_position() -> None:
    assert article_name(_article("seeds/000_ad083c2a461091a5.txt"), 1) == "article 1"
    assert article_name(_article("9f86d081884c7d659a2feaa0c55ad015.html"), 4) == "article 4"
    assert article_name(_article("https://example.org/"), 3) == "article 3"
    assert readable_file_name("report-20250507.txt") == "report-20250507.txt", "digits only"
