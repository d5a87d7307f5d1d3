"""One screening session over a workspace: lists, decisions and history together.

The CLI and batch screening call this, so a single query and a CSV of
queries honour decisions and report changes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from casework.screen.decisions import apply_decisions, decisions_for, record_changes
from casework.screen.screener import Screener, ScreenQuery, ScreenResult
from casework.store.backend import Backend

REQUIRES = ("list_entities", "list_datasets")
PRODUCES = ("screen_decisions", "screen_history")


@dataclass
class Outcome:
    query: ScreenQuery
    results: list[ScreenResult]
    removed: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query.name,
            "results": [r.as_dict() for r in self.results],
            "removed_since_last_screening": self.removed,
        }


class ScreeningSession:
    def __init__(
        self,
        backend: Backend,
        screener: Screener,
        record: bool = True,
        show_ruled_out: bool = False,
    ) -> None:
        self.backend = backend
        self.screener = screener
        self.record = record
        self.show_ruled_out = show_ruled_out
        self.versions = {
            row["name"]: row["version"]
            for row in backend.query("SELECT name, version FROM list_datasets")
        }

    @classmethod
    def open(cls, backend: Backend, path: str = "", **options: Any) -> ScreeningSession:
        return cls(backend, Screener.from_workspace(backend, path), **options)

    def screen(self, query: ScreenQuery) -> Outcome:
        decisions = decisions_for(self.backend, query.name)
        ruled_out = sum(1 for d in decisions.values() if d["verdict"] == "different")
        results = self.screener.screen(replace(query, limit=query.limit + ruled_out))
        results = apply_decisions(results, decisions, self.show_ruled_out)[: query.limit]
        removed = (
            record_changes(self.backend, query.name, results, self.versions) if self.record else []
        )
        return Outcome(query, results, removed)
