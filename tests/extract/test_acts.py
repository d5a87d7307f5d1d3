"""Alleged acts: kind, category, actor, target, time; denials are not allegations."""

from __future__ import annotations

from casework.extract.acts import acts
from casework.extract.entities import mentions
from casework.extract.model import Segment
from casework.extract.nlp import load


def _acts(text: str):
    nlp = load()
    segment = Segment("doc-test", 0, "body", None, 0, text, "en")
    doc = nlp(text)
    found = acts(doc, segment, mentions(doc, segment, "test"))
    for a in found:
        assert text[a.start : a.end] == a.trigger and a.sentence in text
    return [(a.kind, a.category, a.actor, a.target, a.time) for a in found]


def test_active_and_passive_acts():
    assert _acts("Police detained the journalist Anna Petrova in Baku on 3 March.") == [
        ("detention", "human_rights", "Police", "Anna Petrova", "3 March")
    ]
    assert _acts("Anna Petrova was tortured by officers of the State Security Service.") == [
        ("torture", "human_rights", "State Security Service", "Anna Petrova", None)
    ]


def test_denials_and_other_blocking_are_not_allegations():
    assert _acts("The ministry denied that anyone was tortured.") == []
    assert _acts("Protesters blocked the road.") == []  # no press in sight
    assert _acts("Authorities blocked the website of Meydan TV last week.")[0][:2] == (
        "press_restriction",
        "human_rights",
    )


def test_calls_for_sanctions_and_corruption():
    assert _acts(
        "Senator Maria Lopez called for Global Magnitsky sanctions against Interior "
        "Minister Rauf Kazimli."
    ) == [("sanctions_call", "context", "Maria Lopez", "Rauf Kazimli", None)]
    kinds = [a[0] for a in _acts("The minister embezzled millions and laundered them abroad.")]
    assert kinds == ["corruption", "money_laundering"]
