"""Analyst decisions on screening results, and what changed since the last screening.

Decisions are an append-only log (who, when, verdict, note), as in
nomenklatura's resolver: the latest undeleted decision for a (query,
entity) pair is in force, and nothing is edited in place. A "different"
verdict keeps a ruled-out false positive out of later results; "same"
marks the result confirmed; "unsure" keeps it in review.

Screening history keeps the last result per (query, entity) with the list
version and entity content hash, so re-screening after a list update can
say which results are new, changed, unchanged or gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from casework.names.analyze import comparable
from casework.screen.screener import ScreenResult
from casework.store.backend import Backend
from casework.store.ids import make_id
from casework.store.judgements import check_verdict, current_user


def query_key(name: str) -> str:
    """Queries that read the same after transliteration share decisions and history."""
    return comparable(name) or name.strip().casefold()


@dataclass(frozen=True)
class Decision:
    query: str
    entity_id: str
    verdict: str
    note: str | None
    user: str
    created_at: datetime


def decide(
    backend: Backend,
    query: str,
    entity_id: str,
    verdict: str,
    note: str | None = None,
    user: str | None = None,
) -> Decision:
    check_verdict(verdict)
    decision = Decision(query, entity_id, verdict, note, user or current_user(), datetime.now(UTC))
    key = query_key(query)
    with backend.transaction():
        backend.insert_rows(
            "screen_decisions",
            [
                {
                    "id": make_id("decision", key, entity_id, decision.created_at.isoformat()),
                    "query_key": key,
                    "query": query,
                    "entity_id": entity_id,
                    "verdict": verdict,
                    "note": note,
                    "user_name": decision.user,
                    "created_at": decision.created_at,
                    "deleted_at": None,
                }
            ],
            ignore_existing=False,
        )
    return decision


def decisions_for(backend: Backend, query: str) -> dict[str, dict[str, Any]]:
    """The decision in force per entity for this query (latest, not deleted)."""
    rows = backend.query(
        "SELECT entity_id, verdict, note, user_name, created_at FROM screen_decisions "
        "WHERE query_key = ? AND deleted_at IS NULL ORDER BY created_at",
        [query_key(query)],
    )
    return {row["entity_id"]: row for row in rows}


def all_decisions(backend: Backend) -> dict[str, dict[str, dict[str, Any]]]:
    """Every decision in force, by query key and entity (for screening many names)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for row in backend.query(
        "SELECT query_key, entity_id, verdict, note, user_name, created_at FROM screen_decisions "
        "WHERE deleted_at IS NULL ORDER BY created_at"
    ):
        out.setdefault(row.pop("query_key"), {})[row["entity_id"]] = row
    return out


def apply_decisions(
    results: list[ScreenResult], decisions: dict[str, dict[str, Any]], show_ruled_out: bool
) -> list[ScreenResult]:
    kept = []
    for result in results:
        decision = decisions.get(result.entity_id)
        if decision is None:
            kept.append(result)
            continue
        result.decision = {
            "verdict": decision["verdict"],
            "note": decision["note"],
            "user": decision["user_name"],
            "at": decision["created_at"].isoformat(),
        }
        if decision["verdict"] == "same":
            result.status = "confirmed"
        elif decision["verdict"] == "unsure":
            result.status = "review"
        elif decision["verdict"] == "different":
            result.status = "ruled out"
            if not show_ruled_out:
                continue
        kept.append(result)
    return kept


def record_changes(
    backend: Backend, query: str, results: list[ScreenResult], versions: dict[str, str]
) -> list[dict[str, Any]]:
    """Compare with the last screening of this query, store this one, return the changes.

    Each result gets `change`: new, changed (the list entry or the status moved),
    or unchanged; results of last time that are gone come back as `removed` rows.
    """
    key = query_key(query)
    previous = {
        row["entity_id"]: row
        for row in backend.query("SELECT * FROM screen_history WHERE query_key = ?", [key])
    }
    now = datetime.now(UTC)
    rows = []
    for result in results:
        before = previous.pop(result.entity_id, None)
        if before is None:
            result.change = "new"
        elif before["content_hash"] != result.content_hash or before["status"] != result.status:
            result.change = "changed"
        else:
            result.change = "unchanged"
        rows.append(
            {
                "query_key": key,
                "entity_id": result.entity_id,
                "dataset": result.dataset,
                "list_version": versions.get(result.dataset, ""),
                "content_hash": result.content_hash,
                "score": result.score,
                "status": result.status,
                "screened_at": now,
            }
        )
    removed = [
        {
            "entity_id": row["entity_id"],
            "dataset": row["dataset"],
            "change": "removed",
            "previous_status": row["status"],
            "previous_version": row["list_version"],
        }
        for row in previous.values()
    ]
    with backend.transaction():
        backend.execute("DELETE FROM screen_history WHERE query_key = ?", [key])
        backend.insert_rows("screen_history", rows, ignore_existing=False)
    return removed
