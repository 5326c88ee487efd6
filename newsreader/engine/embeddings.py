"""Optional static word embeddings (the `semantic` extra): sentence vectors from wordllama.

The wordllama wheel carries its model, so it is loaded from the package folder with
downloads disabled; nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsreader.engine.version import SEMANTIC_SWITCH

ENV_SWITCH = SEMANTIC_SWITCH


def semantic_available() -> bool:
    """Whether the optional wordllama package is installed."""
    return importlib.util.find_spec("wordllama") is not None


def semantic_requested(flag: bool | None = None) -> bool:
    """Resolve the semantic switch: an explicit flag, else NEWSREADER_SEMANTIC=1."""
    if flag is None:
        flag = os.environ.get(ENV_SWITCH, "").strip().lower() in {"1", "true", "yes", "on"}
    return flag and semantic_available()


@lru_cache(maxsize=1)
def _model() -> Any:
    import wordllama
    from wordllama import WordLlama

    folder = Path(wordllama.__file__).parent
    return WordLlama.load(cache_dir=folder, disable_download=True)


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length sentence vectors (one row per text)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.asarray(_model().embed(list(texts), norm=True), dtype=np.float32)
    return vectors
