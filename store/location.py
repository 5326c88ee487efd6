"""Where the database file lives."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "NEWSREADER_DB"
FILE_NAME = "newsreader.json"


def default_db_path() -> Path:
    """The database in the user's data directory."""
    return Path(user_data_dir("newsreader", appauthor=False)) / FILE_NAME


def resolve_db_path(option: str | None = None) -> Path:
    """The database path: the --db option, else $NEWSREADER_DB, else the user data directory."""
    chosen = option or os.environ.get(ENV_VAR)
    return Path(chosen).expanduser() if chosen else default_db_path()
