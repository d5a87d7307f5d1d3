"""Timestamps and dates as pages write them, parsed once for every reader."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateparser

# Relative times ("2 hours ago") need the capture time to mean anything; we keep
# the raw text and store no timestamp rather than guess.
_RELATIVE = re.compile(r"\b(ago|yesterday|today|just now)\b", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
# Post exports often carry Unix epoch seconds (10 digits) or milliseconds (13).
_EPOCH = re.compile(r"^\d{10}(\d{3})?$")


def parse_timestamp(raw: str | None) -> datetime | None:
    """ISO 8601 first, then dateutil's free-form parser; naive times are taken as UTC."""
    if not raw:
        return None
    raw = raw.strip()
    if _EPOCH.match(raw):
        seconds = int(raw) / (1000 if len(raw) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    if not _HAS_DIGIT.search(raw) or _RELATIVE.search(raw):
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = dateparser.parse(raw, fuzzy=True)
        except (ValueError, OverflowError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not 1990 <= value.year <= 2100:
        return None
    return value


def parse_date(raw: str | None) -> date | None:
    stamp = parse_timestamp(raw)
    return stamp.date() if stamp else None
