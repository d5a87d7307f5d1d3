"""The candidate index: blocking keys to list names, built once per screening session.

Stage one of screening. Every list name is analysed and its parts' keys
(casework.names.keys) are posted; a query collects the names sharing its
keys, weighted by how rare each key is (IDF), and hands the best few
hundred to the scorer. Keys so common they say nothing (more than
MAX_DF_SHARE of all names) are skipped, so no query walks the whole list.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from casework.names import AnalyzedName, analyze
from casework.names.keys import name_keys

MAX_DF_SHARE = 0.02
MIN_SHARE_OF_BEST = 0.35
MIN_MAX_DF = 200


@dataclass(frozen=True)
class ListName:
    """One name of one listed entity."""

    entity: int  # row index into the index's entity table
    text: str
    schema: str
    weak: bool


class NameIndex:
    def __init__(self) -> None:
        self.names: list[ListName] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        self._idf: dict[str, float] = {}

    def add(self, entity: int, text: str, schema: str, weak: bool = False) -> None:
        name_id = len(self.names)
        self.names.append(ListName(entity, text, schema, weak))
        seen: set[str] = set()
        for _, keys in name_keys(analyze(text, schema)):
            for key in keys - seen:
                self.postings[key].append(name_id)
            seen |= keys

    def freeze(self) -> None:
        """Compute key weights once all names are in."""
        total = max(1, len(self.names))
        self.max_df = max(MIN_MAX_DF, int(total * MAX_DF_SHARE))
        self._idf = {key: math.log(1 + total / len(ids)) for key, ids in self.postings.items()}

    def candidates(self, query: AnalyzedName, limit: int) -> list[int]:
        """Name ids sharing the most (and rarest) keys with the query, best first."""
        scores: dict[int, float] = defaultdict(float)
        for _, keys in name_keys(query):
            best_for_part: dict[int, float] = {}
            for key in keys:
                ids = self.postings.get(key)
                if not ids or len(ids) > self.max_df:
                    continue
                weight = self._idf[key]
                for name_id in ids:
                    if best_for_part.get(name_id, 0.0) < weight:
                        best_for_part[name_id] = weight
            for name_id, weight in best_for_part.items():
                scores[name_id] += weight
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:limit]
        if not ranked:
            return []
        # Names sharing far less key weight than the best one cannot outscore it.
        floor = ranked[0][1] * MIN_SHARE_OF_BEST
        return [name_id for name_id, score in ranked if score >= floor]

    def __len__(self) -> int:
        return len(self.names)


def build_index(rows: Iterable[tuple[int, str, list[str], list[str]]]) -> NameIndex:
    """Index (entity row, schema, names, weak names) tuples."""
    index = NameIndex()
    for entity, schema, names, weak_names in rows:
        for text in names:
            index.add(entity, text, schema)
        for text in weak_names:
            index.add(entity, text, schema, weak=True)
    index.freeze()
    return index
