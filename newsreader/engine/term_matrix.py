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

# Pairs handled at once by shared_weight, and cells of the dense accumulator of one block
# of rows in pairs_sharing: both bound memory on large stories.
PAIR_CHUNK = 50_000
BLOCK_CELLS = 1 << 18


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
        width = len(self.weight) + 1
        for start in range(0, len(left), PAIR_CHUNK):
            a, b = left[start : start + PAIR_CHUNK], right[start : start + PAIR_CHUNK]
            a_len = self.starts[a + 1] - self.starts[a]
            b_len = self.starts[b + 1] - self.starts[b]
            a_terms = self.terms[_ranges(self.starts[a], a_len)]
            b_terms = self.terms[_ranges(self.starts[b], b_len)]
            a_pair = np.repeat(np.arange(len(a), dtype=np.int64), a_len)
            # Pair-major codes with ascending terms within a row: the right side is sorted.
            b_codes = np.repeat(np.arange(len(b), dtype=np.int64), b_len) * width + b_terms
            a_codes = a_pair * width + a_terms
            at = np.searchsorted(b_codes, a_codes)
            hit = np.zeros(len(a_codes), dtype=bool)
            inside = at < len(b_codes)
            hit[inside] = b_codes[at[inside]] == a_codes[inside]
            out[start : start + len(a)] = np.bincount(
                a_pair[hit], weights=self.weight[a_terms[hit]], minlength=len(a)
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
