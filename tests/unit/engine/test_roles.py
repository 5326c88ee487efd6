"""The posts people hold and the substitutions between two sources' posts."""

from __future__ import annotations

from newsreader.engine.roles import affiliations, role_conflicts, roles


def test_a_post_is_read_after_before_and_in_front_of_a_name() -> None:
    after = roles("It relied on Anna Berg, the agency's former chief financial officer, who spoke.")
    before = roles("Evidence came from the agency's former deputy director, Anna Berg, last week.")
    title = roles("Deputy Mayor Ivo Lind and board member Ruth Kade voted against.")
    assert after["berg"][0] == {"chief", "financial", "officer"}
    assert before["berg"][0] == {"deputi", "chief"}  # director, head and chief: one post
    assert title["lind"][0] == {"deputi", "mayor"}
    assert title["kad"][0] == {"board", "member"}


def test_two_posts_that_share_no_word_are_a_substitution() -> None:
    a = "It relied on Anna Berg, the agency's former chief financial officer, who spoke."
    b = "Evidence came from the agency's former deputy director, Anna Berg, last week."
    (reason,) = role_conflicts(a, b)
    assert reason.type == "substitution"
    assert a[slice(*reason.a_span)] == "former chief financial officer"
    assert b[slice(*reason.b_span)] == "former deputy director"


def test_names_of_one_post_and_shared_words_agree() -> None:
    assert not role_conflicts(
        "Her lawyer, Tomas Lund, said she would appeal.",
        "Her counsel, Tomas Lund, said an appeal would follow.",
    )
    assert not role_conflicts(
        "Pia Roth, the firm's finance director, resigned.",
        "The firm's finance chief, Pia Roth, resigned on Friday.",
    )


def test_a_person_without_a_post_or_two_people_are_not_compared() -> None:
    assert not role_conflicts("Anna Berg resigned.", "Anna Berg, the agency's director, resigned.")
    assert not role_conflicts(
        "Ivo Lind, the mayor, spoke first.", "Ruth Kade, the treasurer, spoke first."
    )


def test_one_person_placed_at_two_employers() -> None:
    a = "Maria Lenz, an economist at the Harwell Institute, called the cut overdue."
    b = "Northbridge University economist Maria Lenz said the cut was overdue."
    c = "Maria Lenz, a senior economist at Harwell Institute, said the cut was overdue."
    [reason] = role_conflicts(a, b)
    assert reason.type == "substitution"
    assert reason.detail == "Harwell Institute vs Northbridge University"
    assert role_conflicts(a, c) == []  # one employer, with or without "the"
    # Said by a name, not placed there: "the Kremlin said Anna Berg ..." gives no employer.
    assert affiliations("The ministry said Anna Berg, who left in May, was not involved.") == {}


def test_posts_written_as_initials_are_the_posts_they_stand_for() -> None:
    ceo = "The firm's new CEO Rory Vance was upbeat about the deal."
    assert role_conflicts(ceo, "President and chief executive Rory Vance praised the deal.") == []
    assert role_conflicts(ceo, "Chief operating officer Rory Vance praised the deal.")
    # a rank in common does not make two posts one
    assert role_conflicts("CFO Jane Holt resigned.", "Chief operating officer Jane Holt resigned.")


def test_head_and_director_are_one_post() -> None:
    a = "Mehmet Arslan, the head of the national seismic centre, ruled out a tsunami."
    b = "Mehmet Arslan, director of the seismic centre, ruled out a tsunami."
    assert role_conflicts(a, b) == []
    c = "Mehmet Arslan, the centre's finance director, ruled out a deal."
    d = "Mehmet Arslan, the centre's chief operating officer, ruled out a deal."
    assert role_conflicts(c, d)


def test_a_capitalised_post_after_a_name_is_read_and_a_list_ends_it() -> None:
    chief = roles('"We are sorry," said Ines Halvard, Group Chief Executive.')
    assert chief["halvard"][0] == {"chief", "executiv"}
    listed = roles("The board of owner Jon Hale, COO Per Lund and Finance Director Eva Moss met.")
    assert "hale" not in listed  # ", COO Per Lund and ..." is the next name of a list
    assert not roles("It elected Mara Vinter, only the third woman to head the academy.")
    (reason,) = role_conflicts(
        "Ines Halvard, the group's chief operating officer, spoke to reporters.",
        '"We are sorry," said Ines Halvard, Group Chief Executive.',
    )
    assert reason.detail == "chief operating officer vs Chief Executive"
