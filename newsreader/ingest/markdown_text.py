"""Markdown articles to plain text: the words stay, the markup goes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class MarkdownText:
    """Plain text of a Markdown document, with the leading `# Heading` as its title."""

    title: str | None
    text: str


def _inline_text(token: Token) -> str:
    """Text of an inline token: link text kept, images and raw HTML dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only Markdown articles need the parser

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_to_text(source: str) -> MarkdownText:
    """Strip Markdown syntax (headings, emphasis, links, images, code fences) from a text."""
    tokens = _parser().parse(source)
    blocks: list[str] = []
    title: str | None = None
    list_depth = 0
    row: list[str] = []
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and any(row):
            blocks.append(", ".join(cell for cell in row if cell))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.strip("\n"))
        elif token.type == "html_block":
            text = _TAG.sub(" ", re.sub(r"<!--.*?-->", " ", token.content, flags=re.DOTALL))
            if text.strip():
                blocks.append(re.sub(r"[ \t]+", " ", text).strip())
        elif token.type == "inline":
            text = _inline_text(token)
            opener = tokens[i - 1].type if i else ""
            if opener in ("th_open", "td_open"):
                row.append(text)
            elif not text:
                continue
            elif opener == "heading_open" and tokens[i - 1].tag == "h1" and not (blocks or title):
                title = text
            elif list_depth:
                blocks.append(f"- {text}")
            else:
                blocks.append(text)
    return MarkdownText(title=title, text="\n\n".join(blocks) + "\n" if blocks else "")
