"""A sparse sentence-term matrix in plain NumPy: the terms each sentence holds, each term's
weight, and the two products the engine needs (shared weight of given pairs, and every
pair that shares a proposing term).

Row r holds the term ids `terms[starts[r]:starts[r + 1]]`, ascending. A term weighs the
same in every sentence that holds it, so one weight per term is enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Pairs handled at once by shared_weight, cells of its table of marked terms, and cells of
# the dense accumulator of one block of rows in pairs_sharing: all bound memory.
PAIR_CHUNK = 50_000
BLOCK_CELLS = 1 << 18
MARK_CELLS = 1 << 22


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenated index ranges starts[k] .. starts[k] + lengths[k] - 1."""
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, np.int64)
    ends = np.cumsum(lengths)
    offsets = np.repeat(starts - (ends - lengths), lengths)
    return offsets + np.arange(total, dtype=np.int64)


@dataclass(frozen=True)
class TermMatrix:
    """Sentences by terms: the sorted term ids of each row (CSR layout) and term weights."""

    starts: np.ndarray
    terms: np.ndarray
    weight: np.ndarray

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[int]], weight: np.ndarray) -> TermMatrix:
        """Build from the term ids of each row (distinct within a row) and the weights."""
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        terms = np.fromiter((t for row in rows for t in sorted(row)), np.int64, int(starts[-1]))
        return cls(starts, terms, np.asarray(weight, dtype=np.float64))

    @property
    def n_rows(self) -> int:
        """Number of sentences."""
        return len(self.starts) - 1

    def entry_rows(self) -> np.ndarray:
        """The row of each stored entry."""
        return np.repeat(np.arange(self.n_rows, dtype=np.int64), np.diff(self.starts))

    def frequencies(self) -> np.ndarray:
        """How many rows hold each term."""
        return np.bincount(self.terms, minlength=len(self.weight))

    def totals(self) -> np.ndarray:
        """Summed weight of each row's terms."""
        return np.bincount(
            self.entry_rows(), weights=self.weight[self.terms], minlength=self.n_rows
        )

    def shared_weight(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Summed weight of the terms each pair of rows (left[k], right[k]) has in common."""
        out = np.zeros(len(left))
        if len(left) == 0:
            return out
        order = np.argsort(left, kind="stable")
        ordered = left[order]
        first = np.r_[True, ordered[1:] != ordered[:-1]]
        group = np.cumsum(first) - 1
        distinct = ordered[first]
        per_block = max(1, MARK_CELLS // max(len(self.weight), 1))
        for g in range(0, len(distinct), per_block):
            rows = distinct[g : g + per_block]
            # The terms of a block of left rows, marked in a dense rows x terms table.
            marks = np.zeros((len(rows), len(self.weight)), dtype=bool)
            lengths = self.starts[rows + 1] - self.starts[rows]
            marks[
                np.repeat(np.arange(len(rows)), lengths),
                self.terms[_ranges(self.starts[rows], lengths)],
            ] = True
            lo, hi = np.searchsorted(group, (g, g + len(rows)))
            for start in range(lo, hi, PAIR_CHUNK):
                pairs = order[start : min(hi, start + PAIR_CHUNK)]
                b = right[pairs]
                b_len = self.starts[b + 1] - self.starts[b]
                b_terms = self.terms[_ranges(self.starts[b], b_len)]
                at = np.repeat(np.arange(len(b)), b_len)
                hit = marks[group[start : start + len(b)][at] - g, b_terms]
                out[pairs] = np.bincount(
                    at[hit], weights=self.weight[b_terms[hit]], minlength=len(b)
                )
        return out

    def pairs_sharing(self, proposing: np.ndarray, share: float) -> tuple[np.ndarray, np.ndarray]:
        """Every pair of rows (i, j), i != j, where the summed weight of the terms of j that
        propose for i (`proposing`: a mask over the stored entries) is positive and at least
        `share` times the geometric mean of the two row totals."""
        n = self.n_rows
        rows = self.entry_rows()
        totals = self.totals()
        holders = rows[np.argsort(self.terms, kind="stable")]
        post_starts = np.zeros(len(self.weight) + 1, dtype=np.int64)
        np.cumsum(self.frequencies(), out=post_starts[1:])
        block = max(1, BLOCK_CELLS // max(n, 1))
        lefts: list[np.ndarray] = []
        rights: list[np.ndarray] = []
        for first in range(0, n, block):
            last = min(n, first + block)
            lo, hi = self.starts[first], self.starts[last]
            entries = lo + np.flatnonzero(proposing[lo:hi])
            terms = self.terms[entries]
            counts = post_starts[terms + 1] - post_starts[terms]
            i = np.repeat(rows[entries], counts)
            j = holders[_ranges(post_starts[terms], counts)]
            cell = (i - first) * n + j
            sums = np.bincount(
                cell, weights=np.repeat(self.weight[terms], counts), minlength=(last - first) * n
            )
            # Judge every contribution by its pair's sum; a pair passes once per shared term.
            passing = sums[cell] >= share * np.sqrt(totals[i] * totals[j])
            passing &= i != j
            cell = np.unique(cell[passing])
            lefts.append(cell // n + first)
            rights.append(cell % n)
        return np.concatenate(lefts), np.concatenate(rights)
