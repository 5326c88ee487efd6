"""Cleaning: control characters, page furniture, trailing blocks, headline, date and author."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.engine.segment import sentence_spans
from newsreader.ingest.boilerplate import furniture_kind
from newsreader.ingest.bylines import byline_author, date_line, strip_dateline
from newsreader.ingest.cleaning import clean_article, strip_controls

BODY_1 = "The city council approved the new budget on Monday after a long debate."
BODY_2 = "Opposition members said the plan would raise local taxes by four percent."
BODY_3 = "The mayor is expected to sign the measure before the end of the month."


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_strip_controls_removes_escapes_and_c0_c1() -> None:
    text = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\x00d\x07e\x85f\u009dg\ttab\nline"
    assert strip_controls(text) == "ared b cdefg\ttab\nline"


def test_strip_controls_normalises_newlines() -> None:
    assert strip_controls("one\r\ntwo\rthree") == "one\ntwo\nthree"


def test_furniture_lines_are_dropped() -> None:
    raw = (
        "A Big Headline About The Event\n\n"
        "Total Views : 22\nZoom In Zoom Out Read Later Print\nShare\n12 Comments\n\n"
        "The council approved the budget on Monday after a long debate.\n\n"
        "Advertisement\n\n"
        "Disclaimer: This image is taken from Reuters.\n\n"
        "LEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here\n"
    )
    cleaned = clean_article(raw)
    assert cleaned.title == "A Big Headline About The Event"
    assert cleaned.text == "The council approved the budget on Monday after a long debate."


@pytest.mark.parametrize(
    "line",
    [
        "1.4K views",
        "Tell us in the comments below.",
        "What do you think? Let us know in the comments.",
        "Have your say.",
        "What do you think? Will the new tax change your plans? Tell us in the comments below.",
        "Views: 3,201",
        "5 min read",
        "Reading time: 4 minutes",
        "Share on Facebook",
        "Facebook | Twitter | WhatsApp | Email",
        "Print this article",
        "Listen to this article",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Scroll to continue reading",
        "Sponsored content",
        "Leave a comment",
        "Post a comment",
        "You must be logged in to post a comment.",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Please type your email address here",
        "You've reached the end of the feed",
        "Skip to main content",
        "Click here to get the full report",
        "Follow us on Instagram",
        "Download our free app for breaking alerts",
        "Read more: Storm damage closes two schools",
        "Also read | Rail strike called off",
        "Photo: Jane Doe/AFP",
        "Image credit: city archive",
        "Disclaimer: The picture above is used for representation only.",
        "© 2026 Example Media Group",
        "Copyright Daily Planet. All rights reserved.",
        "Reporting by Ken Ito; Editing by Sue Park",
        "Home > World > Europe",
        "News | Politics | Elections",
        "Privacy Policy | Terms of Use",
        "Watch: the moment the bridge opened",
        "Image source, Getty Images",
        "Image caption, The governor speaks in the chamber",
        "Media caption, Watch the vote",
        "This video can not be played",
        "To play this video you need to enable JavaScript in your browser.",
        "Tags: floods, weather, Lindau",
        "Like Loading...",
        "Associated Press writer Tom Miller in Berlin contributed to this report.",
    ],
)
def test_known_boilerplate_lines(line: str) -> None:
    assert furniture_kind(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        BODY_1,
        "Police said 12 people were hurt and 3 remain in hospital.",
        "Shares fell 4% after the company said it would print fewer copies.",
        "Read the statement, the minister told reporters, and judge for yourselves.",
        "He shared the photo on social media before deleting it.",
        "The council publishes a newsletter every month for residents.",
        "Comments by the minister drew criticism from both parties.",
        "Tell us what happened, the officer shouted.",
        "Let us know when the ferry leaves, she told the crew.",
        "Reuters reported that talks would resume next week in Geneva.",
        "Most voters back the plan, according to a survey by Reuters/Ipsos.",
        "Copyright claims against the platform rose by a third last year.",
        "Editing by hand took the team three weeks.",
        "The company said in a statement distributed via Reuters.",
        "Home prices rose for the third month in a row, the agency said.",
        "12 14 19 500 60,000 245.7",
        "习近平抵达莫斯科。",
    ],
)
def test_real_sentences_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_cookie_and_newsletter_notices_are_dropped() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        "We use cookies to improve your experience. By continuing to browse you accept them.",
        BODY_1,
        "Sign up for our free morning newsletter and get the news delivered to your inbox.",
        BODY_2,
    )
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY_1}\n\n{BODY_2}"
    assert any("cookies" in line for line in cleaned.removed)


def test_photo_captions_with_credits_are_dropped() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        BODY_1,
        "Council members vote in the chamber on Monday. (Photo: Jane Doe)",
        "Protesters gather outside city hall. REUTERS/John Smith",
        "Firefighters at the scene (Photo by Lee Park via Getty Images)",
        "The mayor speaks to reporters in the lobby. Photograph: Ann Lee/AP",
        BODY_2,
    )
    assert clean_article(raw).text == f"{BODY_1}\n\n{BODY_2}"


def test_trailing_teaser_block_is_cut() -> None:
    raw = (
        "Headline of the story here\n\n"
        "The mayor opened the new bridge on Friday morning.\n\n"
        "Related articles\n\n"
        "Another Story Title\n\nSomething happened somewhere and people were...\n\n"
        "Yet Another Title\n\nA long teaser that is cut off in the middle of...\n"
    )
    assert clean_article(raw).text == "The mayor opened the new bridge on Friday morning."


def test_headerless_teaser_tail_is_cut() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        BODY_1,
        BODY_2,
        "Floods Close Main Road For Second Day",
        "Heavy rain kept the main road closed on Tuesday as crews worked to…",
        "School Board Names New Superintendent",
        "The board picked a former teacher who has led two districts and...",
    )
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY_1}\n\n{BODY_2}"
    assert "School Board Names New Superintendent" in cleaned.removed


def test_related_header_followed_by_real_text_is_kept() -> None:
    raw = _page("Budget Passes After Long Debate", BODY_1, "Related", BODY_2, BODY_3)
    cleaned = clean_article(raw)
    assert BODY_2 in cleaned.text and BODY_3 in cleaned.text
    assert "Related" not in cleaned.text


def test_comment_section_is_cut_with_its_comments() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        BODY_1,
        BODY_2,
        "3 Comments",
        "Jane: This is a disgrace and the council should resign at once.",
        "Mark: I think the budget is fine and the taxes are needed.",
    )
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY_1}\n\n{BODY_2}"
    assert len(cleaned.removed) == 3


def test_end_marker_cuts_everything_after() -> None:
    raw = _page("Budget Passes After Long Debate", BODY_1, "End of article", BODY_2)
    assert clean_article(raw).text == BODY_1


def test_comment_header_before_any_body_is_not_a_tail() -> None:
    raw = _page("Comments", BODY_1, BODY_2)
    assert clean_article(raw).text == f"{BODY_1}\n\n{BODY_2}"


def test_byline_gives_author_and_is_removed() -> None:
    raw = _page("Budget Passes After Long Debate", "By Maria Lopez and Tom Hill, City Desk", BODY_1)
    cleaned = clean_article(raw)
    assert cleaned.author == "Maria Lopez and Tom Hill"
    assert cleaned.text == BODY_1


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY Jane Doe | Reuters", "Jane Doe"),
        ("Written by Anna van der Berg", "Anna van der Berg"),
        ("Reporting by Ken Ito; Editing by Sue Park", "Ken Ito"),
        ("By Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe and Ann Lee"),
        ("By the end of the day, the council had voted.", None),
        ("By Monday, most roads were open again", None),
        ("By Reuters", None),
    ],
)
def test_byline_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author


def test_sentence_starting_with_by_is_kept() -> None:
    line = "By the end of the day, the council had voted to approve the plan."
    raw = _page("Budget Passes After Long Debate", BODY_1, line)
    cleaned = clean_article(raw)
    assert line in cleaned.text
    assert cleaned.author is None


def test_lone_name_beside_the_date_is_the_author() -> None:
    raw = _page(
        "Budget Passes After Long Debate", "Published on 3 March 2026", "Maria Lopez", BODY_1
    )
    cleaned = clean_article(raw)
    assert cleaned.author == "Maria Lopez"
    assert cleaned.date == "2026-03-03"
    assert cleaned.text == BODY_1


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("May 7, 2025, 3:31 PM", "2025-05-07T15:31"),
        ("Published On Thu, 08 May 2025", "2025-05-08"),
        ("Updated: July 02, 2013 15:50 IST", "2013-07-02T15:50"),
        ("2013-09-26", "2013-09-26"),
        ("Posted 2007-11-12 at 09:15", "2007-11-12T09:15"),
        ("Tuesday 28 April 2009 22.34 BST", "2009-04-28T22:34"),
        ("25/12/2024", "2024-12-25"),
        ("12/25/2024", "2024-12-25"),
        ("07/05/2025", "07/05/2025"),
        ("LONDON, March 3, 2026", "2026-03-03"),
        ("The talks began on May 7, 2025 in Moscow.", None),
        ("Arrived May 7.", None),
        ("A dozen leaders came", None),
    ],
)
def test_date_lines(line: str, date: str | None) -> None:
    assert date_line(line) == date


def test_metadata_line_with_separators_gives_date_and_author() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        "By Maria Lopez | 3 March 2026, 10:15 | 5 min read",
        f"SPRINGFIELD (AP) — {BODY_1}",
    )
    cleaned = clean_article(raw)
    assert (cleaned.author, cleaned.date) == ("Maria Lopez", "2026-03-03T10:15")
    assert cleaned.text == BODY_1


def test_published_date_wins_over_updated() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        "Updated: 5 March 2026",
        "Published: 3 March 2026",
        BODY_1,
    )
    assert clean_article(raw).date == "2026-03-03"


def test_date_inside_a_sentence_stays() -> None:
    line = "The council first met on March 3, 2026 to discuss the plan in detail."
    cleaned = clean_article(_page("Budget Passes After Long Debate", line, BODY_1))
    assert line in cleaned.text
    assert cleaned.date is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MOSCOW (Reuters) — Chinese leader Xi arrived.", "Chinese leader Xi arrived."),
        ("KYIV, Ukraine (AP) - Drones struck overnight.", "Drones struck overnight."),
        ("WASHINGTON, May 7 (Reuters) - The Senate voted.", "The Senate voted."),
        ("NEW YORK -- Stocks rose on Monday.", "Stocks rose on Monday."),
        ("Moscow — a city of contrasts.", "Moscow — a city of contrasts."),
        ("The U.S. - China talks resumed.", "The U.S. - China talks resumed."),
    ],
)
def test_wire_dateline_prefix(line: str, expected: str) -> None:
    assert strip_dateline(line) == expected


def test_dateline_is_stripped_from_the_first_paragraph_only() -> None:
    raw = _page(
        "Budget Passes After Long Debate",
        f"SPRINGFIELD (AP) — {BODY_1}",
        f"Mayor's office — {BODY_2}",
    )
    assert clean_article(raw).text == f"{BODY_1}\n\nMayor's office — {BODY_2}"


def test_breadcrumbs_and_section_labels_before_the_headline() -> None:
    raw = _page("Home › News › Local", "Politics", "Budget Passes After Long Debate", BODY_1)
    cleaned = clean_article(raw)
    assert cleaned.title == "Budget Passes After Long Debate"
    assert cleaned.text == BODY_1


def test_subheads_between_paragraphs_are_kept_but_labels_are_not() -> None:
    raw = _page("Budget Passes After Long Debate", BODY_1, "Tax Fears", BODY_2, "Opinion", BODY_3)
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY_1}\n\nTax Fears\n\n{BODY_2}\n\n{BODY_3}"


def test_repeated_lines_are_kept_once() -> None:
    pull_quote = "“We cannot afford to wait another year,” the mayor said."
    raw = _page(
        "Budget Passes After Long Debate",
        BODY_1,
        pull_quote,
        "Budget Passes After Long Debate",
        BODY_2,
        pull_quote,
    )
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY_1}\n\n{pull_quote}\n\n{BODY_2}"


def test_short_repeated_replies_stay() -> None:
    raw = "\n".join([BODY_1, '"No."', BODY_2, '"No."', BODY_3])
    assert clean_article(raw).text.count('"No."') == 2


def test_bullets_become_sentences() -> None:
    raw = (
        "Title line of the piece\n\nHighlights\n  • First point without a stop\n  • Second point.\n"
    )
    assert clean_article(raw).text == "First point without a stop.\nSecond point."


def test_short_bullet_items_in_a_list_are_kept() -> None:
    raw = _page("Budget Passes After Long Debate", BODY_1, "- Parks and libraries\n- Road repairs")
    assert clean_article(raw).text.endswith("Parks and libraries.\nRoad repairs.")


def test_body_first_line_is_not_taken_as_title() -> None:
    raw = "The first sentence of the body is here.\nThe second line follows at once.\n"
    cleaned = clean_article(raw)
    assert cleaned.title is None
    assert cleaned.text.startswith("The first sentence")


def test_headline_ending_with_a_stop_that_stands_alone_is_the_title() -> None:
    raw = _page("Council passes the budget after a long debate.", f"{BODY_1} {BODY_2}")
    cleaned = clean_article(raw)
    assert cleaned.title == "Council passes the budget after a long debate"
    assert cleaned.text == f"{BODY_1} {BODY_2}"


def test_one_sentence_lead_paragraph_is_not_taken_as_title() -> None:
    raw = _page(BODY_1, BODY_2, BODY_3)
    cleaned = clean_article(raw)
    assert cleaned.title is None
    assert cleaned.text.startswith(BODY_1)


def test_headline_directly_above_the_body_is_the_title() -> None:
    raw = f"Council passes budget\n{BODY_1}\n{BODY_2}\n"
    cleaned = clean_article(raw)
    assert cleaned.title == "Council passes budget"
    assert cleaned.text == f"{BODY_1}\n{BODY_2}"


def test_removed_lines_are_reported_in_order() -> None:
    raw = _page("Budget Passes After Long Debate", "Share", BODY_1, "Advertisement", BODY_2)
    assert clean_article(raw).removed == ("Share", "Advertisement")


def test_empty_and_junk_only_articles() -> None:
    assert clean_article("").text == ""
    assert clean_article("\n \n\t").title is None
    junk = clean_article("Share\nPrint\nAdvertisement\n0 Views\n")
    assert junk.text == ""
    assert junk.title is None


def test_headline_only_article_is_kept_as_text() -> None:
    cleaned = clean_article("Wall Street Opens Lower\n\nShare\n")
    assert cleaned.text == "Wall Street Opens Lower"
    assert cleaned.removed == ("Share",)


def test_lone_headline_line_is_kept_as_text() -> None:
    assert clean_article("Wall Street Opens Lower").text == "Wall Street Opens Lower"


def test_one_sentence_article_is_kept() -> None:
    cleaned = clean_article(BODY_1)
    assert cleaned.text == BODY_1
    assert cleaned.title is None


def test_non_english_articles_keep_their_text() -> None:
    german = (
        "Präsident Xi besucht Moskau\n\n"
        "Der chinesische Präsident ist am Mittwoch zu einem viertägigen Besuch in Moskau "
        "eingetroffen.\n\nEr will mehrere Abkommen unterzeichnen."
    )
    cleaned = clean_article(german)
    assert cleaned.title == "Präsident Xi besucht Moskau"
    assert "Er will mehrere Abkommen unterzeichnen." in cleaned.text
    chinese = "习近平抵达莫斯科\n\n中国国家主席习近平周三抵达莫斯科。他将在俄罗斯访问四天。"
    cleaned = clean_article(chinese)
    assert cleaned.title == "习近平抵达莫斯科"
    assert cleaned.text == "中国国家主席习近平周三抵达莫斯科。他将在俄罗斯访问四天。"


def test_text_full_of_numbers_is_kept() -> None:
    raw = "Results\n\n12 14 19 500 60,000\n245.7 66% 2024 1.5 3.0 7\n"
    cleaned = clean_article(raw)
    assert "12 14 19 500 60,000" in cleaned.text
    assert "245.7 66% 2024 1.5 3.0 7" in cleaned.text


def test_twenty_thousand_character_sentence_survives_and_segments() -> None:
    long_line = " ".join(f"word{i % 97}" for i in range(3000))
    assert len(long_line) > 20_000
    cleaned = clean_article(_page("A headline for the long one", long_line))
    assert cleaned.text == long_line
    spans = sentence_spans(cleaned.text)
    assert len(spans) > 10
    assert " ".join(cleaned.text[s:e] for s, e in spans) == long_line


def test_markup_like_text_is_kept_verbatim() -> None:
    line = "The post read [@click=app.quit] and closing [/foo] tags were shown."
    assert line in clean_article(_page("Odd Markup Shows Up In Post", line)).text


def test_cleaning_benchmark_runs_on_a_small_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "ecbplus"
    folder.mkdir()
    doc = {
        "sentences": [
            {"n": 0, "text": "Storm Hits Coast Town", "selected": True},
            {"n": 1, "text": "March 3, 2026", "selected": False},
            {"n": 2, "text": BODY_1, "selected": True},
            {"n": 3, "text": "Share", "selected": False},
        ]
    }
    (folder / "ecbplus_docs.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    script = Path(__file__).resolve().parents[3] / "scripts" / "bench_cleaning.py"
    result = subprocess.run(
        [sys.executable, str(script), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sentences not in the cleaned text: 2 of 4" in result.stdout
    assert "1  date line" in result.stdout
    assert "real content dropped: 1 " in result.stdout


def test_cleaning_benchmark_says_when_data_is_missing(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[3] / "scripts" / "bench_cleaning.py"
    result = subprocess.run(
        [sys.executable, str(script), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "ECB+ data not found" in result.stderr


WRAPPED = """Council passes budget after long debate

The city council approved the new budget on Monday after a debate that
lasted more than nine hours, with members of the opposition warning that
the plan would raise local taxes by four percent for most households and
cut funding for libraries and parks.

The mayor is expected to sign the measure before the end of the month,
her office said in a statement late on Monday. Opposition members said
they would challenge the vote in court.
"""


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    cleaned = clean_article(WRAPPED)
    assert cleaned.title == "Council passes budget after long debate"
    paragraphs = cleaned.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "\n" not in paragraphs[0]
    assert paragraphs[0].startswith("The city council approved")
    assert paragraphs[0].endswith("libraries and parks.")
    assert paragraphs[1].endswith("challenge the vote in court.")
    sentences = [cleaned.text[s:e] for s, e in sentence_spans(cleaned.text)]
    assert sentences[0].endswith("libraries and parks.")
    assert len(sentences) == 3


def test_short_sentence_lines_are_not_rejoined() -> None:
    raw = "\n".join([BODY_1, BODY_2, BODY_3, "Share", BODY_1.replace("Monday", "Friday")])
    cleaned = clean_article(raw)
    assert cleaned.text.split("\n") == [BODY_1, BODY_2, BODY_3, BODY_1.replace("Monday", "Friday")]


def test_bare_url_lines_are_dropped() -> None:
    raw = _page("Budget Passes After Long Debate", BODY_1, "https://example.org/share?id=12")
    assert clean_article(raw).text == BODY_1


PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


@pytest.mark.parametrize(
    ("name", "title", "date", "author", "first", "last", "count"),
    [
        (
            "news_site.txt",
            "Flooding forces thousands from homes in river valley",
            "2026-03-14T09:41",
            "Clara Jensen",
            "Heavy rain has forced more than 3,000 people",
            "stay above flood level for several days.",
            6,
        ),
        (
            "blog_with_comments.txt",
            "Flooding: 2 dead, 3,000 evacuated as Lindau river bursts banks",
            "2026-03-14",
            None,
            "Two people died and about 3,000 were evacuated",
            "About 400 soldiers were deployed to fill sandbags.",
            5,
        ),
        (
            "broadcaster.txt",
            "Central bank raises interest rates to 4.5%",
            "2026-06-17",
            None,
            "The central bank has raised interest rates",
            "pass the increase on to borrowers within days.",
            6,
        ),
    ],
)
def test_made_up_pages_keep_only_the_article(
    name: str,
    title: str,
    date: str,
    author: str | None,
    first: str,
    last: str,
    count: int,
) -> None:
    cleaned = clean_article((PAGES / name).read_text(encoding="utf-8"))
    assert (cleaned.title, cleaned.date, cleaned.author) == (title, date, author)
    sentences = [cleaned.text[s:e] for s, e in sentence_spans(cleaned.text)]
    assert sentences[0].startswith(first)
    assert sentences[-1].endswith(last)
    assert len(sentences) == count
    for junk in ("Share", "Advertisement", "Related", "Comment", "Copyright", "caption"):
        assert junk.lower() not in cleaned.text.lower()
