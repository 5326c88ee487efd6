"""The `newsreader` command line."""

from __future__ import annotations

import argparse
import functools
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader import __version__
from newsreader.errors import UserError
from newsreader.model import Annotation, Story

if TYPE_CHECKING:
    from store import AnnotationStore

EXIT_USAGE = 2

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(message)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $NEWSREADER_DB or the user data directory)",
    )


def _warn(message: str) -> None:
    print(f"newsreader: warning: {message}", file=sys.stderr)


def _load_story(paths: Sequence[str]) -> Story:
    if paths:
        from newsreader.ingest.reader import load_story

        return load_story(list(paths), warn=_warn)
    from newsreader.library.demo import load_demo_story

    return load_demo_story()


def _write_output(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _collector_paused(command: Command) -> Command:
    """Run a reader command with the garbage collector paused until the first frame is drawn
    (the app resumes it then; at the latest it resumes when the command ends).

    Start-up makes many objects that live as long as the app: looking for garbage among
    them costs about a tenth of the time to the first frame.
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
    story = _load_story(args.paths) if args.paths else None
    if story is None and not path.exists():
        # The first start: no story opened before, so the demo. The reader shows it at once
        # and opens the (new) database behind it.
        _read_new(path)
        return 0
    from store import AnnotationStore

    store = AnnotationStore(path)
    try:
        if story is None:
            story = _last_story(store)
        _read(story, store)
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

    demo = load_demo_story()
    with AnnotationStore(resolve_db_path(args.db)) as store:
        _read(library_story(store, resolve(store, args.story, demo), demo), store)
    return 0


def _last_story(store: AnnotationStore) -> Story:
    """The story opened most recently (from its snapshot), or the demo story."""
    from newsreader.library.demo import load_demo_story
    from newsreader.library.stories import last_opened, library_story

    story_id = last_opened((s.id, s.opened) for s in store.list_stories())
    # The demo story is loaded only when it is the one to show.
    return library_story(store, story_id) if story_id else load_demo_story()


def _read(story: Story, store: AnnotationStore) -> None:
    """Get a story ready (snapshot, cached analysis, annotations) and run the reader on it."""
    from newsreader.library.stories import open_if_cached
    from tui.app import make_app

    if store.read_only:
        print(
            f"newsreader: note: {store.path}: {store.read_only_reason}; "
            "opened read-only, verdicts will not be saved",
            file=sys.stderr,
        )
    # A cached analysis opens at once; otherwise the reader shows the articles and
    # analyses them in a worker, then caches the result and re-attaches the verdicts.
    opened = open_if_cached(store, story)
    app = make_app(story, store, opened.analysis if opened else None, shown=gc.enable)
    if store.read_only:
        # Shown in the header for the whole session.
        app.sub_title = f"READ-ONLY: {store.read_only_reason}"
    app.run()
    _list_orphans(list(opened.anchored.orphaned) if opened else app.orphans)


def _read_new(path: Path) -> None:
    """Show the demo story at once; the app opens the database at `path` behind it."""
    from newsreader.library.demo import load_demo_story
    from tui.app import make_app

    def open_store() -> AnnotationStore:
        from store import AnnotationStore

        return AnnotationStore(path)

    app = make_app(load_demo_story(), None, open_store=open_store, shown=gc.enable)
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    if app.store is not None and app.store.read_only:
        print(
            f"newsreader: note: {app.store.path}: {app.store.read_only_reason}; "
            "opened read-only, verdicts were not saved",
            file=sys.stderr,
        )
    _list_orphans(app.orphans)


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the analysis of a story."""
    from newsreader.engine.analysis import analyze
    from newsreader.library.analysis_json import analysis_to_dict

    analysis = analyze(_load_story(args.paths))
    if args.json:
        text = json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=2) + "\n"
    else:
        text = _summary(analysis_to_dict(analysis))
    _write_output(text, args.output)
    return 0


def _summary(data: dict[str, Any]) -> str:
    lines = [f"{data['story']['title']} ({data['story']['id']})"]
    for article in data["articles"]:
        lines.append(f"  {article['id']}: {len(article['sentences'])} sentences")
    counts: dict[str, int] = {}
    for claim in data["claims"]:
        counts[claim["status"]] = counts.get(claim["status"], 0) + 1
    lines.append(
        f"{len(data['claims'])} claims: "
        + ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    )
    return "\n".join(lines) + "\n"


def cmd_export(args: argparse.Namespace) -> int:
    """Export annotations in one of the formats; orphaned annotations are listed on stderr."""
    from newsreader.annotations.export import render
    from store import AnnotationStore, resolve_db_path

    with AnnotationStore(resolve_db_path(args.db), read_only=True) as store:
        annotations = store.all(story=args.story)
        stories = {}
        for story_id in {a.story for a in annotations}:
            try:
                stories[story_id] = store.load_story(story_id)
            except KeyError:
                continue
    _write_output(render(args.format, annotations, stories), args.output)
    _list_orphans([a for a in annotations if a.orphaned])
    return 0


def _list_orphans(orphans: list[Annotation]) -> None:
    if not orphans:
        return
    print(
        f"newsreader: note: {len(orphans)} orphaned annotation(s), whose sentences are no "
        'longer in their story (kept, marked "orphaned"):',
        file=sys.stderr,
    )
    for a in orphans:
        quote = " ".join(a.targets[0].exact.split())[:70] if a.targets else ""
        print(f'  {a.story} / {a.claim} ({a.status.value}): "{quote}"', file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    """Merge an exported JSON file into the database and report what changed."""
    from newsreader.annotations.native import parse_export
    from store import AnnotationStore, resolve_db_path

    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        raise UserError(f"{args.file}: cannot read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UserError(f"{args.file}: not a newsreader annotations export (not JSON)") from None
    try:
        annotations = parse_export(data)
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
            print(f"{sign} {a.story} / {a.claim}: {a.status.value} {why}")
    print(
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
        print(restore_backup(path))
    report = check_database(path, engine=engine_key())
    for line in report.lines:
        print(line)
    if not report.ok:
        raise UserError(report.problem)
    return 0


def _build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    main = _Parser(
        prog="newsreader",
        description="Compare news reports side by side: matching and conflicting claims, "
        "verdicts and notes. Commands: list, open, add, rm, analyze, export, import, doctor "
        "(see 'newsreader COMMAND --help').",
    )
    main.add_argument("--version", action="version", version=f"newsreader {__version__}")
    main.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files (.txt, .md, .html), folders of them or http(s) URLs "
        "(default: the story opened last, else the demo story)",
    )
    _add_db_option(main)
    main.set_defaults(func=cmd_open)

    commands: dict[str, argparse.ArgumentParser] = _library_parsers()
    analyze = _Parser(prog="newsreader analyze", description="Analyse a story and print it.")
    analyze.add_argument(
        "paths", nargs="*", metavar="PATH|URL", help="article files, folders or http(s) URLs"
    )
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    analyze.set_defaults(func=cmd_analyze)
    commands["analyze"] = analyze

    export = _Parser(prog="newsreader export", description="Export annotations.")
    export.add_argument(
        "--format",
        choices=["json", "w3c", "claimreview", "csv", "md"],
        default="json",
        help="json (newsreader), w3c (Web Annotation), claimreview (schema.org), csv, md (report)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument("--story", metavar="ID", help="only this story's annotations")
    _add_db_option(export)
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
    _add_db_option(importer)
    importer.set_defaults(func=cmd_import)
    commands["import"] = importer

    doctor = _Parser(
        prog="newsreader doctor", description="Check the database file and its backup."
    )
    doctor.add_argument(
        "--restore", action="store_true", help="replace the database with its backup copy"
    )
    _add_db_option(doctor)
    doctor.set_defaults(func=cmd_doctor)
    commands["doctor"] = doctor
    return main, commands


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

    parsers = {"list": listing, "open": opener, "rm": remover, "add": adder}
    for parser in parsers.values():
        _add_db_option(parser)
    return parsers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    main_parser, commands = _build_parsers()
    try:
        if args_list and args_list[0] in commands:
            args = commands[args_list[0]].parse_args(args_list[1:])
        else:
            args = main_parser.parse_args(args_list)
        return args.func(args)
    except UserError as exc:
        print(f"newsreader: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
