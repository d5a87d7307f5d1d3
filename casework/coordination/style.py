"""Writing style: accounts whose character n-gram profiles say they write alike.

Each account with enough text gets a TF-IDF profile of byte trigrams (spelling
habits, punctuation, favourite words and their endings, in any script).
Profiles are hashed with random hyperplanes (SimHash) and banded, so only
accounts that agree on a band are compared; candidates are verified by cosine.
Short texts make noisy profiles: accounts under MIN_CHARS are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from casework.coordination.frame import Frame

MIN_CHARS = 600
MAX_CHARS = 4000  # per account: enough for a profile, bounded cost
THRESHOLD = 0.8  # cosine of TF-IDF trigram profiles
BITS = 64
BANDS = 8
MAX_BUCKET = 200


@dataclass(frozen=True)
class Alike:
    a: int
    b: int
    cosine: float


def profiles(frame: Frame) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Account code -> (sorted trigram ids, L2-normalised TF-IDF weights)."""
    texts: dict[int, list[str]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for code, text in zip(frame.account.tolist(), frame.texts(), strict=True):
        if text and sizes[code] < MAX_CHARS:
            texts[code].append(text)
            sizes[code] += len(text)
    counts: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for code, parts in texts.items():
        if sizes[code] < MIN_CHARS:
            continue
        raw = np.frombuffer(" ".join(parts)[:MAX_CHARS].casefold().encode("utf-8"), np.uint8)
        grams = (raw[:-2].astype(np.int32) << 16) | (raw[1:-1].astype(np.int32) << 8) | raw[2:]
        ids, tf = np.unique(grams, return_counts=True)
        counts[code] = (ids, tf.astype(np.float64))
    if len(counts) < 2:
        return {}
    all_ids, df = np.unique(np.concatenate([ids for ids, _ in counts.values()]), return_counts=True)
    idf_table = dict(zip(all_ids.tolist(), np.log((1 + len(counts)) / (1 + df)) + 1, strict=False))
    out = {}
    for code, (ids, tf) in counts.items():
        weights = np.log1p(tf) * np.fromiter((idf_table[i] for i in ids.tolist()), np.float64)
        out[code] = (ids, weights / np.linalg.norm(weights))
    return out


def _signs(ids: np.ndarray) -> np.ndarray:
    """A fixed ±1 vector of BITS per trigram id, from a 64-bit mix of the id."""
    x = ids.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    x ^= x >> np.uint64(31)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(29)
    bits = (x[:, None] >> np.arange(BITS, dtype=np.uint64)) & np.uint64(1)
    return bits.astype(np.float64) * 2 - 1


def alike(frame: Frame, threshold: float = THRESHOLD) -> list[Alike]:
    profile = profiles(frame)
    if len(profile) < 2:
        return []
    codes = sorted(profile)
    hashes = np.array(
        [np.packbits(profile[c][1] @ _signs(profile[c][0]) > 0) for c in codes]
    )  # (accounts, BITS / 8) bytes: each byte one band
    candidates: set[tuple[int, int]] = set()
    for band in range(BANDS):
        buckets: dict[int, list[int]] = defaultdict(list)
        for code, value in zip(codes, hashes[:, band].tolist(), strict=True):
            buckets[value].append(code)
        for members in buckets.values():
            if 1 < len(members) <= MAX_BUCKET:
                candidates.update((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    found = []
    for a, b in sorted(candidates):
        ids_a, w_a = profile[a]
        ids_b, w_b = profile[b]
        _, ia, ib = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
        cosine = float(w_a[ia] @ w_b[ib])
        if cosine >= threshold:
            found.append(Alike(a, b, cosine))
    return found
