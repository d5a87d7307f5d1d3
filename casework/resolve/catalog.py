"""Reading back what resolution stored: entities, their evidence, the review queue."""

from __future__ import annotations

from typing import Any

from casework.store.backend import Backend

_ENTITIES = """
SELECT e.id, e.label, e.schema, e.name, e.names, e.mentions, e.documents,
       e.anchor_mention_id
FROM entities e
WHERE (? IS NULL OR e.label = ?)
  AND (? IS NULL OR list_contains([lower(n) FOR n IN e.names], lower(?))
       OR contains(lower(e.name), lower(?)))
ORDER BY e.mentions DESC, e.documents DESC, e.name, e.id
LIMIT ?
"""
_MENTIONS = """
SELECT em.entity_id, m.id AS mention_id, m.document_id, m.comment_id, m.segment_kind,
       m.text, m.span_start, m.span_end, m.sentence, em.how, em.joined, em.score, em.detail
FROM entity_mentions em JOIN mentions m ON m.id = em.mention_id
WHERE em.entity_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY em.entity_id, m.document_id, m.span_start
"""
_ROLES = """
SELECT em.entity_id, p.role, p.organisation, p.document_id, p.sentence
FROM entity_mentions em JOIN positions p ON p.mention_id = em.mention_id
WHERE em.entity_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY em.entity_id, p.document_id, p.span_start
"""
# A quote is the entity's when its speaker's mention is, or, where the speaker was
# named without a mention of its own ("the expert said" after "Azer Gasimly, ..."),
# when the document names the entity by that name.
_QUOTES = """
WITH mine AS (
    SELECT em.entity_id, em.mention_id, em.document_id, lower(m.text) AS text
    FROM entity_mentions em JOIN mentions m ON m.id = em.mention_id
    WHERE em.entity_id IN (SELECT unnest(?::VARCHAR[]))
)
SELECT DISTINCT mine.entity_id, q.id AS quote_id, q.document_id, q.kind, q.cue,
       q.speaker_text, q.text, q.span_start, q.span_end, q.sentence
FROM quotes q JOIN mine
  ON mine.mention_id = q.speaker_mention_id
  OR (q.speaker_mention_id IS NULL AND mine.document_id = q.document_id
      AND mine.text = lower(q.speaker))
ORDER BY mine.entity_id, q.document_id, q.span_start
"""
_ACTS = """
SELECT em.entity_id, CASE WHEN em.mention_id = a.actor_mention_id THEN 'actor' ELSE 'target'
       END AS part, a.id AS act_id, a.document_id, a.kind, a.category, a.trigger, a.actor,
       a.target, a.time_text, a.sentence
FROM acts a JOIN entity_mentions em
  ON em.mention_id = a.actor_mention_id OR em.mention_id = a.target_mention_id
WHERE em.entity_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY em.entity_id, a.document_id, a.span_start
"""
_COMMENTS = """
SELECT ac.entity_id, c.id AS comment_id, c.document_id, c.published_at, c.text
FROM account_comments ac JOIN comments c ON c.id = ac.comment_id
WHERE ac.entity_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY ac.entity_id, c.document_id, c.position
"""


def list_entities(
    backend: Backend,
    label: str | None = None,
    name: str | None = None,
    limit: int | None = None,
    evidence: bool = False,
) -> list[dict[str, Any]]:
    """Entities, most mentioned first; with `evidence`, each with its mentions (the
    sentence and why it joined), roles, quotes, alleged acts (as actor or target)
    and, for accounts, their comments."""
    rows = backend.query(_ENTITIES, [label, label, name, name, name, limit or 2**62])
    if not evidence or not rows:
        return rows
    ids = [r["id"] for r in rows]
    by_id = {
        r["id"]: r | {"evidence": [], "roles": [], "quotes": [], "acts": [], "comments": []}
        for r in rows
    }
    for row in backend.query(_MENTIONS, [ids]):
        by_id[row.pop("entity_id")]["evidence"].append(row)
    for row in backend.query(_ROLES, [ids]):
        by_id[row.pop("entity_id")]["roles"].append(row)
    for row in backend.query(_QUOTES, [ids]):
        by_id[row.pop("entity_id")]["quotes"].append(row)
    for row in backend.query(_ACTS, [ids]):
        by_id[row.pop("entity_id")]["acts"].append(row)
    for row in backend.query(_COMMENTS, [ids]):
        by_id[row.pop("entity_id")]["comments"].append(row)
    return list(by_id.values())


def review_queue(backend: Backend, limit: int | None = None) -> list[dict[str, Any]]:
    """Pairs that may be one entity, strongest first, with a sentence from each side."""
    return backend.query(
        "SELECT r.*, lm.sentence AS left_sentence, lm.document_id AS left_document, "
        "rm.sentence AS right_sentence, rm.document_id AS right_document "
        "FROM resolve_review r "
        "JOIN mentions lm ON lm.id = r.left_mention_id "
        "JOIN mentions rm ON rm.id = r.right_mention_id "
        "ORDER BY r.rank LIMIT ?",
        [limit or 2**62],
    )
