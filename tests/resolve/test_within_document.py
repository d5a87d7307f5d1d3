"""Within one document: bare surnames, spellings, acronyms (casework.resolve.local)."""

from __future__ import annotations

from casework.resolve import resolve
from tests.resolve.helpers import mentions, same


def test_a_bare_surname_joins_the_full_name_in_its_document():
    refs = mentions([("PERSON", "Tamerlan Guseinov"), ("PERSON", "Guseinov")])
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-001")
    assert res.how == ["name", "surname in document"]
    assert res.entities[0].name == "Tamerlan Guseinov"


def test_a_misspelt_bare_surname_still_fits():
    refs = mentions([("PERSON", "Marcus Oberwald"), ("PERSON", "Oberwalt")])
    assert same(resolve(refs), refs, "d0-000", "d0-001")


def test_two_people_of_one_surname_the_title_decides():
    refs = mentions(
        [
            ("PERSON", "Vera Salnikova", "Judge"),
            ("PERSON", "Olga Salnikova", "editor"),
            ("PERSON", "Salnikova", "Judge"),
            ("PERSON", "Salnikova", "the editor"),
        ]
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-002")
    assert same(res, refs, "d0-001", "d0-003")
    assert not same(res, refs, "d0-000", "d0-001")


def test_without_a_title_the_person_named_last_before_it():
    refs = mentions(
        [
            ("PERSON", "Pavel Dorin"),
            ("PERSON", "Dorin"),
            ("PERSON", "Ana Dorin"),
            ("PERSON", "Dorin"),
        ]
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-001")
    assert same(res, refs, "d0-002", "d0-003")
    assert not same(res, refs, "d0-000", "d0-002")


def test_a_womans_form_of_the_surname_is_not_the_man():
    refs = mentions([("PERSON", "Ruslan Abdullayev"), ("PERSON", "Abdullayeva")])
    assert not same(resolve(refs), refs, "d0-000", "d0-001")


def test_two_scripts_of_one_full_name_in_one_document():
    refs = mentions([("PERSON", "Rashad Mirzoyev"), ("PERSON", "Рашад Мирзоев")])
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-001")
    assert res.entities[0].name == "Rashad Mirzoyev"  # Latin script shown first


def test_a_given_name_alone_joins_the_person():
    refs = mentions([("PERSON", "Leyli Hasanova"), ("PERSON", "Leyli")])
    assert same(resolve(refs), refs, "d0-000", "d0-001")


def test_an_acronym_joins_the_organisation_it_abbreviates():
    refs = mentions(
        [
            ("ORG", "Foreign, Commonwealth and Development Office"),
            ("ORG", "FCDO"),
            ("ORG", "Baltic Press Council"),
        ]
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-001")
    assert not same(res, refs, "d0-000", "d0-002")
    assert res.how[1] == "acronym in document"


def test_an_organisations_short_name_joins_its_full_name_in_one_document():
    refs = mentions(
        [("ORG", "Amnesty International"), ("ORG", "Amnesty"), ("ORG", "Interior Ministry")],
        [("ORG", "Amnesty")],
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d0-001")
    assert not same(res, refs, "d0-001", "d0-002")
