"""A story as plain JSON-ready data, and back: the one definition of what an article holds.

An article is its id, title, source, outlet, author, date, cleaned text and sentence spans
(``[sentence id, start, end]``; sentence texts are slices of the text). It is kept in three
shapes, all built from :func:`article_record`: a record (a dict; the store's snapshots), a
row (a list of the record's values; the demo snapshot and the content fingerprint) and
the ``analyze --json`` contract (:func:`article_contract`: no text, sentences with theirs).
"""

from __future__ import annotations

from typing import Any

from newsreader.model import Article, Sentence, Story

Record = dict[str, Any]
# The keys of an article record, in order: a row holds the values in this order.
ROW_FIELDS = ("id", "title", "source", "outlet", "author", "date", "text", "sentences")


def article_record(article: Article) -> Record:
    """Everything that defines an article, as a dict (in the order rows keep)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "outlet": article.outlet,
        "author": article.author,
        "date": article.date,
        "text": article.text,
        "sentences": [[s.id, s.start, s.end] for s in article.sentences],
    }


def article_from_record(record: Record) -> Article:
    """The article that :func:`article_record` turned into a dict."""
    article_id, text = record["id"], record["text"]
    sentences = tuple(
        Sentence(sid, article_id, index, text[start:end], start, end)
        for index, (sid, start, end) in enumerate(record["sentences"])
    )
    return Article(
        id=article_id,
        title=record["title"],
        source=record["source"],
        text=text,
        sentences=sentences,
        outlet=record.get("outlet"),
        author=record.get("author"),
        date=record.get("date"),
    )


def story_to_record(story: Story) -> Record:
    """A story as a dict: its id, title and article records."""
    return {
        "id": story.id,
        "title": story.title,
        "articles": [article_record(a) for a in story.articles],
    }


def story_from_record(record: Record) -> Story:
    """The story that :func:`story_to_record` turned into a dict (extra keys are ignored)."""
    articles = tuple(article_from_record(a) for a in record["articles"])
    return Story(id=record["id"], title=record["title"], articles=articles)


def article_rows(story: Story) -> list[list[Any]]:
    """Each article's record as a row: [id, title, source, outlet, author, date, text,
    [[sentence id, start, end], ...]]."""
    return [list(article_record(a).values()) for a in story.articles]


def story_to_rows(story: Story) -> Record:
    """A story as a dict with its articles as rows (compact: the demo snapshot)."""
    return {"id": story.id, "title": story.title, "articles": article_rows(story)}


def story_from_rows(data: Record) -> Story:
    """The story that :func:`story_to_rows` turned into data."""
    articles = tuple(
        article_from_record(dict(zip(ROW_FIELDS, row, strict=True))) for row in data["articles"]
    )
    return Story(id=data["id"], title=data["title"], articles=articles)


def article_contract(article: Article) -> Record:
    """An article in the ``analyze --json`` contract: its record without the text, with
    each sentence's text."""
    record = article_record(article)
    del record["text"]
    record["sentences"] = [
        {"id": s.id, "text": s.text, "start": s.start, "end": s.end} for s in article.sentences
    ]
    return record
