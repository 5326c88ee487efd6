"""The user's config file (TOML in the platform's config folder): reviewer, export format,
theme and key map."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.errors import UserError
from newsreader.ingest.files import MIB, read_file

ENV_VAR = "NEWSREADER_CONFIG"
FILE_NAME = "config.toml"
EXPORT_FORMATS = ("json", "w3c", "claimreview", "csv", "md")
KEYS = ("reviewer", "export_format", "theme", "keymap")
MAX_CONFIG_BYTES = MIB


@dataclass(frozen=True)
class Settings:
    """What the config file sets (None: not set, the default applies)."""

    path: Path
    exists: bool
    keymap: dict[str, str] = field(default_factory=dict)
    reviewer: str | None = None
    export_format: str | None = None
    theme: str | None = None


def config_path(option: str | None = None) -> Path:
    """The config file: --config, else $NEWSREADER_CONFIG, else the user config folder."""
    chosen = option or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("newsreader", appauthor=False)) / FILE_NAME


def _text(data: dict[str, Any], key: str, path: Path) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise UserError(f"{path}: {key} must be a non-empty string")
    return value.strip()


def load_settings(option: str | None = None) -> Settings:
    """Read the config file; a missing file sets nothing.

    Raises:
        UserError: the file cannot be read, is not TOML or has a value of the wrong kind.
    """
    path = config_path(option)
    try:
        raw = read_file(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return Settings(path=path, exists=False)
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: not a valid TOML config file ({exc})") from None
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise UserError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(KEYS)})")
    export_format = _text(data, "export_format", path)
    if export_format is not None and export_format not in EXPORT_FORMATS:
        raise UserError(
            f"{path}: export_format must be one of {', '.join(EXPORT_FORMATS)}, "
            f"not {export_format!r}"
        )
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keymap.items()
    ):
        raise UserError(f'{path}: keymap must be a table of binding ids and keys ("a,b")')
    return Settings(
        path=path,
        exists=True,
        reviewer=_text(data, "reviewer", path),
        export_format=export_format,
        theme=_text(data, "theme", path),
        keymap=dict(keymap),
    )


def reviewer_name(settings: Settings) -> str:
    """The reviewer named in the config, else the system user name."""
    if settings.reviewer:
        return settings.reviewer
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown reviewer"


def describe(settings: Settings) -> list[str]:
    """Lines saying where the config file is and what it sets (defaults named as such)."""
    state = "" if settings.exists else " (not found: every setting has its default)"
    lines = [f"config file: {settings.path}{state}"]
    if settings.reviewer:
        lines.append(f"reviewer = {settings.reviewer!r}")
    else:
        user = reviewer_name(settings)
        lines.append(f"reviewer: not set (default: the system user name, {user!r})")
    lines.append(
        f"export_format = {settings.export_format!r}"
        if settings.export_format
        else "export_format: not set (default: 'json')"
    )
    lines.append(
        f"theme = {settings.theme!r}" if settings.theme else "theme: not set (Textual's default)"
    )
    if settings.keymap:
        lines.append("keymap:")
        lines += [f"  {binding} = {keys!r}" for binding, keys in sorted(settings.keymap.items())]
    else:
        lines.append("keymap: not set (the keys in 'newsreader --help' and the help screen)")
    return lines
