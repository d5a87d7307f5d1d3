"""4-gram shingle precision and recall of an extracted body against a gold body."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
N = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return Counter(tuple(words[i : i + N]) for i in range(len(words) - N + 1))


@dataclass
class Score:
    """Counts of shared, extracted and gold shingles; add scores to micro-average."""

    shared: int = 0
    extracted: int = 0
    gold: int = 0

    @classmethod
    def of(cls, extracted: str, gold: str) -> Score:
        ext, ref = shingles(extracted), shingles(gold)
        return cls(sum((ext & ref).values()), sum(ext.values()), sum(ref.values()))

    def __add__(self, other: Score) -> Score:
        return Score(
            self.shared + other.shared, self.extracted + other.extracted, self.gold + other.gold
        )

    @property
    def precision(self) -> float:
        return self.shared / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.shared / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
