"""Article formats: web pages (main text and metadata), Markdown, front matter and encodings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsreader.errors import UserError
from newsreader.ingest.encoding import NotTextError, decode_text
from newsreader.ingest.formats import Format, source_from_bytes
from newsreader.ingest.html_extract import HtmlSupportMissing, extract_page
from newsreader.ingest.markdown_text import markdown_to_text
from newsreader.ingest.reader import read_source

HTML_DIR = Path(__file__).resolve().parents[2] / "data" / "html"

# Text that sits around the article on the fixture pages and must never reach the reader.
PAGE_FURNITURE = [
    "cookie",
    "Accept all",
    "Subscribe",
    "Sport",
    "Related stories",
    "Ferry timetable",
    "riverwatcher",
    "shaking badly",
    "rowing club who helped",
    "dataLayer",
    "All rights reserved",
    "Advertisement",
    "Print this article",
    "214 partners",
    "morning briefing",
    "Most read",
    "croissant",
    "cycle lanes",
    "Karl_B",
    "number 4 bus still runs",
    "Imprint",
    "ads.push",
]


def _page(name: str):
    return read_source(HTML_DIR / name)


def test_html_page_gives_article_text_and_metadata() -> None:
    source = _page("courier-bridge.html")
    assert source.title == "Old Mill Bridge closed after river surge damages two pillars"
    assert source.outlet == "The Harbour Courier"
    assert source.author == "Maren Ostby"
    assert source.date == "2026-03-14"
    paragraphs = source.raw.split("\n\n")
    assert paragraphs[0].startswith("The Old Mill Bridge over the Varra river was closed")
    assert paragraphs[-1] == (
        "The bridge, built in 1871, was last restored in 2009. "
        "A full report on the damage is expected next week."
    )
    assert len(paragraphs) == 6
    for furniture in PAGE_FURNITURE:
        assert furniture not in source.raw, furniture


def test_html_meta_charset_and_json_ld_metadata() -> None:
    """A Windows-1252 page that declares its charset in a meta tag, metadata only in JSON-LD."""
    raw = (HTML_DIR / "northern-post-bridge.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    source = _page("northern-post-bridge.html")
    assert source.outlet == "Northern Post"
    assert source.author == "José Ibáñez"
    assert source.date == "2026-03-14"
    assert source.title.startswith("Varra flood shuts historic bridge")
    assert "Repairs could cost up to €2 million" in source.raw
    assert "“We are not taking any risks,” said deputy mayor Ilse Varga." in source.raw
    for furniture in PAGE_FURNITURE:
        assert furniture not in source.raw, furniture


def test_inline_teasers_pull_quotes_captions_and_bios_are_left_out() -> None:
    source = _page("valley-radio-bridge.htm")
    assert (source.outlet, source.author, source.date) == (
        "Valley Radio",
        "Priya Castellano",
        "2026-03-16",
    )
    assert source.title == "Divers find riverbed washed away under Old Mill Bridge"
    assert source.raw.count("Nobody will cross that bridge until it is safe") == 1
    assert source.raw.startswith("Divers who inspected the Old Mill Bridge on Monday")
    assert source.raw.endswith("until the crossing reopens.")
    for furniture in [
        "READ MORE",
        "Ring road queues",
        "Photo: Valley Radio",
        "Email her",
        "Listen live",
        "Skip to main content",
        "Hospital car park",
        "WhatsApp",
        "Registered office",
    ]:
        assert furniture not in source.raw, furniture


def test_page_without_article_text_is_refused() -> None:
    with pytest.raises(UserError, match="no article text found"):
        _page("section-front.html")


def test_declared_charset_is_respected() -> None:
    body = "Городской совет закрыл мост после наводнения, сообщили власти в пятницу утром."
    html = (
        '<html><head><meta charset="koi8-r"><title>Мост закрыт</title></head><body><article>'
        f"<h1>Мост закрыт</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode("koi8-r")
    source = source_from_bytes(html, "page.html", Format.HTML)
    assert body in source.raw


def test_html_saved_with_a_txt_name_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_bytes((HTML_DIR / "courier-bridge.html").read_bytes())
    source = read_source(page)
    assert source.outlet == "The Harbour Courier"
    assert "<p>" not in source.raw and "cookie" not in source.raw


def test_page_metadata_is_stripped_of_controls() -> None:
    html = (
        "<html><head><title>T</title>"
        '<meta property="og:site_name" content="Evil\x1b]0;pwned\x07 Times">'
        "</head><body><article><h1>A plain headline for the test</h1>"
        "<p>The first paragraph of the report has enough words to count as prose.</p>"
        "</article></body></html>"
    )
    source = source_from_bytes(html.encode(), "p.html", Format.HTML)
    assert source.outlet is not None
    assert "\x1b" not in source.outlet and "\x07" not in source.outlet


def test_missing_html_extra_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(HtmlSupportMissing, match=r"pip install 'newsreader-compare\[html\]'"):
        extract_page("<html><body><p>Anything.</p></body></html>")


MARKDOWN = """---
title: "Bridge shut after the flood"
author:
  - "[[Maren Ostby]]"
source: https://www.courier.example/local/bridge
published: 2026-03-14
---
# The headline, again

The **Old Mill Bridge** was *closed* on Friday, [the council](https://council.example) said.
Engineers found `two` cracked pillars.

![A photo of the bridge](bridge.jpg)

## What happens next

- Divers will inspect the foundations
- Traffic goes around the [ring road][ring]

> "We are not taking any risks," the engineer said.

```
Water level: 3.1 m
```

[ring]: https://maps.example/ring
<!-- a note the author left -->
"""


def test_markdown_markup_is_stripped_and_front_matter_read() -> None:
    source = source_from_bytes(MARKDOWN.encode(), "bridge.md", Format.MARKDOWN)
    assert source.title == "Bridge shut after the flood"
    assert source.author == "Maren Ostby"
    assert source.date == "2026-03-14"
    # Only the address names it: the host, kept as the outlet's name of last resort.
    assert (source.outlet, source.host) == (None, "courier.example")
    assert source.raw.split("\n\n") == [
        "The Old Mill Bridge was closed on Friday, the council said. "
        "Engineers found two cracked pillars.",
        "What happens next",
        "- Divers will inspect the foundations",
        "- Traffic goes around the ring road",
        '"We are not taking any risks," the engineer said.',
        "Water level: 3.1 m\n",
    ]


def test_markdown_leading_heading_is_the_title() -> None:
    converted = markdown_to_text("# Flood closes *bridge*\n\nText of the __report__ here.\n")
    assert converted.title == "Flood closes bridge"
    assert converted.text == "Text of the report here.\n"


def test_markdown_keeps_literal_asterisks_and_underscores() -> None:
    converted = markdown_to_text("Costs rose 5 * 3 times in file_name_v2 today.\n")
    assert converted.text == "Costs rose 5 * 3 times in file_name_v2 today.\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffCafé owners protested.".encode(), "Café owners protested."),
        ("Café owners protested.".encode("utf-16"), "Café owners protested."),
        ("Café owners protested.".encode("utf-16-be"), "Café owners protested."),
        ("Café owners protested.".encode("utf-16-le"), "Café owners protested."),
        ("Café “owners” protested – 5 €.".encode("cp1252"), "Café “owners” protested – 5 €."),
        ("Ärger über Öl in der Straße.".encode("latin-1"), "Ärger über Öl in der Straße."),
        (
            "Les élèves sont arrivés à l'école à 8 h.".encode("cp1252"),
            "Les élèves sont arrivés à l'école à 8 h.",
        ),
        (
            "Городской совет закрыл мост после наводнения.".encode("cp1251"),
            "Городской совет закрыл мост после наводнения.",
        ),
    ],
)
def test_encodings_are_detected(data: bytes, expected: str) -> None:
    assert decode_text(data, "a.txt") == expected


def test_broken_utf8_never_crashes() -> None:
    """A UTF-8 file with a couple of damaged bytes stays UTF-8 (damage replaced, no crash)."""
    data = "Ünïcödé text, straße, café, naïve: ".encode() + b"\xff then broken \xc3( bytes."
    text = decode_text(data, "a.txt")
    assert text.startswith("Ünïcödé text, straße, café") and text.endswith("broken \ufffd( bytes.")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x06\x00",
        bytes(range(256)) * 4,
        bytes(range(1, 32)) * 40,
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(NotTextError, match="binary file"):
        decode_text(data, "blob.txt")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(UserError, match="over 10 MB"):
        read_source(big)


def test_windows_line_endings_in_markdown_front_matter() -> None:
    lines = ["---", "title: Bridge shut", "site: Harbour Courier", "---", "", "It is *shut*."]
    text = "\r\n".join(lines) + "\r\n"
    source = source_from_bytes(text.encode("utf-16"), "a.md", Format.MARKDOWN)
    assert (source.title, source.outlet, source.raw) == (
        "Bridge shut",
        "Harbour Courier",
        "It is shut.\n",
    )


def test_read_more_promos_and_video_titles_are_left_out() -> None:
    body = (
        "<p>The council met on Monday to discuss the closure of the bridge in the old town.</p>"
        "<p>Why are ferry fares rising again this spring? "
        '<a href="/ferry">Read more »</a></p>'
        "<h3>Watch: the river at its highest point on Friday night</h3>"
        '<div class="player"><iframe src="https://video.example/embed/1"></iframe></div>'
        "<h2>What the engineers found</h2>"
        "<p>Engineers found two cracked pillars and a washed-out riverbed under the bridge.</p>"
    )
    page = extract_page(f"<html><body><article><h1>Council</h1>{body}</article></body></html>")
    assert page.text.split("\n\n") == [
        "The council met on Monday to discuss the closure of the bridge in the old town.",
        "What the engineers found",
        "Engineers found two cracked pillars and a washed-out riverbed under the bridge.",
    ]


def test_only_link_teasers_are_pruned_not_short_paragraphs_with_links() -> None:
    body = (
        "<p>The council met on Monday to discuss the closure of the bridge in the old town.</p>"
        '<p><a href="/people/reyes">Hanna Reyes</a> said no.</p>'
        '<p>Related: <a href="/a">Ring road queues double as drivers avoid the centre</a></p>'
        '<p><a href="/report">The full council report on the bridge</a> was published.</p>'
    )
    page = extract_page(
        f"<html><body><article><h1>Council meets</h1>{body}</article></body></html>"
    )
    assert page.text.split("\n\n") == [
        "The council met on Monday to discuss the closure of the bridge in the old town.",
        "Hanna Reyes said no.",
        "The full council report on the bridge was published.",
    ]


def test_truncated_utf16_file_still_decodes() -> None:
    data = "Café owners protested on Sunday.".encode("utf-16")[:-1]
    assert decode_text(data, "a.txt").startswith("Café owners protested on Sunday")
