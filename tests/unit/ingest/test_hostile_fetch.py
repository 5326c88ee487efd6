"""Hostile web servers: one deadline per URL, whatever the server trickles."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from newsreader.ingest.fetch import FetchError, fetch_page, fetch_pages

pytestmark = pytest.mark.slow

# One byte every TRICKLE seconds, BYTES of them: a download that would take 30 s.
TRICKLE = 0.1
BYTES = 300
LIMIT = 1.0
# Well before the trickle would end, and far above the limit on a loaded machine.
BOUND = 10.0

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"


def _trickle(conn: socket.socket, prefix: bytes, drip: bytes, stop: threading.Event) -> None:
    with conn:
        try:
            conn.recv(65536)
            conn.sendall(prefix)
            for _ in range(BYTES):
                if stop.wait(TRICKLE):
                    return
                conn.sendall(drip)
        except OSError:
            return


def _server(prefix: bytes, drip: bytes) -> Iterator[str]:
    """A local server that answers every request with ``prefix``, then ``drip`` slowly."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            args = (conn, prefix, drip, stop)
            threading.Thread(target=_trickle, args=args, daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/page"
    stop.set()
    listener.close()


@pytest.fixture
def slow_headers() -> Iterator[str]:
    """Headers that never end: one more header byte at a time."""
    yield from _server(HEAD + b"X-Slow: ", b"a")


@pytest.fixture
def slow_body() -> Iterator[str]:
    """Headers at once, then a body (no length given) one byte at a time."""
    yield from _server(HEAD + b"\r\n", b"word ")


@pytest.fixture
def slow_status() -> Iterator[str]:
    """A status line that never ends."""
    yield from _server(b"HTTP/1.1 2", b"0")


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("slow_status", r"no answer within 1 s"),
        # Headers cut short at the deadline may read as complete: either message is true.
        ("slow_headers", r"(no answer within|the download took longer than) 1 s"),
        ("slow_body", r"the download took longer than 1 s"),
    ],
)
def test_a_trickling_server_is_cut_off_at_the_deadline(
    fixture: str, message: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue(fixture)
    started = time.monotonic()
    with pytest.raises(FetchError, match=message):
        fetch_page(url, timeout=LIMIT)
    elapsed = time.monotonic() - started
    assert LIMIT * 0.9 <= elapsed < BOUND


def test_parallel_trickling_urls_each_have_their_own_deadline(
    slow_headers: str, slow_body: str
) -> None:
    started = time.monotonic()
    results = fetch_pages([slow_headers, slow_body, slow_headers + "?2"], timeout=LIMIT)
    assert all(isinstance(r, FetchError) for r in results)
    assert time.monotonic() - started < BOUND


def test_no_thread_is_left_behind(slow_body: str) -> None:
    before = threading.active_count()
    with pytest.raises(FetchError):
        fetch_page(slow_body, timeout=0.3)
    time.sleep(0.2)
    # The server's own trickling thread may still be running; the deadline's timer is not.
    assert threading.active_count() <= before + 1
