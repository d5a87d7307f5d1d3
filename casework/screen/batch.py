"""Batch screening: a CSV of names in, a CSV of explained results out."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from casework.errors import Errors, InputError
from casework.ingest.pipeline import Listener
from casework.screen.qualifiers import QueryFacts
from casework.screen.screener import ScreenQuery
from casework.screen.session import ScreeningSession

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


def screen_file(
    session: ScreeningSession,
    source: Path,
    target: Path,
    threshold: float,
    limit: int,
    listener: Listener | None = None,
) -> BatchSummary:
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
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, OUTPUT_COLUMNS)
        writer.writeheader()
        for number, row in enumerate(rows, start=2):
            listener.advance(row.get("name") or "")
            name = (row.get("name") or "").strip()
            if not name:
                summary.failed += 1
                listener.error(f"{source}:{number}: row has no name")
                continue
            query = ScreenQuery(
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
            )
            summary.queries += 1
            outcome = session.screen(query)
            results = outcome.results
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
    partial.replace(target)  # the results file appears whole or not at all
    return summary


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(LIST_SEPARATOR) if v.strip()]
