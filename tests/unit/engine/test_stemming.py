"""The engine stems with the C build of the Snowball English stemmer, which gives the same
stems as the pure-Python one."""

from __future__ import annotations

from snowballstemmer.english_stemmer import EnglishStemmer

from newsreader.engine.terms import _english_stemmer, term_of

WORDS = [
    "injured",
    "injuries",
    "injuring",
    "generously",
    "agreements",
    "arrived",
    "arriving",
    "capital's",
    "cooperation",
    "firefighters",
    "denied",
    "confirmed",
    "decreasing",
    "increased",
    "visiting",
]


def test_the_c_stemmer_is_used_and_agrees_with_the_reference() -> None:
    stemmer = _english_stemmer()
    assert type(stemmer).__module__.startswith("Stemmer"), "PyStemmer is a dependency"
    reference = EnglishStemmer()
    assert [stemmer.stemWord(w) for w in WORDS] == [reference.stemWord(w) for w in WORDS]
    assert term_of("visiting") == term_of("visited") == "visit"
