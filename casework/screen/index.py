"""The candidate index: blocking keys to list names, built once per screening session.

Stage one of screening. Every list name is analysed and its parts' keys
(casework.names.keys) are posted; a query collects the names sharing its
keys, weighted by how rare each key is (IDF), and hands the best few
hundred to the scorer. Keys so common they say nothing (more than
MAX_DF_SHARE of all names) are skipped, so no query walks the whole list.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from casework.names import AnalyzedName, analyze
from casework.names.keys import name_keys

MAX_DF_SHARE = 0.02
MIN_SHARE_OF_BEST = 0.7
MIN_MAX_DF = 200


@dataclass(frozen=True)
class ListName:
    """One name of one listed entity."""

    entity: int  # row index into the index's entity table
    text: str
    schema: str
    weak: bool


class NameIndex:
    """Names in flat arrays and postings as int32 arrays: a million names must fit.

    Python lists of ints cost about 36 bytes an entry, `array('i')` four, so
    postings grow in arrays and become numpy views of them when frozen.
    """

    def __init__(self, cache_analyses: bool = True) -> None:
        self.entity_of = array("i")
        self.texts: list[str] = []
        self.schemata: list[str] = []
        self.weak = bytearray()
        self.postings: dict[str, array] = defaultdict(lambda: array("i"))
        self._idf: dict[str, float] = {}
        self._arrays: dict[str, np.ndarray] = {}
        # Small lists keep every analysed name cached for scoring; huge ones would
        # spend gigabytes on that cache, so they analyse again when scoring.
        self._analyze = analyze if cache_analyses else analyze.__wrapped__

    def add(self, entity: int, text: str, schema: str, weak: bool = False) -> None:
        name_id = len(self.texts)
        self.entity_of.append(entity)
        self.texts.append(text)
        self.schemata.append(sys.intern(schema))
        self.weak.append(weak)
        seen: set[str] = set()
        for _, keys in name_keys(self._analyze(text, schema)):
            for key in keys - seen:
                self.postings[key].append(name_id)
            seen |= keys

    def name(self, name_id: int) -> ListName:
        return ListName(
            self.entity_of[name_id],
            self.texts[name_id],
            self.schemata[name_id],
            bool(self.weak[name_id]),
        )

    def freeze(self) -> None:
        """Weigh keys and view the postings as numpy arrays, once all names are in."""
        total = max(1, len(self.texts))
        self.max_df = max(MIN_MAX_DF, int(total * MAX_DF_SHARE))
        self._idf = {key: math.log(1 + total / len(ids)) for key, ids in self.postings.items()}
        self._arrays = {
            key: np.frombuffer(ids, dtype=np.int32) for key, ids in self.postings.items()
        }

    def candidates(self, query: AnalyzedName, limit: int) -> list[int]:
        """Name ids sharing the most (and rarest) keys with the query, best first.

        Per query part a name counts its best key only (a name sharing five
        trigrams of one word is not five times as likely); parts add up. The
        arithmetic is done on arrays: a query touches thousands of postings.
        """
        part_ids: list[np.ndarray] = []
        part_weights: list[np.ndarray] = []
        for _, keys in name_keys(query):
            ids_list, idf_list = [], []
            for key in keys:
                ids = self._arrays.get(key)
                if ids is None or len(ids) > self.max_df:
                    continue
                ids_list.append(ids)
                idf_list.append(self._idf[key])
            if not ids_list:
                continue
            ids = np.concatenate(ids_list)
            weights = np.repeat(np.asarray(idf_list, dtype=np.float32), [len(a) for a in ids_list])
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
        return len(self.texts)


CACHE_LIMIT = 200_000


def build_index(
    rows: Iterable[tuple[int, str, list[str], list[str]]], size_hint: int = 0
) -> NameIndex:
    """Index (entity row, schema, names, weak names) tuples."""
    index = NameIndex(cache_analyses=size_hint < CACHE_LIMIT)
    for entity, schema, names, weak_names in rows:
        for text in names:
            index.add(entity, text, schema)
        for text in weak_names:
            index.add(entity, text, schema, weak=True)
    index.freeze()
    return index
