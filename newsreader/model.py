"""The domain model: frozen dataclasses shared by the engine, the store and the UI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# An id from outside (a manifest, an import) must be usable as part of a file name and be
# printed as is: ASCII letters, digits and ``._+~-``, starting with a letter or digit.
MAX_ID_LENGTH = 200
_PLAIN_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._+~-]{{0,{MAX_ID_LENGTH - 1}}}")
PLAIN_ID_RULE = (
    f"at most {MAX_ID_LENGTH} ASCII letters, digits, '.', '_', '+', '~' or '-', "
    "starting with a letter or digit"
)


def is_plain_id(value: object) -> bool:
    """True for a story, claim or annotation id that is safe in file names and terminals."""
    return isinstance(value, str) and _PLAIN_ID.fullmatch(value) is not None


class Verdict(StrEnum):
    """A fact-checker's verdict on a claim (``unreviewed``: only a note so far)."""

    VERIFIED = "verified"
    DISPUTED = "disputed"
    UNREVIEWED = "unreviewed"


class ClaimStatus(StrEnum):
    """How the sources relate on a claim."""

    CORROBORATED = "corroborated"
    CONFLICTING = "conflicting"
    SINGLE_SOURCE = "single-source"


class ReasonType(StrEnum):
    """What two sentences disagree on (a Reason's type; plain strings in JSON)."""

    NUMERIC = "numeric"  # a figure: "19 drones" / "14 drones"
    NEGATION = "negation"  # one asserts what the other denies
    ANTONYM = "antonym"  # opposite words: "rose" / "weakened"
    SUBSTITUTION = "substitution"  # another name, post or kind in one slot
    DATE = "date"  # another day, month or time


class RelationKind(StrEnum):
    """The kind of link between two sentences of different articles."""

    MATCH = "match"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with offsets into the article's cleaned text."""

    id: str
    article_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One report of the story, cleaned, with its sentences."""

    id: str
    title: str
    source: str
    text: str
    sentences: tuple[Sentence, ...] = ()
    outlet: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Reason:
    """Why two sentences conflict: a type, a readable detail and the differing spans."""

    type: str
    detail: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]


@dataclass(frozen=True)
class Relation:
    """Two sentences of different articles that state the same claim (or clash on it)."""

    a: str
    b: str
    kind: RelationKind
    score: float
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ConflictSide:
    """One side of a discrepancy: the value stated and the sentences (and articles) stating it."""

    value: str
    sentences: tuple[str, ...]
    articles: tuple[str, ...]
    date: str | None = None  # the latest publication date among those articles, when known


@dataclass(frozen=True)
class ClaimConflict:
    """A fact the sources of a claim disagree on: its type and who says what.

    ``later`` is the index of the side whose reports were published later, when the
    articles' dates tell (None otherwise).
    """

    type: str
    detail: str
    sides: tuple[ConflictSide, ...]
    later: int | None = None


@dataclass(frozen=True)
class Claim:
    """A group of related sentences across articles, with a stable id."""

    id: str
    sentences: tuple[str, ...]
    status: ClaimStatus
    articles: tuple[str, ...] = ()
    conflicts: tuple[ClaimConflict, ...] = ()


@dataclass(frozen=True)
class Story:
    """A set of articles reporting one event."""

    id: str
    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Analysis:
    """The engine's output for a story: relations between sentences and claims."""

    story: Story
    relations: tuple[Relation, ...]
    claims: tuple[Claim, ...]
    sentence_index: dict[str, Sentence] = field(default_factory=dict, compare=False, repr=False)
    claim_index: dict[str, Claim] = field(default_factory=dict, compare=False, repr=False)
    claim_of: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    relations_by_sentence: dict[str, tuple[Relation, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(
        cls, story: Story, relations: tuple[Relation, ...], claims: tuple[Claim, ...]
    ) -> Analysis:
        """Assemble an analysis with its look-up tables."""
        by_sentence: dict[str, list[Relation]] = {}
        for relation in relations:
            by_sentence.setdefault(relation.a, []).append(relation)
            by_sentence.setdefault(relation.b, []).append(relation)
        return cls(
            story=story,
            relations=relations,
            claims=claims,
            sentence_index={s.id: s for a in story.articles for s in a.sentences},
            claim_index={c.id: c for c in claims},
            claim_of={sid: c.id for c in claims for sid in c.sentences},
            relations_by_sentence={k: tuple(v) for k, v in by_sentence.items()},
        )

    def sentence(self, sentence_id: str) -> Sentence:
        """Return the sentence with this id."""
        return self.sentence_index[sentence_id]

    def claim_for(self, sentence_id: str) -> Claim:
        """Return the claim a sentence belongs to."""
        return self.claim_index[self.claim_of[sentence_id]]

    def relations_of(self, sentence_id: str) -> tuple[Relation, ...]:
        """Relations that involve a sentence."""
        return self.relations_by_sentence.get(sentence_id, ())


@dataclass(frozen=True)
class CachedAnalysis:
    """A story's analysis as kept between runs: its data (packed, JSON-ready), the content
    fingerprint and engine it is valid for, and the counts a story listing shows."""

    story: str
    fingerprint: str
    engine: str
    data: dict[str, Any] = field(compare=False, repr=False)
    claims: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class Target:
    """A quoted sentence an annotation hangs on (TextQuote + TextPosition selectors)."""

    article: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """A verdict on a claim, with an optional note and the sentences it quotes.

    ``orphaned`` is set when a new analysis of the story no longer has the quoted sentences.
    """

    id: str
    story: str
    claim: str
    status: Verdict
    note: str | None
    created: str
    updated: str
    targets: tuple[Target, ...] = ()
    orphaned: bool = False

    @property
    def has_verdict(self) -> bool:
        """Whether the claim was tagged verified or disputed (not just noted)."""
        return self.status is not Verdict.UNREVIEWED
