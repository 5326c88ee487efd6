"""Quantities read as intervals: bounds, number words, scales, durations, kinds, spans."""

from __future__ import annotations

import math

import pytest

from newsreader.engine.quantities import Quantity, quantities
from newsreader.engine.wordforms import key, tokenize


def parse(text: str) -> list[Quantity]:
    found = list(quantities(text, tokenize(text)))
    for q in found:
        assert text[q.span[0] : q.span[1]] == q.text
    return found


def only(text: str) -> Quantity:
    [q] = parse(text)
    return q


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("At least 19 drones were shot down.", 19, math.inf),
        ("Up to 50 homes were lost.", 0, 50),
        ("Fewer than 100 people came.", 0, 100),
        ("Between 10 and 12 people were hurt.", 10, 12),
        ("Some 30 or more boats sank.", 27, math.inf),
        ("Nearly 3,000 workers joined.", 2550, 3000),
        ("About 450 people attended.", 405, 495),
    ],
)
def test_bounds_become_intervals(text: str, low: float, high: float) -> None:
    q = only(text)
    assert q.kind == "count"
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


def test_more_than_excludes_the_number_itself() -> None:
    q = only("More than 500 homes lost power.")
    assert q.low > 500 and q.high == math.inf
    assert not q.overlaps(only("Exactly 500 homes lost power."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Twelve miners are trapped.", 12),
        ("A dozen miners are trapped.", 12),
        ("Twenty-five miners are trapped.", 25),
        ("Two hundred and fifty miners are trapped.", 250),
        ("Four billion pounds will be spent.", 4e9),
    ],
)
def test_number_words(text: str, value: float) -> None:
    q = only(text)
    assert q.low == pytest.approx(value) and q.high == pytest.approx(value)


def test_scale_words_and_currency() -> None:
    exact = only("The fund is worth $245.7 billion.")
    short = only("The fund is worth 245bn dollars.")
    assert exact.kind == short.kind == "money:USD"
    assert exact.overlaps(short)
    assert not only("It cost £4bn.").overlaps(only("It cost £6 billion."))


def test_a_one_digit_scaled_figure_is_not_far_from_itself() -> None:
    assert not only("The winners get 1 million euros.").overlaps(only("They get €1.2 million."))
    assert only("It cost $3 billion.").overlaps(only("It cost $3.1 billion."))
    assert only("It is worth 2.4 billion pounds.").overlaps(only("It is worth £2.42bn."))


def test_pence_are_hundredths_of_a_pound() -> None:
    glued = only("The shares closed at 294.6p yesterday.")
    assert glued.kind == "money:GBP" and glued.low == glued.high == 2.946
    assert only("The offer is 185 pence in cash.").overlaps(only("The offer is £1.85 in cash."))
    assert not only("They rose to 310p.").overlaps(only("They rose to 301p."))
    assert not parse("It has 4p4 rating.")  # digits glued to a name are no figure


def test_a_decimal_typed_apart_is_one_figure_before_a_comma() -> None:
    first, second = parse("It put the magnitude at 5. 9, but the survey said 6. 1.")
    assert (first.low, second.low) == (5.9, 6.1)
    assert [q.text for q in parse("It rose 5. 9, 000 people came.")] == ["5", "9, 000"]


def test_a_figure_with_a_character_lost_in_decoding_is_no_figure() -> None:
    assert not parse("He served 4\ufffd months in prison.")
    assert only("He served 4½ months in prison.").text == "4½ months"


def test_a_figure_in_apposition_is_near_the_noun_it_renames() -> None:
    assert "attendanc" in only("The attendance, more than 41,000, was a record.").near
    assert "attendanc" not in only("The attendance fell, 41 people waited.").near


def test_a_live_pages_minute_of_play_is_the_minute() -> None:
    line = parse("24 min: Albescu steers a low cross in to make it 1-0.")[0]
    report = only("Albescu put them ahead in the 23rd minute.")
    assert line.kind == report.kind == "ordinal" and line.head == report.head
    assert line.low == 24 and report.low == 23
    assert only("The walk took 24 min in all.").kind == "count"


def test_ranges_that_repeat_the_scale_word() -> None:
    offer = only("Offers were in the $140 million to $160 million range.")
    assert offer.low == pytest.approx(140e6, rel=0.01) and offer.high == 160e6
    between = only("The offer is between $140 million and $150 million.")
    assert between.low == pytest.approx(140e6, rel=0.01) and between.high == 150e6
    assert between.text == "between $140 million and $150 million"


def test_percentages_are_their_own_kind() -> None:
    assert only("Turnout was 64%.").kind == "percent"
    assert only("Turnout was 64 per cent.").kind == "percent"
    assert only("Turnout was 64 percent.").low == 64


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("The talks lasted a week.", "The talks lasted seven days.", True),
        ("The talks lasted 48 hours.", "The talks lasted two days.", True),
        ("The project will take a decade.", "The project will take ten years.", True),
        ("The trial will last three weeks.", "The trial will last about two months.", False),
        ("The outage lasted nearly six hours.", "The outage lasted more than a day.", False),
    ],
)
def test_durations_in_days(a: str, b: str, agree: bool) -> None:
    x, y = only(a), only(b)
    assert x.kind == y.kind == "duration"
    assert x.overlaps(y) is agree


def test_ordinals_are_not_counts() -> None:
    q = only("It was her 11th visit.")
    assert q.kind == "ordinal" and q.low == 11 and q.head == key("visit")
    assert only("It was the third visit.").kind == "ordinal"
    assert only("Three visits were made.").kind == "count"


def test_years_are_not_counts() -> None:
    assert only("The station opened in 1998.").kind == "year"
    assert only("He has ruled since 2015.").qualifier == "since"
    assert only("It was a 2013 sedan.").kind == "year"
    assert only("Some 2000 people marched.").kind == "count"
    assert only("The company was founded in the 1970s.").high == 1979


def test_dates_and_times() -> None:
    assert only("It happened on March 3.").low == 303
    assert only("It happened on 3 March.").low == 303
    month = only("It happened in March.")
    assert (month.low, month.high) == (301, 331)
    assert only("The polls close at 8 p.m.").low == 20 * 60
    assert only("The quake struck at 4:30 a.m.").low == 4 * 60 + 30
    assert only("It began on Tuesday.").kind == "weekday"
    visit = only("The visit runs from May 7 to May 10.")
    assert (visit.low, visit.high) == (507, 510) and visit.text == "from May 7 to May 10"
    assert only("In May the river rose.").low == 501
    assert not parse("The river May rise.")


def test_other_means_one_more_in_all() -> None:
    q = only("She met five other leaders.")
    assert (q.low, q.high) == (5, 6)
    assert q.head == key("leaders")


def test_no_and_nobody_are_zero() -> None:
    q = only("No firefighters were injured.")
    assert q.zero and q.high == 0 and q.head == key("firefighters")
    assert only("Nobody was hurt.").zero
    assert not parse("The bridge is no longer open.")


def test_qualifiers_set_counts_apart() -> None:
    assert only("It was her third visit since 2022.".replace(" since 2022", "")).qualifier == ""
    scoped = parse("It was her third visit to the region since 2022.")[0]
    assert scoped.qualifier.startswith("scope:since")
    assert only("Another 5 people were found.").qualifier == "increment"
    compound = only("He made a three-point play.")
    assert compound.head == key("play") and compound.qualifier.startswith("attr:")
    assert only("The navy has seized a total of 31 magazines.").qualifier == "scope:total"
    part = parse("Three of the 20 hostages were freed.")[0]
    assert part.qualifier == "part" and part.head == key("hostages")


def test_units_convert() -> None:
    metres = only("The tower is 320 metres tall.")
    feet = only("The tower is 1,050 feet tall.")
    assert metres.kind == feet.kind == "length"
    assert metres.overlaps(feet)
    assert only("Winds reached 120 km/h.").overlaps(only("Winds reached 75 mph."))


def test_ages_and_names_with_digits() -> None:
    assert only("The 27-year-old driver was held.").kind == "age"
    assert only("Raj Chohan, 59, was hit.").kind == "age"
    assert not parse("The 76ers won.")
    score = only("The Colts won 20-13.")
    assert score.kind == "score"


def test_spans_point_at_the_words() -> None:
    text = "Officials said at least 19 people and about $3.2bn were lost in 2015."
    texts = [q.text for q in parse(text)]
    assert texts == ["at least 19", "about $3.2bn", "2015"]


@pytest.mark.parametrize(
    ("text", "low", "high", "thing"),
    [
        ("Roughly one in nine patients developed a rash.", 10.0, 12.3, "patient"),
        ("Eight out of 10 dentists agreed.", 72.0, 88.0, "dentist"),
        ("Two-thirds of voters backed the plan.", 60.0, 73.4, "voter"),
        ("Half of the volunteers were given the drug.", 45.0, 55.0, "volunteer"),
        ("The drug slowed decline by nearly a third.", 28.3, 33.4, ""),
        ("Sales fell by more than a quarter.", 25.0, math.inf, ""),
    ],
)
def test_shares_in_words_are_percentages(text: str, low: float, high: float, thing: str) -> None:
    q = only(text)
    assert q.kind == "percent"
    assert low <= q.low < q.high <= high
    assert q.thing == (frozenset({key(thing)}) if thing else frozenset())


@pytest.mark.parametrize(
    "text",
    [
        "The bank cut rates by a quarter point.",
        "A quarter of a century has passed.",
        "Profits rose in the third quarter.",
        "Three in 2019 were unpaid.",
    ],
)
def test_units_and_ordinals_are_not_shares(text: str) -> None:
    assert all(q.kind != "percent" for q in parse(text))


@pytest.mark.parametrize(
    ("text", "per_year"),
    [
        ("Families will save about 30 euros a month.", 360.0),
        ("Monthly rents on a two-room flat rose by 45 euros.", 540.0),
        ("The fee is 2 euros per day.", 730.0),
        ("Savers earn 300 euros a year.", 300.0),
    ],
)
def test_rates_are_compared_per_year(text: str, per_year: float) -> None:
    [q] = [q for q in parse(text) if q.qualifier.startswith("rate:")]
    assert q.qualifier == "rate:year"
    assert q.low <= per_year <= q.high


def test_just_over_is_a_narrow_upper_band() -> None:
    q = only("Inflation slipped to just over 3 per cent.")
    assert q.low > 3.0 and q.high < 3.6


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It will seek approval in the third quarter.", 701, 931),
        ("Sales fell in the first quarter of this year.", 101, 331),
        ("The drug could launch in the second half of 2026.", 701, 1231),
    ],
)
def test_parts_of_a_year_are_the_months_they_span(text: str, low: float, high: float) -> None:
    [q] = [q for q in parse(text) if q.kind == "date"]
    assert (q.low, q.high, q.qualifier) == (low, high, "in")


def test_a_half_of_something_else_is_no_date() -> None:
    assert not [q for q in parse("He scored in the second half of the match.") if q.kind == "date"]


def test_shortly_is_part_of_the_time_not_its_context() -> None:
    q = only("The quake struck shortly after 4 a.m. in the valley.")
    assert q.text == "shortly after 4 a.m."
    assert key("shortly") not in q.near


def test_per_cent_is_not_what_a_date_is_about() -> None:
    [q] = [q for q in parse("Inflation fell to 3.1 per cent in October.") if q.kind == "date"]
    assert not q.near & {"per", "cent"}


@pytest.mark.parametrize(
    "text",
    ["There were no treatment-related deaths.", "Officials reported two storm-linked deaths."],
)
def test_a_compound_before_the_noun_describes_what_is_counted(text: str) -> None:
    assert only(text).head == key("deaths")


def test_a_noun_joined_by_and_is_counted_too() -> None:
    assert only("The ferry carried 420 passengers and crew.").thing == {
        key("passengers"),
        key("crew"),
    }
    assert parse("Some 19 people and dozens were hurt.")[0].thing == {key("people")}


def test_a_direction_after_a_figure_is_not_what_it_counts() -> None:
    assert only("The shares closed 3.1% higher.").thing == frozenset()


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Data on 9,214 current and former colleagues was accessed.", "colleagues"),
        ("The firm hired 40 new or returning teachers.", "teachers"),
        ("The blast killed one person and injured dozens of others.", "people"),
        ("The ship carried 420 passengers and crew.", "passengers"),
    ],
)
def test_what_a_count_counts_after_coordinated_adjectives(text: str, head: str) -> None:
    (q,) = [q for q in quantities(text, tokenize(text)) if q.kind == "count"][:1]
    assert q.head == key(head)
