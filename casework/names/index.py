"""A blocking index over names: which names share enough keys to be worth comparing.

Screening indexes list names and looks up queries; resolution indexes the
names found in text and looks up each of them. Each name's parts post their
keys (casework.names.keys); a lookup collects the names sharing its keys,
weighted by how rare each key is (IDF), and returns the best few. Keys so
common they say nothing (more than MAX_DF_SHARE of all names) are skipped,
so no lookup walks the whole index.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from casework.names.analyze import AnalyzedName, analyze
from casework.names.keys import name_keys

MAX_DF_SHARE = 0.02
MIN_SHARE_OF_BEST = 0.7
MIN_MAX_DF = 200


@dataclass(frozen=True)
class IndexedName:
    """One name of one entity (a list entry, a group of mentions)."""

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

    def name(self, name_id: int) -> IndexedName:
        return IndexedName(
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

    def candidates(
        self, query: AnalyzedName, limit: int, min_share: float = MIN_SHARE_OF_BEST
    ) -> list[int]:
        """Name ids sharing the most (and rarest) keys with the query, best first.

        Per query part a name counts its best key only (a name sharing five
        trigrams of one word is not five times as likely); parts add up. The
        arithmetic is done on arrays: a query touches thousands of postings.
        """
        part_ids: list[np.ndarray] = []
        part_weights: list[np.ndarray] = []
        for _, keys in name_keys(query):
            usable = [
                (self._idf[key], ids)
                for key in keys
                if (ids := self._arrays.get(key)) is not None and len(ids) <= self.max_df
            ]
            if not usable:
                continue
            # Rarest key first: np.unique keeps each name's first (so best) weight.
            usable.sort(key=lambda item: -item[0])
            ids = np.concatenate([item[1] for item in usable])
            weights = np.repeat(
                np.asarray([item[0] for item in usable], dtype=np.float32),
                [len(item[1]) for item in usable],
            )
            ids, first = np.unique(ids, return_index=True)
            part_ids.append(ids)
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
        floor = scores[top[0]] * min_share
        return [int(unique[i]) for i in top if scores[i] >= floor]

    def __len__(self) -> int:
        return len(self.texts)
