"""What a reader hands to the rest of ingest: one parsed document and its comments.

Readers (HTML, text dump, WARC, post export) differ in what they parse; they
all produce `ParsedDocument`, so cleaning, language detection, ids, spans and
storage are written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class Comment:
    """A reader comment or a social post, in page (or file) order."""

    text: str
    author: str | None = None
    author_name: str | None = None
    author_url: str | None = None
    author_handle: str | None = None
    published_raw: str | None = None
    published_at: datetime | None = None
    parent: int | None = None
    native_id: str | None = None
    parent_native_id: str | None = None
    urls: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    repost_of: str | None = None
    line: int | None = None
    kind: str = "comment"


@dataclass
class Removed:
    """A block dropped while cleaning, kept so the analyst can audit what went."""

    text: str
    reason: str


@dataclass
class Bio:
    """An author biography line: who wrote the piece and what they are."""

    name: str
    text: str


@dataclass
class ParsedDocument:
    """One source document after parsing, before cleaning and storage."""

    format: str
    schema: str = "Article"
    title: str | None = None
    section: str | None = None
    description: str | None = None
    site: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    declared_language: str | None = None
    source_url: str | None = None
    canonical_url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    bios: list[Bio] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    captured_at: datetime | None = None
    record_index: int = 0
    content_sha256: str | None = None
