"""A readable Markdown report: per story and claim, the verdict, the note and the quotes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from itertools import groupby

from newsreader.annotations.sources import article_label
from newsreader.model import Annotation, Story


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _claim_section(annotation: Annotation, stories: Mapping[str, Story]) -> list[str]:
    lines = [f"### {annotation.status.value.capitalize()}: claim {annotation.claim}", ""]
    if annotation.orphaned:
        lines += ["*Orphaned: these sentences were not found in the latest analysis.*", ""]
    lines += [f"- Note: {_one_line(annotation.note) if annotation.note else '(none)'}"]
    lines += [f"- Tagged {annotation.created}, last changed {annotation.updated}", ""]
    for target in annotation.targets:
        lines.append(
            f"> **{_one_line(article_label(stories, annotation, target))}** "
            f"({target.article}, characters {target.start}-{target.end}): "
            f"{_one_line(target.exact)}"
        )
        lines.append(">")
    if annotation.targets:
        lines[-1] = ""
    return lines


def export_markdown(
    annotations: list[Annotation], stories: Mapping[str, Story], now: datetime
) -> str:
    """The report: one section per story, one per annotated claim, orphans flagged."""
    lines = [
        "# newsreader annotations",
        "",
        f"Exported {now.isoformat(timespec='seconds')}; {len(annotations)} annotation(s).",
        "",
    ]
    ordered = sorted(annotations, key=lambda a: (a.story, a.orphaned, a.created))
    for story_id, group in groupby(ordered, key=lambda a: a.story):
        story = stories.get(story_id)
        title = f"{_one_line(story.title)} ({story_id})" if story else story_id
        lines += [f"## {title}", ""]
        for annotation in group:
            lines += _claim_section(annotation, stories)
    return "\n".join(lines).rstrip("\n") + "\n"
