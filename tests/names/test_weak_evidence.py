"""Evidence too weak to confirm a match: words for a kind of body, one generic word or
acronym, legal-form abbreviations, a surname formed from another name. All names here
are made up."""

from __future__ import annotations

import pytest

from casework.names import analyze, compare_names
from casework.names.compare import REVIEW_CAP
from casework.names.keys import name_keys
from casework.screen import MATCH_THRESHOLD, REVIEW_THRESHOLD

# People: a name and the surname formed from it.


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the given names only sound alike; Kazili is formed from Kazi
        ("Tamin Kazili", "Kazi Nur Tahman"),
        ("Tamin Kazili", "Tahman Kazi"),
        ("Samin Orujli", "Oruj Saman"),
        # each surname is formed from the other's given name
        ("Elnur Mammadli", "Mammad Elnurov"),
        # the surname formed from a given name, beside a different given name
        ("Leyla Ismayilova", "Ismail Qarazade"),
    ],
)
def test_a_surname_formed_from_a_name_does_not_confirm_a_loose_pairing(query, listed):
    match = compare_names(query, listed)
    assert match.score < MATCH_THRESHOLD
    derived = [p for p in match.parts if p.method == "suffix"]
    assert derived and all("no other name is the same" in p.detail for p in derived)


def test_a_surname_formed_from_a_name_still_counts_beside_the_same_given_name():
    match = compare_names("Rauf Teymur", "Teymurov Rauf")
    assert match.score >= MATCH_THRESHOLD
    assert {p.method for p in match.parts} == {"exact", "suffix"}


def test_two_forms_of_one_surname_are_not_weakened():
    assert compare_names("Vusal Garayev", "Vusal Garayeva").score >= MATCH_THRESHOLD


# Organisations: words for a kind of body, generic words, acronyms.


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Interior Department", "Interior Customs Department"),
        ("Trading Company", "Velmont Trading Company"),
        # "State" and "Government" share rigour's symbol GOV: a synonym, not a name
        ("State Agency", "Government Agency of Norland"),
    ],
)
def test_words_for_a_kind_of_body_do_not_make_a_match(query, listed):
    match = compare_names(query, listed, "Organization")
    assert match.score <= REVIEW_CAP
    # "Interior Department" is itself the generic name of a state body
    assert any("kind of body" in note or "state body" in note for note in match.notes)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Congress", "Velorian Congress"),
        ("Senate", "Zarvian Senate"),
        ("State", "Zarvia State Guard"),
        ("Bank", "Velmont Bank"),
        ("TRX", "TRX Velmont Shipping"),  # a bare acronym
        ("KQ", "KQ Holdings Velmora"),
    ],
)
def test_one_generic_word_or_acronym_does_not_match_a_longer_name(query, listed):
    match = compare_names(query, listed, "Organization")
    assert match.score < REVIEW_THRESHOLD
    assert match.notes


def test_the_generic_name_of_a_state_body_asks_for_review_even_when_equal():
    match = compare_names("Ministry of Justice", "MINISTRY OF JUSTICE", "Organization")
    assert REVIEW_THRESHOLD <= match.score <= REVIEW_CAP
    assert any("state body" in note for note in match.notes)
    army = compare_names("Army", "ARMY", "Organization")
    assert army.score <= REVIEW_CAP


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # names made of common words are names all the same when both sides agree
        ("Golden Harvest Trading Company", "GOLDEN HARVEST TRADING CO"),
        ("Velmont Holding", "VELMONT HOLDING LLC"),
        ("Velmont Bank", "VELMONT BANK PJSC"),
        ("Northern Star Group", "NORTHERN STAR GROUP"),
        ("Islamic Army of Velora", "ISLAMIC ARMY OF VELORA"),
        ("Interior Customs Department of Velora", "Velora Interior Customs Department"),
    ],
)
def test_distinctive_names_of_common_words_still_match(query, listed):
    assert compare_names(query, listed, "Organization").score >= MATCH_THRESHOLD


def test_a_kind_word_beside_a_distinctive_one_is_no_obstacle():
    match = compare_names("Velmont", "Velmont Trading Company", "Organization")
    assert match.score >= REVIEW_THRESHOLD
    assert not match.notes


# Legal forms rigour does not know.


def test_abbreviated_legal_form_at_the_end_is_a_legal_form():
    name = analyze("Velmora E.U.", "Company")
    assert [p.role for p in name.parts] == ["name", "legal"]
    assert name.legal_classes == {"SP"}
    assert compare_names("Velmora", "VELMORA E.U.", "Company").score == 1.0
    assert compare_names("EU", "VELMORA E.U.", "Organization").score == 0.0
    assert analyze("Cedrela Trading S.A.L.", "Company").parts[-1].role == "legal"


@pytest.mark.parametrize("name", ["EU", "Delegation of the EU"])
def test_the_same_letters_elsewhere_are_a_name(name):
    assert analyze(name, "Organization").parts[-1].role == "name"


def test_a_name_of_legal_forms_only_has_no_evidence():
    assert not analyze("S.A.S. E.U.", "Company").evidence


# Kind words are marked in organisations' names only.


def test_kind_words_are_marked_in_organisations_only():
    org = {p.ascii: p.kind for p in analyze("Velmont State Trading Company", "Organization").parts}
    assert org == {"velmont": False, "state": True, "trading": True, "company": True}
    assert not any(p.kind for p in analyze("Congress Velmont", "Person").parts)


def test_a_name_of_generic_words_only_still_has_index_keys():
    # rigour reads "Bank" as a line of business (weight 0.4, below the key floor):
    # a name of nothing else must still post keys, or it could never be found.
    assert name_keys(analyze("Bank", "Organization"))
    keys = name_keys(analyze("Velmont Bank", "Organization"))
    assert len(keys) == 1
