"""Reading articles from files, folders and URLs into a Story, one warning per bad item."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urldefrag

from rapidfuzz import fuzz
from slugify import slugify

from newsreader.engine.segment import sentence_spans
from newsreader.errors import UserError
from newsreader.ingest.cleaning import CleanedText, clean_article, strip_controls
from newsreader.ingest.encoding import decode_text
from newsreader.ingest.files import MIB, read_file
from newsreader.ingest.formats import (
    SUFFIX_FORMATS,
    Format,
    Source,
    format_of,
    is_url,
    metadata_value,
    source_from_bytes,
)
from newsreader.ingest.html_extract import host_of
from newsreader.model import MAX_ID_LENGTH, Article, Sentence, Story, is_plain_id

ARTICLE_SUFFIXES = tuple(SUFFIX_FORMATS)
MAX_FILE_BYTES = 10 * MIB
MANIFEST = "story.json"
MAX_MANIFEST_BYTES = MIB
MAX_LINK_LIST_BYTES = MIB
# Two texts this alike (0-1, by edit distance) are reported as near copies of each other.
NEAR_COPY_SHARE = 0.9

Warn = Callable[[str], None]


@dataclass(frozen=True)
class _Input:
    """One article to read: a file or a URL, with the folder manifest entry that names it."""

    name: str
    key: str
    path: Path | None = None
    meta: dict[str, str | None] | None = None


def read_source(path: Path, name: str | None = None) -> Source:
    """Read one article file; raise UserError with a clear message when it cannot be used."""
    name = name or str(path)
    try:
        data = read_file(path, MAX_FILE_BYTES, name)
    except UserError:
        raise
    except FileNotFoundError:
        raise UserError(f"{name}: no such file or folder") from None
    except IsADirectoryError:
        raise UserError(f"{name}: is a folder") from None
    except OSError as exc:
        raise UserError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return source_from_bytes(data, name, format_of(path, data))


def _read_manifest(folder: Path, warn: Warn) -> dict[str, object]:
    """A folder's story.json (story title/id, per-file title/outlet/author/date), if any."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(read_file(path, MAX_MANIFEST_BYTES).decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("articles", {}), dict):
            raise ValueError("not a story manifest")
    except (OSError, ValueError, RecursionError) as exc:
        warn(f"{path}: ignored ({exc})")
        return {}
    except UserError as exc:
        warn(f"{exc}; ignored")
        return {}
    return data


def _folder_files(folder: Path, name: str, warn: Warn) -> list[Path]:
    files: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == MANIFEST or path.is_dir():
            continue
        if not path.is_file():
            warn(f"{path}: skipped (not an ordinary file)")
            continue
        if path.suffix.lower() in SUFFIX_FORMATS:
            files.append(path)
        else:
            warn(f"{path}: skipped (not a .txt, .md or .html article)")
    if not files:
        raise UserError(f"{name}: folder has no .txt, .md or .html articles")
    return files


def _link_list(path: Path) -> list[str]:
    """The URLs of a text file that lists only web addresses (one a line, `#` comments)."""
    if SUFFIX_FORMATS.get(path.suffix.lower(), Format.TEXT) is not Format.TEXT:
        return []
    try:
        data = read_file(path, MAX_LINK_LIST_BYTES)
        # Cheap test first: a list starts with an address or a comment.
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"h", b"H", b"#"):
            return []
        text = decode_text(data, str(path))
    except (OSError, UserError):
        return []
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if lines and all(is_url(line) and not re.search(r"\s", line) for line in lines):
        return lines
    return []


def _expand(
    names: list[str], problems: list[str], warn: Warn
) -> tuple[list[_Input], dict[str, object]]:
    """Turn command-line inputs into articles to read; returns them and a lone folder's manifest."""
    inputs: list[_Input] = []
    lone_manifest: dict[str, object] = {}
    manifests: dict[Path, dict[str, object]] = {}
    for name in names:
        if is_url(name):
            inputs.append(_Input(name=name, key=urldefrag(name).url))
            continue
        path = Path(name).expanduser()
        if not path.exists():
            problems.append(f"{name}: no such file or folder")
            continue
        try:
            files = _folder_files(path, name, warn) if path.is_dir() else [path]
        except UserError as exc:
            problems.append(str(exc))
            continue
        for file in files:
            links = _link_list(file)
            if links:
                inputs.extend(_Input(name=url, key=urldefrag(url).url) for url in links)
                continue
            folder = file.resolve().parent
            if folder not in manifests:
                manifests[folder] = _read_manifest(folder, warn)
            entry = manifests[folder].get("articles", {}).get(file.name)
            inputs.append(
                _Input(
                    name=str(file),
                    key=str(file.resolve()),
                    path=file,
                    meta=entry if isinstance(entry, dict) else None,
                )
            )
        if len(names) == 1 and path.is_dir():
            lone_manifest = manifests.get(path.resolve(), {})
    unique: list[_Input] = []
    seen: dict[str, str] = {}
    for item in inputs:
        if item.key in seen:
            warn(f"{item.name}: given more than once, read once")
            continue
        seen[item.key] = item.name
        unique.append(item)
    return unique, lone_manifest


def _with_manifest(source: Source, meta: dict[str, str | None] | None) -> Source:
    """Metadata a folder's manifest states outranks what was guessed from the text."""
    if not meta:
        return source
    fields = {
        key: metadata_value(str(meta[key]))
        for key in ("title", "outlet", "author", "date")
        if meta.get(key)
    }
    if isinstance(meta.get("url"), str):
        fields["host"] = metadata_value(host_of(meta["url"]))
    return replace(source, **{k: v for k, v in fields.items() if v})


def _read_all(inputs: list[_Input], problems: list[str]) -> list[Source]:
    """Read files and download URLs; a failure becomes a problem, not an exception."""
    urls = [item.name for item in inputs if item.path is None]
    if urls:
        from newsreader.ingest.fetch import FetchError, fetch_pages  # the HTTP stack for URLs

        pages = dict(zip(urls, fetch_pages(urls), strict=True))
    else:
        pages = {}
    sources: list[Source] = []
    for item in inputs:
        try:
            if item.path is not None:
                source = read_source(item.path, item.name)
            else:
                page = pages[item.name]
                if isinstance(page, FetchError):
                    raise page
                fmt = Format.HTML if page.is_html else Format.TEXT
                if page.content_type.endswith("markdown"):
                    fmt = Format.MARKDOWN
                source = source_from_bytes(page.data, item.name, fmt, page.charset, page.final_url)
        except UserError as exc:
            problems.append(str(exc))
            continue
        sources.append(_with_manifest(source, item.meta))
    return sources


def _free_slug(base: str, taken: set[str]) -> str:
    """A slug of `base` not yet in `taken` (a numeric suffix is added on collision)."""
    slug = slugify(base, max_length=48, word_boundary=True) or "article"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
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
        # A name the page or a manifest gives, else a byline's or dateline's, else the host.
        outlet=source.outlet or metadata_value(cleaned.outlet) or source.host,
        author=source.author or cleaned.author,
        date=source.date or cleaned.date,
    )


# Words of an article's sketch: near copies share most of their vocabulary, so most of the
# words whose hashes are smallest (a bottom-k sketch), and only articles sharing a few
# sketch words are compared in full, not every pair.
SKETCH_WORDS = 16
SKETCH_SHARED = 3


def _sketch(words: frozenset[str]) -> list[int]:
    return sorted(hash(w) for w in words)[:SKETCH_WORDS]


class _NearCopies:
    """The articles kept so far, indexed by their sketches."""

    def __init__(self) -> None:
        self.paths: dict[str, str] = {}
        self.vocabularies: dict[str, frozenset[str]] = {}
        self.by_hash: dict[int, list[str]] = {}

    def add(self, text: str, path: str) -> None:
        """Keep an article's normalised text."""
        words = frozenset(text.split())
        self.paths[text] = path
        self.vocabularies[text] = words
        for h in _sketch(words):
            self.by_hash.setdefault(h, []).append(text)

    def find(self, text: str) -> tuple[str, float] | None:
        """The kept article whose text is almost the same as `text`, with the score."""
        words = frozenset(text.split())
        shared: dict[str, int] = {}
        for h in _sketch(words):
            for other in self.by_hash.get(h, ()):
                shared[other] = shared.get(other, 0) + 1
        candidates = {o: self.paths[o] for o, n in shared.items() if n >= SKETCH_SHARED}
        return _near_copy(text, candidates, self.vocabularies)


def _near_copy(
    text: str, kept: dict[str, str], vocabularies: dict[str, frozenset[str]]
) -> tuple[str, float] | None:
    """The kept article whose normalised text is almost the same as `text`, with the score."""
    words = frozenset(text.split())
    for other, path in kept.items():
        if min(len(text), len(other)) < NEAR_COPY_SHARE * max(len(text), len(other)):
            continue
        # Near copies share almost all their words: a cheap test before the edit distance.
        vocabulary = vocabularies[other]
        common = len(words & vocabulary)
        if common < 0.5 * (len(words) + len(vocabulary) - common):  # half of the union
            continue
        score = fuzz.ratio(text, other, score_cutoff=NEAR_COPY_SHARE * 100)
        if score:
            return path, score
    return None


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _articles(
    sources: list[Source], problems: list[str], existing: tuple[Article, ...] = ()
) -> list[Article]:
    """Clean and segment; articles with no text or the same text as an earlier one are dropped.

    Near copies (a wire story run by two outlets, one page saved twice) are kept, with a note.
    ``existing`` articles (of a story being added to) count as earlier ones.
    """
    taken: set[str] = {a.id for a in existing}
    articles: list[Article] = []
    kept: dict[str, str] = {_normalised(a.text): a.source for a in existing}
    copies = _NearCopies()
    for text, path in kept.items():
        copies.add(text, path)
    for source in sources:
        cleaned = clean_article(source.raw)
        normalised = _normalised(cleaned.text)
        if normalised in kept:
            problems.append(f"{source.path}: same text as {kept[normalised]}, kept only that one")
            continue
        title = _title_of(source, cleaned)
        # Ids as they always were: from the page's or manifest's outlet, else the host.
        named = source.outlet or source.host
        base = f"{named} {title}" if named else title
        article = make_article(source, cleaned, _free_slug(base, taken))
        if not article.sentences:
            problems.append(f"{source.path}: no article text left after cleaning")
            continue
        near = copies.find(normalised)
        if near is not None:
            problems.append(
                f"{source.path}: nearly the same text as {near[0]} ({near[1]:.0f}% alike), "
                "kept both"
            )
        taken.add(article.id)
        kept[normalised] = source.path
        copies.add(normalised, source.path)
        articles.append(article)
    return articles


def _story(
    articles: list[Article], title: str | None, story_id: str | None, keys: list[str]
) -> Story:
    story_title = title or articles[0].title
    if story_id is None:
        digest = hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:8]
        story_id = f"{slugify(story_title, max_length=40, word_boundary=True) or 'story'}-{digest}"
    return Story(id=story_id, title=story_title, articles=tuple(articles))


def build_story(
    sources: list[Source], title: str | None = None, story_id: str | None = None
) -> Story:
    """Build a Story from article sources: clean, segment and give each article a unique id."""
    articles = _articles(sources, [])
    if not articles:
        raise UserError("no article has any text left after cleaning")
    return _story(articles, title, story_id, [s.path for s in sources])


def load_story(paths: list[str], warn: Warn | None = None) -> Story:
    """Load the user's files, folders and URLs as one story (at least two usable articles).

    Each unusable item (missing, binary, too large, empty, a dead URL, a duplicate...) is
    reported through `warn` and skipped; when fewer than two articles remain, a UserError
    names every problem in one line.
    """
    problems: list[str] = []
    notes: list[str] = []
    inputs, manifest = _expand(paths, problems, notes.append)
    articles = _articles(_read_all(inputs, problems), problems)
    if len(articles) < 2:
        found = f"found {len(articles)} usable" if problems else f"found {len(articles)}"
        problems.append(f"a story needs at least two articles to compare ({found})")
        raise UserError("; ".join(problems))
    for message in notes + problems:
        if warn is not None:
            warn(message)
    # Articles remember where they came from as absolute paths (or URLs), not as typed.
    located = {item.name: item.key for item in inputs}
    articles = [replace(a, source=located.get(a.source, a.source)) for a in articles]
    keys = [str(Path(p).expanduser().resolve()) if not is_url(p) else p for p in paths]
    folder = Path(paths[0]) if len(paths) == 1 and Path(paths[0]).is_dir() else None
    title = manifest.get("title") or (folder.resolve().name if folder else None)
    story_id = _manifest_id(manifest.get("id"), warn)
    return _story(articles, title if isinstance(title, str) else None, story_id, keys)


def _manifest_id(value: object, warn: Warn | None) -> str | None:
    """The story id a manifest gives: kept when plain, else its slug (None: make one up)."""
    if value is None:
        return None
    if isinstance(value, str) and is_plain_id(value):
        return value
    text = value if isinstance(value, str) else ""
    slug = slugify(text, max_length=MAX_ID_LENGTH, word_boundary=True)
    if warn is not None:
        shown = repr(text)[:80] if isinstance(value, str) else f"a {type(value).__name__}"
        used = repr(slug) if slug else "one made from the title"
        warn(f"{MANIFEST}: the story id {shown} is not a plain name; using {used}")
    return slug or None


def add_articles(
    story: Story | None, paths: list[str], warn: Warn | None = None, title: str | None = None
) -> Story:
    """A story with the articles of ``paths`` added after those of ``story`` (or a new story).

    Items already in the story (the same file or URL, or the same text) and unusable items
    are reported through ``warn`` and skipped; a new story is titled ``title``. Raises
    UserError naming every problem when no article is left to add.
    """
    problems: list[str] = []
    notes: list[str] = []
    inputs, manifest = _expand(paths, problems, notes.append)
    existing = story.articles if story is not None else ()
    known = {a.source for a in existing}
    fresh = []
    for item in inputs:
        if item.key in known:
            problems.append(f"{item.name}: already in the story, not added again")
        else:
            fresh.append(item)
    articles = _articles(_read_all(fresh, problems), problems, existing)
    if not articles:
        raise UserError("; ".join([*problems, "no article to add"]))
    for message in notes + problems:
        if warn is not None:
            warn(message)
    located = {item.name: item.key for item in fresh}
    articles = [replace(a, source=located.get(a.source, a.source)) for a in articles]
    if story is not None:
        return replace(story, articles=(*story.articles, *articles))
    named = title or manifest.get("title")
    keys = [a.source for a in articles]
    return _story(articles, named if isinstance(named, str) else None, None, keys)
