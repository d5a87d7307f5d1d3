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
from casework.names.analyze import SymbolBook, use_symbol_book
from casework.names.index import NameIndex
from casework.screen import stored
from casework.screen.index import CACHE_LIMIT, build_index
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


_ENTITY_COLUMNS = (
    "dataset, id, schema, caption, names, weak_names, programs, birth_dates, "
    "countries, genders, identifiers, content_hash"
)


class Screener:
    """Answers queries from the name index; list entries are read as candidates need them.

    From a workspace the index is the stored one (casework.screen.stored) when the
    lists have not changed since it was built, and the list entries are read from
    the workspace a query's candidates at a time, so one query in a new process
    reads what it needs and no more. `eager` reads them all at once, for batches.
    """

    def __init__(
        self,
        index: NameIndex,
        keys: list[tuple[str, str]],
        rows: dict[int, dict[str, Any]] | None = None,
        backend: Backend | None = None,
        book: SymbolBook | None = None,
    ) -> None:
        self.index = index
        self.keys = keys  # (dataset, id) per entity row of the index
        self._rows: dict[int, dict[str, Any] | None] = dict(rows or {})
        self.backend = backend
        self.book = book

    @classmethod
    def from_workspace(cls, backend: Backend, path: str = "", eager: bool = False) -> Screener:
        listed = backend.scalar(
            "SELECT count(*) FROM list_entities WHERE schema <> 'Sanction' AND len(names) > 0"
        )
        if not listed:
            raise WorkspaceError(Errors.E402, path=path)
        key = stored.fingerprint(backend)
        found = stored.load(backend, key, cache_analyses=listed < CACHE_LIMIT)
        if found is not None:
            use_symbol_book(found.book)
            screener = cls(found.index, found.entities, backend=backend, book=found.book)
            if eager:
                screener.read_all()
            return screener
        entities = backend.query(
            f"SELECT {_ENTITY_COLUMNS} FROM list_entities "
            "WHERE schema <> 'Sanction' AND len(names) > 0 ORDER BY dataset, id"
        )
        # A fresh book learns every word of the list names as the index analyses them.
        book = SymbolBook()
        use_symbol_book(book)
        screener = cls.from_entities(entities)
        # A query of no schema is read as a person's name too (see `screen`): the
        # book learns the person reading of the other list names' words as well.
        for entity in entities:
            if entity["schema"] != "Person":
                for text in entity["names"]:
                    analyze(text, "Person")
        screener.backend, screener.book = backend, book
        stored.save(backend, stored.StoredIndex(screener.index, screener.keys, book), key)
        book.learned = 0
        return screener

    @classmethod
    def from_entities(cls, entities: list[dict[str, Any]]) -> Screener:
        index = build_index(
            ((row, e["schema"], e["names"], e["weak_names"]) for row, e in enumerate(entities)),
            size_hint=len(entities),
        )
        keys = [(e["dataset"], e["id"]) for e in entities]
        return cls(index, keys, dict(enumerate(entities)))

    @property
    def entities(self) -> list[dict[str, Any]]:
        """Every list entry of the index, in index order (reads them all)."""
        self.read_all()
        return [row for row in (self._rows.get(i) for i in range(len(self.keys))) if row]

    def read_all(self) -> None:
        if self.backend is None or len(self._rows) == len(self.keys):
            return
        row_of = {key: n for n, key in enumerate(self.keys)}
        for row in self.backend.query(
            f"SELECT {_ENTITY_COLUMNS} FROM list_entities "
            "WHERE schema <> 'Sanction' AND len(names) > 0"
        ):
            n = row_of.get((row["dataset"], row["id"]))
            if n is not None:
                self._rows[n] = row
        self._rows.update(dict.fromkeys(r for r in range(len(self.keys)) if r not in self._rows))

    @property
    def all_read(self) -> bool:
        return len(self._rows) == len(self.keys)

    def keep_learned(self) -> None:
        """Store the words this session's queries taught the symbol book (each
        needed the tagger once), so the next process need not load it for them."""
        if self.book is not None and self.book.learned and self.backend is not None:
            stored.save_book(self.backend, self.book)

    def _read(self, wanted: set[int]) -> None:
        """Read the list entries of these entity rows that are not in memory yet."""
        missing = sorted(r for r in wanted if r not in self._rows)
        if not missing:
            return
        if self.backend is None:
            self._rows.update(dict.fromkeys(missing))
            return
        ids = sorted({self.keys[r][1] for r in missing})
        rows = self.backend.query(
            f"SELECT {_ENTITY_COLUMNS} FROM list_entities "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        found = {(r["dataset"], r["id"]): r for r in rows}
        for r in missing:
            self._rows[r] = found.get(self.keys[r])

    def screen(self, query: ScreenQuery) -> list[ScreenResult]:
        allowed = COMPATIBLE.get(query.schema or "")
        # A query of no schema is looked up as a person's name and as an
        # organisation's: each reading finds the names it could pair with.
        schemata = (query.schema,) if query.schema else ("Person", "Organization")
        found: dict[int, None] = {}
        for schema in schemata:
            probe = analyze(query.name, schema)
            found.update(dict.fromkeys(self.index.candidates(probe, CANDIDATES)))
        candidates = [self.index.name(i) for i in found]
        self._read({listed.entity for listed in candidates})
        best: dict[int, ScreenResult] = {}
        for listed in candidates:
            entity = self._rows.get(listed.entity)
            if entity is None:
                continue
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
