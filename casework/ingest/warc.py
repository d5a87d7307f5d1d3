"""WARC (and ARC) web archives: every HTML response record becomes a document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from casework.errors import Errors, InputError
from casework.ingest.dates import parse_timestamp

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """The payload of one HTML response, with where and when it was captured."""

    index: int
    url: str | None
    captured_at: datetime | None
    charset: str | None
    payload: bytes


def iter_pages(path: Path, max_bytes: int) -> Iterator[WarcPage | InputError]:
    """Yield HTML responses; oversize records become errors, the walk goes on."""
    display = str(path)
    index = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(HTML_TYPES):
                    continue
                index += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                if length > max_bytes:
                    yield InputError(
                        Errors.E103, source=f"{display} [{url}]", size=length, limit=max_bytes
                    )
                    continue
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield InputError(
                        Errors.E104, source=f"{display} [{url}]", limit=max_bytes, ratio="?"
                    )
                    continue
                yield WarcPage(
                    index=index,
                    url=url,
                    captured_at=parse_timestamp(record.rec_headers.get_header("WARC-Date")),
                    charset=_charset(content_type),
                    payload=payload,
                )
    # warcio raises assorted exception types (even AttributeError) on malformed
    # records; any of them means this archive cannot be read further.
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError, KeyError) as exc:
        yield InputError(Errors.E206, source=display, reason=str(exc).splitlines()[0][:200])


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
