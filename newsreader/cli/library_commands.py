"""The library commands of the command line: list, rm, add and sources (open lives in
`main`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.cli import terminal
from newsreader.errors import UserError
from newsreader.ingest.cleaning import strip_controls
from newsreader.library.demo import load_demo_story
from newsreader.library.lookup import find_story, match_story
from newsreader.library.stories import library_story, opened_label
from newsreader.model import Analysis, Annotation, Story
from store import AnnotationStore, StoryInfo, resolve_db_path

if TYPE_CHECKING:
    from newsreader.library.scorecard import OutletScore


def library_listing(store: AnnotationStore, demo: Story) -> list[StoryInfo]:
    """Every story to offer: the saved ones (counts from analyses by this engine) and the demo."""
    from newsreader.library.cache import engine_key

    return store.list_stories(always=[demo], engine=engine_key())


def resolve(store: AnnotationStore, query: str, demo: Story) -> str:
    """The id of the saved story (or the demo) that the user's words name."""
    stories = [(s.id, s.title) for s in store.list_stories(always=[demo])]
    return find_story(query, stories, demo_id=demo.id)


def _count(value: int | None) -> str:
    return "-" if value is None else str(value)


def cmd_list(args: argparse.Namespace) -> int:
    """List the stories: articles, claims, conflicts, verdicts and when each was last opened."""
    demo = load_demo_story()
    with AnnotationStore(resolve_db_path(args.db), read_only=True) as store:
        infos = library_listing(store, demo)
    rows = [("ID", "ARTICLES", "CLAIMS", "CONFLICTS", "VERDICTS", "LAST OPENED", "TITLE")]
    for info in infos:
        title = " ".join(info.title.split()) or "(articles not saved)"
        if info.id == demo.id:
            title += " (demo)"
        rows.append(
            (
                # Escaped here too, so that the columns line up with what is shown.
                terminal.visible_line(info.id),
                str(info.articles),
                _count(info.claims),
                _count(info.conflicts),
                str(info.annotations),
                opened_label(info.opened),
                terminal.visible_line(title),
            )
        )
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [
            cell.ljust(width) if n in (0, 5) else cell.rjust(width)
            for n, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        terminal.say("  ".join([*cells, row[-1]]).rstrip())
    if any(info.claims is None for info in infos):
        terminal.say("(-: not analysed by this version yet; opening the story analyses it)")
    return 0


def _confirm(question: str) -> bool:
    """Ask a yes/no question on the terminal (no is the default)."""
    try:
        answer = terminal.ask(f"{question} [y/N]")
    except EOFError:
        return False
    return answer.strip().casefold() in {"y", "yes"}


def _export(store: AnnotationStore, story: Story, output: str) -> int:
    from newsreader.annotations.export import render

    annotations = store.all(story.id)
    try:
        Path(output).write_text(render("json", annotations, {story.id: story}), encoding="utf-8")
    except OSError as exc:
        why = exc.strerror or exc
        raise UserError(f"{output}: cannot write ({why}); nothing removed") from None
    return len(annotations)


def cmd_rm(args: argparse.Namespace) -> int:
    """Remove a saved story with its annotations and cached analysis (after confirmation)."""
    demo = load_demo_story()
    interactive = sys.stdin.isatty()
    if not args.yes and not interactive:
        raise UserError("rm: refusing to remove without --yes (input is not a terminal)")
    with AnnotationStore(resolve_db_path(args.db), read_only=False) as store:
        story_id = resolve(store, args.story, demo)
        verdicts = len(store.all(story_id))
        saved = any(s.id == story_id and s.saved for s in store.list_stories())
        if not saved and not verdicts:
            terminal.say(
                f"{story_id}: nothing saved for this story (the demo story is always listed)"
            )
            return 0
        if saved or story_id == demo.id:
            story = library_story(store, story_id, demo)
            what = f"story {story.title!r} ({story_id}, {len(story.articles)} articles)"
        else:
            story = Story(id=story_id, title="", articles=())
            what = f"story {story_id} (articles not saved)"
        question = f"Remove {what} and its {verdicts} annotation(s)?"
        if not args.yes and not _confirm(question):
            terminal.say("Nothing removed.")
            return 1
        if args.export:
            exported = _export(store, story, args.export)
            terminal.say(f"Exported {exported} annotation(s) to {args.export}")
        store.delete_story(story_id, annotations=True)
    note = " (the demo story stays available)" if story_id == demo.id else ""
    terminal.say(f"Removed {what} and {verdicts} annotation(s){note}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Add articles to a saved story (named by --story), or save them as a new story."""
    from newsreader.ingest.reader import add_articles
    from newsreader.library.cache import analyse_cached

    demo = load_demo_story()
    with AnnotationStore(resolve_db_path(args.db), read_only=False) as store:
        base: Story | None = None
        if args.story is not None:
            stories = [(s.id, s.title) for s in store.list_stories(always=[demo])]
            story_id = match_story(args.story, stories, demo_id=demo.id)
            base = library_story(store, story_id, demo) if story_id else None
        story = add_articles(base, list(args.paths), warn=terminal.warn, title=args.story)
        store.save_story(story)
        analysis, _ = analyse_cached(story, store)
        anchored = store.reanchor(story.id, analysis)
    added = len(story.articles) - (len(base.articles) if base else 0)
    verb = "Added" if base else "Saved"
    terminal.say(
        f"{verb} {added} article(s) to {story.title!r} ({story.id}): "
        f"{len(story.articles)} articles, {len(analysis.claims)} claims"
    )
    if anchored.orphaned:
        terminal.say(f"{len(anchored.orphaned)} annotation(s) no longer placed (kept, orphaned)")
    if len(story.articles) < 2:
        terminal.say(f"Add another article to compare: newsreader add PATH --story {story.id}")
    return 0


def _scored_stories(
    store: AnnotationStore, story_query: str | None, demo: Story
) -> tuple[list[tuple[Analysis, list[Annotation]]], list[str]]:
    """The analysed stories to score, each with its annotations, and the ids of the saved
    stories passed over because no analysis by this engine version is cached for them.

    With a story named, only that one (analysed now when its analysis is not cached).
    """
    from newsreader.library.cache import analyse_cached, engine_key, load_cached

    if story_query is not None:
        story = library_story(store, resolve(store, story_query, demo), demo)
        if len(story.articles) < 2:
            raise UserError(f"story {story.id!r} has fewer than two articles: nothing to compare")
        analysis, _ = analyse_cached(story, store)
        return [(analysis, store.attached(story.id))], []
    scored, skipped = [], []
    for info in store.list_stories(always=[demo], engine=engine_key()):
        if not info.articles:
            continue
        analysis = None
        if info.claims is not None:
            analysis = load_cached(library_story(store, info.id, demo), store)
        if analysis is None:
            if info.saved:
                skipped.append(info.id)
            continue
        scored.append((analysis, store.attached(info.id)))
    return scored, skipped


def _sources_table(scores: list[OutletScore]) -> list[str]:
    """The scorecard as aligned text lines (control characters in outlet names shown as
    escapes, before the columns are lined up)."""
    from newsreader.library.scorecard import COLUMNS

    heads = ["STORIES", *(label.upper() for _, label in COLUMNS[1:])]
    rows = [(*heads, "OUTLET")]
    for score in scores:
        outlet = terminal.visible_line(" ".join(score.outlet.split())) or "?"
        counts = [str(len(score.stories)), *(str(getattr(score, key)) for key, _ in COLUMNS[1:])]
        rows.append((*counts, outlet))
    widths = [max(len(row[n]) for row in rows) for n in range(len(heads))]
    return [
        "  ".join([*(cell.rjust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    ]


def cmd_sources(args: argparse.Namespace) -> int:
    """Print the source scorecard: per outlet, its claims and the user's verdicts on them."""
    from newsreader.library.scorecard import scorecard

    demo = load_demo_story()
    with AnnotationStore(resolve_db_path(args.db), read_only=True) as store:
        scored, skipped = _scored_stories(store, args.story, demo)
    scores = scorecard(scored)
    if args.json:
        document = {
            "stories": [
                {"id": a.story.id, "title": strip_controls(a.story.title)} for a, _ in scored
            ],
            "skipped": skipped,
            "outlets": [
                {**score.as_dict(), "outlet": strip_controls(score.outlet)} for score in scores
            ],
        }
        terminal.write_document(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not scored:
        terminal.say("No analysed story yet: open one ('newsreader open STORY') to analyse it.")
    else:
        stories = f"{len(scored)} stor{'y' if len(scored) == 1 else 'ies'}"
        terminal.say(f"{len(scores)} outlets in {stories}")
        for line in _sources_table(scores):
            terminal.say(line.rstrip())
    if skipped:
        terminal.say(
            f"({len(skipped)} saved stor{'y' if len(skipped) == 1 else 'ies'} not analysed by "
            "this version yet, left out: opening a story analyses it)"
        )
    return 0
