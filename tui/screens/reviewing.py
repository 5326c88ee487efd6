"""What the reader and the claims view share: tagging, notes, export and saying what was saved."""

from __future__ import annotations

import contextlib

from textual import on
from textual.message import Message
from textual.screen import Screen

from newsreader.model import Verdict
from tui.dialogs.note import NoteDialog
from tui.messages import AnnotationFailed, AnnotationSaved, tell_screens
from tui.review import ReviewSession, SaveFailed
from tui.widgets.status_line import StatusLine


def saved_text(message: AnnotationSaved) -> str:
    """What a save did, in a few words ("disputed + note", "verdict cleared")."""
    what = message.verdict or ("no verdict" if message.note else "verdict cleared")
    return what + " + note" if message.note else what


class ReviewingScreen(Screen[object]):
    """A screen that tags the claim in focus, writes its note and exports the verdicts.

    Subclasses say which claim is in focus (and which sentence a note dialog quotes) and
    own ``session`` and ``status``.
    """

    session: ReviewSession
    status: StatusLine

    def focused_claim(self) -> tuple[str, str] | None:
        """The claim the keys act on and the sentence that stands for it (None: none)."""
        raise NotImplementedError

    def tell_screens(self, message: Message) -> None:
        """Tell every screen of the app (how the session reports its saves)."""
        tell_screens(self.app, message)

    def action_tag(self, verdict: str) -> None:
        """Tag the claim in focus (an empty verdict clears it); saved at once."""
        focused = self.focused_claim()
        if focused is None:
            return
        # The session tells every screen what came of it (AnnotationSaved / AnnotationFailed).
        with contextlib.suppress(SaveFailed):
            self.session.tag(focused[0], Verdict(verdict) if verdict else None)

    def action_note(self) -> None:
        """Write a note on the claim in focus (in a dialog)."""
        focused = self.focused_claim()
        if focused is None:
            return
        claim_id, sentence_id = focused
        if self.session.read_only:
            self.post_message(AnnotationFailed(claim_id, "the database is open read-only"))
            return
        annotation = self.session.annotation(claim_id)

        def save(text: str | None) -> None:
            if text is None:
                return
            with contextlib.suppress(SaveFailed):  # the session tells the screens
                self.session.note(claim_id, text)

        text = self.session.analysis.sentence(sentence_id).text
        self.app.push_screen(NoteDialog(text, annotation.note if annotation else None), save)

    def action_export(self) -> None:
        """Export this story's verdicts as JSON next to the database."""
        try:
            path = self.session.export()
        except SaveFailed as exc:
            self.post_message(AnnotationFailed("", f"export failed: {exc}"))
            return
        count = len(self.session.annotations)
        self.status.show_saved(f"exported {count} to {path}")
        self.notify(f"Exported {count} annotations to {path}", timeout=8, markup=False)

    @on(AnnotationFailed)
    def _failed(self, message: AnnotationFailed) -> None:
        if self.app.screen is self:
            self.app.bell()
            self.notify(
                f"NOT SAVED: {message.reason}",
                title="Saving failed",
                severity="error",
                timeout=15,
                markup=False,
            )
        self.status.show_failed(f"✗ NOT SAVED: {message.reason}")
