"""Co-text: the same message (after normalising) and near-duplicates, between accounts.

Neither compares all pairs. Identical texts group by their normalised key;
near-duplicates by MinHash signatures over word bigrams, banded (LSH), so
two messages meet only when a band of their signatures agrees, and each
candidate is verified on the whole signature. Inside a group, messages are
taken in time order and each is paired with its next NEIGHBOURS inside the
window: a copy-paste campaign of a dozen accounts is paired in full, a
phrase posted by ten thousand accounts costs ten thousand times NEIGHBOURS,
not fifty million.

MinHash is computed here with numpy over the whole corpus at once (one
vectorised pass per permutation) rather than one datasketch object per
message: at a million messages that is the difference between seconds and
minutes.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import numpy as np
import pyarrow as pa

from casework.coordination.frame import Frame, pairs, within_window

# Texts shorter than this say too little to be evidence ("so true", "+1", "thanks").
MIN_WORDS = 6
NEIGHBOURS = 20
PERMUTATIONS = 32
BANDS = 8  # of PERMUTATIONS // BANDS rows: candidates from about Jaccard 0.5 up
NEAR_THRESHOLD = 0.6  # estimated Jaccard of word bigrams a near-duplicate must reach
# A bucket this large is a stock phrase, not a campaign: skipped for near-duplicates.
MAX_BUCKET = 2000
_PRIME = (1 << 31) - 1

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"(?<!\w)[@#]\w+")
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str | None) -> str:
    """Lower case, no URLs, mentions, hashtags, punctuation or accents' variants:
    the words a reader sees, so that copy-paste survives re-formatting."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MENTION.sub(" ", _URL.sub(" ", text))
    return " ".join(_NON_WORD.sub(" ", text).split())


def co_text(frame: Frame, keys: list[str], window: float | None) -> pa.Table:
    """Pairs of messages by different accounts with the same normalised text."""
    usable = np.array([k.count(" ") + 1 >= MIN_WORDS if k else False for k in keys])
    rows = np.flatnonzero(usable)
    if len(rows) < 2:
        return pairs("co_text", np.array([]), np.array([]), np.array([]), [])
    codes = pa.array([keys[r] for r in rows]).dictionary_encode().indices.to_numpy()
    i, j = group_pairs(frame, rows, codes, window)
    return pairs("co_text", i, j, np.ones(len(i)), "identical text")


def near_text(frame: Frame, keys: list[str], window: float | None) -> pa.Table:
    """Pairs of messages by different accounts whose word bigrams overlap (MinHash)."""
    rows, signatures = minhash(keys)
    if len(rows) < 2:
        return pairs("near_text", np.array([]), np.array([]), np.array([]), [])
    per_band = PERMUTATIONS // BANDS
    found_i, found_j = [], []
    for band in range(BANDS):
        block = signatures[:, band * per_band : (band + 1) * per_band].astype(np.uint64)
        key = np.zeros(len(rows), dtype=np.uint64)
        for column in range(per_band):
            key = key * np.uint64(1_000_003) ^ block[:, column]
        _, codes, counts = np.unique(key, return_inverse=True, return_counts=True)
        crowded = counts[codes] > MAX_BUCKET
        keep = (counts[codes] > 1) & ~crowded
        i, j = group_pairs(frame, rows[keep], codes[keep], window, local=np.flatnonzero(keep))
        found_i.append(i)
        found_j.append(j)
    i = np.concatenate(found_i)
    j = np.concatenate(found_j)
    if not len(i):
        return pairs("near_text", i, j, np.array([]), [])
    # i, j index into `rows` here (local positions): dedupe, verify, map back.
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    both = np.unique(np.stack([lo, hi], axis=1), axis=0)
    lo, hi = both[:, 0], both[:, 1]
    similarity = (signatures[lo] == signatures[hi]).mean(axis=1)
    exact = np.array([keys[rows[a]] == keys[rows[b]] for a, b in zip(lo, hi, strict=True)])
    keep = (similarity >= NEAR_THRESHOLD) & ~exact if len(exact) else similarity >= 2
    lo, hi, similarity = lo[keep], hi[keep], similarity[keep]
    details = [f"near-identical: estimated Jaccard {s:.2f} of word pairs" for s in similarity]
    # A verified near-duplicate counts as one copy, as an identical text does; the
    # similarity stays in the evidence.
    return pairs("near_text", rows[lo], rows[hi], np.ones(len(lo)), details)


def minhash(keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(rows, signatures): MinHash signatures of word bigrams for texts of MIN_WORDS+."""
    vocabulary: dict[str, int] = {}
    ids: list[int] = []
    lengths: list[int] = []
    rows: list[int] = []
    for row, key in enumerate(keys):
        if not key:
            continue
        words = key.split(" ")
        if len(words) < MIN_WORDS:
            continue
        shingles = {f"{a} {b}" for a, b in itertools.pairwise(words)}
        for shingle in shingles:
            ids.append(vocabulary.setdefault(shingle, len(vocabulary)))
        lengths.append(len(shingles))
        rows.append(row)
    if not rows:
        return np.array([], dtype=np.int64), np.zeros((0, PERMUTATIONS), dtype=np.int64)
    flat = np.asarray(ids, dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    rng = np.random.default_rng(20241)
    a = rng.integers(1, _PRIME, size=PERMUTATIONS, dtype=np.int64)
    b = rng.integers(0, _PRIME, size=PERMUTATIONS, dtype=np.int64)
    signatures = np.empty((len(rows), PERMUTATIONS), dtype=np.int64)
    for k in range(PERMUTATIONS):
        hashed = (a[k] * flat + b[k]) % _PRIME
        signatures[:, k] = np.minimum.reduceat(hashed, starts)
    return np.asarray(rows, dtype=np.int64), signatures


def group_pairs(
    frame: Frame,
    rows: np.ndarray,
    groups: np.ndarray,
    window: float | None,
    local: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j) of rows in the same group, by different accounts, each row with
    its next NEIGHBOURS in time order, inside the window.

    Returns message rows, or positions in `local` where it is given (the caller
    then maps them).
    """
    if len(rows) < 2:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    ts = frame.ts[rows]
    order = np.lexsort((np.nan_to_num(ts, nan=0.0), groups))
    ordered_rows = rows[order]
    ordered_groups = groups[order]
    out_i, out_j = [], []
    for d in range(1, min(NEIGHBOURS, len(rows) - 1) + 1):
        same = ordered_groups[:-d] == ordered_groups[d:]
        if not same.any():
            break
        i, j = ordered_rows[:-d][same], ordered_rows[d:][same]
        keep = (frame.account[i] != frame.account[j]) & within_window(frame, i, j, window)
        if local is not None:
            out_i.append(local[order[:-d][same][keep]])
            out_j.append(local[order[d:][same][keep]])
        else:
            out_i.append(i[keep])
            out_j.append(j[keep])
    if not out_i:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    return np.concatenate(out_i), np.concatenate(out_j)
