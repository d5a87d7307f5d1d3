"""One reader per input format, all yielding parsed documents or record errors.

A reader raises InputError when the whole file is unusable and yields
InputError for one bad record inside an otherwise good file (a malformed
JSON line, a broken WARC record), so the batch reports it and goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from casework.errors import Errors, InputError
from casework.ingest.decoding import decode
from casework.ingest.html_page import parse_html
from casework.ingest.posts import Mapping, parse_csv, parse_jsonl
from casework.ingest.records import ParsedDocument
from casework.ingest.sources import Source, read_bytes, resolve_format
from casework.ingest.text_dump import parse_text_dump
from casework.ingest.warc import WarcPage, iter_pages
from casework.store.ids import sha256_hex

Item = ParsedDocument | InputError


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int
    base_url: str | None
    mapping: Mapping


@dataclass(frozen=True)
class Opened:
    """A source whose bytes and format are known, ready to be parsed."""

    source: Source
    sha256: str
    data: bytes | None  # None for WARC, which is streamed from disk


def open_source(source: Source, options: ReadOptions) -> Opened:
    """Read (or, for WARC, hash) the file and settle its format."""
    if source.format == "warc":
        return Opened(source, _hash_file(source), None)
    data = read_bytes(source, options.max_bytes)
    return Opened(resolve_format(source, data), sha256_hex(data), data)


def parse(opened: Opened, options: ReadOptions) -> Iterator[Item]:
    reader = READERS[opened.source.format]
    yield from reader(opened, options)


def _read_html(opened: Opened, options: ReadOptions) -> Iterator[Item]:
    assert opened.data is not None
    source = opened.source
    decoded = decode(opened.data, source.display)
    doc = parse_html(decoded.text, source.display, _url_for(source, options.base_url))
    _note_decoding(doc, decoded.encoding, decoded.warnings)
    doc.content_sha256 = opened.sha256
    yield doc


def _read_text(opened: Opened, options: ReadOptions) -> Iterator[Item]:
    assert opened.data is not None
    decoded = decode(opened.data, opened.source.display)
    doc = parse_text_dump(decoded.text)
    doc.source_url = _url_for(opened.source, options.base_url)
    _note_decoding(doc, decoded.encoding, decoded.warnings)
    doc.content_sha256 = opened.sha256
    yield doc


def _read_posts(
    parse_export: Callable[[str, str, Mapping], tuple[ParsedDocument, list[InputError]]],
) -> Callable[[Opened, ReadOptions], Iterator[Item]]:
    def read(opened: Opened, options: ReadOptions) -> Iterator[Item]:
        assert opened.data is not None
        decoded = decode(opened.data, opened.source.display)
        doc, errors = parse_export(decoded.text, opened.source.display, options.mapping)
        _note_decoding(doc, decoded.encoding, decoded.warnings)
        doc.source_url = _url_for(opened.source, options.base_url)
        doc.content_sha256 = opened.sha256
        yield from errors
        yield doc

    return read


def _read_warc(opened: Opened, options: ReadOptions) -> Iterator[Item]:
    for page in iter_pages(opened.source.path, options.max_bytes):
        if isinstance(page, InputError):
            yield page
            continue
        try:
            yield _warc_document(page, opened.source.display)
        except InputError as exc:
            yield exc


def _warc_document(page: WarcPage, display: str) -> ParsedDocument:
    where = f"{display} [{page.url}]"
    decoded = decode(page.payload, where, declared=page.charset)
    doc = parse_html(decoded.text, where, page.url)
    doc.format = "warc"
    doc.captured_at = page.captured_at
    doc.record_index = page.index
    doc.content_sha256 = sha256_hex(page.payload)
    _note_decoding(doc, decoded.encoding, decoded.warnings)
    return doc


def _note_decoding(doc: ParsedDocument, encoding: str, warnings: list[str]) -> None:
    doc.metadata["encoding"] = encoding
    if warnings:
        doc.metadata.setdefault("warnings", []).extend(warnings)


def _url_for(source: Source, base_url: str | None) -> str | None:
    if not base_url:
        return None
    relative = source.path.relative_to(source.root) if source.root else source.path.name
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", str(relative))


def _hash_file(source: Source) -> str:
    digest = hashlib.sha256()
    try:
        with source.path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(Errors.E107, source=source.display, reason=exc.strerror) from exc
    return digest.hexdigest()


READERS: dict[str, Callable[[Opened, ReadOptions], Iterator[Item]]] = {
    "html": _read_html,
    "text": _read_text,
    "jsonl": _read_posts(parse_jsonl),
    "csv": _read_posts(parse_csv),
    "warc": _read_warc,
}
