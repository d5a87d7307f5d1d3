"""A blocking index over names: which names share enough keys to be worth comparing.

Screening indexes list names and looks up queries; resolution indexes the
names found in text and looks up each of them. Each name's parts post their
keys (casework.names.keys); a lookup collects the names sharing its keys,
weighted by how rare each key is (IDF), and returns the best few. Keys so
common they say nothing (more than MAX_DF_SHARE of all names) are skipped,
so no lookup walks the whole index.
"""

from __future__ import annotations

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
        self._keys: list[str] = []
        self._key_ids: dict[str, int] = {}
        self._offsets = np.zeros(1, dtype=np.int64)
        self._flat = np.zeros(0, dtype=np.int32)
        self._df = np.zeros(0, dtype=np.int64)
        self._idf = np.zeros(0)
        self.max_df = MIN_MAX_DF
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
        """Lay the postings out flat once all names are in: one int32 array of name
        ids, each key's run in it given by offsets, and each key's weight (IDF)."""
        keys = sorted(self.postings)
        lengths = np.fromiter(
            (len(self.postings[k]) for k in keys), dtype=np.int64, count=len(keys)
        )
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.empty(int(offsets[-1]), dtype=np.int32)
        for i, key in enumerate(keys):
            flat[offsets[i] : offsets[i + 1]] = np.frombuffer(self.postings[key], dtype=np.int32)
        self._set_frozen(keys, offsets, flat)
        self.postings = defaultdict(lambda: array("i"))

    def _set_frozen(self, keys: list[str], offsets: np.ndarray, flat: np.ndarray) -> None:
        total = max(1, len(self.texts))
        self.max_df = max(MIN_MAX_DF, int(total * MAX_DF_SHARE))
        self._keys = keys
        self._key_ids = {key: i for i, key in enumerate(keys)}
        self._offsets = offsets
        self._flat = flat
        df = np.diff(offsets)
        self._df = df
        self._idf = np.log1p(total / np.maximum(df, 1))

    def _posting(self, key: str) -> tuple[float, np.ndarray] | None:
        """A key's weight and names, or None when no name has it or too many do."""
        i = self._key_ids.get(key)
        if i is None or self._df[i] > self.max_df:
            return None
        return float(self._idf[i]), self._flat[self._offsets[i] : self._offsets[i + 1]]

    def arrays(self) -> dict[str, np.ndarray]:
        """The frozen index as named arrays (texts and keys NUL-joined UTF-8), for
        storing: `from_arrays` gives it back without analysing a name again."""
        schemata = sorted(set(self.schemata))
        code = {s: i for i, s in enumerate(schemata)}
        return {
            "entity_of": np.frombuffer(self.entity_of, dtype=np.int32),
            "texts": _joined(self.texts),
            "schemata": _joined(schemata),
            "schema_of": np.fromiter((code[s] for s in self.schemata), dtype=np.int8),
            "weak": np.frombuffer(bytes(self.weak), dtype=np.uint8),
            "keys": _joined(self._keys),
            "offsets": self._offsets,
            "postings": self._flat,
        }

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray], cache_analyses: bool = True) -> NameIndex:
        index = cls(cache_analyses)
        index.entity_of = array("i", data["entity_of"].astype(np.int32).tobytes())
        index.texts = _split(data["texts"])
        schemata = [sys.intern(s) for s in _split(data["schemata"])]
        index.schemata = [schemata[i] for i in data["schema_of"].tolist()]
        index.weak = bytearray(data["weak"].tobytes())
        index._set_frozen(_split(data["keys"]), data["offsets"], data["postings"])
        return index

    def candidates(
        self,
        query: AnalyzedName,
        limit: int,
        min_share: float = MIN_SHARE_OF_BEST,
    ) -> list[int]:
        """Name ids sharing the most (and rarest) keys with the query, best first.

        Per query part a name counts its best key only (a name sharing five
        trigrams of one word is not five times as likely); parts add up. The
        arithmetic is done on arrays: a query touches thousands of postings.
        """
        part_ids: list[np.ndarray] = []
        part_weights: list[np.ndarray] = []
        for _, keys in name_keys(query):
            usable = [found for key in keys if (found := self._posting(key)) is not None]
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


def _joined(texts: list[str]) -> np.ndarray:
    """Strings as one NUL-separated UTF-8 byte array (names hold no NUL)."""
    return np.frombuffer("\0".join(texts).encode("utf-8"), dtype=np.uint8)


def _split(data: np.ndarray) -> list[str]:
    text = data.tobytes().decode("utf-8")
    return text.split("\0") if text else []
