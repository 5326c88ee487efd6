"""The reader's map of a story: where every sentence sits and how the cursor travels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from newsreader.annotations.claim_sides import claim_status
from newsreader.model import Analysis, ClaimStatus


class Filter(StrEnum):
    """Which sentences the reader shows."""

    ALL = "all"
    CONFLICTS = "conflicts"
    UNREVIEWED = "unreviewed"

    def next(self) -> Filter:
        """The filter after this one (all → conflicts → unreviewed → all)."""
        members = list(Filter)
        return members[(members.index(self) + 1) % len(members)]


@dataclass
class ReadingGrid:
    """Sentence ids by column and row, with reverse look-ups built once per story."""

    analysis: Analysis
    columns: list[list[str]] = field(init=False)
    position: dict[str, tuple[int, int]] = field(init=False)
    reading_order: list[str] = field(init=False)
    order_rank: dict[str, int] = field(init=False)
    claim_order: list[str] = field(init=False)
    claim_rank: dict[str, int] = field(init=False)
    _folded: dict[str, str] = field(init=False, repr=False)
    _counterparts: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _status: dict[str, ClaimStatus] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.columns = [[s.id for s in a.sentences] for a in self.analysis.story.articles]
        self.position = {
            sid: (c, r) for c, column in enumerate(self.columns) for r, sid in enumerate(column)
        }
        # Article by article, top to bottom: the order of "next conflict" and search hits.
        self.reading_order = [sid for column in self.columns for sid in column]
        self.order_rank = {sid: rank for rank, sid in enumerate(self.reading_order)}
        self.claim_order = list(
            dict.fromkeys(self.analysis.claim_of[sid] for sid in self.reading_order)
        )
        self.claim_rank = {claim: rank for rank, claim in enumerate(self.claim_order)}
        self._folded = {}
        self._counterparts = {}
        self._status = {}

    def text(self, sentence_id: str) -> str:
        """The sentence's text, case-folded for search."""
        folded = self._folded.get(sentence_id)
        if folded is None:
            folded = self._folded[sentence_id] = self.analysis.sentence(sentence_id).text.casefold()
        return folded

    def counterparts(self, sentence_id: str) -> tuple[str, ...]:
        """The other sentences of the sentence's claim (one per other article), by column."""
        cached = self._counterparts.get(sentence_id)
        if cached is not None:
            return cached
        found = tuple(
            sorted(
                (s for s in self.analysis.claim_for(sentence_id).sentences if s != sentence_id),
                key=self.position.__getitem__,
            )
        )
        self._counterparts[sentence_id] = found
        return found

    def status(self, claim_id: str) -> ClaimStatus:
        """A claim's status from its own conflicts (see claim_sides.claim_status)."""
        status = self._status.get(claim_id)
        if status is None:
            claim = self.analysis.claim_index[claim_id]
            status = self._status[claim_id] = claim_status(self.analysis, claim)
        return status

    def is_conflict(self, sentence_id: str) -> bool:
        """Whether the sentence's claim is conflicting (on its own sentences)."""
        return self.status(self.analysis.claim_of[sentence_id]) is ClaimStatus.CONFLICTING

    def visible(self, sentence_id: str, shown: Filter, reviewed: set[str]) -> bool:
        """Whether a sentence passes the filter (reviewed holds claim ids with a verdict)."""
        if shown is Filter.CONFLICTS:
            return self.is_conflict(sentence_id)
        if shown is Filter.UNREVIEWED:
            return self.analysis.claim_of[sentence_id] not in reviewed
        return True

    def first_sentence(self, claim_id: str) -> str:
        """The claim's sentence that comes first in reading order."""
        return min(self.analysis.claim_index[claim_id].sentences, key=self.position.__getitem__)

    def landing(self, claim_id: str, column: int) -> str:
        """Where the cursor lands on a claim: its sentence in this column, else its first."""
        in_column = [
            sid
            for sid in self.analysis.claim_index[claim_id].sentences
            if self.position[sid][0] == column
        ]
        return (
            min(in_column, key=self.position.__getitem__)
            if in_column
            else (self.first_sentence(claim_id))
        )

    def next_claim(self, current: str, step: int, accept: Callable[[str], bool]) -> str | None:
        """The next claim after the current one (wrapping) for which accept(claim id) holds."""
        order = self.claim_order
        index = self.claim_rank.get(current, -1 if step > 0 else 0)
        for offset in range(1, len(order) + 1):
            candidate = order[(index + step * offset) % len(order)]
            if candidate != current and accept(candidate):
                return candidate
        return None

    def next_hit(self, hits: list[str], current: str, step: int = 1) -> str | None:
        """The hit after the current sentence in reading order (wrapping), or None."""
        if not hits:
            return None
        here = self.order_rank.get(current, -1)
        rank = self.order_rank
        later = [h for h in hits if (rank[h] - here) * step > 0]
        if later:
            return min(later, key=lambda h: rank[h] * step)
        return min(hits, key=lambda h: rank[h] * step)

    def search(self, query: str) -> list[str]:
        """Sentences containing the query (case-insensitive), in reading order."""
        needle = query.casefold()
        if not needle:
            return []
        return [sid for sid in self.reading_order if needle in self.text(sid)]

    def match_spans(self, sentence_id: str, query: str) -> list[tuple[int, int]]:
        """Offsets of every occurrence of the query in a sentence (case-insensitive)."""
        needle = query.casefold()
        haystack = self.text(sentence_id)
        spans: list[tuple[int, int]] = []
        if not needle or len(haystack) != len(self.analysis.sentence(sentence_id).text):
            # Case folding changed the length (e.g. "ß"): offsets would not line up.
            return spans
        start = haystack.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
        return spans
