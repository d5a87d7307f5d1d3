"""Hand-labelled gold set for the extraction and entity-resolution stages.

The set lives in ``bench/extract_gold/``: one JSON file per document under ``docs/``
(``g001.json`` ...) and a registry of every entity in ``entities.json``. All documents and
reader comments were written for this set; every person or organisation accused of
anything is fictional (see ``bench/extract_gold/README.md`` for the labelling rules).

Each document holds its text, its reader comments, and four kinds of labels, each tied to
a *source* (the document id for the body, a comment id for a comment):

- ``entities``: every PERSON, ORG, GPE or LAW mention, as character offsets into the
  source, with a global entity id (``P-`` person, ``O-`` organisation, ``G-`` place,
  ``L-`` law) that is the same across documents;
- ``roles``: a title or position held by an entity, with the organisation it is held at;
- ``quotes``: direct and indirect speech with its speaker;
- ``acts``: alleged abuses, corruption, pardons and calls for sanctions, with actor,
  target and time expression.

`load` reads the set, `check` lists every inconsistency, and running the module prints
the counts and the problems (exit status 1 when there are any)::

    python -m bench.extract_gold_data
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from casework.extract.triggers import CATEGORIES

DEFAULT = Path(__file__).resolve().parent / "extract_gold"

LABELS = ("PERSON", "ORG", "GPE", "LAW")
ID_PREFIX = {"PERSON": "P-", "ORG": "O-", "GPE": "G-", "LAW": "L-"}
DOC_KINDS = ("news", "op-ed", "statement", "interview")
QUOTE_KINDS = ("direct", "indirect")
# The act kinds and their Global Magnitsky categories are the ones extraction uses,
# so a label the extractor cannot produce is a problem the checker reports.
ACT_CATEGORY = CATEGORIES
ACT_KINDS = tuple(ACT_CATEGORY)
# Kinds the extractor learned after this gold set was labelled: no label here uses
# them, so their quality is pinned by tests/extract/test_acts.py and measured on the
# conduct gold set (bench/conduct_gold), not by this set.
UNLABELLED_ACT_KINDS = (
    "rights_abuse",
    "raid",
    "due_process",
    "forced_labour",
    "disappearance",
    "intimidation",
)


@dataclass(frozen=True)
class GoldComment:
    """A reader comment under a document; ``id`` is ``<document id>-c<n>``."""

    id: str
    author: str
    text: str


@dataclass(frozen=True)
class GoldEntity:
    """One mention: ``text == source_text[start:end]``; ``entity`` is the global id."""

    source: str
    start: int
    end: int
    text: str
    label: str
    entity: str


@dataclass(frozen=True)
class GoldRole:
    """A role held by ``entity`` (e.g. "head of the ... Centre"), stated in ``sentence``."""

    source: str
    entity: str
    role: str
    organisation: str | None
    sentence: str


@dataclass(frozen=True)
class GoldQuote:
    """Direct or indirect speech; ``speaker`` is None for an unnamed source."""

    source: str
    speaker: str | None
    kind: str
    text: str
    sentence: str


@dataclass(frozen=True)
class GoldAct:
    """An alleged act (or a pardon / call for sanctions) with its evidence sentence."""

    source: str
    kind: str
    category: str
    actor: str | None
    target: str | None
    time: str | None
    sentence: str


@dataclass(frozen=True)
class GoldDocument:
    """One gold document with its comments and every label on body and comments."""

    id: str
    kind: str
    title: str
    published: str
    text: str
    comments: tuple[GoldComment, ...]
    entities: tuple[GoldEntity, ...]
    roles: tuple[GoldRole, ...]
    quotes: tuple[GoldQuote, ...]
    acts: tuple[GoldAct, ...]
    path: Path | None = None

    def sources(self) -> dict[str, str]:
        """Source id -> text: the document body and each comment."""
        out = {self.id: self.text}
        for comment in self.comments:
            out.setdefault(comment.id, comment.text)
        return out

    def source_text(self, source: str) -> str | None:
        """The text a label's ``source`` points at, or None when it names nothing here."""
        return self.sources().get(source)


@dataclass(frozen=True)
class EntityRecord:
    """One row of ``entities.json``."""

    id: str
    name: str
    type: str
    note: str


# ---------------------------------------------------------------------------------------------
# reading


def _field(row: Mapping[str, Any], key: str, where: str) -> Any:
    if not isinstance(row, Mapping) or key not in row:
        raise ValueError(f"{where}: missing field {key!r}")
    return row[key]


def _rows(raw: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    rows = raw.get(key, [])
    if not isinstance(rows, list):
        raise ValueError(f"{where}: {key!r} is not a list")
    return rows


def _document(raw: Mapping[str, Any], path: Path) -> GoldDocument:
    where = str(path)
    f = _field

    def rows(key: str) -> list[Mapping[str, Any]]:
        return _rows(raw, key, where)

    return GoldDocument(
        id=f(raw, "id", where),
        kind=f(raw, "kind", where),
        title=f(raw, "title", where),
        published=f(raw, "published", where),
        text=f(raw, "text", where),
        comments=tuple(
            GoldComment(f(c, "id", where), f(c, "author", where), f(c, "text", where))
            for c in rows("comments")
        ),
        entities=tuple(
            GoldEntity(
                f(e, "source", where),
                f(e, "start", where),
                f(e, "end", where),
                f(e, "text", where),
                f(e, "label", where),
                f(e, "entity", where),
            )
            for e in rows("entities")
        ),
        roles=tuple(
            GoldRole(
                f(r, "source", where),
                f(r, "entity", where),
                f(r, "role", where),
                r.get("organisation"),
                f(r, "sentence", where),
            )
            for r in rows("roles")
        ),
        quotes=tuple(
            GoldQuote(
                f(q, "source", where),
                q.get("speaker"),
                f(q, "kind", where),
                f(q, "text", where),
                f(q, "sentence", where),
            )
            for q in rows("quotes")
        ),
        acts=tuple(
            GoldAct(
                f(a, "source", where),
                f(a, "kind", where),
                f(a, "category", where),
                a.get("actor"),
                a.get("target"),
                a.get("time"),
                f(a, "sentence", where),
            )
            for a in rows("acts")
        ),
        path=path,
    )


def load(folder: Path | str = DEFAULT) -> list[GoldDocument]:
    """Every document under ``<folder>/docs/*.json``, sorted by file name.

    Raises FileNotFoundError when the folder has no ``docs`` directory and ValueError
    (naming the file) when a file is not JSON or lacks a required field; everything else
    is left for `check` to report.
    """
    docs_dir = Path(folder) / "docs"
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"gold documents missing: {docs_dir}")
    out = []
    for path in sorted(docs_dir.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON: {exc}") from exc
        out.append(_document(raw, path))
    return out


def load_entities(folder: Path | str = DEFAULT) -> dict[str, EntityRecord]:
    """``entities.json`` as id -> record (a duplicated id keeps its last row)."""
    return {r.id: r for r in _entity_rows(Path(folder))}


def _entity_rows(folder: Path) -> list[EntityRecord]:
    path = folder / "entities.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list")
    where = str(path)
    return [
        EntityRecord(
            _field(r, "id", where),
            _field(r, "name", where),
            _field(r, "type", where),
            _field(r, "note", where),
        )
        for r in raw
    ]


def surname(name: str) -> str:
    """The last token of a canonical name, case-folded ("Khalid al-Mansouri" -> "al-mansouri")."""
    return name.split()[-1].casefold() if name.split() else ""


def homonym_surnames(registry: Mapping[str, EntityRecord]) -> dict[str, list[str]]:
    """Surname -> the ids of two or more different PERSON entities that share it."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for rec in registry.values():
        if rec.type == "PERSON":
            by_surname[surname(rec.name)].append(rec.id)
    return {k: sorted(v) for k, v in sorted(by_surname.items()) if len(v) > 1}


# ---------------------------------------------------------------------------------------------
# checking


def _check_registry(rows: list[EntityRecord]) -> list[str]:
    problems = []
    seen: set[str] = set()
    for rec in rows:
        if rec.id in seen:
            problems.append(f"entities.json: duplicate id {rec.id}")
        seen.add(rec.id)
        if rec.type not in LABELS:
            problems.append(f"entities.json: {rec.id}: unknown type {rec.type!r}")
        elif not rec.id.startswith(ID_PREFIX[rec.type]):
            problems.append(f"entities.json: {rec.id}: prefix does not match type {rec.type}")
        if not rec.name.strip():
            problems.append(f"entities.json: {rec.id}: empty name")
    return problems


def _check_document(doc: GoldDocument, registry: Mapping[str, EntityRecord]) -> list[str]:
    p: list[str] = []
    d = doc.id
    if doc.kind not in DOC_KINDS:
        p.append(f"{d}: unknown document kind {doc.kind!r}")
    if doc.path is not None and doc.path.stem != d:
        p.append(f"{d}: file name {doc.path.name} does not match id")
    try:
        date.fromisoformat(doc.published)
    except (TypeError, ValueError):
        p.append(f"{d}: published is not an ISO date: {doc.published!r}")
    if not doc.text.strip():
        p.append(f"{d}: empty text")

    comment_ids = [c.id for c in doc.comments]
    for cid, n in Counter(comment_ids).items():
        if n > 1:
            p.append(f"{d}: duplicate comment id {cid}")
    for c in doc.comments:
        if not c.id.startswith(f"{d}-"):
            p.append(f"{d}: comment id {c.id} does not start with {d}-")
        if not c.text.strip():
            p.append(f"{c.id}: empty comment")
    sources = doc.sources()

    def known(eid: str | None, what: str, nullable: bool = True) -> None:
        if eid is None:
            if not nullable:
                p.append(f"{d}: {what} is null")
        elif eid not in registry:
            p.append(f"{d}: {what} {eid!r} missing from entities.json")

    def source_of(source: str, what: str) -> str | None:
        text = sources.get(source)
        if text is None:
            p.append(f"{d}: {what} has unknown source {source!r}")
        return text

    def sentence_in(text: str | None, sentence: str, what: str) -> bool:
        if text is None:
            return False
        if not sentence.strip() or sentence not in text:
            p.append(f"{d}: {what} sentence not in its source: {sentence[:60]!r}")
            return False
        return True

    spans: dict[str, list[GoldEntity]] = defaultdict(list)
    for e in doc.entities:
        what = f"mention {e.text!r} [{e.start}:{e.end}] in {e.source}"
        text = source_of(e.source, what)
        if e.label not in LABELS:
            p.append(f"{d}: {what}: unknown label {e.label!r}")
        elif not e.entity.startswith(ID_PREFIX[e.label]):
            p.append(f"{d}: {what}: id {e.entity} does not fit label {e.label}")
        known(e.entity, f"{what}: entity", nullable=False)
        rec = registry.get(e.entity)
        if rec is not None and rec.type != e.label:
            p.append(f"{d}: {what}: label {e.label} but {e.entity} is {rec.type}")
        if text is None:
            continue
        ok = (
            isinstance(e.start, int)
            and isinstance(e.end, int)
            and 0 <= e.start < e.end <= len(text)
        )
        if not ok:
            p.append(f"{d}: {what}: offsets out of range")
            continue
        if text[e.start : e.end] != e.text:
            p.append(f"{d}: {what}: text is {text[e.start : e.end]!r}")
        if e.text != e.text.strip():
            p.append(f"{d}: {what}: span has surrounding whitespace")
        spans[e.source].append(e)
    for source, mentions in spans.items():
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        for a, b in pairwise(ordered):
            if b.start < a.end:
                p.append(
                    f"{d}: overlapping mentions in {source}: "
                    f"{a.text!r} [{a.start}:{a.end}] and {b.text!r} [{b.start}:{b.end}]"
                )

    for r in doc.roles:
        what = f"role {r.role!r} of {r.entity}"
        text = source_of(r.source, what)
        known(r.entity, f"{what}: entity", nullable=False)
        known(r.organisation, f"{what}: organisation")
        if sentence_in(text, r.sentence, what) and r.role not in r.sentence:
            p.append(f"{d}: {what}: role text not in its sentence")

    for q in doc.quotes:
        what = f"quote {q.text[:40]!r}"
        text = source_of(q.source, what)
        if q.kind not in QUOTE_KINDS:
            p.append(f"{d}: {what}: unknown kind {q.kind!r}")
        known(q.speaker, f"{what}: speaker")
        sentence_in(text, q.sentence, what)
        if text is not None:
            if not q.text.strip() or q.text not in text:
                p.append(f"{d}: {what}: quote text not in its source")
            elif q.sentence in text and not _starts_in(text, q.text, q.sentence):
                p.append(f"{d}: {what}: quote does not start in its sentence")

    for a in doc.acts:
        what = f"act {a.kind} ({a.sentence[:40]!r})"
        text = source_of(a.source, what)
        if a.kind not in ACT_CATEGORY:
            p.append(f"{d}: {what}: unknown kind")
        elif a.category != ACT_CATEGORY[a.kind]:
            p.append(f"{d}: {what}: category {a.category!r}, expected {ACT_CATEGORY[a.kind]!r}")
        known(a.actor, f"{what}: actor")
        known(a.target, f"{what}: target")
        if (
            sentence_in(text, a.sentence, what)
            and a.time is not None
            and (not a.time.strip() or a.time not in a.sentence)
        ):
            p.append(f"{d}: {what}: time {a.time!r} not in its sentence")
    return p


def _starts_in(text: str, quote: str, sentence: str) -> bool:
    """Whether some occurrence of ``quote`` starts inside some occurrence of ``sentence``."""
    starts = _occurrences(text, sentence)
    return any(s <= q < s + len(sentence) for q in _occurrences(text, quote) for s in starts)


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def check(
    docs: Iterable[GoldDocument],
    registry: Mapping[str, EntityRecord] | None = None,
    folder: Path | str = DEFAULT,
) -> list[str]:
    """Every problem in ``docs``, as readable lines; an empty list means the set is sound.

    Entity ids are checked against ``registry`` (default: ``<folder>/entities.json``, whose
    own problems, such as duplicate ids, are reported too). Checked: document kinds and
    dates; unique document and comment ids; mention offsets against the text, labels and id
    prefixes, overlapping mentions; every role, quote and act sentence is a substring of its
    source; quote text is in the source and starts in its sentence; role text is in its
    sentence; act kinds, categories and time expressions; every id in a label exists.
    """
    docs = list(docs)
    problems: list[str] = []
    if registry is None:
        try:
            rows = _entity_rows(Path(folder))
        except (OSError, ValueError) as exc:
            return [f"entities.json unreadable: {exc}"]
        problems.extend(_check_registry(rows))
        registry = {r.id: r for r in rows}
    for doc_id, n in Counter(doc.id for doc in docs).items():
        if n > 1:
            problems.append(f"duplicate document id {doc_id}")
    owners: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for c in doc.comments:
            owners[c.id].add(doc.id)
    for cid, where in owners.items():
        if len(where) > 1:
            problems.append(f"comment id {cid} used in several documents: {sorted(where)}")
    for doc in docs:
        problems.extend(_check_document(doc, registry))
    return problems


# ---------------------------------------------------------------------------------------------
# reporting


def counts(docs: Iterable[GoldDocument], registry: Mapping[str, EntityRecord]) -> dict[str, Any]:
    """Sizes of the set: documents, comments, mentions by label, entities, roles, quotes by
    kind, acts by kind, and the homonym surnames."""
    docs = list(docs)
    return {
        "documents": len(docs),
        "documents_by_kind": dict(Counter(d.kind for d in docs)),
        "words": sum(len(d.text.split()) for d in docs),
        "comments": sum(len(d.comments) for d in docs),
        "mentions": sum(len(d.entities) for d in docs),
        "mentions_by_label": {
            label: sum(e.label == label for d in docs for e in d.entities) for label in LABELS
        },
        "mentions_in_comments": sum(e.source != d.id for d in docs for e in d.entities),
        "entities": len(registry),
        "entities_by_type": {
            label: sum(r.type == label for r in registry.values()) for label in LABELS
        },
        "entities_mentioned": len({e.entity for d in docs for e in d.entities}),
        "roles": sum(len(d.roles) for d in docs),
        "quotes": sum(len(d.quotes) for d in docs),
        "quotes_by_kind": dict(Counter(q.kind for d in docs for q in d.quotes)),
        "acts": sum(len(d.acts) for d in docs),
        "acts_by_kind": dict(sorted(Counter(a.kind for d in docs for a in d.acts).items())),
        "acts_by_category": dict(Counter(a.category for d in docs for a in d.acts)),
        "homonym_surnames": homonym_surnames(registry),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the counts and every problem; 1 when there is any problem."""
    folder = Path(argv[0]) if argv else DEFAULT
    docs = load(folder)
    problems = check(docs, folder=folder)
    try:
        registry = load_entities(folder)
    except (OSError, ValueError):
        registry = {}
    for key, value in counts(docs, registry).items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k}: {v}")
        else:
            print(f"{key}: {value}")
    print(f"problems: {len(problems)}")
    for line in problems:
        print(f"  {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
