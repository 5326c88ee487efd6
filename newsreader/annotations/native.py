"""The newsreader JSON export format (version 1): writer, validator and reader.

Documented by ``schemas/annotations-v1.schema.json``. Fields are only ever added.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from newsreader.annotations.json_items import Converted, decode_with_items
from newsreader.errors import UserError
from newsreader.model import PLAIN_ID_RULE, Annotation, Target, Verdict, is_plain_id

FORMAT_NAME = "newsreader-annotations"
FORMAT_VERSION = 1
# Far beyond any article (an article file is at most 10 MB).
MAX_OFFSET = 2**31 - 1

TARGET_FIELDS: dict[str, type] = {
    "article": str,
    "exact": str,
    "prefix": str,
    "suffix": str,
    "start": int,
    "end": int,
}


_STATUSES = frozenset(v.value for v in Verdict)


class ImportFormatError(UserError):
    """A file that is not a valid newsreader annotations export."""


def annotation_to_dict(annotation: Annotation) -> dict[str, Any]:
    """One annotation in the JSON export shape."""
    return {
        "id": annotation.id,
        "story": annotation.story,
        "claim": annotation.claim,
        "status": annotation.status.value,
        "note": annotation.note,
        "created": annotation.created,
        "updated": annotation.updated,
        # Built by hand: ``asdict`` deep-copies, a third of the time of an import.
        "targets": [
            {
                "article": t.article,
                "exact": t.exact,
                "prefix": t.prefix,
                "suffix": t.suffix,
                "start": t.start,
                "end": t.end,
            }
            for t in annotation.targets
        ],
        "orphaned": annotation.orphaned,
    }


def export_json(annotations: list[Annotation], now: datetime | None = None) -> dict[str, Any]:
    """The JSON export document for a list of annotations."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": stamp,
        "annotations": [annotation_to_dict(a) for a in annotations],
    }


def _fail(where: str, why: str) -> ImportFormatError:
    return ImportFormatError(f"{where}: {why}")


def _text(doc: dict[str, Any], key: str, where: str, optional: bool = False) -> str | None:
    value = doc.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value):
        expected = "a string or null" if optional else "a non-empty string"
        raise _fail(f"{where}.{key}", f"expected {expected}")
    return _unicode(value, f"{where}.{key}")


def _unicode(value: str, where: str) -> str:
    """The string, unless it cannot be saved as UTF-8 (it holds a lone surrogate)."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(where, "not valid Unicode (a lone surrogate)") from None
    return value


def _id(doc: dict[str, Any], key: str, where: str) -> str:
    value = _text(doc, key, where) or ""
    if not is_plain_id(value):
        raise _fail(f"{where}.{key}", f"not a plain id ({PLAIN_ID_RULE})")
    return value


def _time(doc: dict[str, Any], key: str, where: str) -> str:
    value = _text(doc, key, where) or ""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _fail(f"{where}.{key}", f"not an ISO-8601 time: {value!r}") from None
    return value


Share = Callable[[str, str], str]
"""The one copy of a string seen before (ids, times, quotes and notes repeat across
annotations)."""


def _target(doc: Any, where: str, share: Share) -> Target:
    if not isinstance(doc, dict):
        raise _fail(where, "expected an object")
    values: dict[str, Any] = {}
    for key, kind in TARGET_FIELDS.items():
        value = doc.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _fail(f"{where}.{key}", f"expected {'an integer' if kind is int else 'a string'}")
        if kind is str:
            text = _unicode(value, f"{where}.{key}")
            values[key] = share(text, text)  # the same quote in many verdicts: kept once
        else:
            values[key] = value
    if not 0 <= values["start"] <= values["end"] <= MAX_OFFSET:
        raise _fail(where, f"start and end must satisfy 0 <= start <= end <= {MAX_OFFSET}")
    return Target(**values)


def _shared(text: str | None, share: Share) -> str | None:
    return None if text is None else share(text, text)


def _annotation(doc: Any, where: str, share: Share) -> Annotation:
    if not isinstance(doc, dict):
        raise _fail(where, "expected an object")
    status = doc.get("status")
    if status not in _STATUSES:
        raise _fail(f"{where}.status", f"expected verified, disputed or unreviewed, got {status!r}")
    targets = doc.get("targets", [])
    if not isinstance(targets, list):
        raise _fail(f"{where}.targets", "expected a list")
    orphaned = doc.get("orphaned", False)
    if not isinstance(orphaned, bool):
        raise _fail(f"{where}.orphaned", "expected true or false")
    story, claim = _id(doc, "story", where), _id(doc, "claim", where)
    created, updated = _time(doc, "created", where), _time(doc, "updated", where)
    return Annotation(
        id=_id(doc, "id", where),
        story=share(story, story),
        claim=share(claim, claim),
        status=Verdict(status),
        note=_shared(_text(doc, "note", where, optional=True), share),
        created=share(created, created),
        updated=share(updated, updated),
        targets=tuple(_target(t, f"{where}.targets[{n}]", share) for n, t in enumerate(targets)),
        orphaned=orphaned,
    )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_export(raw: bytes | str) -> list[Annotation]:
    """Decode and validate a JSON export, as bytes or text (see :func:`parse_export`).

    The standard json module decodes it an annotation at a time (see
    :mod:`newsreader.annotations.json_items`): orjson builds a whole copy of the document
    first, and every object of it before any is checked, twice the memory at the peak of a
    large import. What json would let through is refused: NaN and Infinity here, numbers of
    more than 4300 digits and documents nested deeper than the interpreter's recursion limit
    by json itself, lone surrogates by the field checks.

    Raises:
        ImportFormatError: one line saying what is wrong and where.
    """
    # Repeated ids and times are kept once: a large import holds them all in memory.
    share = cast(Share, {}.setdefault)

    def convert(doc: Any, n: int) -> Annotation:
        return _annotation(doc, f"annotations[{n}]", share)

    decoder = json.JSONDecoder(parse_constant=_refuse_constant)
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        data = decode_with_items(text, "annotations", convert, ImportFormatError, decoder)
    except UnicodeDecodeError as exc:
        raise ImportFormatError(
            f"not a newsreader annotations export (not UTF-8 text at byte {exc.start})"
        ) from None
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"not a newsreader annotations export (not JSON: {exc.msg} at character {exc.pos})"
        ) from None
    except (ValueError, RecursionError) as exc:
        why = "nested too deep" if isinstance(exc, RecursionError) else str(exc)
        raise ImportFormatError(f"not a newsreader annotations export (not JSON: {why})") from None
    return parse_export(data)


def parse_export(data: Any) -> list[Annotation]:
    """Validate a decoded JSON export and return its annotations (already converted when
    :func:`load_export` decoded it).

    Raises:
        ImportFormatError: one line saying what is wrong and where.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ImportFormatError(
            f'not a newsreader annotations export (expected "format": "{FORMAT_NAME}", '
            f"found {found!r})"
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("version", f"expected a positive integer, got {version!r}")
    if version > FORMAT_VERSION:
        raise _fail("version", f"{version} is newer than this newsreader reads ({FORMAT_VERSION})")
    items = data.get("annotations")
    if isinstance(items, Converted):
        if items.problem is not None:
            raise items.problem
        annotations = items.items
    elif isinstance(items, list):
        share = cast(Share, {}.setdefault)
        annotations = [_annotation(d, f"annotations[{n}]", share) for n, d in enumerate(items)]
    else:
        raise _fail("annotations", "expected a list")
    seen: set[str] = set()
    for n, annotation in enumerate(annotations):
        if annotation.id in seen:
            raise _fail(f"annotations[{n}].id", f"duplicate id {annotation.id!r}")
        seen.add(annotation.id)
    return annotations
