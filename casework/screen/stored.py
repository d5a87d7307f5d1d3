"""The screening index kept in the workspace, so a new process need not rebuild it.

Building the index analyses every list name (tens of thousands of names, about
half a millisecond each with rigour's tagger, whose own loading takes seconds);
a journalist checking one name should not wait for that. The frozen index
(casework.names.index.NameIndex.arrays), the list entries it points at and the
tagger's symbols for every word of the list names (casework.names.SymbolBook)
are stored as a few binary columns in one table, and read back in one query.

The stored index is valid for one fingerprint: the loaded list datasets (name,
version, load time, size) and the source of the name logic, so loading a list
or changing how names are analysed rebuilds it on the next screening.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from casework import __version__
from casework.names.analyze import SymbolBook
from casework.names.index import NameIndex
from casework.store.backend import Backend

_NAMES_PACKAGE = Path(__file__).resolve().parents[1] / "names"


@dataclass
class StoredIndex:
    index: NameIndex
    entities: list[tuple[str, str]]  # (dataset, id) per entity row of the index
    book: SymbolBook


def fingerprint(backend: Backend) -> str:
    """What the stored index was built from: the lists as loaded, and the name logic."""
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(_NAMES_PACKAGE.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update((Path(__file__).parent / "index.py").read_bytes())
    for row in backend.query(
        "SELECT name, version, loaded_at, entities FROM list_datasets ORDER BY name"
    ):
        digest.update(json.dumps(row, default=str, sort_keys=True).encode())
    return digest.hexdigest()


def _array_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def _array(data: bytes) -> np.ndarray:
    return np.load(io.BytesIO(data), allow_pickle=False)


def save(backend: Backend, stored: StoredIndex, key: str) -> None:
    """Replace the stored index in one transaction."""
    parts = {name: _array_bytes(a) for name, a in stored.index.arrays().items()}
    parts["entities"] = json.dumps(stored.entities, ensure_ascii=False).encode("utf-8")
    parts["book"] = stored.book.to_bytes()
    parts["fingerprint"] = key.encode()
    with backend.transaction():
        backend.execute("DELETE FROM screen_index")
        backend.insert_rows(
            "screen_index",
            [{"part": name, "data": data} for name, data in parts.items()],
            ignore_existing=False,
        )


def load(backend: Backend, key: str, cache_analyses: bool = True) -> StoredIndex | None:
    """The stored index when it was built for `key`, else None."""
    rows = {r["part"]: r["data"] for r in backend.query("SELECT part, data FROM screen_index")}
    if rows.get("fingerprint", b"").decode() != key:
        return None
    arrays = {
        name: _array(data)
        for name, data in rows.items()
        if name not in ("entities", "book", "fingerprint")
    }
    index = NameIndex.from_arrays(arrays, cache_analyses=cache_analyses)
    entities = [tuple(pair) for pair in json.loads(rows["entities"].decode("utf-8"))]
    return StoredIndex(index, entities, SymbolBook.from_bytes(rows["book"]))


def save_book(backend: Backend, book: SymbolBook) -> None:
    """Keep the words a session's queries taught the book (they needed the tagger once)."""
    with backend.transaction():
        backend.execute("UPDATE screen_index SET data = ? WHERE part = 'book'", [book.to_bytes()])
    book.learned = 0
