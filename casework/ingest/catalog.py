"""Reading back what ingest stored: document lists and one document whole."""

from __future__ import annotations

import json
from typing import Any

from casework.store.backend import Backend

# Who posted a comment, as one key: the handle when the source gives one, else the
# profile URL, else the name. Coordination and resolution both name accounts by it.
ACCOUNT_KEY = "coalesce({c}.author_handle, {c}.author_url, {c}.author, {c}.author_name)"


def account_key(alias: str = "c") -> str:
    """ACCOUNT_KEY as SQL over the comments table under this alias."""
    return ACCOUNT_KEY.format(c=alias)


_LIST = """
SELECT d.id, d.schema, d.format, d.title, d.section, d.site, d.authors, d.published,
       d.language, d.source, d.source_url, d.canonical_url, d.sha256,
       g.canonical_id AS duplicate_group,
       CASE WHEN g.canonical_id IS NOT NULL AND g.canonical_id <> d.id
            THEN g.canonical_id END AS duplicate_of,
       g.similarity,
       (SELECT count(*) FROM comments c WHERE c.document_id = d.id) AS comment_count
FROM documents d
LEFT JOIN document_groups g ON g.document_id = d.id
ORDER BY d.ingested_at, d.source, d.record_index
"""
_COMMENTS = """
SELECT id, kind, position, depth, parent_id, native_id, reply_to, author, author_name,
       author_url, author_handle, published_at, published_raw, text, language,
       language_score, span_start, span_end, urls, hashtags, repost_of, line
FROM comments WHERE document_id = ? ORDER BY position
"""


def list_documents(backend: Backend, with_comments: bool = False) -> list[dict[str, Any]]:
    documents = [_plain(row) for row in backend.query(_LIST)]
    if with_comments:
        for doc in documents:
            doc["comments"] = comments_of(backend, doc["id"])
    return documents


def comments_of(backend: Backend, document_id: str) -> list[dict[str, Any]]:
    return [_plain(row) for row in backend.query(_COMMENTS, [document_id])]


def find_document_id(backend: Backend, prefix: str) -> list[str]:
    """Ids starting with `prefix` (users type the first characters of an id)."""
    rows = backend.query(
        "SELECT id FROM documents WHERE starts_with(id, ?) ORDER BY id LIMIT 10", [prefix]
    )
    return [row["id"] for row in rows]


def get_document(backend: Backend, document_id: str) -> dict[str, Any] | None:
    rows = backend.query("SELECT * FROM documents WHERE id = ?", [document_id])
    if not rows:
        return None
    doc = _plain(rows[0])
    for key in ("bios", "removed", "metadata"):
        doc[key] = json.loads(doc[key]) if doc[key] else None
    group = backend.query(
        "SELECT g.document_id, g.canonical_id, g.similarity, d.source, d.canonical_url "
        "FROM document_groups g JOIN documents d ON d.id = g.document_id "
        "WHERE g.canonical_id = (SELECT canonical_id FROM document_groups WHERE document_id = ?) "
        "ORDER BY g.document_id",
        [document_id],
    )
    doc["duplicates"] = [_plain(row) for row in group]
    doc["segments"] = [
        _plain(row)
        for row in backend.query(
            "SELECT seq, kind, span_start, span_end, comment_id FROM segments "
            "WHERE document_id = ? ORDER BY seq",
            [document_id],
        )
    ]
    doc["comments"] = comments_of(backend, document_id)
    return doc


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values: dates and timestamps as ISO strings."""
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in row.items()
    }
