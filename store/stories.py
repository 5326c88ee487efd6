"""Story snapshots: an article's cleaned text, metadata and sentence offsets as a document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsreader.model import Article, Sentence, Story


@dataclass(frozen=True)
class StoryInfo:
    """A saved story as listed (without its texts)."""

    id: str
    title: str
    articles: int
    saved: str
    annotations: int = 0


def story_to_doc(story: Story, saved: str) -> dict[str, Any]:
    """A stored document for a story: every article's text, metadata and sentence spans."""
    return {
        "id": story.id,
        "title": story.title,
        "saved": saved,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "outlet": a.outlet,
                "author": a.author,
                "date": a.date,
                "text": a.text,
                "sentences": [[s.id, s.start, s.end] for s in a.sentences],
            }
            for a in story.articles
        ],
    }


def story_from_doc(doc: dict[str, Any]) -> Story:
    """Rebuild a Story from its stored document (sentence texts are sliced from the text)."""
    articles = []
    for a in doc["articles"]:
        text = a["text"]
        sentences = tuple(
            Sentence(
                id=sid, article_id=a["id"], index=i, text=text[start:end], start=start, end=end
            )
            for i, (sid, start, end) in enumerate(a["sentences"])
        )
        articles.append(
            Article(
                id=a["id"],
                title=a["title"],
                source=a["source"],
                text=text,
                sentences=sentences,
                outlet=a.get("outlet"),
                author=a.get("author"),
                date=a.get("date"),
            )
        )
    return Story(id=doc["id"], title=doc["title"], articles=tuple(articles))


def story_info(doc: dict[str, Any], annotations: int = 0) -> StoryInfo:
    """The listing entry of a stored story (with how many annotations it has)."""
    return StoryInfo(
        id=doc["id"],
        title=doc["title"],
        articles=len(doc["articles"]),
        saved=doc["saved"],
        annotations=annotations,
    )
