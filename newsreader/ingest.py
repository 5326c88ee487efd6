"""Reading articles from files and folders into a Story."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from newsreader.cleaning import CleanedText, clean_article, strip_controls
from newsreader.errors import UserError
from newsreader.model import Article, Sentence, Story
from newsreader.segment import sentence_spans

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """Raw text of one article and where it came from, with optional known metadata."""

    path: str
    raw: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(f"{path}: binary file, not an article")
    for encoding in (
        ("utf-8-sig", "utf-16")
        if data.startswith((b"\xff\xfe", b"\xfe\xff"))
        else (
            "utf-8-sig",
            "cp1252",
            "latin-1",
        )
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{path}: cannot decode text")  # pragma: no cover - latin-1 always decodes


def read_source(path: Path) -> Source:
    """Read one article file; raise UserError with a clear message when it cannot be used."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(f"{path}: file too large for an article (over 10 MB)")
        data = path.read_bytes()
    except UserError:
        raise
    except FileNotFoundError:
        raise UserError(f"{path}: no such file or folder") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = _decode(data, path)
    if not strip_controls(text).strip():
        raise UserError(f"{path}: empty file")
    return Source(path=str(path), raw=text)


def collect_paths(paths: list[str]) -> list[Path]:
    """Expand files and folders into article files, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name).expanduser()
        if not path.exists():
            raise UserError(f"{name}: no such file or folder")
        if path.is_dir():
            files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not files:
                raise UserError(f"{name}: folder has no .txt or .md articles")
            found.extend(files)
        else:
            found.append(path)
    unique: list[Path] = []
    seen: set[Path] = set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _unique_slug(base: str, taken: set[str]) -> str:
    slug = slugify(base, max_length=48, word_boundary=True) or "article"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _title_of(source: Source, cleaned: CleanedText) -> str:
    title = source.title or cleaned.title
    if not title:
        first_line = cleaned.text.split("\n", 1)[0] or Path(source.path).stem
        title = first_line[:80] + ("…" if len(first_line) > 80 else "")
    return strip_controls(title)


def make_article(source: Source, cleaned: CleanedText, article_id: str) -> Article:
    """Segment one cleaned source into an Article."""
    sentences = tuple(
        Sentence(
            id=f"{article_id}/s{i}",
            article_id=article_id,
            index=i,
            text=cleaned.text[start:end],
            start=start,
            end=end,
        )
        for i, (start, end) in enumerate(sentence_spans(cleaned.text))
    )
    return Article(
        id=article_id,
        title=_title_of(source, cleaned),
        source=source.path,
        text=cleaned.text,
        sentences=sentences,
        outlet=source.outlet,
        author=source.author,
        date=source.date or cleaned.date,
    )


def build_story(
    sources: list[Source], title: str | None = None, story_id: str | None = None
) -> Story:
    """Build a Story from article sources: clean, segment and give each article a unique id."""
    taken: set[str] = set()
    articles: list[Article] = []
    for source in sources:
        cleaned = clean_article(source.raw)
        title = _title_of(source, cleaned)
        base = f"{source.outlet} {title}" if source.outlet else title
        article = make_article(source, cleaned, _unique_slug(base, taken))
        if article.sentences:
            articles.append(article)
    if not articles:
        raise UserError("no article has any text left after cleaning")
    story_title = title or articles[0].title
    if story_id is None:
        digest = hashlib.sha1("\n".join(sorted(s.path for s in sources)).encode()).hexdigest()[:8]
        story_id = f"{slugify(story_title, max_length=40, word_boundary=True) or 'story'}-{digest}"
    return Story(id=story_id, title=story_title, articles=tuple(articles))


def load_story(paths: list[str]) -> Story:
    """Load the user's files or folders as one story (at least two articles)."""
    files = collect_paths(paths)
    sources = [read_source(p) for p in files]
    if len(sources) < 2:
        raise UserError(
            f"{paths[0]}: a story needs at least two articles to compare (found {len(sources)})"
        )
    resolved = [Source(path=str(Path(s.path).resolve()), raw=s.raw) for s in sources]
    folder = Path(paths[0]) if len(paths) == 1 and Path(paths[0]).is_dir() else None
    title = folder.resolve().name if folder else None
    return build_story(resolved, title=title)
