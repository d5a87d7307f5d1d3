"""Screening every resolved person and organisation against the loaded lists.

A case file must say, for each subject, which lists (and which versions) it was
screened against and what came near, so that "no list hit" is a stated result
and not the absence of one. This stage screens each entity under each of its
names (up to MAX_NAMES, so a Cyrillic spelling is asked as well as a Latin one),
keeps the best result per list entry, honours analysts' screening decisions on
any of those names, and stores every result with the scorer's explanation.

Some names cannot be screened meaningfully and are recorded with the reason:
a bare surname ("Aliyev" matches every Aliyev on every list), an acronym, or
the generic name of a state body ("Interior Ministry"), which names one body
per country and so no listed body in particular.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from casework import __version__
from casework.ingest.listener import Listener
from casework.names import analyze
from casework.names.organisations import generic, is_acronym
from casework.resolve.model import NAME_SCHEMA
from casework.screen.screener import ScreenQuery, ScreenResult, explain
from casework.screen.session import ScreeningSession
from casework.store.backend import Backend

REQUIRES = ("entities", "list_entities", "list_datasets", "screen_decisions")
PRODUCES = ("screened_entities", "entity_screening")

# Resolution labels screened, and the list schema each is asked as.
SCREENED: dict[str, str] = {label: NAME_SCHEMA[label] for label in ("PERSON", "ORG")}
MAX_NAMES = 4
LIMIT = 5
# A result counts as a list hit when the scorer calls it a match or an analyst
# confirmed it; "review" results are shown as possible matches, never as hits.
HIT_STATUSES = frozenset({"match", "confirmed"})

_SANCTIONS = """
SELECT json_extract_string(properties, '$.entity[0]') AS entity,
       list_distinct(flatten([
           coalesce(json_extract_string(properties, '$.listingDate[*]'), []),
           coalesce(json_extract_string(properties, '$.startDate[*]'), [])
       ])) AS dates
FROM list_entities WHERE schema = 'Sanction'
"""


@dataclass
class ScreenEntitiesReport:
    entities: int = 0
    screened: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    hits: int = 0
    possible: int = 0
    lists: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": self.entities,
            "screened": self.screened,
            "skipped": dict(self.skipped),
            "hits": self.hits,
            "possible_matches": self.possible,
            "lists": self.lists,
            "seconds": round(self.seconds, 2),
        }


def unscreenable(name: str, label: str) -> str | None:
    """Why a name cannot be screened on its own, or None when it can."""
    parsed = analyze(name, SCREENED[label])
    words = [p for p in parsed.parts if p.role not in ("legal", "particle")]
    if label == "PERSON" and len(words) < 2:
        return "a single name (surname or given name alone) matches too many list entries"
    if label == "ORG" and is_acronym(name.strip()):
        return "an acronym with no expansion in the sources"
    if label == "ORG" and generic(parsed):
        return "the generic name of a state body; the sources do not say which country's"
    return None


def run(
    backend: Backend, session: ScreeningSession, listener: Listener | None = None
) -> ScreenEntitiesReport:
    """Screen all resolved persons and organisations; replace the stored results."""
    listener = listener or Listener()
    started = time.perf_counter()
    report = ScreenEntitiesReport(lists=dict(session.versions))
    entities = backend.query(
        "SELECT id, label, name, names FROM entities WHERE label IN ('PERSON', 'ORG') "
        "ORDER BY mentions DESC, id"
    )
    dates = {r["entity"]: sorted(r["dates"] or []) for r in backend.query(_SANCTIONS)}
    listener.total(len(entities))
    now = datetime.now(UTC)
    screened_rows: list[dict[str, Any]] = []
    result_rows: list[dict[str, Any]] = []
    for entity in entities:
        listener.advance(entity["name"])
        report.entities += 1
        queries, reason = _queries(entity)
        results = [] if reason else _screen(session, queries, SCREENED[entity["label"]])
        hits = sum(r.status in HIT_STATUSES for r, _ in results)
        report.skipped.update([reason] if reason else [])
        report.screened += reason is None
        report.hits += hits > 0
        report.possible += hits == 0 and any(r.status == "review" for r, _ in results)
        screened_rows.append(
            {
                "entity_id": entity["id"],
                "schema": SCREENED[entity["label"]],
                "queries": queries,
                "lists": json.dumps(session.versions, sort_keys=True),
                "results": len(results),
                "hits": hits,
                "skipped": reason,
                "screened_at": now,
                "casework_version": __version__,
            }
        )
        result_rows.extend(
            _row(entity["id"], query, result, session.versions, dates) for result, query in results
        )
    with backend.transaction():
        backend.execute("DELETE FROM entity_screening")
        backend.execute("DELETE FROM screened_entities")
        backend.insert_rows("screened_entities", screened_rows, ignore_existing=False)
        backend.insert_rows("entity_screening", result_rows, ignore_existing=False)
    report.seconds = time.perf_counter() - started
    return report


def _queries(entity: dict[str, Any]) -> tuple[list[str], str | None]:
    """The names to ask, canonical first; the reason when none can be asked."""
    names = [entity["name"], *(n for n in entity["names"] if n != entity["name"])]
    usable = [n for n in names if unscreenable(n, entity["label"]) is None]
    if not usable:
        return names[:MAX_NAMES], unscreenable(entity["name"], entity["label"])
    return usable[:MAX_NAMES], None


def _screen(
    session: ScreeningSession, queries: list[str], schema: str
) -> list[tuple[ScreenResult, str]]:
    """Best result per list entry over all the names, strongest first."""
    best: dict[str, tuple[ScreenResult, str]] = {}
    for query in queries:
        for result in session.screen(ScreenQuery(name=query, schema=schema, limit=LIMIT)).results:
            held = best.get(result.entity_id)
            if held is None or result.score > held[0].score:
                best[result.entity_id] = (result, query)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0].score, pair[0].entity_id))
    return ranked[:LIMIT]


def _row(
    entity_id: str,
    query: str,
    result: ScreenResult,
    versions: dict[str, str],
    dates: dict[str, list[str]],
) -> dict[str, Any]:
    data = result.as_dict()
    return {
        "entity_id": entity_id,
        "list_entity_id": result.entity_id,
        "dataset": result.dataset,
        "list_version": versions.get(result.dataset, ""),
        "schema": result.schema,
        "caption": result.caption,
        "programs": list(result.programs),
        "listing_dates": dates.get(result.entity_id, []),
        "query": query,
        "matched_name": result.matched_name,
        "score": round(result.score, 4),
        "status": result.status,
        "decision": (result.decision or {}).get("verdict"),
        # The scorer's own status beside the decided one, so a case file can apply
        # the decisions in force when it is written (a decision taken since, or
        # one withdrawn) without screening again.
        "explanation": json.dumps(
            data["explanation"]
            | {"summary": explain(result), "scored_status": result.scored_status}
        ),
    }
