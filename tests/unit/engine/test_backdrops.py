"""Sentences set on an earlier occasion: their figures are not reports of the event."""

from __future__ import annotations

import pytest

from newsreader.engine.backdrops import backdrop, other_occasions
from newsreader.engine.conflicts import conflicts_between


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("In February, a gunman opened fire at the college, killing three.", {"in february"}),
        ("In May 2019, thieves took jewels worth 4 million euros.", {"in 2019"}),
        ("Earlier this year, the mayor was charged with fraud.", {"earlier year"}),
        ("He missed six games earlier in the season.", {"earlier season"}),
        ("Last June the minister appointed an inquiry.", {"last june"}),
        ("The plant was fined 2 million euros three years ago.", {"ago"}),
        ("In a statement, the firm said 12 staff were hurt.", set()),
        ("Police said earlier that 12 people had died.", set()),
        ("A stronger quake hit the region in late September, killing six.", {"in september"}),
        ("The storm flooded the valley in March, when 40 homes were lost.", {"in march"}),
        ("The strike began in March 3 at the northern depot.", set()),
        ("The fund was set up in March 2019 with 4 million euros.", set()),
        ("The last train left on Friday.", set()),
        ("The council voted last week to close the pool.", set()),
        ("In a separate incident, four guards were hurt at the gate.", {"another"}),
        ("Two men died in a raid on another farm near the town.", {"another"}),
        ("In an earlier raid, three officers were hurt.", {"another"}),
        ("The driver had three previous convictions for speeding.", {"prior"}),
        ("Another 12 people were hurt in the crush.", set()),
        ("Another witness said 30 people had died.", set()),
        ("Police had counted 12 earlier, then 14.", set()),
    ],
)
def test_a_backdrop_is_read_from_its_time_phrases(text: str, marks: set[str]) -> None:
    assert backdrop(text) == marks


def test_a_shared_backdrop_is_one_occasion() -> None:
    opening = "In 2004, a tsunami killed 230,000 people in 14 countries."
    assert not other_occasions(opening, "A tsunami killed 230,000 people in 13 countries in 2004.")
    assert other_occasions(opening, "The quake killed 12 people on Tuesday.")
    assert not other_occasions("The quake killed 12 people.", "Nine people died in the quake.")


def test_figures_of_another_occasion_do_not_clash() -> None:
    assert not conflicts_between(
        "Bush missed four games earlier this season with a knee injury.",
        "Bush will miss the final two games with a knee injury.",
    )
    (reason,) = conflicts_between(
        "Bush will miss the final four games with a knee injury.",
        "Bush will miss the final two games with a knee injury.",
    )
    assert reason.detail == "four vs two games"


def test_another_instance_of_the_kind_is_another_occasion() -> None:
    assert not conflicts_between(
        "In a separate incident, seven guards were injured at the prison.",
        "Twelve guards were injured at the prison, officials said.",
    )
    assert not conflicts_between(
        "The suspect has four prior arrests for burglary, police said.",
        "Police said one arrest was made after the burglary.",
    )
