"""From a parsed document to workspace rows: ids, full text, spans, provenance.

The document's `full_text` is one offset space for everything later stages
read: title, dek, author bios, body, then each comment, separated by blank
lines. `segments` say which span is which, so a mention found at offset N
maps back to the comment (and author) it came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from casework import __version__
from casework.ingest.cleaning import clean_paragraphs, tidy
from casework.ingest.language import detect_language
from casework.ingest.neardup import signature, signature_rows
from casework.ingest.records import Comment, ParsedDocument
from casework.store.ids import make_id

SEPARATOR = "\n\n"


@dataclass
class PreparedDocument:
    """Everything one document writes, ready for one transaction."""

    document: dict[str, Any]
    comments: list[dict[str, Any]]
    segments: list[dict[str, Any]]
    minhash: dict[str, Any] | None = None
    bands: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document["id"]


@dataclass(frozen=True)
class Provenance:
    source: str
    sha256: str
    ingested_at: datetime


class _TextBuilder:
    """Appends segments to one text, remembering each one's span."""

    def __init__(self, document_id: str) -> None:
        self.document_id = document_id
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[dict[str, Any]] = []

    def add(self, kind: str, text: str, comment_id: str | None = None) -> tuple[int, int]:
        if self.parts:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.segments.append(
            {
                "document_id": self.document_id,
                "seq": len(self.segments),
                "kind": kind,
                "span_start": start,
                "span_end": self.length,
                "comment_id": comment_id,
            }
        )
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def prepare(doc: ParsedDocument, provenance: Provenance) -> PreparedDocument:
    """Clean, identify and lay out one parsed document."""
    if doc.format in ("html", "text", "warc"):
        paragraphs, removed = clean_paragraphs(doc.paragraphs, title=doc.title)
        doc.paragraphs = paragraphs
        doc.removed = removed + doc.removed
    document_id = make_id("doc", provenance.sha256)
    body = SEPARATOR.join(doc.paragraphs)
    builder = _TextBuilder(document_id)
    for kind, text in (("title", doc.title), ("description", doc.description)):
        if text:
            builder.add(kind, tidy(text))
    for bio in doc.bios:
        builder.add("bio", tidy(bio.text))
    if body:
        builder.add("body", body)
    comment_ids = [_comment_id(document_id, i, c) for i, c in enumerate(doc.comments)]
    comments = [
        _comment_row(document_id, i, c, comment_ids, doc.comments, builder, provenance)
        for i, c in enumerate(doc.comments)
    ]
    language, score = detect_language(body or _fallback_text(doc))
    document = {
        "id": document_id,
        "schema": doc.schema,
        "format": doc.format,
        "source": provenance.source,
        "source_url": doc.source_url,
        "canonical_url": doc.canonical_url,
        "sha256": provenance.sha256,
        "record_index": doc.record_index,
        "title": doc.title,
        "section": doc.section,
        "description": doc.description,
        "site": doc.site,
        "authors": doc.authors,
        "published": doc.published,
        "language": language,
        "language_score": score,
        "declared_language": doc.declared_language,
        "body": body,
        "full_text": builder.text(),
        "bios": json.dumps([{"name": b.name, "text": b.text} for b in doc.bios]),
        "removed": json.dumps([{"text": r.text, "reason": r.reason} for r in doc.removed]),
        "metadata": json.dumps(doc.metadata, default=str),
        "captured_at": doc.captured_at,
        "ingested_at": provenance.ingested_at,
        "casework_version": __version__,
    }
    prepared = PreparedDocument(document, comments, builder.segments)
    prepared.warnings = list(doc.metadata.get("warnings", []))
    sig = signature(body) if body else None
    if sig is not None:
        prepared.minhash, prepared.bands = signature_rows(document_id, sig)
    return prepared


def _fallback_text(doc: ParsedDocument) -> str:
    parts = [doc.title or "", doc.description or ""] + [c.text for c in doc.comments[:50]]
    return "\n".join(p for p in parts if p)


def _comment_id(document_id: str, position: int, comment: Comment) -> str:
    """Posts keep one id across exports (platform id); comments belong to their page."""
    if comment.kind == "post":
        if comment.native_id:
            return make_id("post", comment.author, comment.native_id)
        return make_id("post", comment.author, comment.published_raw, comment.text)
    return make_id("comment", document_id, position)


def _depth(index: int, comments: list[Comment]) -> int:
    depth = 0
    seen = {index}
    parent = comments[index].parent
    while parent is not None and parent not in seen:
        seen.add(parent)
        depth += 1
        parent = comments[parent].parent
    return depth


def _comment_row(
    document_id: str,
    index: int,
    comment: Comment,
    ids: list[str],
    comments: list[Comment],
    builder: _TextBuilder,
    provenance: Provenance,
) -> dict[str, Any]:
    text = tidy(comment.text)
    start, end = builder.add(comment.kind, text, ids[index])
    language, score = detect_language(text)
    parent = comment.parent
    return {
        "id": ids[index],
        "document_id": document_id,
        "kind": comment.kind,
        "position": index,
        "depth": _depth(index, comments),
        "parent_id": ids[parent] if parent is not None else None,
        "native_id": comment.native_id,
        "reply_to": comment.parent_native_id
        or (comments[parent].native_id if parent is not None else None),
        "author": comment.author,
        "author_name": comment.author_name,
        "author_url": comment.author_url,
        "author_handle": comment.author_handle,
        "published_at": comment.published_at,
        "published_raw": comment.published_raw,
        "text": text,
        "language": language,
        "language_score": score,
        "span_start": start,
        "span_end": end,
        "urls": comment.urls,
        "hashtags": comment.hashtags,
        "repost_of": comment.repost_of,
        "source": provenance.source,
        "sha256": provenance.sha256,
        "line": comment.line,
        "ingested_at": provenance.ingested_at,
        "casework_version": __version__,
    }
