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

from casework.coordination.frame import (
    Frame,
    accounts_per_group,
    no_pairs,
    pairs,
    rarity,
    within_window,
)

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
    """Pairs of messages by different accounts with the same normalised text.

    Each pair counts by the text's rarity: a headline a hundred accounts shared
    from a news site's button is weaker evidence than a paragraph only four
    accounts posted.
    """
    usable = np.array([k.count(" ") + 1 >= MIN_WORDS if k else False for k in keys], dtype=bool)
    rows = np.flatnonzero(usable)
    if len(rows) < 2:
        return no_pairs("co_text")
    codes = pa.array([keys[r] for r in rows]).dictionary_encode().indices.to_numpy()
    crowd = accounts_per_group(frame, rows, codes)
    i, j, g = group_pairs(frame, rows, codes, window, with_groups=True)
    return pairs("co_text", i, j, rarity(crowd[g]), _crowd_detail("identical text", crowd[g]))


def near_text(frame: Frame, keys: list[str], window: float | None) -> pa.Table:
    """Pairs of messages by different accounts whose word bigrams overlap (MinHash).

    A pair counts by the rarity of the most crowded band bucket it met in, the
    nearest thing to "how many accounts posted this text" without clustering.
    """
    rows, signatures = minhash(keys)
    if len(rows) < 2:
        return no_pairs("near_text")
    per_band = PERMUTATIONS // BANDS
    found_i, found_j, found_crowd = [], [], []
    for band in range(BANDS):
        block = signatures[:, band * per_band : (band + 1) * per_band].astype(np.uint64)
        key = np.zeros(len(rows), dtype=np.uint64)
        for column in range(per_band):
            key = key * np.uint64(1_000_003) ^ block[:, column]
        _, codes, counts = np.unique(key, return_inverse=True, return_counts=True)
        keep = (counts[codes] > 1) & (counts[codes] <= MAX_BUCKET)
        local = np.flatnonzero(keep)
        crowd = accounts_per_group(frame, rows[local], codes[local])
        i, j, g = group_pairs(
            frame, rows[local], codes[local], window, local=local, with_groups=True
        )
        found_i.append(i)
        found_j.append(j)
        found_crowd.append(crowd[g])
    i = np.concatenate(found_i)
    j = np.concatenate(found_j)
    if not len(i):
        return no_pairs("near_text")
    # i, j index into `rows` here (local positions): dedupe, verify, map back.
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    crowd = np.concatenate(found_crowd)
    order = np.lexsort((-crowd, hi, lo))
    lo, hi, crowd = lo[order], hi[order], crowd[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    lo, hi, crowd = lo[first], hi[first], crowd[first]
    similarity = (signatures[lo] == signatures[hi]).mean(axis=1)
    exact = np.fromiter(
        (keys[rows[a]] == keys[rows[b]] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)),
        dtype=bool,
        count=len(lo),
    )
    keep = (similarity >= NEAR_THRESHOLD) & ~exact
    lo, hi, similarity, crowd = lo[keep], hi[keep], similarity[keep], crowd[keep]
    # A verified near-duplicate counts as one copy, as an identical text does; the
    # estimated similarity is in the evidence, in steps of one permutation.
    steps = np.rint(similarity * PERMUTATIONS).astype(np.int32)
    phrases = [
        f"near-identical: estimated Jaccard {k / PERMUTATIONS:.2f} of word pairs"
        for k in range(PERMUTATIONS + 1)
    ]
    return pairs("near_text", rows[lo], rows[hi], rarity(crowd), (steps, phrases))


def _crowd_detail(what: str, crowd: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Evidence phrases that say how many accounts posted the item, one per crowd size."""
    sizes, codes = np.unique(crowd, return_inverse=True)
    return codes.astype(np.int32), [f"{what}, posted by {n} accounts" for n in sizes.tolist()]


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
        # In first-seen order, not a set's: shingle ids (and so signatures) must not
        # depend on the process's string-hash seed.
        shingles = dict.fromkeys(f"{a} {b}" for a, b in itertools.pairwise(words))
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
    with_groups: bool = False,
):
    """Pairs (i, j) of rows in the same group, by different accounts, each row with
    its next NEIGHBOURS in time order, inside the window.

    Returns message rows, or positions in `local` where it is given (the caller
    then maps them); with `with_groups`, also each pair's group code.
    """
    empty = np.array([], dtype=np.int64)
    if len(rows) < 2:
        return (empty, empty, empty) if with_groups else (empty, empty)
    ts = frame.ts[rows]
    order = np.lexsort((np.nan_to_num(ts, nan=0.0), groups))
    ordered_rows = rows[order]
    ordered_groups = groups[order]
    out_i, out_j, out_g = [], [], []
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
        out_g.append(ordered_groups[:-d][same][keep])
    if not out_i:
        return (empty, empty, empty) if with_groups else (empty, empty)
    found = (np.concatenate(out_i), np.concatenate(out_j))
    return (*found, np.concatenate(out_g)) if with_groups else found
