"""Batch screening: a CSV of names in, a CSV of explained results out."""

from __future__ import annotations

import csv
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casework.errors import Errors, InputError
from casework.ingest.listener import Listener
from casework.screen.qualifiers import QueryFacts
from casework.screen.screener import ScreenQuery, ScreenResult
from casework.screen.session import Outcome, ScreeningSession

OUTPUT_COLUMNS = (
    "row",
    "query",
    "rank",
    "score",
    "status",
    "name_only",
    "entity_id",
    "dataset",
    "schema",
    "caption",
    "programs",
    "matched_name",
    "change",
    "decision",
    "explanation",
)
LIST_SEPARATOR = ";"


@dataclass
class BatchSummary:
    queries: int = 0
    matches: int = 0
    reviews: int = 0
    failed: int = 0
    changed: int = 0


# Below this many names a batch is screened in this process: workers cost more
# to start than they save.
PARALLEL_MIN = 200
CHUNK = 25


def screen_file(
    session: ScreeningSession,
    source: Path,
    target: Path,
    threshold: float,
    limit: int,
    listener: Listener | None = None,
    jobs: int = 1,
) -> BatchSummary:
    """Screen every row of a CSV of names; results go to `target` whole or not at all.

    With `jobs` above one (0: one per CPU) and a session that holds its lists in
    memory (`ScreeningSession.open(..., eager=True)`), the names are scored by
    forked worker processes that share the index; this process keeps the order,
    records the changes and writes the file.
    """
    listener = listener or Listener()
    with source.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    columns = list(rows[0]) if rows else []
    if "name" not in columns:
        raise InputError(
            Errors.E401, source=str(source), column="name", columns=", ".join(columns) or "none"
        )
    listener.total(len(rows))
    summary = BatchSummary()
    queries: list[tuple[int, ScreenQuery]] = []
    for number, row in enumerate(rows, start=2):
        name = (row.get("name") or "").strip()
        if not name:
            summary.failed += 1
            listener.error(f"{source}:{number}: row has no name")
            continue
        queries.append(
            (
                number,
                ScreenQuery(
                    name=name,
                    schema=(row.get("schema") or "").strip() or None,
                    facts=QueryFacts.make(
                        row.get("birth_date") or None,
                        _list(row.get("nationality")),
                        row.get("gender") or None,
                        _list(row.get("identifier")),
                    ),
                    threshold=threshold,
                    limit=limit,
                ),
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, OUTPUT_COLUMNS)
        writer.writeheader()
        found = _results(session, [q for _, q in queries], jobs)
        for (number, query), results in zip(queries, found, strict=True):
            listener.advance(query.name)
            outcome = session.record_outcome(query, results)
            _write(writer, summary, number, outcome)
    partial.replace(target)  # the results file appears whole or not at all
    return summary


_SESSION: ScreeningSession | None = None


def _work(query: ScreenQuery) -> list[ScreenResult]:
    assert _SESSION is not None
    return _SESSION.results(query)


def _results(
    session: ScreeningSession, queries: list[ScreenQuery], jobs: int
) -> Iterator[list[ScreenResult]]:
    """Each query's results, in order; by forked workers when that pays."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(queries) < PARALLEL_MIN or not session.in_memory:
        yield from (session.results(q) for q in queries)
        return
    global _SESSION
    _SESSION = session
    try:
        # fork: the workers share the index and list entries already in memory and
        # touch no database; the pool is gone before this process writes again.
        with multiprocessing.get_context("fork").Pool(min(jobs, len(queries) // CHUNK)) as pool:
            yield from pool.imap(_work, queries, chunksize=CHUNK)
    finally:
        _SESSION = None


def _write(writer: csv.DictWriter, summary: BatchSummary, number: int, outcome: Outcome) -> None:
    results = outcome.results
    name = outcome.query.name
    summary.queries += 1
    summary.changed += sum(r.change in ("new", "changed") for r in results)
    summary.changed += len(outcome.removed)
    summary.matches += any(r.status == "match" for r in results)
    summary.reviews += bool(results) and not any(r.status == "match" for r in results)
    for gone in outcome.removed:
        writer.writerow(
            {
                "row": number,
                "query": name,
                "entity_id": gone["entity_id"],
                "dataset": gone["dataset"],
                "change": "removed",
                "status": gone["previous_status"],
            }
        )
    for rank, result in enumerate(results, start=1):
        data = result.as_dict()
        writer.writerow(
            {
                "row": number,
                "query": name,
                "rank": rank,
                "score": data["score"],
                "status": result.status,
                "name_only": result.name_only,
                "entity_id": result.entity_id,
                "dataset": result.dataset,
                "schema": result.schema,
                "caption": result.caption,
                "programs": LIST_SEPARATOR.join(result.programs),
                "matched_name": result.matched_name,
                "change": result.change or "",
                "decision": (result.decision or {}).get("verdict", ""),
                "explanation": data["explanation"]["summary"],
            }
        )


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(LIST_SEPARATOR) if v.strip()]
