"""The bundled demo story: five reports of one event, shipped inside the package."""

from __future__ import annotations

import json
from pathlib import Path

from newsreader.model import Story

MANIFEST = "story.json"


def seeds_dir() -> Path:
    """Locate the seeds folder: inside the installed package, else the repository's top level."""
    # The wheel puts it beside this module; importlib.resources would find the same folder
    # but costs more to import than reading the whole demo story.
    package = Path(__file__).resolve().parent.parent
    packaged = package / "seeds"
    return packaged if packaged.is_dir() else package.parent / "seeds"


def load_demo_story() -> Story:
    """The demo story: from its prepared snapshot when that is current, else built afresh."""
    from newsreader.library.demo_snapshot import read_snapshot

    return read_snapshot(seeds_dir()) or build_demo_story()


def build_demo_story() -> Story:
    """Build the demo story from the seeds folder and its manifest (clean, segment)."""
    from newsreader.ingest.reader import Source, build_story

    folder = seeds_dir()
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    sources = []
    for name, meta in manifest["articles"].items():
        sources.append(
            Source(
                path=f"seeds/{name}",
                raw=(folder / name).read_text(encoding="utf-8"),
                title=meta.get("title"),
                outlet=meta.get("outlet"),
                author=meta.get("author"),
                date=meta.get("date"),
            )
        )
    return build_story(sources, title=manifest["title"], story_id=manifest["id"])


def demo_seed_files() -> list[str]:
    """The files of the seeds folder the demo story is built from (manifest first)."""
    manifest = json.loads((seeds_dir() / MANIFEST).read_text(encoding="utf-8"))
    return [MANIFEST, *manifest["articles"]]
