"""The hand-labelled extraction gold set: loads, passes its own checker, and is big and hard
enough (documents, comments, homonym surname pairs, every label kind present)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from bench import extract_gold_data as eg


@pytest.fixture(scope="module")
def docs() -> list[eg.GoldDocument]:
    return eg.load()


@pytest.fixture(scope="module")
def registry() -> dict[str, eg.EntityRecord]:
    return eg.load_entities()


def test_checker_finds_no_problems(docs):
    assert eg.check(docs) == []


def test_minimum_sizes(docs, registry):
    assert len(docs) >= 32
    assert sum(len(d.comments) for d in docs) >= 100
    assert all(len(d.comments) <= 8 for d in docs)
    assert all(120 <= len(d.text.split()) <= 350 for d in docs)
    assert {d.kind for d in docs} == set(eg.DOC_KINDS)
    mentioned = {e.entity for d in docs for e in d.entities}
    assert mentioned <= set(registry)


def test_at_least_three_homonym_surname_pairs(docs, registry):
    pairs = eg.homonym_surnames(registry)
    assert len(pairs) >= 3
    # both members of each pair are actually mentioned, and some document names both
    mentioned = {e.entity for d in docs for e in d.entities}
    for ids in pairs.values():
        assert set(ids) <= mentioned
    both = [
        ids
        for ids in pairs.values()
        if any(set(ids) <= {e.entity for e in d.entities if e.source == d.id} for d in docs)
    ]
    assert len(both) >= 3


def test_every_label_kind_is_exercised(docs):
    labels = Counter(e.label for d in docs for e in d.entities)
    assert all(labels[label] > 0 for label in eg.LABELS)
    assert {q.kind for d in docs for q in d.quotes} == set(eg.QUOTE_KINDS)
    labelled = set(eg.ACT_KINDS) - set(eg.UNLABELLED_ACT_KINDS)
    assert {a.kind for d in docs for a in d.acts} == labelled
    assert any(e.source != d.id for d in docs for e in d.entities)  # mentions in comments
    assert any(a.actor is None for d in docs for a in d.acts)  # passive, no actor
    assert any(a.time for d in docs for a in d.acts)


def test_one_person_many_surface_forms(docs):
    forms = {e.text for d in docs for e in d.entities if e.entity == "P-rauf-kazimli"}
    assert {"Rauf Kazimli", "Kazimli", "Kazimly", "Kazimili", "Rauf Kazımlı"} <= forms
    assert "Рауф Казимли" in forms


def test_checker_reports_broken_labels(docs):
    doc = docs[0]
    bad_mention = dataclasses.replace(doc.entities[0], start=doc.entities[0].start + 1)
    bad_quote = dataclasses.replace(doc.quotes[0], text="words nobody said")
    bad_act = dataclasses.replace(doc.acts[0], category="corruption", actor="P-nobody")
    broken = dataclasses.replace(
        doc,
        entities=(bad_mention, *doc.entities[1:], doc.entities[1]),
        quotes=(bad_quote, *doc.quotes[1:]),
        acts=(bad_act, *doc.acts[1:]),
    )
    problems = eg.check([broken, broken])
    text = "\n".join(problems)
    assert "duplicate document id" in text
    assert "text is" in text  # offsets do not match
    assert "overlapping mentions" in text
    assert "quote text not in its source" in text
    assert "expected 'human_rights'" in text
    assert "'P-nobody' missing from entities.json" in text
