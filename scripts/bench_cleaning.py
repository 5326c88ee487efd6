"""How much real article text the cleaner throws away, measured on ECB+ documents.

ECB+ documents are already clean: every gold sentence is real content (headlines, body,
sometimes a date or byline line). Each document is fed to the cleaner one sentence per line,
the harshest layout for line rules, and every sentence missing from the cleaned title and
text is counted. Dates and bylines that the cleaner moved into metadata are counted apart.

Usage: python scripts/bench_cleaning.py [--data PATH] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsreader.ingest.boilerplate import furniture_kind  # noqa: E402
from newsreader.ingest.bylines import byline_author, date_line, strip_dateline  # noqa: E402
from newsreader.ingest.cleaning import clean_article  # noqa: E402

_BULLET = re.compile(r"^\s*(?:[•·▪‣◦●○■□➤►*–-]|\d{1,3}[.)])\s+")


def _norm(text: str) -> str:
    """Letters and digits only: bullets, added full stops and spacing do not count as losses."""
    return re.sub(r"\W+", "", _BULLET.sub("", text)).lower()


def _why(sentence: str, seen: set[str]) -> str:
    if date_line(sentence):
        return "date line (kept as article date)"
    if byline_author(sentence):
        return "byline (kept as author)"
    if _norm(sentence) in seen:
        return "repeated line (kept once)"
    kind = furniture_kind(sentence)
    return f"content: {kind}" if kind else "content: trailing block"


def main() -> int:
    """Clean every ECB+ document and print what was lost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "benchmarks")
    parser.add_argument("--show", type=int, default=40, help="dropped content lines to list")
    args = parser.parse_args()
    path = args.data / "ecbplus" / "ecbplus_docs.jsonl"
    if not path.is_file():
        print(f"bench_cleaning: ECB+ data not found at {path} (pass --data PATH)", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    total = selected_total = 0
    reasons: Counter[str] = Counter()
    selected_lost: Counter[str] = Counter()
    examples: list[str] = []
    elapsed = 0.0
    chars = 0
    for record in records:
        sentences = [s for s in record["sentences"] if s["text"].strip()]
        raw = "\n".join(s["text"].strip() for s in sentences)
        chars += len(raw)
        start = time.perf_counter()
        cleaned = clean_article(raw)
        elapsed += time.perf_counter() - start
        output = _norm(f"{cleaned.title or ''}\n{cleaned.text}")
        seen: set[str] = set()
        for sentence in sentences:
            text = _norm(sentence["text"])
            shown = sentence["text"].strip()
            total += 1
            selected_total += bool(sentence["selected"])
            if text in output or _norm(strip_dateline(text)) in output:
                seen.add(text)
                continue
            why = _why(shown, seen)
            seen.add(text)
            reasons[why] += 1
            if sentence["selected"]:
                selected_lost[why] += 1
            if why.startswith("content") and len(examples) < args.show:
                examples.append(f"  [{why}] {shown[:110]}")
    content = sum(n for why, n in reasons.items() if why.startswith("content"))
    print(f"ECB+: {len(records)} documents, {total:,} sentences ({selected_total:,} annotated)")
    print(f"cleaning speed: {chars / elapsed:,.0f} chars/s ({elapsed:.2f} s for {chars:,} chars)")
    print(f"sentences not in the cleaned text: {sum(reasons.values())} of {total:,}")
    for why, n in reasons.most_common():
        print(f"  {n:5d}  {why}  (annotated: {selected_lost[why]})")
    print(
        f"real content dropped: {content} ({content / total:.2%}); annotated sentences dropped: "
        f"{sum(n for w, n in selected_lost.items() if w.startswith('content'))}"
    )
    if examples:
        print("\ndropped content lines:")
        print("\n".join(examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
