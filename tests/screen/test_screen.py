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
    # A surname that matches only by sound, with nothing else agreeing, is a
    # possible match for review, never a hit.
    typo = top(screener, "Richard Kozlarich")
    assert typo.entity_id == "wl-kauzlarich" and typo.status == "review"
    assert typo.score >= MATCH_THRESHOLD
    assert "possible match for review" in typo.as_dict()["explanation"]["summary"]
    farid = top(screener, "Fərid Murad", schema="Person")
    assert farid.entity_id == "wl-farid"
    assert "suffix" in farid.as_dict()["explanation"]["summary"]


NAMESAKES = [
    {"id": "ns-mahmudov", "schema": "Person", "properties": {"name": ["Eldar Mahmudov"]}},
    {
        "id": "ns-karimova",
        "schema": "Person",
        "properties": {"name": ["Gulnara KARIMOVA"], "birthDate": ["1972-07-08"]},
    },
    {
        "id": "ns-kerimova",
        "schema": "Person",
        "properties": {
            "name": ["Gulnara Suleymanovna KERIMOVA"],
            "birthDate": ["1990-04-29"],
            "nationality": ["ru"],
        },
    },
    {"id": "ns-alizade", "schema": "Person", "properties": {"name": ["Rauf Alizade"]}},
    {"id": "ns-sechin", "schema": "Person", "properties": {"name": ["Pavel Sechin"]}},
]


@pytest.fixture
def namesakes(workspace, tmp_path):
    from tests.conftest import write_jsonl

    path = tmp_path / "namesakes.ftm.json"
    write_jsonl(path, NAMESAKES)
    load(workspace, [str(path)])
    return Screener.from_workspace(workspace.backend)


def test_two_common_family_names_are_not_one_name(namesakes):
    # Mammadov and Mahmudov (two name groups, roots differing in consonants) and
    # Aliyev / Alizade (two surname endings on one root) are different families.
    for query in ("Eldar Mammadov", "Rauf Aliyev"):
        assert namesakes.screen(ScreenQuery(query, schema="Person")) == []


def test_a_vowel_apart_namesake_is_only_a_possible_match(namesakes):
    results = {r.entity_id: r for r in namesakes.screen(ScreenQuery("Gulnara Karimova"))}
    assert results["ns-karimova"].status == "match"
    kerimova = results["ns-kerimova"]
    assert (
        kerimova.status == "review"
        and "karimova ~ kerimova" in kerimova.as_dict()["explanation"]["summary"]
    )
    # The same near spelling with the list's own birth date agreeing is a hit.
    born = QueryFacts.make(birth_date="1990-04-29")
    agreed = top(namesakes, "Gulnara Karimova Suleymanovna", facts=born)
    assert agreed.entity_id == "ns-kerimova" and agreed.status == "match"


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
