"""Reading local files safely: ordinary files only, never blocking, never beyond a size limit.

A named pipe, a device (a link to ``/dev/zero``), a socket or a folder is refused before
anything is read; opening never blocks (a named pipe with no writer would hang a plain
``open``), and a file larger than its limit is refused without being read to the end.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsreader.errors import UserError

KIB, MIB, GIB = 1024, 1024**2, 1024**3
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefused(UserError):
    """A file that is not an ordinary file, or that is larger than its limit.

    Attributes:
        name: the file as the user named it.
        why: what is wrong with it ("not an ordinary file (a named pipe)").
    """

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name}: {why}; refusing to read it")
        self.name, self.why = name, why


def size_text(size: int) -> str:
    """A size in bytes as people read it (``10 MB``, ``512 KB``)."""
    for unit, name in ((GIB, "GB"), (MIB, "MB"), (KIB, "KB")):
        if size >= unit:
            return f"{size / unit:.3g} {name}"
    return f"{size} bytes"


def special_kind(mode: int) -> str | None:
    """What a file of this mode is when it is neither an ordinary file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "a special file")


def _check_regular(info: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", name)
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise FileRefused(name, f"not an ordinary file ({kind})")


def _too_large(name: str, limit: int) -> FileRefused:
    return FileRefused(name, f"file too large (over {size_text(limit)})")


@contextlib.contextmanager
def open_file(path: Path, name: str | None = None) -> Iterator[BinaryIO]:
    """Open an ordinary file for reading, without blocking (see the module).

    Raises:
        FileRefused: the path names a named pipe, a device or a socket.
        OSError: it cannot be opened (``IsADirectoryError`` for a folder).
    """
    name = name or str(path)
    _check_regular(os.stat(path), name)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        # Checked again on what was opened: the path may have been replaced in between.
        _check_regular(os.fstat(fd), name)
        file = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with file:
        yield file


def read_file(path: Path, limit: int, name: str | None = None) -> bytes:
    """The contents of an ordinary file of at most ``limit`` bytes.

    Raises:
        FileRefused: not an ordinary file, or larger than ``limit`` (one line naming it).
        OSError: it cannot be opened or read (``IsADirectoryError`` for a folder).
    """
    name = name or str(path)
    with open_file(path, name) as file:
        size = os.fstat(file.fileno()).st_size
        if size > limit:
            raise _too_large(name, limit)
        # One read of the whole file in the usual case: no pieces to join (and copy).
        chunks = [file.read(size + 1)]
        total = len(chunks[0])
        while chunks[-1] and total <= limit:
            chunks.append(file.read(limit + 1 - total))
            total += len(chunks[-1])
    if total > limit:
        raise _too_large(name, limit)
    return chunks[0] if len(chunks) <= 2 and not chunks[-1] else b"".join(chunks)
