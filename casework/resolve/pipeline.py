"""`casework resolve`: every mention and commenter of the workspace into entities.

Resolution is rebuilt whole on each run from what extraction stored and the
judgements in force: it is a pure function of the two, so a run on the same
input writes the same entities with the same ids, and a judgement made
since the last run takes effect everywhere it applies. The old result is
replaced in one transaction: an interrupted run leaves the previous one.

Commenters become UserAccount entities, one per account key (the handle,
else the profile URL, else the name: casework.ingest.catalog.account_key),
tied to their comments. Telling one person behind several accounts apart
is coordination's job, with its evidence; here an account is an account.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa

from casework import __version__
from casework.errors import CaseworkError, Errors
from casework.ingest.catalog import account_key
from casework.resolve.decisions import in_force
from casework.resolve.model import SCHEMATA, MentionRef
from casework.resolve.resolution import Resolution, resolve
from casework.store.backend import Backend
from casework.store.ids import make_id

REQUIRES = ("mentions", "positions", "quotes", "acts", "comments")
PRODUCES = (
    "entities",
    "entity_mentions",
    "account_comments",
    "resolve_review",
    "resolve_decisions",
)
BEFORE_CHARS = 60  # of the sentence before a mention, read for its title

_MENTIONS = f"""
SELECT m.id, m.document_id, m.label, m.text, m.span_start, m.sentence_start,
       right(substring(m.sentence, 1, m.span_start - m.sentence_start), {BEFORE_CHARS})
           AS before,
       list(p.role ORDER BY p.span_start) FILTER (WHERE p.role IS NOT NULL) AS roles
FROM mentions m LEFT JOIN positions p ON p.mention_id = m.id
GROUP BY ALL
ORDER BY m.document_id, m.span_start, m.id
"""

_ACCOUNTS = f"""
SELECT {account_key("c")} AS account,
       arg_max(coalesce(c.author_name, c.author, c.author_handle), c.published_at) AS name,
       list(c.id ORDER BY c.document_id, c.position) AS comments,
       list(c.document_id ORDER BY c.document_id, c.position) AS documents
FROM comments c
WHERE {account_key("c")} IS NOT NULL
GROUP BY 1
ORDER BY 1
"""


@dataclass
class ResolveReport:
    mentions: int = 0
    groups: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    across_documents: int = 0  # entities named in more than one document
    accounts: int = 0
    review: int = 0
    decisions: int = 0
    seconds: float = 0.0


def load_mentions(backend: Backend) -> list[MentionRef]:
    """The stored mentions as resolution reads them, by document and position."""
    table = backend.arrow(_MENTIONS)
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    return [
        MentionRef(
            id=columns["id"][n],
            document_id=columns["document_id"][n],
            label=columns["label"][n],
            text=columns["text"][n],
            start=columns["span_start"][n],
            sentence_start=columns["sentence_start"][n],
            before=columns["before"][n] or "",
            roles=tuple(columns["roles"][n] or ()),
        )
        for n in range(table.num_rows)
    ]


def run(backend: Backend) -> ResolveReport:
    """Resolve everything extracted so far; E606 when nothing has been."""
    started = time.perf_counter()
    refs = load_mentions(backend)
    accounts = backend.query(_ACCOUNTS)
    if not refs and not accounts:
        raise CaseworkError(Errors.E606)
    decisions = in_force(backend)
    resolution = resolve(refs, decisions)
    store(backend, refs, resolution, accounts)
    report = ResolveReport(
        mentions=len(refs),
        groups=resolution.groups,
        accounts=len(accounts),
        review=len(resolution.review),
        decisions=len(decisions),
    )
    report.entities.update(e.label for e in resolution.entities)
    report.across_documents = sum(1 for e in resolution.entities if e.documents > 1)
    report.seconds = time.perf_counter() - started
    return report


def store(
    backend: Backend, refs: list[MentionRef], resolution: Resolution, accounts: list[dict]
) -> None:
    """Replace the stored resolution with this one, in one transaction."""
    now = datetime.now(UTC)
    entities = resolution.entities
    entity_rows = {
        "id": [e.id for e in entities],
        "label": [e.label for e in entities],
        "schema": [e.schema for e in entities],
        "name": [e.name for e in entities],
        "names": [e.names for e in entities],
        "mentions": [len(e.mentions) for e in entities],
        "documents": [e.documents for e in entities],
        "anchor_mention_id": [e.anchor for e in entities],
    }
    account_rows: list[dict] = []
    for account in accounts:
        entity_id = make_id("account", account["account"])
        entity_rows["id"].append(entity_id)
        entity_rows["label"].append("ACCOUNT")
        entity_rows["schema"].append(SCHEMATA["ACCOUNT"])
        entity_rows["name"].append(account["name"] or account["account"])
        entity_rows["names"].append(sorted({account["name"] or "", account["account"]} - {""}))
        entity_rows["mentions"].append(len(account["comments"]))
        entity_rows["documents"].append(len(set(account["documents"])))
        entity_rows["anchor_mention_id"].append(None)
        account_rows.extend(
            {"comment_id": c, "entity_id": entity_id, "document_id": d}
            for c, d in zip(account["comments"], account["documents"], strict=True)
        )
    entity_rows["resolved_at"] = [now] * len(entity_rows["id"])
    entity_rows["casework_version"] = [__version__] * len(entity_rows["id"])
    mention_rows = {
        "mention_id": [r.id for r in refs],
        "entity_id": [entities[e].id for e in resolution.entity_of],
        "document_id": [r.document_id for r in refs],
        "how": resolution.how,
        "joined": [j.how for j in resolution.joins],
        "score": [j.score for j in resolution.joins],
        "detail": [j.detail or None for j in resolution.joins],
    }
    review_rows = [
        {
            "rank": rank,
            "left_id": entities[item.left].id,
            "right_id": entities[item.right].id,
            "left_name": item.left_name,
            "right_name": item.right_name,
            "left_mention_id": item.left_mention,
            "right_mention_id": item.right_mention,
            "score": item.score,
            "reason": item.reason,
            "detail": item.detail,
        }
        for rank, item in enumerate(resolution.review, start=1)
    ]
    with backend.transaction():
        for table in ("entities", "entity_mentions", "account_comments", "resolve_review"):
            backend.execute(f"DELETE FROM {table}")
        backend.insert_arrow("entities", pa.table(entity_rows))
        backend.insert_arrow("entity_mentions", pa.table(mention_rows))
        backend.insert_rows("account_comments", account_rows)
        backend.insert_rows("resolve_review", review_rows, ignore_existing=False)
