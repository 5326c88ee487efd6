"""The engine's version and switches: light to import, for cache keys before the engine loads."""

from __future__ import annotations

# Bump whenever the engine's output for the same articles changes (cached analyses expire).
ENGINE_VERSION = "65"
SEMANTIC_SWITCH = "NEWSREADER_SEMANTIC"
