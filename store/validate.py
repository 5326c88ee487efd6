"""Typed checks of every stored document: a field of the wrong type is found on open.

A database file of the right shape may still hold a title that is a number or a story id
that is a list (edited by hand, written by another program): each document is checked
field by field before anything reads it, and the first bad one is named in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _name(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _maybe_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _list(value: Any) -> bool:
    return isinstance(value, list)


_KIND = {
    _text: "a string",
    _name: "a non-empty string",
    _maybe_text: "a string or null",
    _offset: "a non-negative integer",
    _flag: "true or false",
    _list: "a list",
}

# (required fields, optional fields) of each kind of document.
ANNOTATION_FIELDS: tuple[dict[str, Check], dict[str, Check]] = (
    {
        "id": _name,
        "story": _name,
        "claim": _name,
        "status": _text,
        "created": _text,
        "updated": _text,
    },
    {"note": _maybe_text, "targets": _list, "orphaned": _flag},
)
TARGET_FIELDS: tuple[dict[str, Check], dict[str, Check]] = (
    {
        "article": _text,
        "exact": _text,
        "prefix": _text,
        "suffix": _text,
        "start": _offset,
        "end": _offset,
    },
    {},
)
STORY_FIELDS: tuple[dict[str, Check], dict[str, Check]] = (
    {"id": _name, "title": _text, "saved": _text, "articles": _list},
    {"opened": _maybe_text},
)
ARTICLE_FIELDS: tuple[dict[str, Check], dict[str, Check]] = (
    {"id": _name, "title": _text, "source": _text, "text": _text, "sentences": _list},
    {"outlet": _maybe_text, "author": _maybe_text, "date": _maybe_text},
)


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def fields_problem(doc: Any, fields: tuple[dict[str, Check], dict[str, Check]]) -> str | None:
    """What is wrong with a document's fields (None when every one has its type)."""
    if not isinstance(doc, dict):
        return f"is {_type_name(doc)}, not an object"
    required, optional = fields
    missing = sorted(set(required) - set(doc))
    if missing:
        return f"lacks {', '.join(missing)}"
    for key, check in (*required.items(), *optional.items()):
        if key in doc and not check(doc[key]):
            return f"field {key!r} is {_type_name(doc[key])}, expected {_KIND[check]}"
    return None


def doc_id_problem(key: str) -> str | None:
    """What is wrong with a TinyDB document id (a decimal integer, as a string)."""
    if key.isascii() and key.isdigit():
        return None
    return "the document id is not a whole number"


def annotation_problem(doc: Any) -> str | None:
    """What is wrong with a stored annotation (None when it can be read)."""
    problem = fields_problem(doc, ANNOTATION_FIELDS)
    if problem is not None:
        return problem
    for n, target in enumerate(doc.get("targets", [])):
        problem = fields_problem(target, TARGET_FIELDS)
        if problem is None and target["start"] > target["end"]:
            problem = "ends before it starts"
        if problem is not None:
            return f"targets are not valid quotes (target {n} {problem})"
    return None


def story_problem(doc: Any) -> str | None:
    """What is wrong with a stored story snapshot (None when it can be read)."""
    problem = fields_problem(doc, STORY_FIELDS)
    if problem is not None and problem.startswith("lacks"):
        return f"the story is incomplete ({problem})"
    if problem is not None:
        return problem
    for n, article in enumerate(doc["articles"]):
        problem = fields_problem(article, ARTICLE_FIELDS)
        if problem is None:
            problem = _sentences_problem(article["sentences"], len(article["text"]))
        if problem is not None:
            return f"article {n} {problem}"
    return None


def _sentences_problem(sentences: list[Any], length: int) -> str | None:
    for n, sentence in enumerate(sentences):
        if not (
            isinstance(sentence, list)
            and len(sentence) == 3
            and _name(sentence[0])
            and _offset(sentence[1])
            and _offset(sentence[2])
            and sentence[1] <= sentence[2] <= length
        ):
            return f"sentence {n} is not [id, start, end] within the text"
    return None
