"""Fetching articles from http(s) URLs: timeouts, bounded redirects, a size limit, type checks.

Built on the standard library's urllib: a handful of sequential-or-pooled GET requests needs
no connection pooling or HTTP/2, it honours the usual proxy variables, and the core keeps no
extra dependency for it.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from typing import Any

from newsreader import __version__
from newsreader.errors import UserError
from newsreader.ingest.formats import is_url

__all__ = ["FetchError", "fetch_pages", "is_url"]

MAX_PAGE_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
PARALLEL_FETCHES = 4
USER_AGENT = f"Mozilla/5.0 (compatible; newsreader/{__version__})"
TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024
# Answers by which sites often turn away programs; the browser's saved copy still works.
_BLOCKING_CODES = {401, 403, 429, 451}
_BLOCKED_HINT = " (the site may refuse programs: save the page from the browser and open the file)"


class FetchError(UserError):
    """A URL could not be turned into a page: offline, dead, refused, too big or not text."""


@dataclass(frozen=True)
class Page:
    """A fetched document: the address asked for, where it ended up, and its body."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    data: bytes

    @property
    def is_html(self) -> bool:
        """Whether the server sent HTML (as opposed to plain text or Markdown)."""
        return self.content_type in HTML_TYPES


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """One time limit for a whole download (connecting, headers, body, redirects).

    A socket timeout only bounds each wait, so a server sending a byte a second is never
    cut off by it; at the deadline every connection of the download is shut instead.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def connect(
        self, address: tuple[str, int], timeout: Any = None, source_address: Any = None
    ) -> socket.socket:
        """``socket.create_connection`` within the time left, the socket watched."""
        left = max(self.at - time.monotonic(), 0.001)
        wait = left if not isinstance(timeout, int | float) else min(timeout, left)
        sock = socket.create_connection(address, wait, source_address)
        with self._lock:
            # A duplicate of the descriptor: shutting it down shuts the connection even
            # after TLS has wrapped (and detached) the socket object.
            watched = sock.dup()
            self._sockets.append(watched)
            if self.expired:
                self._shut(watched)
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Stop the clock and let go of the watched connections."""
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


def _watched(connection: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    """A connection class for urllib whose sockets are made (and shut) by ``deadline``."""

    def make(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
        made = connection(*args, **kwargs)
        made._create_connection = deadline.connect  # type: ignore[attr-defined]
        return made

    return make


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = _watched(http.client.HTTPSConnection, self.deadline)
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        _RedirectHandler, _HTTPHandler(deadline), _HTTPSHandler(deadline)
    )


def _read_limited(response: http.client.HTTPResponse, url: str) -> bytes:
    """Read the body, decompressing gzip/deflate, never holding more than MAX_PAGE_BYTES."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    # wbits 47 accepts both gzip and zlib headers.
    inflater = zlib.decompressobj(47) if encoding in ("gzip", "x-gzip", "deflate") else None
    parts: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        if inflater is not None:
            chunk = inflater.decompress(chunk, MAX_PAGE_BYTES + 1 - size)
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchError(f"{url}: page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
        parts.append(chunk)
    return b"".join(parts)


def _content_type(headers: Message, url: str) -> tuple[str, str | None]:
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    if content_type not in HTML_TYPES + TEXT_TYPES:
        shown = content_type or "none given"
        raise FetchError(f"{url}: not a web page or text (content type {shown})")
    return content_type, headers.get_content_charset()


def _explain(url: str, exc: BaseException, timeout: float) -> FetchError:
    """Turn a low-level network failure into one clear sentence."""
    if isinstance(exc, urllib.error.HTTPError):
        reason = " ".join(str(exc.reason).split())
        if "infinite loop" in reason:
            return FetchError(f"{url}: too many redirects (more than {MAX_REDIRECTS})")
        if 300 <= exc.code < 400:
            return FetchError(f"{url}: redirect not followed ({reason})")
        hint = _BLOCKED_HINT if exc.code in _BLOCKING_CODES else ""
        return FetchError(f"{url}: the server answered {exc.code} {reason}{hint}")
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return FetchError(f"{url}: cannot find the host (offline, or no such site)")
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchError(f"{url}: no answer within {timeout:g} s")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError(f"{url}: connection refused (the site is down or the address is wrong)")
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"{url}: secure connection failed ({reason.reason or reason})")
    if isinstance(reason, OSError | http.client.HTTPException):
        detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        return FetchError(f"{url}: cannot download ({' '.join(detail.split())})")
    return FetchError(f"{url}: cannot download ({' '.join(str(reason).split())})")


def fetch_page(url: str, timeout: float = TIMEOUT_SECONDS) -> Page:
    """Download one http(s) URL as a Page; raises FetchError with a one-line reason."""
    try:
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )
    except ValueError:
        raise FetchError(f"{url}: not a valid web address") from None
    deadline = _Deadline(timeout)
    answered = False
    try:
        with _opener(deadline).open(request, timeout=timeout) as response:
            answered = True
            content_type, charset = _content_type(response.headers, url)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > MAX_PAGE_BYTES:
                raise FetchError(f"{url}: page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
            data = _read_limited(response, url)
            final_url = response.geturl()
        if deadline.expired:  # the body may have been cut short by the shut connection
            raise FetchError("late")
    except (
        FetchError,
        zlib.error,
        urllib.error.URLError,
        OSError,
        http.client.HTTPException,
        ValueError,
    ) as exc:
        raise _failure(url, exc, timeout, deadline.expired, answered) from None
    finally:
        deadline.close()
    return Page(url=url, final_url=final_url, content_type=content_type, charset=charset, data=data)


def _failure(
    url: str, exc: BaseException, timeout: float, late: bool, answered: bool
) -> FetchError:
    """The one-line reason a download failed; past the deadline, that it was too slow."""
    if late and not answered:
        return FetchError(f"{url}: no answer within {timeout:g} s")
    if late:
        return FetchError(f"{url}: the download took longer than {timeout:g} s")
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, zlib.error):
        return FetchError(f"{url}: the server sent a corrupt compressed page")
    return _explain(url, exc, timeout)


def fetch_pages(urls: list[str], timeout: float = TIMEOUT_SECONDS) -> list[Page | FetchError]:
    """Download several URLs a few at a time; a Page or a FetchError per URL, in order."""

    def attempt(url: str) -> Page | FetchError:
        try:
            return fetch_page(url, timeout)
        except FetchError as exc:
            return exc

    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=min(PARALLEL_FETCHES, len(urls))) as pool:
        return list(pool.map(attempt, urls))
