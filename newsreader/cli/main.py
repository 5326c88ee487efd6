"""The `newsreader` command line."""

from __future__ import annotations

import argparse
import difflib
import functools
import gc
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader import __version__
from newsreader.cli import terminal
from newsreader.errors import UserError
from newsreader.model import Annotation, Story

if TYPE_CHECKING:
    from newsreader.cli.settings import Settings
    from newsreader.model import Analysis, Article
    from store import AnnotationStore

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2

EXIT_CODES = """exit status:
  0  success
  1  internal error: one line on stderr (--debug shows the traceback); also 'rm' declined
  2  usage or input error: a bad option, a missing file, an unknown or ambiguous story,
     a damaged database or config file (one line on stderr)
  130  interrupted (ctrl+c)

--db, --config and --debug may stand anywhere on the command line."""

# Options every command takes, wherever they stand; those with a value, and flags.
GLOBAL_VALUE_OPTIONS = ("--db", "--config")
GLOBAL_FLAGS = ("--debug",)

Command = Callable[[argparse.Namespace], int]


class _Formatter(argparse.HelpFormatter):
    """Wraps descriptions; keeps text laid out in lines (the exit codes) as it is."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2, with the exit codes in help."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EXIT_CODES)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(message)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    """The global options, shown in every command's help (they are read before parsing)."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $NEWSREADER_DB or the user data directory)",
    )
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="config file (default: $NEWSREADER_CONFIG or the user config folder)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )


def _load_story(paths: Sequence[str]) -> Story:
    if paths:
        from newsreader.ingest.reader import load_story

        return load_story(list(paths), warn=terminal.warn)
    from newsreader.library.demo import load_demo_story

    return load_demo_story()


def _write_output(text: str, output: str | None) -> None:
    if output is None:
        terminal.write_document(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _write_encoded_output(data: bytes, output: str | None) -> None:
    """_write_output for a document already encoded as UTF-8 (the same bytes land)."""
    if output is None:
        terminal.write_encoded_document(data)
    elif os.linesep != "\n":
        _write_output(data.decode("utf-8"), output)
    else:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise UserError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _collector_paused(command: Command) -> Command:
    """Run a command with the garbage collector paused: the reader until its first frame is
    drawn (the app resumes it then), an import or an analysis until it ends.

    Start-up makes many objects that live as long as the app, an import as many as it
    reads, an analysis printed as JSON a tree as large as the analysis: looking for garbage
    among them is time lost (about a tenth of the time to the first frame).
    """

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        gc.disable()
        try:
            return command(args)
        finally:
            gc.enable()

    return run


@_collector_paused
def cmd_open(args: argparse.Namespace) -> int:
    """Open a story in the reader: the articles given, else the story opened last (or the demo)."""
    from store.location import resolve_db_path

    path = resolve_db_path(args.db)
    settings = _settings(args)
    story = _load_story(args.paths) if args.paths else None
    if story is None and not path.exists() and not path.is_symlink():
        # The first start: no story opened before, so the demo. The reader shows it at once
        # and opens the (new) database behind it.
        _read_new(path, settings)
        return 0
    from store import AnnotationStore

    store = AnnotationStore(path)
    try:
        if story is None:
            story = _last_story(store)
        _read(story, store, settings)
    finally:
        store.close()
    return 0


@_collector_paused
def cmd_open_saved(args: argparse.Namespace) -> int:
    """Open a saved story (by id, id prefix or title words) from its snapshot."""
    from newsreader.cli.library_commands import resolve
    from newsreader.library.demo import load_demo_story
    from newsreader.library.stories import library_story
    from store import AnnotationStore, resolve_db_path

    settings = _settings(args)
    demo = load_demo_story()
    with AnnotationStore(resolve_db_path(args.db)) as store:
        _read(library_story(store, resolve(store, args.story, demo), demo), store, settings)
    return 0


def _last_story(store: AnnotationStore) -> Story:
    """The story opened most recently (from its snapshot), or the demo story."""
    from newsreader.library.demo import load_demo_story
    from newsreader.library.stories import last_opened, library_story

    story_id = last_opened((s.id, s.opened) for s in store.list_stories())
    # The demo story is loaded only when it is the one to show.
    return library_story(store, story_id) if story_id else load_demo_story()


def _read(story: Story, store: AnnotationStore, settings: Settings) -> None:
    """Get a story ready (snapshot, cached analysis, annotations) and run the reader on it."""
    from newsreader.library.opening import StoryOpener, read_only_notice
    from tui.app import make_app

    # A cached analysis opens at once; otherwise the reader shows the articles and
    # analyses them in a worker, then caches the result and re-attaches the verdicts.
    opened = StoryOpener(store).open_cached(story)
    # After opening: a database that cannot save (a full disk) is opened read-only.
    terminal.note(read_only_notice(store))
    app = make_app(story, store, opened.analysis if opened else None, shown=gc.enable)
    _apply_settings(app, settings)
    app.run()
    _list_orphans(list(opened.anchored.orphaned) if opened else app.orphans)


def _read_new(path: Path, settings: Settings) -> None:
    """Show the demo story at once; the app opens the database at `path` behind it."""
    from newsreader.library.demo import load_demo_story
    from tui.app import make_app

    def open_store() -> AnnotationStore:
        from store import AnnotationStore

        return AnnotationStore(path)

    app = make_app(load_demo_story(), None, open_store=open_store, shown=gc.enable)
    _apply_settings(app, settings)
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if app.store is not None:
        from newsreader.library.opening import read_only_notice

        terminal.note(read_only_notice(app.store, done=True))
    _list_orphans(app.orphans)


@_collector_paused
def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of a story: a readable report, Markdown, or the JSON contract."""
    from newsreader.engine.analysis import analyze

    fmt = "json" if args.json else args.format
    analysis = analyze(_load_story(args.paths))
    if fmt == "json":
        import orjson

        from newsreader.library.analysis_json import analysis_to_dict

        # The same bytes as json.dumps(ensure_ascii=False, indent=2), many times faster.
        option = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        data = orjson.dumps(analysis_to_dict(analysis), option=option)
        _write_encoded_output(data, args.output)
        return 0
    if fmt == "md":
        from newsreader.cli.analysis_report import render_markdown

        text = render_markdown(analysis)
    else:
        from newsreader.cli.analysis_report import render_text

        color = args.output is None and _colour_wanted(sys.stdout)
        text = render_text(analysis, color=color)
        if color:
            terminal.write_styled(text)
            return 0
    _write_output(text, args.output)
    return 0


def _colour_wanted(stream: Any) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (to anything) or TERM=dumb."""
    if "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != "":
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _settings(args: argparse.Namespace) -> Settings:
    from newsreader.cli.settings import load_settings

    return load_settings(getattr(args, "config", None))


def cmd_export(args: argparse.Namespace) -> int:
    """Export annotations in one of the formats; orphaned annotations are listed on stderr."""
    from newsreader.annotations.export import ExportContext, render
    from newsreader.cli.settings import reviewer_name
    from store import AnnotationStore, resolve_db_path

    settings = _settings(args)
    fmt = args.format or settings.export_format or "json"
    with AnnotationStore(resolve_db_path(args.db), read_only=True) as store:
        story_id = None
        if args.story is not None:
            from newsreader.cli.library_commands import resolve
            from newsreader.library.demo import load_demo_story

            story_id = resolve(store, args.story, load_demo_story())
        annotations = store.all(story=story_id)
        stories = _export_stories(store, {a.story for a in annotations})
        analyses = _export_analyses(store, stories) if fmt in {"csv", "md"} else {}
    if story_id is not None and not annotations:
        terminal.note(f"story {story_id!r} has no annotations")
    context = ExportContext(
        stories=stories,
        analyses=analyses,
        reviewer=reviewer_name(settings) if fmt in {"claimreview", "md"} else None,
        read_document=_read_document,
    )
    _write_output(render(fmt, annotations, context=context), args.output)
    _list_orphans([a for a in annotations if a.orphaned])
    return 0


def _export_stories(store: AnnotationStore, story_ids: set[str]) -> dict[str, Story]:
    """The snapshots of the stories exported (the demo from the package when not saved)."""
    from newsreader.library.demo import load_demo_story

    stories = {}
    for story_id in sorted(story_ids):
        try:
            stories[story_id] = store.load_story(story_id)
        except KeyError:
            demo = load_demo_story()
            if story_id == demo.id:
                stories[story_id] = demo
    return stories


def _export_analyses(store: AnnotationStore, stories: dict[str, Story]) -> dict[str, Analysis]:
    """Each exported story's analysis: cached, else made now (and not written: read-only)."""
    from newsreader.library.cache import analyse_cached

    analyses = {}
    for story_id, story in stories.items():
        if len(story.articles) >= 2:
            analyses[story_id] = analyse_cached(story, store)[0]
    return analyses


def _read_document(article: Article) -> str | None:
    """An article's source file as a reader of the export sees it: decoded text; None for web
    pages (a browser counts characters of the page's text, not of its markup) and addresses."""
    from newsreader.ingest.encoding import decode_text
    from newsreader.ingest.files import read_file
    from newsreader.ingest.reader import MAX_FILE_BYTES

    path = Path(article.source)
    if not path.is_absolute() or path.suffix.casefold() in {".html", ".htm", ".xhtml"}:
        return None
    try:
        data = read_file(path, MAX_FILE_BYTES)
        text = decode_text(data, article.source)
    except (OSError, UserError, ValueError):
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.lstrip()[:1] == "<":
        return None
    return text


def cmd_config(args: argparse.Namespace) -> int:
    """Print where the config file is and what it sets."""
    from newsreader.cli.settings import describe

    for line in describe(_settings(args)):
        terminal.say(line)
    return 0


def _apply_settings(app: Any, settings: Settings) -> None:
    """Give the reader the theme and key map of the config file."""
    if settings.theme:
        if settings.theme not in app.available_themes:
            known = ", ".join(sorted(app.available_themes))
            raise UserError(f"{settings.path}: unknown theme {settings.theme!r} (known: {known})")
        app.theme = settings.theme
    if settings.keymap:
        app.set_keymap(settings.keymap)


def _list_orphans(orphans: list[Annotation]) -> None:
    if not orphans:
        return
    terminal.note(
        f"{len(orphans)} orphaned annotation(s), whose sentences are no longer in their story "
        '(kept, marked "orphaned"):'
    )
    for a in orphans:
        quote = " ".join(a.targets[0].exact.split())[:70] if a.targets else ""
        terminal.tell(f'  {a.story} / {a.claim} ({a.status.value}): "{quote}"')


def _read_export(name: str) -> str:
    """The text of an export file (the bytes are let go of before it is decoded as JSON)."""
    from newsreader.ingest.files import FileRefused, read_file
    from store.storage import MAX_DATABASE_BYTES

    try:
        return read_file(Path(name), MAX_DATABASE_BYTES, name).decode("utf-8")
    except FileRefused as exc:
        raise UserError(exc.why) from None
    except UnicodeDecodeError as exc:
        raise UserError(f"not UTF-8 text at byte {exc.start}") from None
    except IsADirectoryError:
        raise UserError("is a folder") from None
    except OSError as exc:
        raise UserError(f"cannot read ({exc.strerror or exc})") from None


@_collector_paused
def cmd_import(args: argparse.Namespace) -> int:
    """Merge an exported JSON file into the database and report what changed."""
    from newsreader.annotations.native import load_export
    from store import AnnotationStore, resolve_db_path

    try:
        annotations = load_export(_read_export(args.file))
    except UserError as exc:
        raise UserError(f"{args.file}: {exc}; nothing imported") from None
    with AnnotationStore(resolve_db_path(args.db), read_only=args.dry_run or False) as store:
        report = store.merge(annotations, dry_run=args.dry_run)
    for sign, group, why in (
        ("+", report.added, "added"),
        ("~", report.updated, "replaced (newer in the file)"),
        ("=", report.kept, "kept (newer in the database)"),
    ):
        for a in group:
            terminal.say(f"{sign} {a.story} / {a.claim}: {a.status.value} {why}")
    terminal.say(
        f"{args.file}: {'would be ' if args.dry_run else ''}"
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.kept)} kept (newer in the database)"
    )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the database (and restore its backup with --restore)."""
    from newsreader.library.cache import engine_key
    from store import check_database, resolve_db_path, restore_backup

    path = resolve_db_path(args.db)
    if args.restore:
        terminal.say(restore_backup(path))
    report = check_database(path, engine=engine_key())
    for line in report.lines:
        terminal.say(line)
    if not report.ok:
        raise UserError(report.problem)
    return 0


def _build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    main = _Parser(
        prog="newsreader",
        description="Compare news reports side by side: matching and conflicting claims, "
        "verdicts and notes. Commands: list, open, add, rm, sources, analyze, export, import, "
        "doctor, config, serve (see 'newsreader COMMAND --help').",
    )
    main.add_argument("--version", action="version", version=f"newsreader {__version__}")
    main.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files (.txt, .md, .html), folders of them or http(s) URLs "
        "(default: the story opened last, else the demo story)",
    )
    _add_global_options(main)
    main.set_defaults(func=cmd_open)

    commands: dict[str, argparse.ArgumentParser] = _library_parsers()
    analyze = _Parser(prog="newsreader analyze", description="Analyse a story and print it.")
    analyze.add_argument(
        "paths", nargs="*", metavar="PATH|URL", help="article files, folders or http(s) URLs"
    )
    analyze.add_argument(
        "--format",
        choices=["text", "json", "md"],
        default="text",
        help="text: a report, conflicts first (coloured on a terminal unless NO_COLOR is set); "
        "json: the analysis contract; md: the report in Markdown (default: text)",
    )
    analyze.add_argument("--json", action="store_true", help="the same as --format json")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _add_global_options(analyze)
    analyze.set_defaults(func=cmd_analyze)
    commands["analyze"] = analyze

    config = _Parser(
        prog="newsreader config",
        description="Print where the config file is and what it sets. The file is TOML: "
        'reviewer = "NAME" (signs ClaimReview and Markdown exports), export_format = '
        '"json|w3c|claimreview|csv|md", theme = "NAME" (a Textual theme), and a [keymap] '
        'table of binding ids and keys ("reader.verified" = "V").',
    )
    _add_global_options(config)
    config.set_defaults(func=cmd_config)
    commands["config"] = config

    export = _Parser(prog="newsreader export", description="Export annotations.")
    export.add_argument(
        "--format",
        choices=["json", "w3c", "claimreview", "csv", "md"],
        default=None,
        help="json (newsreader), w3c (Web Annotation), claimreview (schema.org), csv, md "
        "(report); default: export_format from the config file, else json",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument(
        "--story",
        metavar="STORY",
        help="only this story's annotations: its id, a unique id prefix, title words or demo",
    )
    _add_global_options(export)
    export.set_defaults(func=cmd_export)
    commands["export"] = export

    importer = _Parser(
        prog="newsreader import",
        description="Merge a JSON export into the database (the newer change wins).",
    )
    importer.add_argument("file", metavar="FILE", help="a file made by 'newsreader export'")
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would change, write nothing"
    )
    _add_global_options(importer)
    importer.set_defaults(func=cmd_import)
    commands["import"] = importer

    doctor = _Parser(
        prog="newsreader doctor", description="Check the database file and its backup."
    )
    doctor.add_argument(
        "--restore", action="store_true", help="replace the database with its backup copy"
    )
    _add_global_options(doctor)
    doctor.set_defaults(func=cmd_doctor)
    commands["doctor"] = doctor
    commands["serve"] = _serve_parser()
    return main, commands


def _serve_parser() -> argparse.ArgumentParser:
    serve = _Parser(
        prog="newsreader serve",
        description="Serve the reader to web browsers: each page opened runs its own reader "
        "on the same database (one at a time may write; the others open read-only). Ctrl+C "
        "stops it. Bound to another address than this machine's own (127.0.0.1, ::1), "
        "anyone who can reach it can read the stories and write the verdicts.",
    )
    serve.add_argument(
        "story",
        nargs="?",
        metavar="STORY",
        help="the story to open: its id, a unique id prefix, title words or demo "
        "(default: the story opened last, else the demo)",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port to listen on; 0: any free port (default: 8000)"
    )
    _add_global_options(serve)
    serve.set_defaults(func=_serve_command)
    return serve


def _serve_command(args: argparse.Namespace) -> int:
    """`newsreader serve`, imported when it runs (it loads the web server)."""
    from newsreader.cli.serve import cmd_serve

    return cmd_serve(args)


def _library_command(name: str) -> Command:
    """A library command, imported when it runs (it loads the store)."""

    def run(args: argparse.Namespace) -> int:
        from newsreader.cli import library_commands

        command: Command = getattr(library_commands, name)
        return command(args)

    return run


def _library_parsers() -> dict[str, argparse.ArgumentParser]:
    listing = _Parser(
        prog="newsreader list",
        description="List the saved stories (and the demo) with their articles, claims, "
        "conflicts, verdicts and when each was last opened.",
    )
    listing.set_defaults(func=_library_command("cmd_list"))

    opener = _Parser(prog="newsreader open", description="Open a saved story from its snapshot.")
    opener.add_argument("story", metavar="STORY", help="its id, a unique id prefix or title words")
    opener.set_defaults(func=cmd_open_saved)

    remover = _Parser(
        prog="newsreader rm",
        description="Remove a saved story, its cached analysis and its annotations.",
    )
    remover.add_argument("story", metavar="STORY", help="its id, a unique id prefix or title words")
    remover.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remover.add_argument(
        "--export", metavar="FILE", help="first write the story's annotations to FILE (JSON)"
    )
    remover.set_defaults(func=_library_command("cmd_rm"))

    adder = _Parser(
        prog="newsreader add",
        description="Add articles to a saved story, or save them as a new story.",
    )
    adder.add_argument(
        "paths", nargs="+", metavar="PATH|URL", help="article files, folders or http(s) URLs"
    )
    adder.add_argument(
        "--story",
        metavar="NAME",
        help="the story to add to (id, id prefix or title words); a new story of this name "
        "when none matches",
    )
    adder.set_defaults(func=_library_command("cmd_add"))

    sources = _Parser(
        prog="newsreader sources",
        description="The source scorecard: per outlet, the claims it states, how many are "
        "corroborated, conflicting or single-source, on how many its value differs from the "
        "other sources, and how many you tagged verified or disputed. Across every saved story "
        "with a cached analysis, or one story.",
    )
    sources.add_argument(
        "story",
        nargs="?",
        metavar="STORY",
        help="only this story: its id, a unique id prefix, title words or demo",
    )
    sources.add_argument("--json", action="store_true", help="print JSON (for scripts)")
    sources.set_defaults(func=_library_command("cmd_sources"))

    parsers = {"list": listing, "open": opener, "rm": remover, "add": adder, "sources": sources}
    for parser in parsers.values():
        _add_global_options(parser)
    return parsers


def _split_globals(argv: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Take the global options out of the arguments, wherever they stand (up to ``--``)."""
    found: dict[str, Any] = {}
    rest: list[str] = []
    n = 0
    while n < len(argv):
        arg = argv[n]
        name, eq, value = arg.partition("=")
        if arg == "--":
            rest += argv[n:]
            break
        if name in GLOBAL_VALUE_OPTIONS:
            if not eq:
                if n + 1 >= len(argv):
                    raise UserError(f"argument {name}: expected one argument")
                n += 1
                value = argv[n]
            found[name] = value
        elif arg in GLOBAL_FLAGS:
            found[arg] = True
        else:
            rest.append(arg)
        n += 1
    return found, rest


def _is_path(word: str) -> bool:
    return "/" in word or "://" in word or Path(word).exists()


def _mistyped_command(rest: list[str], names: Sequence[str]) -> str | None:
    """The command the first argument seems to misspell, when it is no path and no other
    argument names a file or address (those are articles to open)."""
    if not rest or rest[0].startswith("-") or _is_path(rest[0]):
        return None
    if any(_is_path(a) for a in rest[1:] if not a.startswith("-")):
        return None
    close = difflib.get_close_matches(rest[0].casefold(), names, n=1, cutoff=0.6)
    return close[0] if close else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        return _run(args_list)
    except UserError as exc:
        terminal.error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        hint = "" if debug else " (run again with --debug for the traceback)"
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        terminal.tell(f"newsreader: internal error: {' '.join(what.split())}{hint}")
        return EXIT_INTERNAL


def _run(args_list: list[str]) -> int:
    found, rest = _split_globals(args_list)
    main_parser, commands = _build_parsers()
    if rest and rest[0] in commands:
        args = commands[rest[0]].parse_args(rest[1:])
    else:
        guess = _mistyped_command(rest, list(commands))
        if guess is not None:
            raise UserError(f"unknown command {rest[0]!r} (did you mean {guess!r}?)")
        args = main_parser.parse_args(rest)
    args.db = found.get("--db")
    args.config = found.get("--config")
    args.debug = bool(found.get("--debug"))
    status: int = args.func(args)
    return status
