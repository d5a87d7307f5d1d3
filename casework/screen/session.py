"""One screening session over a workspace: lists, decisions and history together.

The CLI and batch screening call this, so a single query and a CSV of
queries honour decisions and report changes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from casework.screen.decisions import (
    all_decisions,
    apply_decisions,
    decisions_for,
    query_key,
    record_changes,
)
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
        self._all_decisions: dict[str, dict[str, dict[str, Any]]] | None = None
        self.versions = {
            row["name"]: row["version"]
            for row in backend.query("SELECT name, version FROM list_datasets")
        }

    @classmethod
    def open(
        cls, backend: Backend, path: str = "", eager: bool = False, **options: Any
    ) -> ScreeningSession:
        """A session over the workspace's lists; `eager` reads every list entry at
        once (for a batch), instead of each query's candidates as they come."""
        session = cls(backend, Screener.from_workspace(backend, path, eager=eager), **options)
        if eager:
            session._all_decisions = all_decisions(backend)
        return session

    @property
    def in_memory(self) -> bool:
        """Whether every list entry and decision is in memory (opened `eager`)."""
        return self._all_decisions is not None and self.screener.all_read

    def _decisions(self, name: str) -> dict[str, dict[str, Any]]:
        """The decisions in force for a query: read per query, or, in a session
        screening many names (`eager`), all at once when the session opens."""
        if self._all_decisions is None:
            return decisions_for(self.backend, name)
        return self._all_decisions.get(query_key(name), {})

    def close(self) -> None:
        """Keep what the session learned (casework.screen.screener.Screener.keep_learned)."""
        self.screener.keep_learned()

    def screen(self, query: ScreenQuery) -> Outcome:
        return self.record_outcome(query, self.results(query))

    def results(self, query: ScreenQuery) -> list[ScreenResult]:
        """The query's results with the decisions in force; nothing is written."""
        decisions = self._decisions(query.name)
        ruled_out = sum(1 for d in decisions.values() if d["verdict"] == "different")
        results = self.screener.screen(replace(query, limit=query.limit + ruled_out))
        return apply_decisions(results, decisions, self.show_ruled_out)[: query.limit]

    def record_outcome(self, query: ScreenQuery, results: list[ScreenResult]) -> Outcome:
        """Compare with the last screening of the query and keep this one (if recording)."""
        removed = (
            record_changes(self.backend, query.name, results, self.versions) if self.record else []
        )
        return Outcome(query, results, removed)
