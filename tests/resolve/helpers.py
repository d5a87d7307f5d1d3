"""Building mention lists for resolution tests: documents as (label, text, title) rows."""

from __future__ import annotations

from casework.resolve import MentionRef


def mentions(*documents: list[tuple[str, str] | tuple[str, str, str]]) -> list[MentionRef]:
    """Mentions of each document in order; a row is (label, text) or (label, text,
    words just before it). Ids are `d<doc>-<n>`, documents `d<doc>`."""
    refs = []
    for d, rows in enumerate(documents):
        at = 0
        for n, row in enumerate(rows):
            label, text, before = (*row, "") if len(row) == 2 else row
            refs.append(MentionRef(f"d{d}-{n:03d}", f"d{d}", label, text, at, at, before))
            at += len(text) + 30
    return refs


def entity_names(resolution, refs: list[MentionRef]) -> dict[str, str]:
    """Mention id -> the name of the entity it was resolved to."""
    return {r.id: resolution.entities[resolution.entity_of[n]].name for n, r in enumerate(refs)}


def same(resolution, refs: list[MentionRef], a: str, b: str) -> bool:
    index = {r.id: n for n, r in enumerate(refs)}
    return resolution.entity_of[index[a]] == resolution.entity_of[index[b]]
