"""Paragraph cleaning shared by every reader: chrome out, repeats out, text tidy.

Every dropped paragraph is returned with its reason, so nothing disappears
without a trace and the analyst can check the cleaner's work.
"""

from __future__ import annotations

import re
import unicodedata

from casework.ingest.boilerplate import boilerplate_kind, is_label
from casework.ingest.records import Removed

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def tidy(text: str) -> str:
    """NFC, odd spaces to plain spaces, no runs of spaces, no blank line runs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_EDGES.sub("\n", _SPACES.sub(" ", text))
    return _BLANK_LINES.sub("\n\n", text).strip()


def repeat_key(paragraph: str) -> str:
    """What two copies of one paragraph share once spacing, case and quote style go."""
    text = unicodedata.normalize("NFKC", paragraph).translate(_QUOTES).casefold()
    return " ".join(text.split()).strip(" .")


def clean_paragraphs(
    paragraphs: list[str], title: str | None = None, drop_trailing_labels: bool = True
) -> tuple[list[str], list[Removed]]:
    """Drop boilerplate, the headline repeated in the body, repeats, and trailing labels."""
    kept: list[str] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    title_key = repeat_key(title) if title else None
    for raw in paragraphs:
        paragraph = tidy(raw)
        if not paragraph:
            continue
        kind = boilerplate_kind(paragraph)
        if kind:
            removed.append(Removed(paragraph, kind))
            continue
        key = repeat_key(paragraph)
        if key == title_key:
            removed.append(Removed(paragraph, "title"))
            continue
        if key in seen:
            removed.append(Removed(paragraph, "repeated"))
            continue
        seen.add(key)
        kept.append(paragraph)
    # A run of short labels after the last sentence is menu, tag or programme
    # chrome that no phrase table can list in advance.
    while drop_trailing_labels and len(kept) > 1 and is_label(kept[-1]):
        removed.append(Removed(kept.pop(), "trailing-label"))
    return kept, removed
