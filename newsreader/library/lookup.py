"""Finding a saved story from what the user typed: an id, an id prefix or words of its title."""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.errors import UserError

DEMO_ALIAS = "demo"


def find_story(query: str, stories: Sequence[tuple[str, str]], demo_id: str | None = None) -> str:
    """The id of the one story (``(id, title)`` pairs) that ``query`` names.

    Raises:
        UserError: no story matches, or several do (their ids are named).
    """
    found = match_story(query, stories, demo_id)
    if found is None:
        raise UserError(f"no story matches {query!r} (see 'newsreader list')")
    return found


def match_story(
    query: str, stories: Sequence[tuple[str, str]], demo_id: str | None = None
) -> str | None:
    """The id of the story ``query`` names, or None when none matches.

    Tried in order, the first kind of match that is unique wins: the exact id, ``demo`` for
    the demo story, a prefix of the id, the exact title, then a title containing every word
    of the query (case-insensitive).

    Raises:
        UserError: the query is empty, or several stories match (their ids are named).
    """
    wanted = query.strip()
    if not wanted:
        raise UserError("no story named (give an id, an id prefix or words of its title)")
    ids = [story_id for story_id, _ in stories]
    if wanted in ids:
        return wanted
    if demo_id is not None and wanted.casefold() == DEMO_ALIAS:
        return demo_id
    folded = wanted.casefold()
    words = folded.split()
    for found in (
        [i for i in ids if i.startswith(wanted)],
        [i for i, title in stories if title.casefold() == folded],
        [i for i, title in stories if all(w in title.casefold() for w in words)],
    ):
        unique = list(dict.fromkeys(found))
        if len(unique) == 1:
            return unique[0]
        if len(unique) > 1:
            shown = ", ".join(unique[:5]) + (", …" if len(unique) > 5 else "")
            raise UserError(f"{query!r} names {len(unique)} stories ({shown}); be more specific")
    return None
