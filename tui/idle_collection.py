"""Garbage collection between key presses rather than during them.

Drawing a screen of 22 columns leaves thousands of objects in reference cycles behind
(Textual's); Python's collector, left alone, runs in the middle of a key press as soon as
700 of them pile up, and a full collection takes tens of milliseconds. While the reader
is open the automatic collector is off: what was made before is frozen out of
collections, and the rest is collected once no key has come for a moment, or at once
when far too much has piled up (a key held down for long).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field

IDLE_AFTER = 0.4  # seconds without a key press
WORTH_COLLECTING = 2_000  # objects made since the last collection
MOST_PENDING = 200_000


@dataclass
class IdleCollector:
    """Turns the automatic collector off while held, and collects when told it is idle."""

    idle_after: float = IDLE_AFTER
    _was_enabled: bool | None = None
    _last_key: float = field(default_factory=time.monotonic)

    def start(self) -> None:
        """Freeze what exists now out of collections and turn the automatic collector off."""
        gc.freeze()
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def touch(self) -> None:
        """A key was pressed."""
        self._last_key = time.monotonic()

    def tick(self, active: bool = True) -> bool:
        """Collect if no key came for a while (and `active`), or if too much piled up;
        returns whether it collected."""
        if self._was_enabled is None:
            return False
        pending = gc.get_count()[0]
        idle = active and time.monotonic() - self._last_key >= self.idle_after
        if (idle and pending >= WORTH_COLLECTING) or pending >= MOST_PENDING:
            gc.collect()
            return True
        return False

    def stop(self) -> None:
        """Give the collector back as it was, and release what was frozen."""
        gc.unfreeze()
        if self._was_enabled is not None:
            if self._was_enabled:
                gc.enable()
            self._was_enabled = None
