"""`newsreader serve`: the reader in a web browser, one reader process per browser session.

textual-serve runs a shell command for each page opened and carries the terminal to the
page; the command is this interpreter running `newsreader` on the same database, config
and story, quoted with shlex.
"""

from __future__ import annotations

import asyncio
import ipaddress
import shlex
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from newsreader.cli import terminal
from newsreader.errors import UserError

# How long a stop waits for open sessions to end before it cancels them.
SHUTDOWN_SECONDS = 5.0


def session_command(
    db: Path, config: Path | None, story_id: str | None, debug: bool = False
) -> str:
    """The shell command each browser session runs: the reader on this database (and
    config), opening the story named, else the one opened last."""
    argv = [sys.executable, "-m", "newsreader", "--db", str(db)]
    if config is not None:
        argv += ["--config", str(config)]
    if debug:
        argv.append("--debug")
    if story_id is not None:
        argv += ["open", "--", story_id]
    return shlex.join(argv)


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host and port (0: any free port); UserError when that cannot be."""
    if not 0 <= port <= 65535:
        raise UserError(f"--port {port}: not a port number (0 to 65535)")
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UserError(f"--host {host}: not an address of this machine ({reason})") from None
    family, kind, proto, _, address = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UserError(f"cannot listen on {host} port {port} ({exc.strerror or exc})") from None
    return sock


def is_loopback(sock: socket.socket) -> bool:
    """True when the socket is bound to a loopback address (only this machine reaches it)."""
    address = ipaddress.ip_address(sock.getsockname()[0].split("%")[0])
    return address.is_loopback


def page_address(sock: socket.socket) -> str:
    """The address to open in a browser for a bound socket."""
    host, port = sock.getsockname()[:2]
    if ipaddress.ip_address(host.split("%")[0]).is_unspecified:
        host = socket.gethostname()
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class ReaderServer(Server):
    """textual-serve's server on a socket bound beforehand, quiet, and stopped by ctrl+c
    (told apart from a SIGTERM so the command can exit 130)."""

    def __init__(self, command: str, sock: socket.socket, title: str) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(command, host=host, port=port, title=title)
        self.sock = sock
        self.interrupted = False
        self._sessions: set[web.WebSocketResponse] = set()
        self._exits: dict[asyncio.Task[int], asyncio.subprocess.Process] = {}

    async def on_startup(self, app: web.Application) -> None:
        """Say where the reader is served (textual-serve prints a banner instead)."""
        terminal.say(f"newsreader: serving the reader at {page_address(self.sock)} (ctrl+c stops)")
        sys.stdout.flush()

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every session's page connection: each reader is told to quit and ends."""
        await asyncio.gather(*(session.close() for session in list(self._sessions)))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.on_cleanup.append(self._wait_for_readers)
        return app

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        process = app_service._process
        self._sessions.add(websocket)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self._sessions.discard(websocket)
            if process is not None:
                # textual-serve stops reading a reader when it closes its output; its
                # exit is awaited here so a stop lets it finish writing the database.
                exit_task = asyncio.create_task(process.wait())
                self._exits[exit_task] = process
                exit_task.add_done_callback(lambda task: self._exits.pop(task, None))

    async def _wait_for_readers(self, app: web.Application) -> None:
        """On stop: wait for the readers of closed sessions to exit (end those that hang)."""
        if not self._exits:
            return
        _, hanging = await asyncio.wait(list(self._exits), timeout=SHUTDOWN_SECONDS)
        for task in hanging:
            self._exits[task].kill()
            await task

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its websocket and static files addressed as the browser reached the
        server (a server bound to every address has no one address to name)."""
        origin = str(request.url.origin())
        websocket = request.app.router["websocket"].url_for()
        static = request.app.router["static"].url_for(filename="/")
        scheme = "wss" if origin.startswith("https:") else "ws"
        return {
            "font_size": _int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}:{origin.split(':', 1)[1]}{websocket}",
            "config": {"static": {"url": f"{origin}{str(static).rstrip('/')}/"}},
            "application": {"name": self.title},
        }

    def _interrupt(self) -> None:
        self.interrupted = True
        self.request_exit()

    def run(self) -> None:
        """Serve until ctrl+c or SIGTERM."""
        loop = asyncio.new_event_loop()
        loop.add_signal_handler(signal.SIGINT, self._interrupt)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            sock=self.sock,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
            shutdown_timeout=SHUTDOWN_SECONDS,
        )


def _int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


def cmd_serve(args: Any) -> int:
    """Serve the reader to web browsers until ctrl+c (exit 130) or SIGTERM (exit 0)."""
    from newsreader.cli.settings import load_settings
    from store import resolve_db_path

    db = resolve_db_path(args.db).absolute()
    config = Path(args.config).absolute() if args.config else None
    load_settings(args.config)  # a bad config file is refused now, not in every session
    story_id = _story_id(db, args.story) if args.story is not None else None
    sock = listen(args.host, args.port)
    try:
        if not is_loopback(sock):
            port = sock.getsockname()[1]
            terminal.warn(
                f"serving on {args.host} port {port}: anyone who can reach it can read the "
                "stories and write the verdicts"
            )
        server = ReaderServer(session_command(db, config, story_id, args.debug), sock, "newsreader")
        server.run()
    finally:
        sock.close()
    return 130 if server.interrupted else 0


def _story_id(db: Path, query: str) -> str:
    """The id of the story the words name (exit 2 now when none or several match)."""
    from newsreader.cli.library_commands import resolve
    from newsreader.library.demo import load_demo_story
    from store import AnnotationStore

    with AnnotationStore(db, read_only=True) as store:
        return resolve(store, query, load_demo_story())
