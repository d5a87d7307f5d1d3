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

import numpy as np

from casework.names import AnalyzedName, analyze
from casework.names.keys import name_keys

MAX_DF_SHARE = 0.02
MIN_SHARE_OF_BEST = 0.5
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
        self._arrays: dict[str, np.ndarray] = {}

    def add(self, entity: int, text: str, schema: str, weak: bool = False) -> None:
        name_id = len(self.names)
        self.names.append(ListName(entity, text, schema, weak))
        seen: set[str] = set()
        for _, keys in name_keys(analyze(text, schema)):
            for key in keys - seen:
                self.postings[key].append(name_id)
            seen |= keys

    def freeze(self) -> None:
        """Turn posting lists into arrays and weigh keys, once all names are in."""
        total = max(1, len(self.names))
        self.max_df = max(MIN_MAX_DF, int(total * MAX_DF_SHARE))
        self._idf = {key: math.log(1 + total / len(ids)) for key, ids in self.postings.items()}
        self._arrays = {key: np.asarray(ids, dtype=np.int32) for key, ids in self.postings.items()}

    def candidates(self, query: AnalyzedName, limit: int) -> list[int]:
        """Name ids sharing the most (and rarest) keys with the query, best first.

        Per query part a name counts its best key only (a name sharing five
        trigrams of one word is not five times as likely); parts add up. The
        arithmetic is done on arrays: a query touches thousands of postings.
        """
        part_ids: list[np.ndarray] = []
        part_weights: list[np.ndarray] = []
        for _, keys in name_keys(query):
            ids_list, weight_list = [], []
            for key in keys:
                ids = self._arrays.get(key)
                if ids is None or len(ids) > self.max_df:
                    continue
                ids_list.append(ids)
                weight_list.append(np.full(len(ids), self._idf[key], dtype=np.float32))
            if not ids_list:
                continue
            ids = np.concatenate(ids_list)
            weights = np.concatenate(weight_list)
            order = np.lexsort((-weights, ids))
            ids, weights = ids[order], weights[order]
            first = np.ones(len(ids), dtype=bool)
            first[1:] = ids[1:] != ids[:-1]
            part_ids.append(ids[first])
            part_weights.append(weights[first])
        if not part_ids:
            return []
        unique, inverse = np.unique(np.concatenate(part_ids), return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate(part_weights))
        if len(scores) > limit:
            top = np.argpartition(-scores, limit)[:limit]
        else:
            top = np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        # Names sharing far less key weight than the best one cannot outscore it.
        floor = scores[top[0]] * MIN_SHARE_OF_BEST
        return [int(unique[i]) for i in top if scores[i] >= floor]

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
