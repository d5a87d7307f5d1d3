"""Near-duplicate documents across sources: MinHash signatures, LSH bands in SQL.

The same article is republished by aggregators, mirrored, and scraped again
with other chrome. datasketch computes each body's MinHash signature once, at
ingest; the LSH banding (documents sharing any band bucket are candidates)
is a self-join on a stored table rather than datasketch's in-memory index,
so grouping runs inside the workspace, survives restarts, and never compares
all pairs. Candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from casework.store.backend import Backend

NUM_PERM = 128
# Shingles are hashed with CRC-32 (C speed, stable across processes) rather than
# datasketch's default SHA-1, which costs more than the rest of MinHash together.
SHINGLE_WORDS = 5
THRESHOLD = 0.7
MIN_SHINGLES = 5
_WORD = re.compile(r"\w+", re.UNICODE)
_BANDS, _ROWS = (lambda lsh: (lsh.b, lsh.r))(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM))


@dataclass(frozen=True)
class Signature:
    shingles: int
    values: np.ndarray  # uint32[NUM_PERM]

    def bands(self) -> list[tuple[int, int]]:
        """(band, bucket) pairs: one 64-bit hash per band of `_ROWS` values."""
        out = []
        for band in range(_BANDS):
            chunk = self.values[band * _ROWS : (band + 1) * _ROWS].tobytes()
            bucket = int.from_bytes(
                hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True
            )
            out.append((band, bucket))
        return out


def signature(text: str) -> Signature | None:
    """MinHash of the body's word shingles; None when too short to compare."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    minhash.update_batch(list(shingles))
    return Signature(len(shingles), minhash.hashvalues.astype(np.uint32))


def signature_rows(document_id: str, sig: Signature) -> tuple[dict, list[dict]]:
    """Rows for document_minhash and document_bands."""
    minhash = {
        "document_id": document_id,
        "shingles": sig.shingles,
        "signature": sig.values.tolist(),
    }
    bands = [
        {"document_id": document_id, "band": band, "bucket": bucket} for band, bucket in sig.bands()
    ]
    return minhash, bands


_CANDIDATE_PAIRS = """
WITH pairs AS (
    SELECT DISTINCT a.document_id AS left_id, b.document_id AS right_id
    FROM document_bands a
    JOIN document_bands b
      ON a.band = b.band AND a.bucket = b.bucket AND a.document_id < b.document_id
)
SELECT p.left_id, p.right_id,
       len(list_filter(list_zip(l.signature, r.signature), lambda x: x[1] = x[2]))
         / len(l.signature) AS similarity
FROM pairs p
JOIN document_minhash l ON l.document_id = p.left_id
JOIN document_minhash r ON r.document_id = p.right_id
"""


_RANK = """
SELECT d.id, length(d.body) AS size, d.published, d.ingested_at,
       (SELECT count(*) FROM comments c WHERE c.document_id = d.id) AS comments
FROM documents d WHERE d.id IN (SELECT unnest(?))
"""


def regroup(backend: Backend, threshold: float = THRESHOLD) -> int:
    """Recompute document_groups from the stored bands; returns the number of groups.

    The canonical member is the most complete copy (longest body), then the
    earliest published, then the one carrying the reader discussion (most
    comments), then the earliest ingested and the smallest id: deterministic.
    """
    edges = [
        (row["left_id"], row["right_id"], float(row["similarity"]))
        for row in backend.query(_CANDIDATE_PAIRS)
        if row["similarity"] >= threshold
    ]
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right, _ in edges:
        parent[find(left)] = find(right)
    members: dict[str, list[str]] = {}
    for node in list(parent):
        members.setdefault(find(node), []).append(node)
    similarity = {frozenset((left, right)): sim for left, right, sim in edges}
    best = {}
    for left, right, sim in edges:
        best[left] = max(best.get(left, 0.0), sim)
        best[right] = max(best.get(right, 0.0), sim)
    rank = {
        row["id"]: (
            -row["size"],
            row["published"] or date.max,
            -row["comments"],
            row["ingested_at"],
            row["id"],
        )
        for row in backend.query(_RANK, [list(parent)])
    }
    rows = []
    for group in members.values():
        canonical = min(group, key=rank.__getitem__)
        for member in group:
            score = (
                1.0
                if member == canonical
                else similarity.get(frozenset((member, canonical)), best[member])
            )
            rows.append({"document_id": member, "canonical_id": canonical, "similarity": score})
    with backend.transaction():
        backend.execute("DELETE FROM document_groups")
        backend.insert_rows("document_groups", rows, ignore_existing=False)
    return len(members)
