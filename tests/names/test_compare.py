"""Name comparison: what must match, what must not, and how it is explained."""

from __future__ import annotations

import pytest

from casework.names import alternatives, analyze, compare_names
from casework.screen import MATCH_THRESHOLD, REVIEW_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("İlham Əliyev", "Ilham Aliyev"),
        ("Ильхам Алиев", "Ilham Aliyev"),
        ("Aliyev Ilham", "Ilham Aliyev"),
        ("Anthony Blinkin", "Antony Blinken"),
        ("Kozlarich", "Kauzlarich"),
        ("Qasımlı Azər", "Azer Gasimly"),
        ("Mr. Ilham Aliyev", "Ilham Aliyev"),
    ],
)
def test_variants_match(query, listed):
    assert compare_names(query, listed).score >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mehman Aliyev", "Ilham Aliyev"),
        ("Ali Panahov", "Abbas Pənahov"),
        ("Octavian Scholz", "Olaf Scholz"),
        ("Sergey Ivanov", "Sergey Viktorovich Lavrov"),
    ],
)
def test_homonyms_and_namesakes_do_not_match(query, listed):
    assert compare_names(query, listed).score < REVIEW_THRESHOLD


def test_suffix_form_is_named_in_the_explanation():
    match = compare_names("Fərid Murad", "Muradov Farid")
    assert match.score >= REVIEW_THRESHOLD
    methods = {(p.query, p.candidate): p for p in match.parts}
    suffix = methods[("murad", "muradov")]
    assert suffix.method == "suffix" and "-ov" in suffix.detail
    assert methods[("fərid", "farid")].method == "transliteration"
    assert "word order reversed" in match.notes[0]


def test_every_part_is_accounted_for():
    match = compare_names("Mehman Aliyev", "Ilham Heydar oglu Aliyev")
    sides = [(p.query, p.candidate, p.method) for p in match.parts]
    assert ("aliyev", "aliyev", "exact") in sides
    assert ("mehman", None, "unmatched") in sides
    assert (None, "ilham", "unmatched") in sides


def test_legal_forms_are_not_evidence():
    same = compare_names("Pasha Holding LLC", "PASHA Holding OOO", "Organization")
    other = compare_names("Pasha Holding LLC", "Azersun Holding LLC", "Organization")
    assert same.score >= MATCH_THRESHOLD
    assert other.score < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "schema", "method"),
    [
        ("PLA", "People's Liberation Army", "Organization", "acronym"),
        ("JC Juncker", "Jean-Claude Juncker", "Person", "acronym"),
        ("Brigade Forty-Four", "Brigade 44", "Organization", "number"),
        ("1st International Bank", "First International Bank", "Company", "number"),
        ("SergeiLavrov", "Sergei Lavrov", "Person", "merged"),
        ("Mohammed bin Sultan", "Mohammed bin Salman", "Person", "near miss"),
    ],
)
def test_spelled_out_merged_and_near_miss_forms(query, listed, schema, method):
    match = compare_names(query, listed, schema)
    assert method in {p.method for p in match.parts}
    assert match.score >= REVIEW_THRESHOLD


# Organisations: legal forms, places, numbers, alternatives.


def test_same_name_under_different_kinds_of_legal_form_asks_for_review():
    match = compare_names("Nordlicht Handel AG", "Nordlicht Handel GmbH", "Company")
    assert REVIEW_THRESHOLD <= match.score < MATCH_THRESHOLD
    assert any("legal forms differ" in note for note in match.notes)


def test_one_kind_of_legal_form_in_two_languages_is_no_conflict():
    assert compare_names("OOO Romashka", "Romashka LLC", "Company").score >= MATCH_THRESHOLD


def test_different_countries_in_a_name_are_different_branches():
    match = compare_names("Orion Trading (Cyprus) Ltd", "Orion Trading (Malta) Ltd", "Company")
    assert match.score < MATCH_THRESHOLD
    assert any("places" in note for note in match.notes)


def test_a_number_on_one_side_only_asks_for_review():
    match = compare_names("Meridian Capital Fund II", "Meridian Capital Fund", "Company")
    assert match.score < MATCH_THRESHOLD
    assert any("number on one side" in note for note in match.notes)


def test_an_organisation_s_one_word_is_its_name_a_person_s_is_not():
    assert compare_names("Glintora", "Glintora Europe Sp. z o.o.", "Company").score >= (
        MATCH_THRESHOLD
    )
    person = compare_names("Kauzlarich", "Richard Kauzlarich", "Person")
    assert REVIEW_THRESHOLD <= person.score < MATCH_THRESHOLD


def test_a_legal_form_run_into_the_name_is_split_off():
    assert compare_names("BrightwaterLTD", "Brightwater Ltd", "Company").score == 1.0
    # Capitals throughout mark no seam: the tail is part of the word.
    assert len(analyze("NORDAS", "Company").parts) == 1


def test_slash_joined_alternatives_are_compared_one_by_one():
    assert alternatives("Harakat al-Nur/Light Movement") == [
        "Harakat al-Nur/Light Movement",
        "Harakat al-Nur",
        "Light Movement",
    ]
    assert alternatives("Brightwater A/S") == ["Brightwater A/S"]
    match = compare_names("Light Movement", "Harakat al-Nur/Light Movement", "Organization")
    assert match.score >= MATCH_THRESHOLD


# People: lineage words, particles, initials.


def test_own_name_and_father_s_name_swapped_is_kin_not_one_person():
    match = compare_names("Khalid bin Yusuf al-Harthi", "Yusuf bin Khalid al-Harthi")
    assert match.score < MATCH_THRESHOLD
    assert any("father's name" in note for note in match.notes)
    reordered = compare_names("Khalid bin Yusuf al-Harthi", "al-Harthi, Khalid bin Yusuf")
    assert reordered.score >= MATCH_THRESHOLD


def test_particle_spellings_are_one_particle():
    assert compare_names("Nabil el-Masri", "Nabil al-Masri").score >= MATCH_THRESHOLD
    assert compare_names("Tariq ibn Ziyad", "Tariq bin Ziyad").score >= MATCH_THRESHOLD


def test_initials_stand_beside_a_name_never_alone():
    assert compare_names("JP Kowalski", "Jan Piotr Kowalski").score >= REVIEW_THRESHOLD
    assert compare_names("N.N.", "Nikolai Nikolaev").score < REVIEW_THRESHOLD


def test_a_different_family_name_outweighs_shared_given_names():
    match = compare_names("Omar Saleh Ibrahim al-Qadi", "Omar Saleh Ibrahim al-Zubaidi")
    assert match.score < MATCH_THRESHOLD


def test_a_short_name_inside_a_long_one_is_a_match():
    match = compare_names("Yaqub Hamdan", "Yaqub Faris Hamdan Saeed")
    assert match.score >= MATCH_THRESHOLD
