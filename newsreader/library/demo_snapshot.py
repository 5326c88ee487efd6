"""The demo story, cleaned and segmented ahead of time, so the reader opens it at once.

Cleaning and segmenting the bundled articles needs the whole ingest stack (and its imports),
which costs more than drawing the first screen. The package ships the result,
`demo_snapshot.json`, with a record of everything it was made from: the seed files, the
source of every module of this package that built it, the versions of the libraries those
used, the Python and Unicode versions. When any of them differs the snapshot is stale and the
story is built afresh, so it always equals what building would give.
(`python scripts/build_demo_snapshot.py` writes it again.)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newsreader.library.story_data import story_from_rows, story_to_rows
from newsreader.model import Story

SNAPSHOT = Path(__file__).with_name("demo_snapshot.json")
PACKAGE = Path(__file__).parent.parent
FORMAT = 1


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def installed_version(distribution: str, package: str) -> str | None:
    """A distribution's version from its .dist-info folder beside the package (no metadata
    import: that alone costs more than the whole snapshot)."""
    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    origin = Path(spec.origin)
    site = origin.parent.parent if spec.submodule_search_locations else origin.parent
    prefix = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    try:
        names = os.listdir(site)
    except OSError:
        return None
    for name in names:
        lowered = name.lower()
        if lowered.startswith(prefix) and lowered.endswith(".dist-info"):
            return name[len(prefix) : -len(".dist-info")]
    return None


def provenance(
    seeds: Path, seed_files: list[str], modules: list[str], libraries: dict[str, str]
) -> dict[str, Any]:
    """The current state of everything a snapshot depends on (see the module docstring).

    Args:
        seeds: the seeds folder.
        seed_files: its files that the story is built from (the manifest included).
        modules: source files of this package, relative to it ("ingest/reader.py").
        libraries: distribution name by top-level package of the libraries used.
    """
    return {
        "format": FORMAT,
        "python": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "unicode": unicodedata.unidata_version,
        "seeds": {name: _digest(seeds / name) for name in seed_files},
        "modules": {name: _digest(PACKAGE / name) for name in modules},
        "libraries": {
            package: [distribution, installed_version(distribution, package)]
            for package, distribution in libraries.items()
        },
    }


def write_snapshot(
    story: Story,
    seeds: Path,
    seed_files: list[str],
    modules: list[str],
    libraries: dict[str, str],
    path: Path = SNAPSHOT,
) -> None:
    """Save the built demo story with the provenance it was built from."""
    data = {
        "made_from": provenance(seeds, seed_files, modules, libraries),
        "story": story_to_rows(story),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def read_snapshot(seeds: Path, path: Path = SNAPSHOT) -> Story | None:
    """The demo story from the snapshot, or None when it is missing, unreadable or stale."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        made_from = data["made_from"]
        current = provenance(
            seeds,
            list(made_from["seeds"]),
            list(made_from["modules"]),
            {package: pair[0] for package, pair in made_from["libraries"].items()},
        )
        if current != made_from or None in current["modules"].values():
            return None
        return story_from_rows(data["story"])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
