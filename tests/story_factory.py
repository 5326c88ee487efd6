"""Stories built in memory for UI tests: any number of articles, any sentence text."""

from __future__ import annotations

from dataclasses import replace

from newsreader.model import (
    Analysis,
    Article,
    Claim,
    ClaimConflict,
    ClaimStatus,
    ConflictSide,
    Reason,
    Relation,
    RelationKind,
    Sentence,
    Story,
)


def make_story(articles: list[list[str]], story_id: str = "test-story") -> Story:
    """A story whose articles hold exactly these sentences (no cleaning, no segmentation)."""
    built = []
    for index, sentences in enumerate(articles):
        article_id = f"a{index:02d}"
        text = " ".join(sentences)
        parts, offset = [], 0
        for number, sentence in enumerate(sentences):
            parts.append(
                Sentence(
                    f"{article_id}-s{number}",
                    article_id,
                    number,
                    sentence,
                    offset,
                    offset + len(sentence),
                )
            )
            offset += len(sentence) + 1
        built.append(
            Article(
                id=article_id,
                title=f"Report {index + 1}",
                source=f"report-{index + 1}.txt",
                text=text,
                sentences=tuple(parts),
                outlet=f"Outlet {index + 1}",
                date="2025-05-07",
            )
        )
    return Story(id=story_id, title="A test story", articles=tuple(built))


def many_articles(count: int, per_article: int = 12) -> Story:
    """A story of many reports of one event: shared claims, clashing counts, own details."""
    articles = []
    for index in range(count):
        injured = 14 if index % 3 == 0 else 19
        sentences = [
            f"{injured} people were injured when the bridge in Harbor City collapsed.",
            "The mayor said rescue teams worked through the night to reach trapped drivers.",
            f"Witness number {index} described a loud crack before the central span fell.",
        ]
        sentences += [
            f"Report {index} adds detail {k} about traffic diversions on route {k + index}."
            for k in range(per_article - len(sentences))
        ]
        articles.append(sentences)
    return make_story(articles, story_id=f"many-{count}")


def handmade_analysis() -> Analysis:
    """A fixed analysis (hand-made relations and claims), independent of the engine.

    Three reports of a bridge collapse: claim "c-injured" conflicts (14 vs 19), claim
    "c-mayor" is corroborated by all three, claim "c-night" by two, the rest single-source.
    """
    story = make_story(
        [
            [
                "The Harbor Bridge collapsed on Tuesday evening.",
                "Officials said 14 people were injured in the collapse.",
                "The mayor promised a full inquiry into the bridge.",
                "Rescue teams worked through the night.",
                "Traffic was diverted to the northern ring road.",
            ],
            [
                "Part of the Harbor Bridge fell into the river on Tuesday.",
                "Hospital staff said 19 people were injured.",
                "The mayor announced a full inquiry.",
                "Divers searched the river until dawn.",
            ],
            [
                "The mayor has ordered an inquiry into the collapse.",
                "Rescuers worked all night at the site.",
                "Engineers had warned about the bridge in 2019.",
                "At a press conference, 19 injuries were confirmed.",
            ],
        ],
        story_id="handmade-bridge",
    )
    sid = {s.text: s.id for a in story.articles for s in a.sentences}
    injured = [
        "Officials said 14 people were injured in the collapse.",
        "Hospital staff said 19 people were injured.",
        "At a press conference, 19 injuries were confirmed.",
    ]
    mayor = [
        "The mayor promised a full inquiry into the bridge.",
        "The mayor announced a full inquiry.",
        "The mayor has ordered an inquiry into the collapse.",
    ]
    night = ["Rescue teams worked through the night.", "Rescuers worked all night at the site."]
    collapse = [
        "The Harbor Bridge collapsed on Tuesday evening.",
        "Part of the Harbor Bridge fell into the river on Tuesday.",
    ]

    def clash(a: str, b: str, detail: str) -> Relation:
        """A numeric conflict between two sentences: 14 in the first, 19 in the second."""
        a_at, b_at = a.index("14"), b.index("19")
        reason = Reason("numeric", detail, (a_at, a_at + 2), (b_at, b_at + 2))
        return Relation(sid[a], sid[b], RelationKind.CONFLICT, 0.8, (reason,))

    relations = [
        clash(injured[0], injured[1], "14 vs 19 people injured"),
        clash(injured[0], injured[2], "14 vs 19 injured"),
        Relation(sid[injured[1]], sid[injured[2]], RelationKind.MATCH, 0.7),
        Relation(sid[mayor[0]], sid[mayor[1]], RelationKind.MATCH, 0.9),
        Relation(sid[mayor[0]], sid[mayor[2]], RelationKind.MATCH, 0.8),
        Relation(sid[mayor[1]], sid[mayor[2]], RelationKind.MATCH, 0.8),
        Relation(sid[night[0]], sid[night[1]], RelationKind.MATCH, 0.7),
        Relation(sid[collapse[0]], sid[collapse[1]], RelationKind.MATCH, 0.75),
    ]
    grouped = {
        "c-injured": (injured, ClaimStatus.CONFLICTING),
        "c-mayor": (mayor, ClaimStatus.CORROBORATED),
        "c-night": (night, ClaimStatus.CORROBORATED),
        "c-collapse": (collapse, ClaimStatus.CORROBORATED),
    }
    claims = []
    taken: set[str] = set()
    for claim_id, (texts, status) in grouped.items():
        ids = tuple(sid[t] for t in texts)
        taken.update(ids)
        articles = tuple(dict.fromkeys(i.split("-")[0] for i in ids))
        claims.append(Claim(claim_id, ids, status, articles))
    for article in story.articles:
        for sentence in article.sentences:
            if sentence.id not in taken:
                claims.append(
                    Claim(
                        f"c-{sentence.id}",
                        (sentence.id,),
                        ClaimStatus.SINGLE_SOURCE,
                        (article.id,),
                    )
                )
    return Analysis.build(story, tuple(relations), tuple(claims))


def handmade_analysis_with_sides() -> Analysis:
    """The hand-made analysis whose conflicting claim has sides: 14 (report 1) against
    19 (reports 2 and 3), with publication dates, so report 1 differs from the others."""
    analysis = handmade_analysis()
    claims = []
    for claim in analysis.claims:
        if claim.id == "c-injured":
            first, *rest = claim.sentences
            sides = (
                ConflictSide("14", (first,), ("a00",), "2025-05-07"),
                ConflictSide("19", tuple(rest), ("a01", "a02"), "2025-05-07"),
            )
            claim = replace(
                claim, conflicts=(ClaimConflict("numeric", "14 vs 19 people injured", sides),)
            )
        claims.append(claim)
    return Analysis.build(analysis.story, analysis.relations, tuple(claims))
