"""Which resolved entity a user means by SUBJECT: an entity id, or a name.

A name is matched through casework.names, as screening and resolution match
names, so "İlham Əliyev", "Ильхам Алиев" or "Aliyev Ilham" find the entity
written "Ilham Aliyev". When two entities fit about equally (two Aliyevs for
"Aliyev"), the user is shown both and asked for an id rather than given one.
"""

from __future__ import annotations

from casework.errors import CaseworkError, Errors
from casework.names import analyze, compare_names
from casework.names.index import NameIndex
from casework.resolve.decisions import find_entity
from casework.resolve.model import NAME_SCHEMA
from casework.store.backend import Backend

SUBJECT_LABELS = ("PERSON", "ORG")
THRESHOLD = 0.8
# Entities scoring within this of the best are equally good answers.
TIE = 0.03
CANDIDATES = 20


def find_subject(backend: Backend, ref: str) -> str:
    """The entity id SUBJECT names; E703 when none fits, E604 when several do."""
    ref = ref.strip()
    if ref.startswith("entity-"):  # an id, or the start of one: resolution's lookup
        found = find_entity(backend, ref)
        if found.label not in SUBJECT_LABELS:
            raise CaseworkError(Errors.E703, ref=ref)
        return found.id
    rows = backend.query(
        "SELECT id, label, name, names, mentions FROM entities "
        "WHERE label IN ('PERSON', 'ORG') ORDER BY mentions DESC, id"
    )
    exact = [r for r in rows if ref.casefold() in {n.casefold() for n in r["names"]}]
    if len({r["name"].casefold() for r in exact}) == 1 and exact:
        return exact[0]["id"]  # one name; the most mentioned entity bearing it
    scored = _fuzzy(rows, ref)
    if not scored or scored[0][0] < THRESHOLD:
        raise CaseworkError(Errors.E703, ref=ref)
    best = scored[0][0]
    tied = [row for score, row in scored if score >= best - TIE]
    if len(tied) > 1:
        found = ", ".join(f"{r['id']} ({r['name']}, {r['label']})" for r in tied[:8])
        raise CaseworkError(Errors.E604, ref=ref, found=found)
    return tied[0]["id"]


def _fuzzy(rows: list[dict], ref: str) -> list[tuple[float, dict]]:
    index = NameIndex()
    for number, row in enumerate(rows):
        for name in row["names"]:
            index.add(number, name, NAME_SCHEMA[row["label"]])
    index.freeze()
    best: dict[int, float] = {}
    for name_id in index.candidates(analyze(ref, "LegalEntity"), CANDIDATES):
        listed = index.name(name_id)
        score = compare_names(ref, listed.text, listed.schema).score
        best[listed.entity] = max(score, best.get(listed.entity, 0.0))
    ranked = sorted(best.items(), key=lambda item: (-item[1], -rows[item[0]]["mentions"]))
    return [(score, rows[number]) for number, score in ranked]
