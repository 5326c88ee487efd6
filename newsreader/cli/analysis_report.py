"""The readable report of `newsreader analyze`: conflicts first, like a linter, then the rest.

Text (optionally coloured for a terminal) or Markdown, built from an Analysis alone.
"""

from __future__ import annotations

from collections.abc import Callable

from newsreader.annotations.claim_sides import (
    Conflict,
    Source,
    claim_conflicts,
    claim_sources,
    claim_text,
)
from newsreader.annotations.markdown import md_escape
from newsreader.cli.terminal import visible_line
from newsreader.model import Analysis, Claim, ClaimStatus

_STYLES = {
    "conflicting": "\x1b[1;31m",
    "corroborated": "\x1b[32m",
    "single-source": "\x1b[2m",
    "value": "\x1b[1m",
    "heading": "\x1b[1m",
}
_RESET = "\x1b[0m"

Paint = Callable[[str, str], str]


def _plain(text: str, style: str) -> str:
    return text


def _ansi(text: str, style: str) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if text else text


def _one_line(text: str) -> str:
    """A piece of the story on one line, its control characters shown as escapes: every
    piece of text in the report goes through here (the colours are the report's own)."""
    return visible_line(" ".join(text.split()))


def _by_status(analysis: Analysis, status: ClaimStatus) -> list[Claim]:
    return [c for c in analysis.claims if c.status is status]


def _outlets(sources: tuple[Source, ...]) -> str:
    return ", ".join(dict.fromkeys(_one_line(s.outlet) for s in sources))


def _totals(analysis: Analysis) -> str:
    order = (ClaimStatus.CONFLICTING, ClaimStatus.CORROBORATED, ClaimStatus.SINGLE_SOURCE)
    parts = ", ".join(f"{len(_by_status(analysis, s))} {s.value}" for s in order)
    return f"{len(analysis.claims)} claims ({parts}) in {len(analysis.story.articles)} articles"


def _when(date: str, dates: set[str]) -> str:
    """A side's date as the report shows it: the time alone when every side has one on the
    same day (08:40), else the date (and time) as given."""
    days = {d.partition("T")[0] for d in dates}
    if len(days) == 1 and all("T" in d for d in dates):
        return date.partition("T")[2]
    return date.replace("T", " ")


def _later_report(conflict: Conflict) -> str | None:
    """Which report is later, when the sides' dates tell: "37 (The Post, 08:40) → 61 (The
    Courier, 15:05, later)"; None when they do not."""
    if not any(side.later for side in conflict.sides):
        return None
    dates = {side.date for side in conflict.sides if side.date}
    parts = []
    for later in (False, True):
        sides = [side for side in conflict.sides if side.later is later]
        if not sides:
            return None
        values = " / ".join(dict.fromkeys(_one_line(side.value) for side in sides))
        outlets = ", ".join(dict.fromkeys(_one_line(side.source.outlet) for side in sides))
        date = next((side.date for side in sides if side.date), None)
        when = f", {_one_line(_when(date, dates))}" if date else ""
        parts.append(f"{values} ({outlets}{when}{', later' if later else ''})")
    return " → ".join(parts)


def _conflict_lines(conflict: Conflict, paint: Paint) -> list[str]:
    order = _later_report(conflict)
    detail = _one_line(conflict.detail) or "the sources disagree"
    lines = [f"    {detail}: {order}" if order else f"    {detail}:"]
    values = [_one_line(side.value) for side in conflict.sides]
    width = max(len(value) for value in values)
    for side, shown in zip(conflict.sides, values, strict=True):
        value = paint(shown.ljust(width), "value") if width else ""
        lines.append(
            f"      {value}{'  ' if width else ''}{_one_line(side.source.outlet)}: "
            f'"{_one_line(side.source.sentence.text)}"'
        )
    return lines


def render_text(analysis: Analysis, color: bool = False) -> str:
    """The report as text; ANSI colours only when ``color`` is set (the only escape
    sequences in it: the story's own control characters are shown as escapes)."""
    paint: Paint = _ansi if color else _plain
    story = analysis.story
    lines = [paint(f"{_one_line(story.title)} ({_one_line(story.id)})", "heading"), ""]
    for claim in _by_status(analysis, ClaimStatus.CONFLICTING):
        label = paint("conflicting", "conflicting")
        lines.append(f"{label}  {_one_line(claim.id)}  {_one_line(claim_text(analysis, claim))}")
        conflicts = claim_conflicts(analysis, claim)
        for conflict in conflicts:
            lines += _conflict_lines(conflict, paint)
        if not conflicts:
            sources = claim_sources(analysis, claim)
            lines += [
                f'      {_one_line(s.outlet)}: "{_one_line(s.sentence.text)}"' for s in sources
            ]
        lines.append("")
    for status in (ClaimStatus.CORROBORATED, ClaimStatus.SINGLE_SOURCE):
        for claim in _by_status(analysis, status):
            sources = claim_sources(analysis, claim)
            lines.append(
                f"{paint(status.value, status.value)}  {_one_line(claim.id)}  "
                f"{_one_line(claim_text(analysis, claim))}"
                f"  [{len(sources)} source{'s' if len(sources) != 1 else ''}: {_outlets(sources)}]"
            )
        if _by_status(analysis, status):
            lines.append("")
    lines.append(_totals(analysis))
    return "\n".join(lines) + "\n"


def render_markdown(analysis: Analysis) -> str:
    """The report as Markdown: a section per kind of claim, conflicts with their sides."""
    story = analysis.story
    lines = [f"# {md_escape(story.title)}", "", _totals(analysis) + ".", ""]
    conflicting = _by_status(analysis, ClaimStatus.CONFLICTING)
    if conflicting:
        lines += ["## Conflicting claims", ""]
    for claim in conflicting:
        lines += [f"### {md_escape(claim_text(analysis, claim))}", "", f"Claim `{claim.id}`.", ""]
        conflicts = claim_conflicts(analysis, claim)
        for conflict in conflicts:
            order = _later_report(conflict)
            detail = md_escape(conflict.detail) or "The sources disagree"
            lines.append(f"- {detail}: {md_escape(order)}" if order else f"- {detail}:")
            lines += [
                f"  - **{md_escape(side.value) or '(no value)'}** "
                f"({md_escape(side.source.outlet)}): {md_escape(side.source.sentence.text)}"
                for side in conflict.sides
            ]
        if not conflicts:
            lines += [
                f"- {md_escape(s.outlet)}: {md_escape(s.sentence.text)}"
                for s in claim_sources(analysis, claim)
            ]
        lines.append("")
    for status, heading in (
        (ClaimStatus.CORROBORATED, "Corroborated claims"),
        (ClaimStatus.SINGLE_SOURCE, "Single-source claims"),
    ):
        claims = _by_status(analysis, status)
        if not claims:
            continue
        lines += [f"## {heading}", ""]
        for claim in claims:
            sources = claim_sources(analysis, claim)
            lines.append(
                f"- {md_escape(claim_text(analysis, claim))} "
                f"({md_escape(_outlets(sources))}; `{claim.id}`)"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
