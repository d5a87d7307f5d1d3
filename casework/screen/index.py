"""The candidate index of list names, built once per screening session.

Stage one of screening: every list name (and each of its slash-joined
alternatives) goes into a casework.names.index.NameIndex; a query hands the
best few hundred names sharing its keys to the scorer.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterable

from casework.names import alternatives
from casework.names.index import NameIndex

CACHE_LIMIT = 200_000


def build_index(
    rows: Iterable[tuple[int, str, list[str], list[str]]], size_hint: int = 0
) -> NameIndex:
    """Index (entity row, schema, names, weak names) tuples.

    The index is millions of long-lived objects and no garbage: the cyclic
    collector is paused while it is built (at a million names its passes
    cost as much as the analysis) and the result is frozen out of its sight,
    so that no full collection during screening walks it again (one such
    pass cost 0.5 s of a 2-second run of bench.screen_speed).
    """
    index = NameIndex(cache_analyses=size_hint < CACHE_LIMIT)
    collecting = gc.isenabled()
    gc.disable()
    try:
        for entity, schema, names, weak_names in rows:
            for text in names:
                for alternative in alternatives(text):
                    index.add(entity, alternative, schema)
            for text in weak_names:
                for alternative in alternatives(text):
                    index.add(entity, alternative, schema, weak=True)
        index.freeze()
    finally:
        _freeze_heap()
        if collecting:
            gc.enable()
    return index


_UNFREEZE_AT_EXIT = False


def _freeze_heap() -> None:
    """Move every object alive now to the collector's permanent generation; they
    are handed back at exit so that extension modules see them released."""
    global _UNFREEZE_AT_EXIT
    gc.freeze()
    if not _UNFREEZE_AT_EXIT:
        atexit.register(gc.unfreeze)
        _UNFREEZE_AT_EXIT = True
