"""Quotation speakers in a build are right or absent.

The sample corpus carries its quotations labelled by reading the pages
(`examples/corpus/expected.json`, key "quotes": a distinctive part of each
quotation and who said it, or null where the page does not say). Every quotation
the build stores is checked against them: one given a speaker must contain a
labelled part naming that speaker; "speaker unclear" (None) is never wrong. The
seeds are not labelled here (their text stays in ../shared), so on them the test
checks what holds in any document: nobody is the speaker of a quotation only
because the quotation names them, and "he" or "she" never stands for an
organisation.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from casework.store import Workspace
from tests.conftest import EXAMPLES, SEEDS

LABELS: dict[str, list[dict[str, Any]]] = json.loads(
    (EXAMPLES / "expected.json").read_text(encoding="utf-8")
)["quotes"]
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Of the labelled quotations with a speaker, the share the build must attribute
# rightly: "unclear" is never wrong, but a build that leaves every speaker unclear
# has not read the pages.
MIN_RIGHT = 0.75

_QUOTES = """
SELECT q.id, q.document_id, q.text, q.speaker, q.speaker_text, q.speaker_mention_id,
       q.speaker_basis, q.confidence, q.span_start, q.span_end, d.source, d.full_text
FROM quotes q JOIN documents d ON d.id = q.document_id
ORDER BY d.source, q.span_start
"""
# The entity of each mention, with its names and label.
_ENTITIES = """
SELECT em.mention_id, em.document_id, m.text, e.name, e.names, e.label
FROM entity_mentions em JOIN entities e ON e.id = em.entity_id
JOIN mentions m ON m.id = em.mention_id
"""


def _stored(workspace) -> list[dict[str, Any]]:
    """Every stored quotation, with `names` (casefolded: the speaker as stored and the
    names of its entity) and `label` (the entity's PERSON or ORG, when known)."""
    with Workspace.open(workspace) as ws:
        quotes = ws.backend.query(_QUOTES)
        entities = ws.backend.query(_ENTITIES)
    by_mention = {e["mention_id"]: e for e in entities}
    by_text: dict[tuple[str, str], dict[str, Any]] = {}
    for e in entities:
        by_text.setdefault((e["document_id"], e["text"].casefold()), e)
    for q in quotes:
        entity = by_mention.get(q["speaker_mention_id"])
        if entity is None and q["speaker"] is not None:
            entity = by_text.get((q["document_id"], q["speaker"].casefold()))
        names = {q["speaker"]} if q["speaker"] else set()
        if entity is not None:
            names |= {entity["name"], *entity["names"]}
        q["names"] = {n.casefold() for n in names}
        q["label"] = entity["label"] if entity is not None else None
    return quotes


def _labels_of(source: str) -> list[dict[str, Any]] | None:
    """The labels of a sample page, by the path its source ends with."""
    path = source.replace("\\", "/")
    return next((v for k, v in LABELS.items() if path.endswith("/" + k)), None)


def test_every_sample_page_is_labelled():
    files = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["files"]
    assert list(LABELS) == list(files)
    for labels in LABELS.values():
        assert all(20 <= len(label["text"]) <= 60 for label in labels)


def test_sample_quotation_speakers_are_right_or_absent(built):
    wrong = []
    right: dict[str, set[str]] = defaultdict(set)
    for q in _stored(built[0]):
        labels = _labels_of(q["source"])
        if labels is None:
            continue
        assert 0.0 <= q["confidence"] <= 1.0 and q["speaker_basis"], q
        matched = [label for label in labels if label["text"] in q["text"]]
        if q["speaker"] is None:
            continue  # speaker unclear: absent, never wrong
        if any(label["speaker"] and label["speaker"].casefold() in q["names"] for label in matched):
            right[q["source"]].update(label["text"] for label in matched)
            continue
        wrong.append((q["source"].rsplit("/", 1)[-1], q["speaker"], q["text"][:60], matched))
    assert not wrong, wrong
    named = sum(1 for labels in LABELS.values() for label in labels if label["speaker"])
    found = sum(len(texts) for texts in right.values())
    assert found >= MIN_RIGHT * named, (found, named)


def test_seed_quotations_are_not_given_to_whom_they_name(built):
    """A speaker whose name occurs in the quotation and nowhere else in the document
    was read off the quoted words, not off the attribution."""
    for q in _stored(built[0]):
        if not q["source"].startswith(str(SEEDS)) or q["speaker"] is None:
            continue
        text = q["full_text"]
        outside = (text[: q["span_start"]] + " " + text[q["span_end"] :]).casefold()
        inside = q["text"].casefold()
        for name in {q["speaker"].casefold(), q["speaker_text"].casefold()}:
            assert name not in inside or name in outside, (q["speaker"], q["text"][:80])


def test_person_pronouns_never_stand_for_an_organisation(built):
    quotes = _stored(built[0])
    assert any(q["source"].startswith(str(SEEDS)) for q in quotes)
    for q in quotes:
        if q["speaker_text"].casefold() in PERSON_PRONOUNS and q["speaker"] is not None:
            assert q["label"] != "ORG", (q["speaker"], q["speaker_text"], q["text"][:80])
