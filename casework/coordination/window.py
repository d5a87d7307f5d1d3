"""Durations on the command line: "90", "90s", "15m", "2h", "1d", or "corpus" for none."""

from __future__ import annotations

import re

from casework.errors import CaseworkError, Errors

_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)


def parse_window(value: str) -> float | None:
    """Seconds, or None for "corpus"/"none" (pair across the whole corpus)."""
    if value.strip().lower() in ("corpus", "none", "all"):
        return None
    match = _DURATION.match(value)
    if not match:
        raise CaseworkError(Errors.E505, value=value)
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
