"""Decoding a large JSON document whose bulk is one list, an item at a time.

``json.loads`` builds every object of the document before any can be checked or turned into
something smaller: for an export of 100,000 annotations that is a few hundred megabytes of
dicts at once. :func:`decode_with_items` reads the top-level object's members one by one
and hands each item of the named list to a converter as soon as it is decoded, so only one
item's objects live at a time. The result is the document ``json.loads`` would return,
with that list replaced by :class:`Converted`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_SPACE = re.compile(r"[ \t\n\r]*")


@dataclass
class Converted(Generic[T]):
    """The converted items of the list, up to the first one the converter refused."""

    items: list[T] = field(default_factory=list)
    problem: Exception | None = None


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _expect(text: str, at: int, marks: str, what: str) -> str:
    if at >= len(text) or text[at] not in marks:
        raise json.JSONDecodeError(f"Expecting {what}", text, at)
    return text[at]


@dataclass(frozen=True)
class _Reader(Generic[T]):
    decoder: json.JSONDecoder
    convert: Callable[[Any, int], T]
    refused: type[Exception]


def _items(text: str, at: int, reader: _Reader[T]) -> tuple[Converted[T], int]:
    """The list starting at ``at`` (its ``[``), converted; and where it ends."""
    converted: Converted[T] = Converted()
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        return converted, at + 1
    n = 0
    while True:
        item, at = reader.decoder.raw_decode(text, at)
        if converted.problem is None:
            try:
                converted.items.append(reader.convert(item, n))
            except reader.refused as exc:
                # The rest is still decoded: a syntax error later outranks this problem.
                converted.problem = exc
        n += 1
        at = _skip(text, at)
        if _expect(text, at, ",]", "',' delimiter") == "]":
            return converted, at + 1
        at = _skip(text, at + 1)


def decode_with_items(
    text: str,
    key: str,
    convert: Callable[[Any, int], T],
    refused: type[Exception],
    decoder: json.JSONDecoder,
) -> Any:
    """Decode a JSON document; the list under ``key`` of its top-level object becomes a
    :class:`Converted` of ``convert(item, position)`` for each item.

    The converter raises ``refused`` to refuse an item; the first refusal is kept in the
    result (no later item is converted). Raises ``json.JSONDecodeError`` like ``json.loads``.
    """
    reader = _Reader(decoder, convert, refused)
    at = _skip(text, 0)
    if not text.startswith("{", at):
        return decoder.decode(text)
    document: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if not text.startswith("}", at):
        while True:
            _expect(text, at, '"', "property name enclosed in double quotes")
            name, at = decoder.raw_decode(text, at)
            at = _skip(text, at)
            _expect(text, at, ":", "':' delimiter")
            at = _skip(text, at + 1)
            if name == key and text.startswith("[", at):
                document[name], at = _items(text, at, reader)
            else:
                document[name], at = decoder.raw_decode(text, at)
            at = _skip(text, at)
            if _expect(text, at, ",}", "',' delimiter") == "}":
                break
            at = _skip(text, at + 1)
    if _skip(text, at + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, at + 1))
    return document
