"""A readable Markdown report: per story and claim, what it says, how the sources relate, the
verdict, the note and the sources with their titles and links."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from itertools import groupby

from newsreader.annotations.claim_sides import claim_conflicts
from newsreader.annotations.sources import article_label, article_url, find_article
from newsreader.annotations.table import claim_facts
from newsreader.model import Analysis, Annotation, Story

HEADING_CHARS = 120


def _one_line(text: str) -> str:
    return " ".join(text.split())


def md_escape(text: str) -> str:
    """Text made safe inside Markdown prose: one line, markup characters escaped."""
    out = _one_line(text)
    for char in "\\`*_[]<>#|":
        out = out.replace(char, "\\" + char)
    return out


def _heading(text: str) -> str:
    text = _one_line(text)
    if len(text) > HEADING_CHARS:
        text = text[: HEADING_CHARS - 1].rstrip() + "…"
    return md_escape(text) or "(no quoted text)"


def _conflict_lines(annotation: Annotation, analysis: Analysis | None) -> list[str]:
    claim = analysis.claim_index.get(annotation.claim) if analysis else None
    if analysis is None or claim is None or annotation.orphaned:
        return []
    lines = []
    for conflict in claim_conflicts(analysis, claim):
        lines.append(f"- Conflict: {md_escape(conflict.detail) or 'the sources disagree'}")
        for side in conflict.sides:
            value = f"**{md_escape(side.value)}**" if side.value else "(no value)"
            lines.append(f"  - {value}: {md_escape(side.source.outlet)}")
    return lines


def _source_line(annotation: Annotation, stories: Mapping[str, Story], n: int) -> str:
    target = annotation.targets[n]
    article = find_article(stories, annotation.story, target.article)
    label = md_escape(article_label(stories, annotation, target))
    url = article_url(article)
    named = f"[{label}](<{url}>)" if url else label
    byline = []
    if article is not None and article.author:
        byline.append(md_escape(article.author))
    if article is not None and article.date:
        byline.append(md_escape(article.date))
    extra = f" ({', '.join(byline)})" if byline else ""
    return f"> **{named}**{extra}: {md_escape(target.exact)}"


def _claim_section(
    annotation: Annotation, stories: Mapping[str, Story], analysis: Analysis | None
) -> list[str]:
    text, status = claim_facts(annotation, {annotation.story: analysis} if analysis else {})
    lines = [f"### {_heading(text)}", ""]
    if annotation.orphaned:
        lines += ["*Orphaned: these sentences were not found in the latest analysis.*", ""]
    lines += [
        f"- Verdict: {annotation.status.value}",
        f"- Status: {status or 'unknown (no analysis of this story)'}",
        *_conflict_lines(annotation, analysis),
        f"- Note: {md_escape(annotation.note) if annotation.note else '(none)'}",
        f"- Tagged {annotation.created}, last changed {annotation.updated}",
        f"- Claim `{annotation.claim}`",
        "",
    ]
    if annotation.targets:
        lines.append(f"Sources ({len(annotation.targets)}):")
        lines.append("")
    for n in range(len(annotation.targets)):
        lines += [_source_line(annotation, stories, n), ">"]
    if annotation.targets:
        lines[-1] = ""
    return lines


def export_markdown(
    annotations: list[Annotation],
    stories: Mapping[str, Story],
    now: datetime,
    analyses: Mapping[str, Analysis] | None = None,
    reviewer: str | None = None,
) -> str:
    """The report: one section per story, one per annotated claim, orphans flagged."""
    analyses = analyses or {}
    by = f" by {md_escape(reviewer)}" if reviewer else ""
    lines = [
        "# newsreader annotations",
        "",
        f"Exported {now.isoformat(timespec='seconds')}{by}; {len(annotations)} annotation(s).",
        "",
    ]
    ordered = sorted(annotations, key=lambda a: (a.story, a.orphaned, a.created))
    for story_id, group in groupby(ordered, key=lambda a: a.story):
        story = stories.get(story_id)
        title = f"{md_escape(story.title)} (`{story_id}`)" if story else f"`{story_id}`"
        lines += [f"## {title}", ""]
        for annotation in group:
            lines += _claim_section(annotation, stories, analyses.get(story_id))
    return "\n".join(lines).rstrip("\n") + "\n"
