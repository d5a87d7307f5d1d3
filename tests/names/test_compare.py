"""Name comparison: what must match, what must not, and how it is explained."""

from __future__ import annotations

import pytest

from casework.names import compare_names
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
