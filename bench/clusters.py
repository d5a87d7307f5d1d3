"""Scores for a clustering against a gold one: B-cubed and pairwise precision and recall.

Both read two maps item -> cluster over the same items. B-cubed (Bagga and
Baldwin) averages, per item, how much of its predicted cluster is its gold
cluster (precision) and the reverse (recall), so a big entity counts by its
mentions; pairwise counts the pairs of items put together. Pairwise pairs
are counted from cluster sizes, never enumerated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> dict:
    items = [x for x in gold if x in predicted]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "items": 0}
    both = Counter((predicted[x], gold[x]) for x in items)
    pred_size = Counter(predicted[x] for x in items)
    gold_size = Counter(gold[x] for x in items)
    precision = sum(n * n / pred_size[p] for (p, _), n in both.items()) / len(items)
    recall = sum(n * n / gold_size[g] for (_, g), n in both.items()) / len(items)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "items": len(items),
    }


def pairwise(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> dict:
    items = [x for x in gold if x in predicted]

    def pairs(sizes: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    shared = pairs(Counter((predicted[x], gold[x]) for x in items))
    made = pairs(Counter(predicted[x] for x in items))
    true = pairs(Counter(gold[x] for x in items))
    precision = shared / made if made else 1.0
    recall = shared / true if true else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "pairs": made,
        "gold_pairs": true,
    }
