"""Stories built in memory for UI tests: any number of articles, any sentence text."""

from __future__ import annotations

from newsreader.model import Article, Sentence, Story


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
            f"At least {injured} people were injured when the bridge in Harbor City collapsed.",
            "The mayor said rescue teams worked through the night to reach trapped drivers.",
            f"Witness number {index} described a loud crack before the central span fell.",
        ]
        sentences += [
            f"Report {index} adds detail {k} about traffic diversions on route {k + index}."
            for k in range(per_article - len(sentences))
        ]
        articles.append(sentences)
    return make_story(articles, story_id=f"many-{count}")
