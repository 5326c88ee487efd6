#!/usr/bin/env python3
"""Import one ECB+ cluster (one real-world event, several outlets) as a newsreader story folder.

ECB+ (Cybulska & Vossen, LREC 2014; annotations CC BY 3.0) groups news articles by the event
they report. This script writes one cluster ("subtopic") as a folder of .txt files, one per
document, plus a story.json manifest naming each article's outlet and URL, so that
`newsreader FOLDER` opens it as a story.

    python scripts/import_ecbplus.py --list
    python scripts/import_ecbplus.py --largest -o stories/ecbplus
    python scripts/import_ecbplus.py 36ecbplus -o stories/ecbplus-36

The data file defaults to ../shared/benchmarks/ecbplus/ecbplus_docs.jsonl next to the
repository (override with --data).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "ecbplus" / "ecbplus_docs.jsonl"
SENTENCES_PER_PARAGRAPH = 3
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATE_WORDS = {
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun", "pm", "am", "et", "gmt", "utc"),
    *("upd", "pub", "pos"),
}
CREDIT = "ECB+ corpus (Cybulska & Vossen, LREC 2014), annotations CC BY 3.0"


@dataclass(frozen=True)
class Document:
    """One ECB+ document: its id, source URL (if known) and sentences in order."""

    doc: str
    subtopic: str
    url: str | None
    sentences: tuple[str, ...]

    @property
    def outlet(self) -> str | None:
        """The URL's host without `www.`, standing in for the outlet's name."""
        host = urlsplit(self.url).hostname if self.url else None
        return host.removeprefix("www.") if host else None

    @property
    def headline(self) -> str | None:
        """The first of the opening lines that reads like a headline, not like a dateline."""
        for line in self.sentences[:3]:
            if _is_headline(line):
                return line
        return None


class ImportFailed(Exception):
    """A problem reported as one line, exit status 2."""


def _is_headline(line: str) -> bool:
    """No closing punctuation and at least three words that are not date or time words."""
    words = [w for w in re.findall(r"[^\W\d_]{2,}", line) if w.lower()[:3] not in _DATE_WORDS]
    return not _SENTENCE_END.search(line) and len(words) >= 3


def read_documents(path: Path) -> list[Document]:
    """Read the ECB+ documents from the jsonl file."""
    if not path.is_file():
        raise ImportFailed(f"ECB+ data not found at {path} (pass --data FILE.jsonl)")
    documents: list[Document] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                ordered = sorted(record["sentences"], key=lambda s: s["n"])
                url = record.get("url")
                sentences = tuple(
                    s["text"].strip() for s in ordered if s["text"].strip() and s["text"] != url
                )
                documents.append(Document(record["doc"], str(record["subtopic"]), url, sentences))
            except (ValueError, KeyError, TypeError) as exc:
                raise ImportFailed(f"{path}:{number}: not an ECB+ document ({exc})") from None
    return documents


def clusters(documents: list[Document]) -> dict[str, list[Document]]:
    """Documents grouped by subtopic, in file order."""
    grouped: dict[str, list[Document]] = {}
    for document in documents:
        grouped.setdefault(document.subtopic, []).append(document)
    return grouped


def article_text(document: Document) -> str:
    """The document as article text: headline-like lines alone, other sentences in paragraphs."""
    paragraphs: list[str] = []
    current: list[str] = []
    for sentence in document.sentences:
        if not _SENTENCE_END.search(sentence):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            paragraphs.append(sentence)
            continue
        current.append(sentence)
        if len(current) == SENTENCES_PER_PARAGRAPH:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def write_story(subtopic: str, documents: list[Document], out: Path, force: bool) -> None:
    """Write a cluster as a story folder (one .txt per document and story.json)."""
    if out.exists() and any(out.iterdir()) and not force:
        raise ImportFailed(f"{out} already exists and is not empty (use --force to overwrite)")
    out.mkdir(parents=True, exist_ok=True)
    articles: dict[str, dict[str, str | None]] = {}
    for document in documents:
        name = f"{document.doc}.txt"
        (out / name).write_text(article_text(document), encoding="utf-8")
        articles[name] = {
            "title": document.headline,
            "outlet": document.outlet,
            "url": document.url,
        }
    headline = next((d.headline for d in documents if d.headline), None)
    manifest = {
        "id": f"ecbplus-{subtopic}",
        "title": f"ECB+ {subtopic}: {headline}" if headline else f"ECB+ {subtopic}",
        "source": CREDIT,
        "articles": articles,
    }
    (out / "story.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def _topic_order(subtopic: str) -> tuple[int, str]:
    number = re.match(r"\d+", subtopic)
    return (int(number.group()) if number else 0, subtopic)


def list_clusters(grouped: dict[str, list[Document]]) -> str:
    """One line per cluster: id, article count, sentence count, a headline."""
    lines = [f"{'cluster':<12} {'articles':>8} {'sentences':>9}  headline"]
    for subtopic in sorted(grouped, key=_topic_order):
        documents = grouped[subtopic]
        headline = next((d.headline for d in documents if d.headline), "") or ""
        sentences = sum(len(d.sentences) for d in documents)
        lines.append(f"{subtopic:<12} {len(documents):>8} {sentences:>9}  {headline[:60]}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the importer; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cluster", nargs="?", help="the cluster (subtopic) id, e.g. 36ecbplus")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ecbplus_docs.jsonl")
    parser.add_argument("--list", action="store_true", help="list clusters with article counts")
    parser.add_argument("--largest", action="store_true", help="import the biggest cluster")
    parser.add_argument("-o", "--out", type=Path, help="story folder (default: ecbplus-CLUSTER)")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder")
    args = parser.parse_args(argv)
    try:
        grouped = clusters(read_documents(args.data))
        if args.list:
            sys.stdout.write(list_clusters(grouped))
            return 0
        if args.largest:
            chosen = max(grouped, key=lambda s: len(grouped[s]))
        elif args.cluster:
            chosen = args.cluster
            if chosen not in grouped:
                raise ImportFailed(f"no cluster {chosen!r} (see --list)")
        else:
            raise ImportFailed("name a cluster, or use --largest or --list")
        out = args.out or Path(f"ecbplus-{chosen}")
        write_story(chosen, grouped[chosen], out, args.force)
    except (ImportFailed, OSError) as exc:
        print(f"import_ecbplus: error: {exc}", file=sys.stderr)
        return 2
    count = len(grouped[chosen])
    print(f"{chosen}: {count} articles written to {out}; open with: newsreader {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
