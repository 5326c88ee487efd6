"""Write newsreader/demo_snapshot.json: the demo story built now, with what it was built from.

Run it after changing the seeds, the cleaning or the segmenter (a stale snapshot is never
used, but then every start builds the demo story again, which is slower):

    python scripts/build_demo_snapshot.py
"""

from __future__ import annotations

import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import newsreader
from newsreader.library.demo import build_demo_story, demo_seed_files, seeds_dir
from newsreader.library.demo_snapshot import SNAPSHOT, read_snapshot, write_snapshot


def main() -> int:
    """Build the demo story in this fresh process and record the modules it loaded."""
    before = set(sys.modules)
    story = build_demo_story()
    package = Path(newsreader.__file__).parent
    modules = sorted(
        str(Path(module.__file__).relative_to(package))
        for name, module in list(sys.modules.items())
        if (name == "newsreader" or name.startswith("newsreader."))
        and getattr(module, "__file__", None)
        and name != "newsreader.library.demo_snapshot"
    )
    loaded = {name.split(".")[0] for name in set(sys.modules) - before}
    distributions = packages_distributions()
    libraries = {
        top: distributions[top][0]
        for top in sorted(loaded - set(sys.stdlib_module_names) - {"newsreader"})
        if top in distributions
    }
    write_snapshot(story, seeds_dir(), demo_seed_files(), modules, libraries)
    if read_snapshot(seeds_dir()) != story:
        print(f"{SNAPSHOT}: written but does not read back as built", file=sys.stderr)
        return 1
    print(
        f"{SNAPSHOT}: {len(story.articles)} articles, {len(modules)} modules, "
        f"libraries {', '.join(f'{d}' for d in libraries.values())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
