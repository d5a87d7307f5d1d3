"""Co-link, co-hashtag, co-repost and co-target: two accounts acting on the same item
inside the time window.

Each (message, item) is a row; rows of one item are paired in time order with
their next neighbours (casework.coordination.text.group_pairs), so no item
compares all its sharers. The co-activity baseline is the item's popularity
(casework.coordination.frame.rarity): a link to a front page that thousands
share is near nothing, a rare link shared by three accounts within a minute
counts in full. Items shared by more than MAX_SHARERS accounts are dropped
outright.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from casework.coordination.frame import Frame, accounts_per_group, no_pairs, pairs, rarity
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
        return no_pairs(signal)
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
        return no_pairs(signal)
    i, j, shared = rows[p], rows[q], codes[p]
    # One phrase per item that made a pair, not per pair.
    used, local_codes = np.unique(shared, return_inverse=True)
    names = labels.take(pa.array(used)).to_pylist()
    phrases = [
        f"{words}: {name} ({n} accounts)"
        for name, n in zip(names, sharers[used].tolist(), strict=True)
    ]
    return pairs(signal, i, j, rarity(sharers[shared]), (local_codes, phrases))


def _places(frame: Frame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, place codes, accounts per place): every message's thread and the
    item it replies to or comments under, as one code space."""
    target = pc.dictionary_encode(frame.table.column("target")).combine_chunks()
    target_codes = target.indices.to_numpy(zero_copy_only=False)
    valid_target = pc.is_valid(target.indices).to_numpy(zero_copy_only=False)
    in_thread = frame.thread >= 0
    offset = int(frame.thread.max()) + 1 if len(frame) else 0
    rows = np.concatenate([np.flatnonzero(in_thread), np.flatnonzero(valid_target)])
    places = np.concatenate(
        [
            frame.thread[in_thread].astype(np.int64),
            offset + np.nan_to_num(target_codes[valid_target]).astype(np.int64),
        ]
    )
    return rows, places, accounts_per_group(frame, rows, places)


def shared_places(frame: Frame, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """For pairs of accounts that posted in one thread or under one item, at any
    time, the size (in accounts) of the smallest such place; other pairs are left out.

    Name variants and style say who may be behind two accounts; posting in the
    same small comment section is what makes that worth a link.
    """
    if not pairs:
        return {}
    rows, places, crowd = _places(frame)
    wanted = np.zeros(len(frame.accounts), dtype=bool)
    wanted[[x for pair in pairs for x in pair]] = True
    mine = wanted[frame.account[rows]]
    where: dict[int, dict[int, int]] = {}
    for code, place in zip(frame.account[rows][mine].tolist(), places[mine].tolist(), strict=True):
        where.setdefault(code, {})[place] = int(crowd[place])
    out = {}
    for a, b in pairs:
        common = where.get(a, {}).keys() & where.get(b, {}).keys()
        if common:
            out[(a, b)] = min(where[a][p] for p in common)
    return out
