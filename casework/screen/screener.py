"""Screening: candidates from the index, scored by name and qualifiers, explained.

A `Screener` loads the listed entities of a workspace once and answers many
queries; each result carries the list entity, its datasets and programs,
the best-matching list name, the score, and per-feature explanations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casework.errors import Errors, WorkspaceError
from casework.names import NameMatch, analyze, compare_analyzed, score_bound
from casework.names.index import NameIndex
from casework.screen.index import build_index
from casework.screen.qualifiers import Qualifier, QueryFacts, apply
from casework.store.backend import Backend

MATCH_THRESHOLD = 0.75
REVIEW_THRESHOLD = 0.6
CANDIDATES = 40
WEAK_ALIAS_FACTOR = 0.9
# What qualifiers can add on top of the name score (birth date and country agreeing).
BOUND_SLACK = 0.08
# Which listed schemata a query of each schema may match.
COMPATIBLE: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Organization": frozenset({"Organization", "Company", "PublicBody", "LegalEntity"}),
    "Company": frozenset({"Organization", "Company", "LegalEntity"}),
    "Vessel": frozenset({"Vessel"}),
    "Airplane": frozenset({"Airplane"}),
}


@dataclass(frozen=True)
class ScreenQuery:
    name: str
    schema: str | None = None  # None: any schema
    facts: QueryFacts = field(default_factory=QueryFacts)
    datasets: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    threshold: float = REVIEW_THRESHOLD
    limit: int = 5


@dataclass
class ScreenResult:
    entity_id: str
    dataset: str
    schema: str
    caption: str
    programs: list[str]
    matched_name: str
    score: float
    status: str  # match | review
    name: NameMatch
    qualifiers: list[Qualifier]
    weak_alias: bool = False
    content_hash: str = ""
    decision: dict[str, Any] | None = None
    change: str | None = None
    # The scorer's status before any analyst's decision (match | review).
    scored_status: str = ""

    def __post_init__(self) -> None:
        self.scored_status = self.scored_status or self.status

    @property
    def name_only(self) -> bool:
        return not self.qualifiers

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "dataset": self.dataset,
            "schema": self.schema,
            "caption": self.caption,
            "programs": self.programs,
            "matched_name": self.matched_name,
            "score": round(self.score, 3),
            "status": self.status,
            "name_only": self.name_only,
            "decision": self.decision,
            "change": self.change,
            "explanation": {
                "name": self.name.as_dict(),
                "weak_alias": self.weak_alias,
                "qualifiers": [q.as_dict() for q in self.qualifiers],
                "summary": explain(self),
            },
        }


def explain(result: ScreenResult) -> str:
    """One sentence a reviewer can read."""
    methods = [
        f"{p.query} ~ {p.candidate} ({p.method})"
        for p in result.name.parts
        if p.query and p.candidate
    ]
    text = f"name {result.name.score:.2f}: " + ", ".join(methods)
    missing = [p.query for p in result.name.parts if p.candidate is None]
    if missing:
        text += f"; not in the list name: {', '.join(missing)}"
    text += "".join(f"; {note}" for note in result.name.notes)
    for q in result.qualifiers:
        text += f"; {q.feature.replace('_', ' ')} {q.outcome} ({q.query} vs {q.candidate})"
    if result.name_only:
        text += "; name only: no birth date, nationality or identifier compared"
    if result.name.weak and not any(q.outcome == "agrees" for q in result.qualifiers):
        words = ", ".join(f"{p.query} ~ {p.candidate}" for p in result.name.weak)
        text += (
            f"; {words} only sound or are spelled alike and nothing else agrees:"
            " a possible match for review, not a hit"
        )
    return text


class Screener:
    """Holds the listed entities and their name index in memory."""

    def __init__(self, entities: list[dict[str, Any]], index: NameIndex) -> None:
        self.entities = entities
        self.index = index

    @classmethod
    def from_workspace(cls, backend: Backend, path: str = "") -> Screener:
        entities = backend.query(
            "SELECT dataset, id, schema, caption, names, weak_names, programs, birth_dates, "
            "countries, genders, identifiers, content_hash FROM list_entities "
            "WHERE schema <> 'Sanction' AND len(names) > 0 ORDER BY dataset, id"
        )
        if not entities:
            raise WorkspaceError(Errors.E402, path=path)
        return cls.from_entities(entities)

    @classmethod
    def from_entities(cls, entities: list[dict[str, Any]]) -> Screener:
        index = build_index(
            ((row, e["schema"], e["names"], e["weak_names"]) for row, e in enumerate(entities)),
            size_hint=len(entities),
        )
        return cls(entities, index)

    def screen(self, query: ScreenQuery) -> list[ScreenResult]:
        allowed = COMPATIBLE.get(query.schema or "")
        probe = analyze(query.name, query.schema or "LegalEntity")
        best: dict[int, ScreenResult] = {}
        for name_id in self.index.candidates(probe, CANDIDATES):
            listed = self.index.name(name_id)
            entity = self.entities[listed.entity]
            if allowed is not None and entity["schema"] not in allowed:
                continue
            if query.datasets and entity["dataset"] not in query.datasets:
                continue
            if query.programs and not set(query.programs) & set(entity["programs"]):
                continue
            schema = entity["schema"]
            if not query.facts.identifiers and (
                score_bound(analyze(query.name, schema), analyze(listed.text, schema)) + BOUND_SLACK
                < query.threshold
            ):
                continue  # even a perfect pairing of parts could not reach the threshold
            result = self._score(query, listed.text, listed.weak, entity)
            current = best.get(listed.entity)
            if current is None or result.score > current.score:
                best[listed.entity] = result
        results = [r for r in best.values() if r.score >= query.threshold]
        results.sort(key=lambda r: (-r.score, r.entity_id))
        return results[: query.limit]

    def _score(
        self, query: ScreenQuery, text: str, weak: bool, entity: dict[str, Any]
    ) -> ScreenResult:
        schema = entity["schema"]
        match = compare_analyzed(analyze(query.name, schema), analyze(text, schema))
        score = match.score * (WEAK_ALIAS_FACTOR if weak else 1.0)
        score, qualifiers = apply(
            score,
            query.facts,
            entity["birth_dates"],
            entity["countries"],
            entity["genders"],
            entity["identifiers"],
        )
        status = "match" if score >= MATCH_THRESHOLD else "review"
        if status == "match" and match.weak and not any(q.outcome == "agrees" for q in qualifiers):
            status = "review"
        return ScreenResult(
            entity_id=entity["id"],
            dataset=entity["dataset"],
            schema=schema,
            caption=entity["caption"],
            programs=list(entity["programs"]),
            matched_name=text,
            score=score,
            status=status,
            name=match,
            qualifiers=qualifiers,
            weak_alias=weak,
            content_hash=entity.get("content_hash", ""),
        )
