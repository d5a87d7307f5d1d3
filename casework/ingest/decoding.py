"""Bytes to text: refuse binaries, find the encoding, repair mixed encodings.

Scraped pages lie about their charset and exports get concatenated from
files in different encodings, so a strict UTF-8 decode is only the first try.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from casework.errors import Errors, InputError

# Magic numbers of formats people drop into a sources folder by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x7fELF", "executable"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"SQLite format 3", "SQLite database"),
    (b"\x1f\x8b", "gzip data inside gzip data"),
    (b"RIFF", "audio or video file"),
    (b"\x00\x00\x00", "binary data"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# When only some lines are not UTF-8, they are almost always Windows-1252
# (pasted from Word or an old CMS); the rest of the file stays as it is.
_MIXED_FALLBACK = "cp1252"


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def binary_kind(data: bytes) -> str | None:
    """What binary thing this is, or None when it may be text."""
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data[:8192]:
        return "contains NUL bytes"
    return None


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """Decode bytes to text, or raise an InputError naming the file."""
    if not data.strip():
        raise InputError(Errors.E101, source=source)
    kind = binary_kind(data)
    if kind:
        raise InputError(Errors.E102, source=source, kind=kind)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared or declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    mixed = _decode_mixed(data)
    if mixed:
        return mixed
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(Errors.E109, source=source, encoding="utf-8 or any detected encoding")
    return Decoded(str(best), best.encoding, [f"not UTF-8; decoded as {best.encoding} (detected)"])


def _decode_mixed(data: bytes) -> Decoded | None:
    """UTF-8 lines stay UTF-8, the other lines become cp1252; None if not mixed."""
    good_multibyte = 0
    bad: list[int] = []
    lines = data.split(b"\n")
    decoded: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            text = line.decode("utf-8")
            if not line.isascii():
                good_multibyte += 1
        except UnicodeDecodeError:
            bad.append(number)
            text = line.decode(_MIXED_FALLBACK, errors="replace")
        decoded.append(text)
    if not good_multibyte or not bad:
        return None
    shown = ", ".join(str(n) for n in bad[:5]) + (" ..." if len(bad) > 5 else "")
    warning = (
        f"mixed encodings: {len(bad)} line(s) were not UTF-8 and were read as "
        f"{_MIXED_FALLBACK} (lines {shown})"
    )
    return Decoded("\n".join(decoded), "utf-8+cp1252", [warning])
