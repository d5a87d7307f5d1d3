"""Writing style: whether two accounts write alike, from character n-gram profiles.

Each account's text (up to MAX_CHARS of it) becomes a TF-IDF profile of byte
trigrams: spelling habits, punctuation, favourite words and their endings, in
any script. Two profiles are compared by cosine.

Style is asked about pairs the caller already has reason to look at (accounts
that act together, or post in one small thread), never about all pairs:
alike writing on its own, between accounts that never meet, is how a
language's common words look, not a sign of one hand. The profiles are built
for the whole corpus in one vectorised pass (one byte buffer, one
`np.unique`), so a hundred thousand accounts cost seconds, not a Python loop
each.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from casework.coordination.frame import Frame

MIN_CHARS = 600  # shorter texts make noisy profiles: such accounts are left out
MAX_CHARS = 4000  # per account: enough for a profile, bounded cost
THRESHOLD = 0.8  # cosine of TF-IDF trigram profiles
BATCH = 4096


def profiles(frame: Frame, accounts: np.ndarray) -> sparse.csr_matrix:
    """Row per account code (all codes, zero rows for those not profiled): the
    L2-normalised TF-IDF trigram profile of each of `accounts` with MIN_CHARS+."""
    n_accounts = len(frame.accounts)
    wanted = np.zeros(n_accounts, dtype=bool)
    wanted[accounts] = True
    texts = frame.texts()
    chunks: list[bytes] = []
    owners: list[int] = []
    sizes = np.zeros(n_accounts, dtype=np.int64)
    for row in np.flatnonzero(wanted[frame.account]).tolist():
        text = texts[row]
        code = int(frame.account[row])
        if not text or sizes[code] >= MAX_CHARS:
            continue
        piece = text[: MAX_CHARS - sizes[code]].casefold().encode("utf-8") + b"\n"
        sizes[code] += len(piece)
        chunks.append(piece)
        owners.append(code)
    if not chunks:
        return sparse.csr_matrix((n_accounts, 1))
    raw = np.frombuffer(b"".join(chunks), np.uint8)
    owner = np.repeat(np.asarray(owners, dtype=np.int64), [len(c) for c in chunks])
    # Trigrams inside one account's text only (a trigram spanning two accounts'
    # texts is dropped).
    same = owner[:-2] == owner[2:]
    grams = (raw[:-2].astype(np.int64) << 16) | (raw[1:-1].astype(np.int64) << 8) | raw[2:]
    grams, owner = grams[same], owner[:-2][same]
    keep = sizes[owner] >= MIN_CHARS
    grams, owner = grams[keep], owner[keep]
    cells, tf = np.unique(owner * (1 << 24) + grams, return_counts=True)
    rows = cells >> 24
    # Columns numbered by the trigrams that occur: scipy's products slow down
    # with sixteen million mostly empty columns.
    used, cols = np.unique(cells & ((1 << 24) - 1), return_inverse=True)
    profiled = len(np.unique(rows))
    df = np.bincount(cols, minlength=len(used))
    idf = np.log((1 + profiled) / (1 + df[cols])) + 1
    matrix = sparse.csr_matrix(
        (np.log1p(tf) * idf, (rows, cols)), shape=(n_accounts, len(used)), dtype=np.float64
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1 / norms) @ matrix


def cosines(frame: Frame, pairs: list[tuple[int, int]]) -> np.ndarray:
    """Cosine of the style profiles of each pair of account codes (0 where either
    account has too little text for a profile)."""
    if not pairs:
        return np.zeros(0)
    a = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    b = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    matrix = profiles(frame, np.unique(np.concatenate([a, b])))
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), BATCH):  # bounded memory: rows are long
        part = slice(start, start + BATCH)
        out[part] = np.asarray(matrix[a[part]].multiply(matrix[b[part]]).sum(axis=1)).ravel()
    return out
