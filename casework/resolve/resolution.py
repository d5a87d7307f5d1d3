"""Mentions in, entities out: the two steps of resolution, and each entity's name.

`resolve` is a pure function of the mentions and the decisions in force, so
the same input always gives the same entities with the same ids (an entity's
id comes from its label and its first mention id), and the quality bench
runs exactly what `casework resolve` runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from casework.resolve.link import link
from casework.resolve.local import group_document
from casework.resolve.model import SCHEMATA, Decision, Group, Join, MentionRef
from casework.store.ids import make_id


@dataclass
class Entity:
    id: str
    label: str
    schema: str | None
    name: str
    names: list[str]  # every form it is written in, most frequent first
    mentions: list[int]  # indices into the mention list
    documents: int
    anchor: str  # its first mention id: what decisions point at


@dataclass(frozen=True)
class ReviewItem:
    """Two entities that may be one (or a join that may be wrong), with one mention
    of each side for a judgement to point at."""

    left: int  # entity indices (the same entity when a join is what is in doubt)
    right: int
    left_mention: str  # the first mention of each side's document group
    right_mention: str
    left_name: str  # each side's name as its document group gives it
    right_name: str
    score: float
    reason: str
    detail: str


@dataclass
class Resolution:
    entities: list[Entity]
    entity_of: list[int]  # per mention: its entity's index
    how: list[str]  # per mention: why it is in its document's group
    joins: list[Join]  # per mention: why its document's group joined the entity
    review: list[ReviewItem]
    groups: int = 0
    stats: dict[str, int] = field(default_factory=dict)


def resolve(refs: list[MentionRef], decisions: list[Decision] = ()) -> Resolution:
    """Entities for these mentions (sorted by document, then position)."""
    apart: dict[str, set[str]] = {}
    for d in decisions:
        if d.verdict == "different":
            apart.setdefault(d.left_mention, set()).add(d.right_mention)
            apart.setdefault(d.right_mention, set()).add(d.left_mention)
    groups: list[Group] = []
    for start, (_, items) in _documents(refs):
        groups.extend(group_document(items, start, apart))
    mention_ids = [r.id for r in refs]
    linked = link(groups, mention_ids, list(decisions))

    members: dict[int, list[int]] = {}
    for n, root in enumerate(linked.roots):
        members.setdefault(root, []).append(n)
    entities: list[Entity] = []
    entity_of_root: dict[int, int] = {}
    entity_of = [0] * len(refs)
    how = [""] * len(refs)
    joins = [Join("first", 1.0)] * len(refs)
    for root, group_ids in members.items():
        mentions = sorted(m for g in group_ids for m in groups[g].members)
        label = groups[root].label
        anchor = min(mention_ids[m] for m in mentions)
        entity_of_root[root] = len(entities)
        entities.append(
            Entity(
                id=make_id("entity", label, anchor),
                label=label,
                schema=SCHEMATA.get(label),
                name=_name(refs, [groups[g] for g in group_ids]),
                names=[t for t, _ in Counter(refs[m].text for m in mentions).most_common()],
                mentions=mentions,
                documents=len({groups[g].document_id for g in group_ids}),
                anchor=anchor,
            )
        )
        for g in group_ids:
            for m, reason in zip(groups[g].members, groups[g].how, strict=True):
                entity_of[m] = len(entities) - 1
                how[m] = reason
                joins[m] = linked.joins[g]
    review = [
        ReviewItem(
            entity_of_root[linked.roots[r.left]],
            entity_of_root[linked.roots[r.right]],
            mention_ids[groups[r.left].members[0]],
            mention_ids[groups[r.right].members[0]],
            groups[r.left].name,
            groups[r.right].name,
            r.score,
            r.reason,
            r.detail,
        )
        for r in linked.review
    ]
    return Resolution(entities, entity_of, how, joins, review, groups=len(groups))


def _documents(refs: list[MentionRef]):
    """(index of the first mention, (document id, its mentions)) per document."""
    start = 0
    for document_id, items in groupby(refs, key=lambda r: r.document_id):
        batch = list(items)
        yield start, (document_id, batch)
        start += len(batch)


def _name(refs: list[MentionRef], groups: list[Group]) -> str:
    """The name to show: the most frequent full form, Latin script first."""
    full = [g for g in groups if not g.partial] or groups
    counts = Counter(
        refs[m].text
        for g in full
        for m, reason in zip(g.members, g.how, strict=True)
        if reason in ("name", "spelling in document")
    )
    return max(counts, key=lambda t: (_latin(t), counts[t], len(t), t))


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)
