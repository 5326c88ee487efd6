"""Everything the command line prints, in one place that keeps text from driving the terminal.

Story ids, titles, notes, quotes and file names come from files, web pages and other
programs. A control character among them printed raw could set the terminal's title
(``ESC ] 0 ; ... BEL``), move the cursor, clear the screen or, as a newline, forge a line of
output. So:

- a line (a warning, an error, a note, a row of a listing) always shows every control
  character as a visible escape (``\\u001b``): it stays one line;
- a document printed to stdout (an export, a report) gets the same escapes, keeping its
  newlines and tabs, when stdout is a terminal; into a file or a pipe it is written exactly
  as it was made (the escapes are valid inside JSON strings too).

Escaped: C0 controls and DEL, C1 controls, lone surrogates (undecodable file names) and the
bidirectional-text controls that can make a line read differently from what it holds.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; the Arabic
# letter mark, the directional marks, embeddings, overrides and isolates; the line and
# paragraph separators; lone surrogates.
_CONTROLS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
)
_IN_LINE = re.compile(f"[\n\r{_CONTROLS}]")
# A document keeps its line ends, "\r\n" ones included (CSV).
_IN_DOCUMENT = re.compile(f"\r(?!\n)|[{_CONTROLS}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible_line(text: str) -> str:
    """The text as one line with every control character shown as an escape."""
    return _IN_LINE.sub(_escape, text)


def visible_document(text: str) -> str:
    """The text with its control characters shown as escapes, line ends and tabs kept."""
    return _IN_DOCUMENT.sub(_escape, text)


def _on_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def say(line: str = "") -> None:
    """Print one line of a report on stdout."""
    print(visible_line(line))


def tell(line: str) -> None:
    """Print one line on stderr (under a note or a warning)."""
    print(visible_line(line), file=sys.stderr)


def warn(message: str) -> None:
    """Print a warning on stderr, on one line."""
    tell(f"newsreader: warning: {message}")


def note(message: str | None) -> None:
    """Print a note on stderr, on one line (nothing for None)."""
    if message:
        tell(f"newsreader: note: {message}")


def error(message: str) -> None:
    """Print an error on stderr, on one line."""
    tell(f"newsreader: error: {message}")


def write_document(text: str) -> None:
    """Write a document to stdout: escaped on a terminal, exactly as made otherwise."""
    sys.stdout.write(visible_document(text) if _on_terminal(sys.stdout) else text)


def write_encoded_document(data: bytes) -> None:
    """Write a document encoded as UTF-8 to stdout, as write_document would: the bytes
    themselves into a file or a pipe that takes UTF-8 (no copy of a large document as a
    string), escaped text on a terminal."""
    stream = sys.stdout
    raw = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if raw is None or encoding != "utf8" or os.linesep != "\n" or _on_terminal(stream):
        write_document(data.decode("utf-8"))
        return
    stream.flush()
    raw.write(data)
    raw.flush()


def write_styled(text: str) -> None:
    """Write a report to a terminal that its renderer made safe and styled itself (the
    coloured analysis report: every piece of text in it went through :func:`visible_line`;
    the escape sequences left are its colours)."""
    sys.stdout.write(text)


def ask(question: str) -> str:
    """Ask a question on the terminal and return the answer (EOFError without input)."""
    return input(f"{visible_line(question)} ")
