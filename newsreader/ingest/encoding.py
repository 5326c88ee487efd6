"""Turning the bytes of an article file or web page into text: binary check and charset."""

from __future__ import annotations

import codecs
import re

from newsreader.errors import UserError

# Leading bytes of common non-text formats people save next to their articles.
_BINARY_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a zip archive or office document",
    b"\xd0\xcf\x11\xe0": "an old office document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"RIFF": "a media file",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that browsers read as Windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.05
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Charset detection looks at the start of long files only; the decision holds for the rest.
_DETECTION_SAMPLE = 256 * 1024
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


class NotTextError(UserError):
    """The bytes are not text (an image, a PDF, an archive, ...)."""


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def normalise_charset(label: str | None) -> str | None:
    """Map a declared charset label to a Python codec name, or None when unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def html_meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return normalise_charset(match.group(1).decode("ascii", "ignore")) if match else None


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a cut-off download, a bad paste) stays UTF-8."""
    text = sample.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    intact = len(_NON_ASCII.findall(text)) - damaged
    # Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences by chance.
    return intact >= max(1, 2 * damaged)


def _guess(data: bytes) -> str:
    """Decode bytes that are not UTF-8: prefer Windows-1252 unless another charset fits better."""
    sample = data[:_DETECTION_SAMPLE]
    if _mostly_utf8(sample):
        return data.decode("utf-8", errors="replace")
    from charset_normalizer import from_bytes  # slow to import; most files are UTF-8

    best = from_bytes(sample).best()
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    # Short Western texts fit several single-byte code pages equally well; pick the common one.
    if western is not None and (best is None or western.chaos <= best.chaos + 0.01):
        encoding = "cp1252"
    else:
        encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace")


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode article bytes: BOM, then UTF-8, then a declared charset, then detection.

    Valid UTF-8 wins over a declared charset: pages often declare Latin-1 but send UTF-8,
    while legacy-encoded text is almost never valid UTF-8 by accident.

    Raises NotTextError for binary data; never raises on malformed text.
    """
    bom = _bom_encoding(data)
    kind = next((k for sig, k in _BINARY_SIGNATURES.items() if data.startswith(sig)), None)
    if bom is None and kind:
        hint = "; save the article as text or HTML" if "document" in kind else ""
        raise NotTextError(f"{name}: binary file ({kind}), not an article{hint}")
    encoding = bom or (_bomless_utf16(data) if b"\x00" in data[:4096] else None)
    if encoding is None and b"\x00" in data[:8192]:
        raise NotTextError(f"{name}: binary file, not an article")
    text: str | None = None
    if encoding is not None:
        # A byte-order mark (or UTF-16's telltale NULs) settles it, even in a cut-short file.
        text = data.decode(encoding, errors="replace")
    for candidate in ("utf-8", normalise_charset(declared)):
        if text is not None:
            break
        if candidate is None:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        text = _guess(data)
    sample = text[:20000]
    if sample and len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise NotTextError(f"{name}: binary file, not an article")
    return text.removeprefix("\ufeff")
