"""The claim panel: every source's sentence for the focused claim, reasons, verdict, note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from newsreader.ingest.article_names import article_name
from newsreader.model import Analysis, Annotation, RelationKind
from tui.review import verdict_of
from tui.widgets.column import conflict_spans


class ClaimPanel(VerticalScroll, can_focus=False):
    """Shows the claim under the cursor across all sources."""

    COMPONENT_CLASSES = {"claim-panel--diff", "claim-panel--label", "claim-panel--cursor"}

    def __init__(self, analysis: Analysis) -> None:
        super().__init__(id="claim-panel")
        self.analysis = analysis
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
        diff = self.get_visual_style("claim-panel--diff", partial=True)
        articles = {a.id: a for a in analysis.story.articles}
        positions = {a.id: n for n, a in enumerate(analysis.story.articles, start=1)}
        verdict = verdict_of(annotation) or "not reviewed"
        sources = len(claim.articles) or 1
        lines = [
            Content.assemble(
                (f"{claim.status.value}", label),
                f" · {sources} source{'s' if sources != 1 else ''} · verdict: ",
                (verdict, label),
            )
        ]
        members = set(claim.sentences)

        def quoted(sid: str) -> Content:
            sentence = analysis.sentence(sid)
            body = Content(sentence.text)
            for start, end in conflict_spans(analysis, sid):
                body = body.stylize(diff, start, end)
            marker = "▶ " if sid == sentence_id else "  "
            name = article_name(articles[sentence.article_id], positions[sentence.article_id])
            return Content(f"{marker}{name}: ").stylize(label) + body

        for sid in sorted(claim.sentences, key=lambda s: analysis.sentence(s).article_id):
            lines.append(quoted(sid))
        reasons = []
        seen: set[tuple[str, str]] = set()
        outside: list[str] = []
        for sid in claim.sentences:
            for relation in analysis.relations_of(sid):
                if relation.kind is not RelationKind.CONFLICT:
                    continue
                other = relation.b if relation.a == sid else relation.a
                if other not in members and other not in outside:
                    outside.append(other)
                for reason in relation.reasons:
                    key = (reason.type, reason.detail)
                    if key not in seen:
                        seen.add(key)
                        reasons.append(Content(f"  ≠ {reason.type}: {reason.detail}"))
        if reasons:
            lines.append(Content("Why they conflict:").stylize(label))
            lines.extend(reasons)
        if outside:
            lines.append(Content("Clashes with (related claims):").stylize(label))
            lines.extend(quoted(sid) for sid in outside)
        note = annotation.note if annotation and annotation.note else None
        lines.append(
            Content("Note: ").stylize(label)
            + Content(note or "(none — press n to write one)").stylize("" if note else "dim")
        )
        return Content("\n").join(lines)
