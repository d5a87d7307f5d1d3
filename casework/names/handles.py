"""Account handles: the user names of comment systems and platforms.

A handle is not a person's name (no given and family name to compare), but one
operator re-registering tends to keep it and change only what a sign-up form
forces: a separator or the case ("Reader_2004", "Reader-2004",
"reader2004"). Handles that differ in a digit or a word are different handles:
"Reader_2004" and "Reader_2005" are as likely two people as one.
"""

from __future__ import annotations

import re
import unicodedata

# Digits, underscores and @ mark a handle (proud_observer3, @truthseeker); so does
# a single word joined by separators (Free-Thinker, john.smith).
_HANDLE_MARKS = re.compile(r"[\d_@]")
_JOINED = re.compile(r"^[^\W_]+(?:[-._][^\W_]+)+$")
_SEPARATORS = re.compile(r"[\W_]+")
MIN_KEY_LENGTH = 4


def is_handle(text: str) -> bool:
    """Whether a display name is a handle rather than a person's name."""
    text = text.strip()
    return bool(_HANDLE_MARKS.search(text) or _JOINED.match(text))


def handle_key(text: str) -> str:
    """A handle with its separators and case taken away (Reader-2004: reader2004)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub("", folded)


def same_handle(a: str, b: str) -> str | None:
    """How two different handles are one written two ways, or None.

    Equal once separators and case are removed, and long enough that the
    equality says something (a bare "a_1" / "A-1" does not).
    """
    if a == b or not (is_handle(a) or is_handle(b)):
        return None
    key = handle_key(a)
    if len(key) < MIN_KEY_LENGTH or key != handle_key(b):
        return None
    return "separators or case differ"
