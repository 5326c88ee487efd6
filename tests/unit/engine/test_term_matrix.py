"""The NumPy sentence-term matrix against plain set arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from newsreader.engine import term_matrix
from newsreader.engine.term_matrix import TermMatrix

ROWS = [[3, 0, 5], [5, 1], [], [0, 3, 5, 2], [4], [2, 1, 0]]
WEIGHT = np.array([0.5, 1.0, 2.0, 0.25, 3.0, 1.5])


def _matrix() -> TermMatrix:
    return TermMatrix.from_rows(ROWS, WEIGHT)


def _shared(a: int, b: int, terms: set[int] | None = None) -> float:
    held = set(ROWS[a]) if terms is None else terms
    return sum(WEIGHT[t] for t in held & set(ROWS[b]))


def test_rows_hold_their_terms_sorted_with_totals() -> None:
    matrix = _matrix()
    assert matrix.n_rows == len(ROWS)
    for r, row in enumerate(ROWS):
        assert matrix.terms[matrix.starts[r] : matrix.starts[r + 1]].tolist() == sorted(row)
    assert matrix.totals().tolist() == [sum(WEIGHT[t] for t in row) for row in ROWS]
    assert matrix.frequencies().tolist() == [3, 2, 2, 2, 1, 3]


@pytest.mark.parametrize("cells", [1, 12, 1 << 22])
def test_shared_weight_of_every_pair(cells: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_matrix, "MARK_CELLS", cells)  # a left row at a time, two, all
    monkeypatch.setattr(term_matrix, "PAIR_CHUNK", 4)
    left, right = np.triu_indices(len(ROWS), k=1)
    left, right = np.r_[left, right], np.r_[right, left]
    got = _matrix().shared_weight(left, right)
    assert got.tolist() == [_shared(a, b) for a, b in zip(left, right, strict=True)]


@pytest.mark.parametrize("cells", [1, 12, 1 << 18])
def test_pairs_sharing_a_proposing_term_above_the_floor(
    cells: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(term_matrix, "BLOCK_CELLS", cells)  # one row, two rows, all at once
    matrix = _matrix()
    proposing = matrix.terms != 5  # term 5 proposes nothing
    totals = matrix.totals()
    for share in (0.0, 0.3, 0.6):
        i, j = matrix.pairs_sharing(proposing, share)
        expected = set()
        for a in range(len(ROWS)):
            for b in range(len(ROWS)):
                shared = _shared(a, b, set(ROWS[a]) - {5})
                if a != b and shared > 0 and shared >= share * math.sqrt(totals[a] * totals[b]):
                    expected.add((a, b))
        assert set(zip(i.tolist(), j.tolist(), strict=True)) == expected
        assert len(i) == len(expected)
