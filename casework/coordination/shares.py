"""Co-link, co-hashtag, co-repost and co-target: two accounts acting on the same item
inside the time window.

Each (message, item) is a row; rows of one item are paired in time order with
their next neighbours (casework.coordination.text.group_pairs), so no item
compares all its sharers. The co-activity baseline is the item's popularity:
a pair sharing an item counts 1 / log2(accounts sharing it), one for an item
only the two of them shared, so a link to
a front page that thousands share is near nothing and a rare link shared by
three accounts within a minute is strong. Items shared by more than
MAX_SHARERS accounts are dropped outright.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from casework.coordination.frame import Frame, pairs
from casework.coordination.text import group_pairs

MAX_SHARERS = 200
# Which message column each signal reads, and the word for its evidence.
ITEMS = {
    "co_link": ("urls", "same link"),
    "co_hashtag": ("hashtags", "same hashtag"),
    "co_repost": ("repost_of", "reposted the same item"),
    "co_target": ("target", "replied to / commented under the same item"),
}


def co_items(frame: Frame, signal: str, window: float | None) -> pa.Table:
    column, words = ITEMS[signal]
    values = frame.table.column(column).combine_chunks()
    if pa.types.is_list(values.type) or pa.types.is_large_list(values.type):
        rows = pc.list_parent_indices(values).to_numpy(zero_copy_only=False)
        items = pc.list_flatten(values)
    else:
        valid = pc.is_valid(values).to_numpy(zero_copy_only=False)
        rows = np.flatnonzero(valid)
        items = values.filter(pa.array(valid))
    if len(rows) < 2:
        return pairs(signal, np.array([]), np.array([]), np.array([]), [])
    if signal == "co_hashtag":
        items = pc.utf8_lower(items)
    encoded = items.dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    labels = encoded.dictionary
    # Accounts per item: distinct (item, account) couples counted per item.
    couples = np.unique(codes * (1 << 32) + frame.account[rows].astype(np.int64))
    sharers = np.bincount(couples >> 32, minlength=len(labels))
    keep = (sharers[codes] >= 2) & (sharers[codes] <= MAX_SHARERS)
    rows, codes = rows[keep], codes[keep]
    p, q = group_pairs(frame, rows, codes, window, local=np.arange(len(rows)))
    if not len(p):
        return pairs(signal, p, q, np.array([]), [])
    i, j, shared = rows[p], rows[q], codes[p]
    strength = 1.0 / np.log2(sharers[shared])
    names = labels.to_pylist()
    details = [f"{words}: {names[c]}" for c in shared.tolist()]
    return pairs(signal, i, j, strength, details)
