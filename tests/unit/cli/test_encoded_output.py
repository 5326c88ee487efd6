"""A document already encoded as UTF-8 lands as the same bytes its text would."""

from __future__ import annotations

import io

import pytest

from newsreader.cli import terminal

DOCUMENT = '{\n  "title": "Überschwemmung in Köln \x07",\n  "n": 3\n}\n'


class _Pipe(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def _written(monkeypatch: pytest.MonkeyPatch, stream_type: type, encoding: str, how: str) -> bytes:
    raw = io.BytesIO()
    stream = stream_type(raw, encoding=encoding, errors="replace", newline="\n")
    monkeypatch.setattr("sys.stdout", stream)
    if how == "bytes":
        terminal.write_encoded_document(DOCUMENT.encode("utf-8"))
    else:
        terminal.write_document(DOCUMENT)
    stream.flush()
    return raw.getvalue()


@pytest.mark.parametrize("stream_type", [_Pipe, _Terminal])
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_encoded_document_writes_what_its_text_would(
    monkeypatch: pytest.MonkeyPatch, stream_type: type, encoding: str
) -> None:
    text = _written(monkeypatch, stream_type, encoding, "text")
    assert _written(monkeypatch, stream_type, encoding, "bytes") == text
    if stream_type is _Pipe and encoding == "utf-8":
        assert text == DOCUMENT.encode("utf-8")
