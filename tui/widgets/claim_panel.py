"""The claim panel: every source's sentence for the focused claim, reasons, verdict, note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from newsreader.annotations.claim_sides import own_conflicts
from newsreader.ingest.article_names import article_name
from newsreader.model import Annotation, RelationKind
from tui.reading_grid import ReadingGrid
from tui.review import verdict_of
from tui.widgets.column import conflict_spans


class ClaimPanel(VerticalScroll, can_focus=False):
    """Shows the claim under the cursor across all sources."""

    COMPONENT_CLASSES = {"claim-panel--diff", "claim-panel--label", "claim-panel--cursor"}

    def __init__(self, grid: ReadingGrid) -> None:
        super().__init__(id="claim-panel")
        self.grid = grid
        self.analysis = grid.analysis
        self.body = Static(id="claim-panel-body")
        self.border_title = "Claim"
        self._shown: tuple[str, Annotation | None] | None = None

    def compose(self) -> ComposeResult:
        yield self.body

    def show(self, sentence_id: str, annotation: Annotation | None) -> None:
        """Show the claim of a sentence (cheap when nothing changed)."""
        if self._shown == (sentence_id, annotation) or not self.display:
            return
        self._shown = (sentence_id, annotation)
        self.body.update(self.build(sentence_id, annotation))
        self.scroll_home(animate=False)

    def invalidate(self) -> None:
        """Forget what is shown so the next show() redraws."""
        self._shown = None

    def build(self, sentence_id: str, annotation: Annotation | None) -> Content:
        """The panel text, built from spans (article text is never markup)."""
        analysis = self.analysis
        claim = analysis.claim_for(sentence_id)
        label = self.get_visual_style("claim-panel--label", partial=True)
        diff = self.get_visual_style("claim-panel--diff")  # its own background: a solid mark
        articles = {a.id: a for a in analysis.story.articles}
        positions = {a.id: n for n, a in enumerate(analysis.story.articles, start=1)}
        verdict = verdict_of(annotation) or "not reviewed"
        sources = len(claim.articles) or 1
        conflicts = own_conflicts(analysis, claim)
        status = self.grid.status(claim.id)
        lines = [
            Content.assemble(
                (f"{status.value}", label),
                f" · {sources} source{'s' if sources != 1 else ''} · verdict: ",
                (verdict, label),
            )
        ]
        members = set(claim.sentences)
        values: dict[str, list[str]] = {}
        for conflict in conflicts:
            for side in conflict.sides:
                for sid in side.sentences:
                    values.setdefault(sid, []).append(side.value)

        def outlet(article_id: str) -> str:
            return article_name(articles[article_id], positions[article_id])

        def quoted(sid: str) -> Content:
            sentence = analysis.sentence(sid)
            body = Content(sentence.text)
            for start, end in conflict_spans(analysis, sid):
                body = body.stylize(diff, start, end)
            marker = "▶ " if sid == sentence_id else "  "
            says = " says " + " / ".join(values[sid]) if sid in values else ""
            return Content(f"{marker}{outlet(sentence.article_id)}{says}: ").stylize(label) + body

        for sid in sorted(claim.sentences, key=self.grid.position.__getitem__):
            lines.append(quoted(sid))
        if conflicts:
            lines.append(Content("Why they conflict:").stylize(label))
        for conflict in conflicts:
            lines.append(Content(f"  ≠ {conflict.type}: {conflict.detail}"))
            for index, side in enumerate(conflict.sides):
                when = f" · {side.date}" if side.date else ""
                if conflict.later is not None:
                    when += " · the later report" if index == conflict.later else " · earlier"
                names = ", ".join(outlet(a) for a in side.articles if a in articles)
                lines.append(
                    Content("      ")
                    + Content(side.value).stylize(diff)
                    + Content(f" — {names}{when}")
                )
        outside: dict[str, list[str]] = {}
        for sid in claim.sentences:
            for relation in analysis.relations_of(sid):
                other = relation.b if relation.a == sid else relation.a
                if relation.kind is RelationKind.CONFLICT and other not in members:
                    details = outside.setdefault(other, [])
                    details.extend(r.detail for r in relation.reasons if r.detail not in details)
        if outside:
            lines.append(
                Content("Clashes with sentences of other claims (not highlighted):").stylize(label)
            )
        for sid, details in outside.items():
            lines.append(quoted(sid))
            lines.extend(Content(f"      ≠ {detail}") for detail in details)
        note = annotation.note if annotation and annotation.note else None
        lines.append(
            Content("Note: ").stylize(label)
            + Content(note or "(none — press n to write one)").stylize("" if note else "dim")
        )
        return Content("\n").join(lines)
