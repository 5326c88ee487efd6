"""Articles from URLs, served by a local HTTP server on 127.0.0.1 (no test touches the internet)."""

from __future__ import annotations

import gzip
import json
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsreader.cli.main import main
from newsreader.ingest.fetch import FetchError, fetch_page
from newsreader.ingest.reader import load_story
from newsreader.model import Verdict
from store import AnnotationStore

HTML_DIR = Path(__file__).resolve().parents[2] / "data" / "html"
HTML = "text/html; charset=utf-8"
PLAIN_TEXT = (
    "Bridge closed after flood\n\n"
    "The Old Mill Bridge was closed on Friday after the river rose by three metres.\n"
    "About 10,000 vehicles a day will have to take the ring road instead.\n"
)


def _routes() -> dict[str, tuple[int, dict[str, str], bytes]]:
    courier = (HTML_DIR / "courier-bridge.html").read_bytes()
    northern = (HTML_DIR / "northern-post-bridge.html").read_bytes()
    return {
        "/courier": (200, {"Content-Type": HTML}, courier),
        # The charset comes only from the meta tag inside the page.
        "/northern": (200, {"Content-Type": "text/html"}, northern),
        "/front": (200, {"Content-Type": HTML}, (HTML_DIR / "section-front.html").read_bytes()),
        "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN_TEXT.encode()),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
        "/moved": (301, {"Location": "/courier"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/gzipped": (
            200,
            {"Content-Type": HTML, "Content-Encoding": "gzip"},
            gzip.compress(courier),
        ),
        "/header-charset": (
            200,
            {"Content-Type": "text/plain; charset=windows-1252"},
            "Café owners said the “bridge” had cost €2 million.".encode("cp1252"),
        ),
        "/declared-huge": (
            200,
            {"Content-Type": HTML, "Content-Length": str(50 * 1024 * 1024)},
            b"",
        ),
        "/error": (500, {"Content-Type": HTML}, b"<h1>Internal error</h1>"),
        "/members": (403, {"Content-Type": HTML}, b"<h1>Subscribers only</h1>"),
    }


SLOW_ANSWER = threading.Event()
"""Set once the server may answer /slow."""


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            # No answer until the test has seen the fetch give up (or 30 s have passed).
            SLOW_ANSWER.wait(30)
        if self.path == "/huge":
            self._stream_huge()
            return
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": HTML}, b"gone"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _stream_huge(self) -> None:
        """An endless-looking page with no Content-Length: the reader must stop at 10 MB."""
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.end_headers()
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        try:
            for _ in range(1200):  # about 12 MB
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


class _QuietServer(ThreadingHTTPServer):
    """A server that does not print a traceback when a client it still answers has gone
    (the slow page's fetch gives up first): stderr belongs to the command under test."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Drop the error of a request whose client has gone."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Base URL of a local HTTP server serving the saved pages."""
    handler = type("Handler", (_Handler,), {"routes": _routes()})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def dead_url() -> str:
    """A local address where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"


def test_url_story_extracts_pages(server: str) -> None:
    story = load_story([f"{server}/courier", f"{server}/northern#comments"])
    first, second = story.articles
    assert (first.outlet, first.author, first.date) == (
        "The Harbour Courier",
        "Maren Ostby",
        "2026-03-14",
    )
    assert first.source == f"{server}/courier"
    assert first.id == "the-harbour-courier-old-mill-bridge-closed-after"
    assert second.outlet == "Northern Post" and "€2 million" in second.text
    assert "cookie" not in first.text.lower() and "riverwatcher" not in first.text


def test_redirect_is_followed(server: str) -> None:
    page = fetch_page(f"{server}/moved")
    assert page.final_url == f"{server}/courier" and page.is_html


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/error", "the server answered 500"),
        ("/members", "403 Forbidden .*save the page from the browser"),
        ("/report.pdf", r"not a web page or text \(content type application/pdf\)"),
        ("/loop", "too many redirects"),
        ("/to-file", r"redirect not followed \(.*file:///etc/passwd"),
        ("/declared-huge", "larger than 10 MB"),
        ("/huge", "larger than 10 MB"),
    ],
)
def test_bad_urls_give_one_clear_reason(server: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_page(server + path)


def test_slow_server_times_out(server: str) -> None:
    # The server holds its answer back until released below: the fetch can only end by
    # giving up (no wall-clock bound that a busy machine could break).
    SLOW_ANSWER.clear()
    try:
        with pytest.raises(FetchError, match=r"no answer within 0\.3 s"):
            fetch_page(f"{server}/slow", timeout=0.3)
    finally:
        SLOW_ANSWER.set()


def test_dead_url_is_refused(dead_url: str) -> None:
    with pytest.raises(FetchError, match="connection refused"):
        fetch_page(dead_url)


def test_unknown_host_says_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match="cannot find the host"):
        fetch_page("http://news.example/story")


def test_gzip_and_header_charset(server: str) -> None:
    assert b"Old Mill Bridge" in fetch_page(f"{server}/gzipped").data
    story = load_story([f"{server}/header-charset", f"{server}/plain"])
    assert story.articles[0].text == "Café owners said the “bridge” had cost €2 million."
    assert story.articles[1].title == "Bridge closed after flood"
    assert story.articles[1].outlet == "127.0.0.1"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run the command in-process with no proxy configured; returns (status, stdout, stderr)."""
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)

    def invoke(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


def test_cli_warns_per_bad_url_and_opens_the_rest(server: str, dead_url: str, run) -> None:
    status, out, err = run(
        "analyze",
        "--json",
        f"{server}/courier",
        f"{server}/missing",
        f"{server}/report.pdf",
        f"{server}/front",
        dead_url,
        f"{server}/northern",
        f"{server}/courier",
    )
    assert status == 0, err
    warnings = err.strip().splitlines()
    assert all(line.startswith("newsreader: warning: ") for line in warnings), warnings
    assert len(warnings) == 5
    # The server's address is cut out first: a random port may hold "404".
    reasons = [line.replace(server, "").replace(dead_url, "") for line in warnings]
    for needle in ("404", "application/pdf", "no article text", "connection refused", "once"):
        assert sum(needle in line for line in reasons) == 1, needle
    data = json.loads(out)
    assert [a["outlet"] for a in data["articles"]] == ["The Harbour Courier", "Northern Post"]


def test_cli_all_urls_bad_is_one_error_line(server: str, dead_url: str, run) -> None:
    status, _, err = run("analyze", f"{server}/missing", dead_url)
    assert status == 2
    [line] = err.strip().splitlines()
    assert line.startswith("newsreader: error: ") and "404" in line and "refused" in line
    assert "at least two articles" in line


def test_failed_url_story_leaves_the_database_untouched(
    server: str, dead_url: str, run, tmp_path: Path
) -> None:
    db = tmp_path / "annotations.json"
    with AnnotationStore(db) as store:
        store.set_verdict("s", "c", Verdict.VERIFIED, ())
    before = db.read_bytes()
    status, _, err = run("--db", str(db), f"{server}/front", dead_url)
    assert status == 2 and "save it from the browser" in err
    assert db.read_bytes() == before


def test_a_file_of_links_is_read_as_urls(server: str, tmp_path: Path) -> None:
    links = tmp_path / "links.txt"
    links.write_text(
        f"# coverage of the bridge closure\n{server}/courier\n\n{server}/northern\n",
        encoding="utf-8",
    )
    story = load_story([str(links)])
    assert [a.source for a in story.articles] == [f"{server}/courier", f"{server}/northern"]


def test_add_urls_to_a_saved_story(server: str, db_path: Path, capsys) -> None:
    db = ["--db", str(db_path)]
    assert main(["add", f"{server}/courier", f"{server}/northern", "--story", "Bridge", *db]) == 0
    assert "Saved 2 article(s) to 'Bridge'" in capsys.readouterr().out
    assert main(["add", f"{server}/plain", f"{server}/missing", "--story", "bridge", *db]) == 0
    captured = capsys.readouterr()
    assert "Added 1 article(s)" in captured.out and "3 articles" in captured.out
    assert "/missing" in captured.err and "404" in captured.err
    before = db_path.read_bytes()
    assert main(["add", f"{server}/courier", "--story", "bridge", *db]) == 2
    assert "already in the story" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    with AnnotationStore(db_path) as store:
        [info] = [s for s in store.list_stories() if s.title == "Bridge"]
        sources = [a.source for a in store.load_story(info.id).articles]
    assert sources == [f"{server}/courier", f"{server}/northern", f"{server}/plain"]
