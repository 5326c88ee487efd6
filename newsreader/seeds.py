"""The bundled demo story: five reports of one event, shipped inside the package."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from newsreader.ingest import Source, build_story
from newsreader.model import Story

MANIFEST = "story.json"


def seeds_dir() -> Path:
    """Locate the seeds folder: inside the installed package, else the repository's top level."""
    packaged = resources.files("newsreader") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds"


def load_demo_story() -> Story:
    """Load the demo story from the seeds folder and its manifest."""
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
