"""Deterministic ids: the same input always gets the same id.

Ids are derived from content so that re-running a job on the same input
writes nothing new (inserts are idempotent on the id), as in followthemoney,
whose entity ids are hashes of their identifying parts.
"""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """`prefix-` plus a sha1 of the parts; None parts count as empty.

    The unit separator between parts keeps ("ab", "c") and ("a", "bc") apart.
    """
    digest = hashlib.sha1()
    for part in parts:
        digest.update(("" if part is None else str(part)).encode("utf-8"))
        digest.update(b"\x1f")
    return f"{prefix}-{digest.hexdigest()}"
