"""Find the inputs, tell their format, read their bytes within safe limits.

Paths, directories and globs are expanded here; every later step gets one
`Source` per file. Limits are checked before and during reading, so an
oversized file or a gzip bomb costs a one-line error, not the machine.
"""

from __future__ import annotations

import glob
import zlib
from dataclasses import dataclass
from pathlib import Path

from casework.errors import Errors, InputError

# Longest suffix first: ".warc.gz" must win over ".gz".
SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".warc", "warc"),
    (".arc", "warc"),
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".csv.gz", "csv"),
    (".tsv.gz", "csv"),
    (".csv", "csv"),
    (".tsv", "csv"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".shtml", "html"),
    (".txt.gz", "text"),
    (".txt", "text"),
    (".text", "text"),
)
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """One input file, as the user named it."""

    path: Path
    format: str
    root: Path | None = None

    @property
    def display(self) -> str:
        return str(self.path)


def format_from_name(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, fmt in SUFFIX_FORMATS:
        if name.endswith(suffix):
            return fmt
    return None


def sniff_format(head: bytes) -> str | None:
    """Tell the format from the first bytes when the name does not."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"warc/"):
        return "warc"
    if text.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    if text.startswith(b"{"):
        return "jsonl"
    if b"<html" in text[:2048] or b"<body" in text[:2048]:
        return "html"
    return "text" if text else None


def expand(patterns: list[str], fmt: str = "auto") -> tuple[list[Source], list[InputError]]:
    """Expand files, directories (recursively) and globs into sources, in a stable order."""
    sources: list[Source] = []
    errors: list[InputError] = []
    seen: set[Path] = set()
    for pattern in patterns:
        matches = _matches(pattern)
        if not matches:
            errors.append(InputError(Errors.E106, source=pattern))
            continue
        for path in matches:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            detected = fmt if fmt != "auto" else format_from_name(path) or "auto"
            root = Path(pattern) if Path(pattern).is_dir() else None
            sources.append(Source(path, detected, root))
    return sources, errors


def _matches(pattern: str) -> list[Path]:
    path = Path(pattern)
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and format_from_name(p)
        )
    if path.is_file():
        return [path]
    if glob.has_magic(pattern):
        return sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())
    return []


def read_bytes(source: Source, max_bytes: int) -> bytes:
    """The file's content, gunzipped when it is gzip, within `max_bytes` either way."""
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise InputError(Errors.E103, source=source.display, size=size, limit=max_bytes)
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E107, source=source.display, reason=exc.strerror) from exc
    if not data:
        raise InputError(Errors.E101, source=source.display)
    if data.startswith(GZIP_MAGIC) and source.format != "warc":
        data = gunzip_limited(data, max_bytes, source.display)
    return data


def gunzip_limited(data: bytes, max_bytes: int, display: str) -> bytes:
    """Decompress with a ceiling on output: a bomb never fully inflates."""
    out = bytearray()
    pending = data
    try:
        while pending:
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            out += inflater.decompress(pending, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                ratio = len(out) // max(1, len(data))
                raise InputError(Errors.E104, source=display, limit=max_bytes, ratio=ratio)
            if not inflater.eof:
                raise InputError(Errors.E105, source=display, reason="the stream ends early")
            # concatenated gzip members (as `cat a.gz b.gz > c.gz` makes) follow
            pending = inflater.unused_data
    except zlib.error as exc:
        raise InputError(Errors.E105, source=display, reason=str(exc)) from exc
    return bytes(out)


def resolve_format(source: Source, data: bytes) -> Source:
    """Fill in 'auto' from the content; raise when even the content says nothing."""
    if source.format != "auto":
        return source
    sniffed = sniff_format(data[:4096])
    if sniffed is None:
        raise InputError(Errors.E108, source=source.display)
    return Source(source.path, sniffed, source.root)
