"""A person's judgements on resolution: these two entities are (not) one.

A judgement is stored against one mention of each entity, because mention
ids are derived from the document and the span and never change, while an
entity's id and membership may change when new documents arrive. The log
is append-only, as for screening decisions: the latest judgement on a pair
of mentions is in force, and re-running resolution never removes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from casework.errors import CaseworkError, Errors
from casework.resolve.model import Decision
from casework.store.backend import Backend
from casework.store.ids import make_id
from casework.store.judgements import check_verdict, current_user


@dataclass(frozen=True)
class EntityRef:
    id: str
    name: str
    label: str
    anchor: str


def find_entity(backend: Backend, ref: str) -> EntityRef:
    """An entity by id (or a unique prefix of one) or by exact name; E603 when
    nothing matches, E604 when several do (listing them).

    A mention id stands for that one mention in its entity: judging it
    "different" from its own entity splits it off."""
    if ref.startswith("mention-"):
        rows = backend.query(
            "SELECT em.entity_id, m.id AS anchor, m.text AS name, m.label FROM entity_mentions em "
            "JOIN mentions m ON m.id = em.mention_id WHERE em.mention_id LIKE ? || '%' "
            "ORDER BY m.id LIMIT 9",
            [ref],
        )
    else:
        rows = backend.query(
            "SELECT id AS entity_id, anchor_mention_id AS anchor, name, label FROM entities "
            "WHERE id = ? OR id LIKE ? || '%' OR lower(name) = lower(?) "
            "ORDER BY mentions DESC, id",
            [ref, ref, ref],
        )
        rows = [r for r in rows if r["entity_id"] == ref] or rows
    if not rows:
        raise CaseworkError(Errors.E603, ref=ref)
    if len(rows) > 1:
        key = "anchor" if ref.startswith("mention-") else "entity_id"
        found = ", ".join(f"{r[key]} ({r['name']}, {r['label']})" for r in rows[:8])
        raise CaseworkError(Errors.E604, ref=ref, found=found)
    row = rows[0]
    return EntityRef(row["entity_id"], row["name"], row["label"], row["anchor"])


def decide(
    backend: Backend,
    left: EntityRef,
    right: EntityRef,
    verdict: str,
    note: str | None = None,
    user: str | None = None,
) -> None:
    """Judge two entities, by their first mentions (E605 when both are one mention)."""
    if left.anchor == right.anchor:
        raise CaseworkError(Errors.E605, ref=left.id)
    record(backend, (left.anchor, left.name), (right.anchor, right.name), verdict, note, user)


def record(
    backend: Backend,
    left: tuple[str, str],
    right: tuple[str, str],
    verdict: str,
    note: str | None = None,
    user: str | None = None,
) -> None:
    """Store a judgement on two (mention id, name) sides: entities, or a document's
    mentions and the entity a review item says they joined."""
    check_verdict(verdict)
    now = datetime.now(UTC)
    with backend.transaction():
        backend.insert_rows(
            "resolve_decisions",
            [
                {
                    "id": make_id("rdecision", left[0], right[0], now.isoformat()),
                    "left_mention_id": left[0],
                    "right_mention_id": right[0],
                    "left_name": left[1],
                    "right_name": right[1],
                    "verdict": verdict,
                    "note": note,
                    "user_name": user or current_user(),
                    "created_at": now,
                }
            ],
            ignore_existing=False,
        )


def in_force(backend: Backend) -> list[Decision]:
    """The latest judgement per pair of mentions, oldest first."""
    rows = backend.query(
        "SELECT left_mention_id, right_mention_id, verdict FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY least(left_mention_id, right_mention_id),"
        "    greatest(left_mention_id, right_mention_id) ORDER BY created_at DESC, id DESC) AS n"
        "  FROM resolve_decisions) WHERE n = 1 ORDER BY created_at, id"
    )
    return [Decision(r["left_mention_id"], r["right_mention_id"], r["verdict"]) for r in rows]
