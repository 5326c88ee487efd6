"""Conflict detection: the labelled pairs, reasons with spans, and agreeing differences."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newsreader.engine.conflicts import (
    REASON_TYPES,
    claim_figure_reasons,
    conflicts_between,
    find_conflicts,
    same_fact_reasons,
)
from newsreader.model import Reason, Sentence

DATA = Path(__file__).resolve().parents[2] / "data" / "conflicts.jsonl"
REPO = Path(__file__).resolve().parents[3]


def _bench():
    spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench_conflicts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_set_is_balanced_and_covers_every_type() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 80
    conflicts = [r for r in rows if r["conflict"]]
    assert 0.4 <= len(conflicts) / len(rows) <= 0.6
    assert {r["type"] for r in conflicts} == set(REASON_TYPES)
    assert all(r["type"] is None for r in rows if not r["conflict"])
    assert len({(r["a"], r["b"]) for r in rows}) == len(rows)


def test_quality_floor_on_labelled_set() -> None:
    bench = _bench()
    scores = bench.score(bench.load_pairs(DATA))
    precision, recall, _, _ = scores["overall"]
    assert precision >= 0.97, bench.errors(bench.load_pairs(DATA))
    assert recall >= 0.95, bench.errors(bench.load_pairs(DATA))
    for kind in REASON_TYPES:
        p, r, _, _ = scores[kind]
        assert p >= 0.85 and r >= 0.85, (kind, p, r)


def _sentence(text: str, sid: str) -> Sentence:
    return Sentence(sid, sid, 0, text, 0, len(text))


@pytest.mark.parametrize(
    ("a", "b", "kind", "span_a", "span_b"),
    [
        (
            "At least 19 drones were shot down overnight.",
            "Air defences downed 14 drones overnight.",
            "numeric",
            "At least 19",
            "14",
        ),
        (
            "No firefighters were injured in the blaze.",
            "Two firefighters were injured in the blaze.",
            "negation",
            "No",
            "Two",
        ),
        (
            "The minister denied the report on Monday.",
            "The minister confirmed the report on Monday.",
            "negation",
            "denied",
            "confirmed",
        ),
        (
            "The senator did not sign the letter.",
            "The senator signed the letter.",
            "negation",
            "sign",
            "signed",
        ),
        (
            "Shares rose 3% on Friday.",
            "Shares fell 3% on Friday.",
            "antonym",
            "rose",
            "fell",
        ),
        (
            "A gas pipeline ruptured near the border.",
            "An oil pipeline ruptured near the border.",
            "substitution",
            "gas",
            "oil",
        ),
        (
            "The strike began on Tuesday morning.",
            "The strike began on Wednesday morning.",
            "date",
            "Tuesday",
            "Wednesday",
        ),
    ],
)
def test_reason_type_detail_and_spans(a: str, b: str, kind: str, span_a: str, span_b: str) -> None:
    [reason] = find_conflicts(_sentence(a, "a"), _sentence(b, "b"))
    assert reason.type == kind
    assert a[slice(*reason.a_span)] == span_a
    assert b[slice(*reason.b_span)] == span_b
    assert span_a.split()[-1] in reason.detail and span_b in reason.detail


def test_detail_names_the_counted_thing() -> None:
    [reason] = conflicts_between("19 drones were downed.", "14 drones were downed.")
    assert reason.detail == "19 vs 14 drones"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Twelve climbers were rescued.", "12 climbers were rescued."),
        ("At least 12 climbers were rescued.", "Twelve climbers were rescued."),
        ("About 450 people attended the vigil.", "More than 400 people attended the vigil."),
        ("The leader has ruled since 2015.", "The leader has ruled for nearly a decade."),
        (
            "It was the president's 11th visit to the region.",
            "It was the president's third visit to the region since 2022.",
        ),
        ("The team did not win the final.", "The team lost the final."),
        ("President Ortiz spoke in Lima.", "Mr. Ortiz spoke in Lima."),
        ("Luckily no-one was hurt in the fire.", "No one was hurt in the fire."),
        (
            "The Colts did not lead until the fourth quarter.",
            "The Colts led in the fourth quarter.",
        ),
        ("Officials did not immediately respond.", "Officials responded later in the day."),
        ("They drafted a non-binding list.", "They drafted a nonbinding list."),
        ("The blast was heard 50 km (31 miles) away.", "The blast was heard 31 miles away."),
    ],
)
def test_agreeing_differences_are_not_flagged(a: str, b: str) -> None:
    assert conflicts_between(a, b) == []
    assert conflicts_between(b, a) == []


def test_direction_does_not_matter_for_the_decision() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        forward = bool(conflicts_between(row["a"], row["b"]))
        backward = bool(conflicts_between(row["b"], row["a"]))
        assert forward == backward, row


def test_hostile_and_degenerate_text() -> None:
    long_text = "1 " * 5000 + "drones"
    assert isinstance(conflicts_between(long_text, "3 drones"), list)
    # text full of numbers on both sides: only the start of such a "sentence" is compared
    assert isinstance(conflicts_between("9 " * 5000, "7 " * 5000), list)
    many = ", ".join(f"{i} drones" for i in range(2000))
    assert isinstance(conflicts_between(many, many.replace("drones", "boats")), list)
    assert conflicts_between("", "") == []
    assert conflicts_between("[b]19[/b] drones", "14 drones")[0].type == "numeric"
    assert all(r.type == "numeric" for r in conflicts_between("Привет 5 мир", "Привет 7 мир"))
    odd_digits = ["② people ½ hour", "٣ drones were downed", "x³ 4th ⁴ ₂", "５ drones", "Ⅻ men"]
    for a in odd_digits:
        for b in odd_digits:
            assert isinstance(conflicts_between(a, b), list)


def test_long_differing_stretch_with_names_terminates() -> None:
    a = "Officials in Springfield said that Mayor Quimby of Shelbyville and Chief Wiggum spoke."
    b = "Officials in Capital City said the governor spoke."
    assert isinstance(conflicts_between(a, b), list)
    assert isinstance(conflicts_between(b, a), list)


def test_near_figures_of_one_class_clash_also_when_the_words_differ() -> None:
    from newsreader.engine.conflicts import claim_figure_reasons

    a = "The survey reached more than 2,000 residents across the region."
    b = "In all, 1,842 people answered the questionnaire."
    assert claim_figure_reasons(a, b, named=True)
    other = "In all, 1,842 homes answered the questionnaire."
    assert not claim_figure_reasons(a, other, named=True)
    assert claim_figure_reasons(a, other)


def test_two_exact_near_counts_clash_in_a_claim_though_one_names_nothing() -> None:
    a = "Turnout reached 18,342, the highest the town has recorded."
    b = "The official turnout was 18,117, a little short of the 19,000 registered."
    (reason,) = claim_figure_reasons(a, b, named=True)
    assert reason.detail.startswith("18,342 vs 18,117")
    # a round figure is no restatement of an exact one it does not round to
    assert claim_figure_reasons("The official count was 18,342.", b, named=True)
    # rounded, too far apart, or prices of two items: no clash
    assert not claim_figure_reasons(a, "The official turnout was about 18,000.", named=True)
    assert not claim_figure_reasons(a, "The official turnout was 16,117.", named=True)
    assert not claim_figure_reasons(
        "The base model costs $2,799.", "The other model costs $2,749.", named=True
    )


def test_a_fact_linked_pair_keeps_one_figure_each_of_one_class_or_month() -> None:
    from newsreader.engine.conflicts import same_fact_reasons

    a = "Hair loss was reported in 8.5% of patients on the higher dose."
    b = "Roughly 15 percent of volunteers lost some hair during the study."
    found = conflicts_between(a, b)
    assert found and same_fact_reasons(found, a, b) == found
    c = "Exports rose 4.1% in May, the statistics office said."
    d = "Foreign sales climbed by almost 6 per cent in May, a record."
    found = conflicts_between(c, d)
    assert found and same_fact_reasons(found, c, d) == found
    # Units are no class of thing: two moves in basis points may be of two rates.
    e = "Bond yields fell 9 basis points after the announcement."
    f = "The lending rate was cut by 50 basis points, to 6 per cent."
    assert same_fact_reasons(conflicts_between(e, f), e, f) == []


@pytest.mark.parametrize(
    ("a", "b", "kind", "detail"),
    [
        # None at all leaves none in any group.
        (
            "Three deaths among older patients were blamed on the drug.",
            "There were no drug-related deaths during the trial.",
            "negation",
            "Three vs no deaths",
        ),
        # Each date is compared with the date of the same act.
        (
            "The firm plans to apply for a licence from the regulator in the first quarter.",
            "The firm would apply for its licence in May and open in the second half of 2027.",
            "date",
            "first quarter vs May",
        ),
        # A date given with another year is another date, not a second reading of this one.
        (
            "The firm will apply for a licence in March 2026.",
            "The firm expects to open in the second half of 2027 and to apply in May.",
            "date",
            "March vs May",
        ),
    ],
)
def test_one_clash_with_its_type_and_values(a: str, b: str, kind: str, detail: str) -> None:
    [reason] = conflicts_between(a, b)
    assert (reason.type, reason.detail) == (kind, detail)


def test_some_in_a_group_and_another_count_of_all_do_not_clash() -> None:
    some = "Three deaths among older patients."
    assert conflicts_between(some, "Five deaths were recorded.") == []


def test_an_act_denied_clashes_with_the_same_act_told_in_the_passive() -> None:
    a = "The club failed to meet two of its three targets for the season, its chairman said."
    b = "All three targets for the season were met."
    [reason] = conflicts_between(a, b)
    assert reason.type == "negation"
    # Two doers, neither told in the passive: two acts.
    assert (
        conflicts_between("The union failed to meet the target.", "The firm met the target.") == []
    )


def test_small_groups_named_by_other_nouns_are_other_groups() -> None:
    # Three victims and four people in one room may be two groups of one story ...
    assert (
        conflicts_between("She shot the three victims.", "Police found four people inside.") == []
    )
    # ... a thousand patients and two thousand people are one total.
    a = "The trial enrolled about 1,000 patients."
    assert conflicts_between(a, "More than 2,000 people took part in the trial.")


def test_as_many_charges_of_two_other_offences_clash() -> None:
    a = "The jury acquitted her on two counts of bribery."
    b = "She was cleared of two fraud charges, her lawyer said."
    [reason] = conflicts_between(a, b)
    assert reason.type == "substitution" and reason.detail == "bribery vs fraud"
    # One offence in two wordings, or charges of two verdicts, do not clash.
    assert (
        conflicts_between(
            "She was cleared of two fraud charges.", "She was acquitted on two counts of fraud."
        )
        == []
    )
    assert (
        conflicts_between(
            "She was convicted on two counts of bribery.", "She was cleared of two fraud charges."
        )
        == []
    )


def test_one_figure_moving_two_ways_clashes() -> None:
    a = "Shares in Harlow Foods were 2.2% higher in late trading."
    b = "Shares in Harlow Foods are trading 1.5 per cent lower this afternoon."
    assert [r.type for r in conflicts_between(a, b)] == ["antonym"]
    c = "Shares in Harlow Foods were 2.2% higher in late trading."
    assert conflicts_between(c, "Harlow Foods shares closed 2.2 per cent up.") == []


def test_a_fact_linked_pair_keeps_one_large_count_each_of_one_noun() -> None:
    from newsreader.engine.conflicts import same_fact_reasons

    a = "About 1,200 nurses joined the walkout at the city's hospitals."
    b = "Some 2,000 nurses stayed away from work on Tuesday."
    found = conflicts_between(a, b)
    assert found and same_fact_reasons(found, a, b) == found
    # Small counts of one noun, or counts far apart, are other groups.
    c, d = "Three nurses were hurt.", "Some 900 nurses marched."
    assert same_fact_reasons(conflicts_between(c, d), c, d) == []


def test_a_phrasal_refusal_denies_like_its_verb() -> None:
    a = "Staff rejected an earlier offer of 2.5% in May."
    assert (
        conflicts_between(a, "Staff turned down an earlier offer of 2.5 per cent last month.") == []
    )
    assert conflicts_between("Staff turned down the offer.", "Staff accepted the offer.")


@pytest.mark.parametrize(
    ("a", "b", "details"),
    [
        # Counts of one kind of charge, whoever leads the sentence (a name before a
        # passive verb is the one acted on, not a rival subject).
        (
            "Judge Ana Holm found the 52-year-old guilty of five of eight charges.",
            "Peter Lind was convicted on six counts, his lawyer said.",
            ["five vs six charges"],
        ),
        # Synonyms count one thing at any size.
        (
            "By noon 27 vessels were still waiting outside the harbour.",
            "Thirty-four ships were waiting outside the harbour this morning.",
            ["27 vs Thirty-four vessels"],
        ),
    ],
)
def test_figures_worded_apart_clash_with_their_values(a: str, b: str, details: list[str]) -> None:
    assert [r.detail for r in conflicts_between(a, b)] == details


def test_a_date_of_another_act_the_other_sentence_names_does_not_clash() -> None:
    a = "The results will be presented in July."
    b = "The company plans to apply for approval in September and to present the results."
    assert conflicts_between(a, b) == []
    # the same act under another verb still clashes
    assert [r.type for r in conflicts_between(a, "The results will be presented in May.")] == [
        "date"
    ]


def test_a_fact_linked_pair_keeps_the_dates_of_one_act_worded_apart() -> None:
    a = "The chief executive said the company would file for approval in November."
    b = "The firm plans to submit a licence application to the Drug Board in September 2025."
    c = "The firm plans to open a new plant in September 2025."

    def date_reason(x: str, y: str) -> Reason:
        at_x, at_y = x.index("November"), y.index("September")
        return Reason("date", "November vs September", (at_x, at_x + 8), (at_y, at_y + 9))

    # file / submit: one act, so its two dates are one fact; open: another act
    assert same_fact_reasons([date_reason(a, b)], a, b) == [date_reason(a, b)]
    assert same_fact_reasons([date_reason(a, c)], a, c) == []


def test_a_date_is_compared_with_the_date_of_the_same_act() -> None:
    a = "The band will record the album in June and release it in October."
    b = "The band plans to release the album in June."
    assert [r.detail for r in conflicts_between(a, b)] == ["October vs June"]


def test_counts_of_two_classes_of_thing_by_one_event_are_not_compared() -> None:
    # Linked by the toll word near both figures, but houses and boys are other things.
    a = (
        "Kessler was arrested late on Sunday by a police unit, three houses from the scene"
        " of the fatal shooting."
    )
    b = "The 40-year-old newlywed and father to two boys died almost at once."
    assert conflicts_between(a, b) == []
    # A toll named by its outcome noun still counts people.
    c = "Officials had confirmed 61 deaths by the afternoon."
    d = "Fifty-two people have lost their lives, officials said."
    assert [r.type for r in conflicts_between(c, d)] == ["numeric"]


def test_an_act_done_and_not_yet_done_clashes_beside_the_same_act_expected() -> None:
    a = "The treaty was ratified on Monday by both chambers and takes effect in May."
    b = "The treaty itself has not yet been ratified, and officials expect to ratify it soon."
    assert [r.detail for r in conflicts_between(a, b)] == ["ratified vs not ratified"]
    # both sides expected, or both done: no clash
    c = "The treaty has been ratified, officials said, and they expect to publish it soon."
    assert conflicts_between(a, c) == []


@pytest.mark.parametrize(
    ("a", "b", "details"),
    [
        # two counts known so far, however round
        (
            "Police said they had received at least 300 complaints by the morning.",
            "Police now say they have had at least 1,200 complaints.",
            ["at least 300 vs at least 1,200 complaints"],
        ),
        # one act, one object, done and not done
        (
            "The ombudsman's office has opened an inquiry, a spokesman said.",
            "The ombudsman's office says it has not yet opened a formal inquiry.",
            ["opened vs not opened"],
        ),
        # the days of one act
        (
            "Ms Lund will appear before the budget committee on Thursday, its chair said.",
            "Ms Lund has been called to appear before the budget committee next Tuesday.",
            ["Thursday vs Tuesday"],
        ),
    ],
)
def test_clashes_of_counts_so_far_acts_and_days(a: str, b: str, details: list[str]) -> None:
    assert [r.detail for r in conflicts_between(a, b)] == details


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("At least 230 homes were damaged.", "More than 230 homes were damaged."),
        ("He was arrested shortly before midnight.", "He was arrested at midnight."),
        (
            "Ms Lund will appear before the committee on Thursday.",
            "Ms Lund said on Tuesday that she would attend.",
        ),
    ],
)
def test_one_figure_bound_two_ways_and_an_hour_across_midnight_agree(a: str, b: str) -> None:
    assert conflicts_between(a, b) == []


def test_opposite_moves_of_figures_of_one_fact_clash_in_a_fact_linked_pair() -> None:
    a = "The stock closed a further 2.1% lower on Tuesday."
    b = "Harlow shares ended Tuesday's session 3.2 per cent higher, recovering some losses."
    reasons = conflicts_between(a, b)
    assert [r.detail for r in reasons] == ["lower vs higher"]
    assert same_fact_reasons(reasons, a, b) == reasons
    # "Monday afternoon" / "Monday evening" are no moves
    c = "He was arrested Monday afternoon after a chase."
    d = "Police searched his flat Monday evening."
    assert same_fact_reasons(conflicts_between(c, d), c, d) == []


def test_opposite_moves_of_one_named_holding_clash_past_a_verb_and_a_figure() -> None:
    a = "Velmont's shares rose 3% in early trading as investors welcomed the plan."
    b = "Velmont's shares opened 6 per cent lower in Orrin."
    reasons = conflicts_between(a, b)
    assert [r.detail for r in reasons] == ["rose vs lower"]
    assert same_fact_reasons(reasons, a, b) == reasons
    # the shares of another company move the other way: no clash
    c = "Tarrow's shares opened 6 per cent lower in Orrin."
    assert conflicts_between(a, c) == []


def test_a_verb_of_rejection_in_the_passive_denies_nothing_after_it() -> None:
    a = "Ortiz was fired last week, his lawyer said."
    b = "Ortiz, who is still listed on the firm's website, had been dismissed last week."
    assert conflicts_between(a, b) == []
    # in the active it still denies its object
    c = "The board dismissed the claims last week."
    d = "The board accepted the claims last week."
    assert conflicts_between(c, d)


def test_a_bare_clock_time_may_be_morning_or_evening() -> None:
    a = "She died at 6: 41 last night, her agent said."
    assert conflicts_between(a, "She died at 6:41pm on Thursday, her agent said.") == []
    assert conflicts_between(a, "She died at 18:41 on Thursday, her agent said.") == []
    assert conflicts_between(a, "She died at 7:30pm on Thursday, her agent said.")


def test_a_plea_named_after_the_word_is_a_position_not_a_verdict() -> None:
    verdict = "Anthony Lane was found guilty of first-degree murder in the killing."
    plea = "Not guilty pleas were entered on Lane's behalf to charges of first-degree murder."
    assert conflicts_between(verdict, plea) == []
    acquittal = "Anthony Lane was found not guilty of first-degree murder in the killing."
    assert [r.type for r in conflicts_between(verdict, acquittal)] == ["negation"]


def test_a_near_figure_the_other_sentence_also_states_is_no_clash() -> None:
    a = "The buyer said $281 million of the price will be paid in cash."
    b = "Rowan Labs is buying the firm for $334 million, including $281 million in cash."
    assert claim_figure_reasons(a, b) == []
    # a figure of another class stated beside it does not count
    c = "Nearly 1,850 patients took part in the study, which ran at more than 230 clinics."
    d = "The study included more than 2,000 people with the disease."
    assert claim_figure_reasons(c, d)


def test_a_measure_bounded_at_the_other_figure_agrees_but_a_count_does_not() -> None:
    a = "The new tablet weighs under 1.2 pounds."
    assert conflicts_between(a, "The new tablet will weigh just 1.2 pounds.") == []
    assert conflicts_between(
        "More than 14 people were evacuated from the tower.",
        "14 people were evacuated from the tower.",
    )


def test_not_among_denies_what_the_other_says_was_included() -> None:
    (reason,) = conflicts_between(
        "The victims included two children.", "The two children were not among the victims."
    )
    assert (reason.type, reason.detail) == ("negation", "included vs not among")
    # Other things included, another thing denied: no clash.
    assert not conflicts_between(
        "The stolen files included payroll records.",
        "Dates of birth were not among the stolen data.",
    )


def test_a_relative_clause_does_not_part_a_subject_from_its_verb() -> None:
    (reason,) = conflicts_between(
        "The dock workers, who met on Sunday night, rejected the offer.",
        "The dock workers have accepted the offer.",
    )
    assert reason.detail == "rejected vs accepted"


def test_amounts_of_data_are_compared_in_bytes() -> None:
    assert not conflicts_between(
        "The gang says it took 1.8 terabytes of files.",
        "The gang says it took around 1,800 gigabytes of files.",
    )
    (reason,) = conflicts_between(
        "The gang says it took 1.8 terabytes of files.",
        "The gang says it took 900 gigabytes of files.",
    )
    assert reason.type == "numeric"


def test_one_common_subject_doing_opposite_things_is_read_for_the_rescue() -> None:
    from newsreader.engine.conflicts import features, opposed_by_one_subject

    a = features("The tribunal also granted a request to freeze the firm's accounts.")
    b = features("The tribunal declined to freeze the firm's accounts, leaving it to the banks.")
    assert opposed_by_one_subject(a, b)
    # another subject, a name (teams win and lose other games) or a verb is no one subject
    assert not opposed_by_one_subject(a, features("The regulator declined to freeze them."))
    won = features("Only two fumbles by Tarrow won this game for the Colts.")
    lost = features("A drive stalled when Tarrow lost a fumble on the 16-yard line.")
    assert not opposed_by_one_subject(won, lost)
    assert not opposed_by_one_subject(
        features("The inquiry led directly to his resignation."),
        features("That pressure led indirectly to his resignation."),
    )
