"""Screening against a loaded list: must-hold matches, qualifiers, explanations."""

from __future__ import annotations

import pytest

from casework.lists import load
from casework.screen import MATCH_THRESHOLD, QueryFacts, Screener, ScreenQuery


@pytest.fixture
def screener(workspace, watchlist):
    load(workspace, [str(watchlist)])
    return Screener.from_workspace(workspace.backend)


def top(screener, name, **kwargs):
    results = screener.screen(ScreenQuery(name, **kwargs))
    return results[0] if results else None


@pytest.mark.parametrize("query", ["İlham Əliyev", "Ильхам Алиев", "Aliyev Ilham"])
def test_spellings_and_scripts_find_the_listed_person(screener, query):
    result = top(screener, query, schema="Person")
    assert result.entity_id == "wl-aliyev" and result.status == "match"
    assert result.programs == ["TEST-PROGRAM"]
    assert result.name_only


def test_homonym_is_kept_apart(screener):
    results = screener.screen(ScreenQuery("Mehman Aliyev", schema="Person"))
    assert [r.entity_id for r in results] == ["wl-mehman"]


def test_typos_and_surname_forms(screener):
    assert top(screener, "Anthony Blinkin").entity_id == "wl-blinken"
    surname_only = top(screener, "Kozlarich")
    assert surname_only.entity_id == "wl-kauzlarich" and surname_only.status == "review"
    assert top(screener, "Richard Kozlarich").status == "match"
    farid = top(screener, "Fərid Murad", schema="Person")
    assert farid.entity_id == "wl-farid"
    assert "suffix" in farid.as_dict()["explanation"]["summary"]


def test_a_different_birth_date_falls_below_the_match_threshold(screener):
    agree = top(screener, "Ilham Aliyev", facts=QueryFacts.make(birth_date="1961-12-24"))
    conflict = top(screener, "Ilham Aliyev", facts=QueryFacts.make(birth_date="1975-03-02"))
    assert agree.score >= MATCH_THRESHOLD and not agree.name_only
    assert conflict.score < MATCH_THRESHOLD and conflict.status == "review"
    assert conflict.qualifiers[0].outcome == "conflicts"


def test_identifier_and_country_qualifiers(screener):
    by_passport = top(screener, "F. Muradov", facts=QueryFacts.make(identifier="C1234567"))
    assert by_passport.entity_id == "wl-farid" and by_passport.score >= 0.95
    elsewhere = top(screener, "Ilham Aliyev", facts=QueryFacts.make(nationality="Norway"))
    assert elsewhere.score < 1.0 and elsewhere.qualifiers[0].outcome == "conflicts"


def test_schema_filter_and_organisations(screener):
    assert top(screener, "Pasha Holding", schema="Person") is None
    company = top(screener, "PASHA Holding OOO", schema="Organization")
    assert company.entity_id == "wl-pasha" and company.status == "match"
