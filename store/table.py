"""A TinyDB table whose writes do not re-key every document of the table.

TinyDB's ``Table._update_table`` converts every document id from ``str`` to ``int`` and
back on each write (about 7 ms for 10,000 documents). This table hands the update a view
that converts only the ids it touches, over a shallow copy of the stored table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb.table import Table


class _IntKeyedView(MutableMapping[int, Any]):
    """A ``str``-keyed table seen with ``int`` document ids."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def __getitem__(self, doc_id: int) -> Any:
        return self.data[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self.data[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self.data[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.data

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.data))

    def __len__(self) -> int:
        return len(self.data)


class FastTable(Table):
    """A TinyDB table (integer document ids) with an O(changed documents) update step."""

    def _update_table(self, updater: Callable[[dict[int, Mapping]], None]) -> None:
        tables = self._storage.read() or {}
        view = _IntKeyedView(dict(tables.get(self.name, {})))
        updater(view)  # type: ignore[arg-type]
        tables[self.name] = view.data
        self._storage.write(tables)
        self.clear_cache()
