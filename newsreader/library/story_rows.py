"""A story's articles as plain rows (JSON-ready lists), and back."""

from __future__ import annotations

from typing import Any

from newsreader.model import Article, Sentence, Story


def article_rows(story: Story) -> list[list[Any]]:
    """Each article as [id, title, source, outlet, author, date, text, [[sentence id, start,
    end], ...]]: everything that defines it (sentence texts are slices of its text)."""
    return [
        [
            a.id,
            a.title,
            a.source,
            a.outlet,
            a.author,
            a.date,
            a.text,
            [[s.id, s.start, s.end] for s in a.sentences],
        ]
        for a in story.articles
    ]


def articles_from_rows(rows: list[list[Any]]) -> tuple[Article, ...]:
    """The articles that article_rows turned into rows."""
    articles = []
    for article_id, title, source, outlet, author, date, text, spans in rows:
        sentences = tuple(
            Sentence(sid, article_id, index, text[start:end], start, end)
            for index, (sid, start, end) in enumerate(spans)
        )
        articles.append(Article(article_id, title, source, text, sentences, outlet, author, date))
    return tuple(articles)
