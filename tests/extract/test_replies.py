"""Exculpatory information and the right of reply, tied to the accused it speaks for.

Every sentence here is written for these tests; names are made up. Documents are read
the way `casework extract` reads a body (extract.pipeline.read), so the accused are
those its acts name.
"""

from __future__ import annotations

from datetime import date

from casework.extract.model import Segment
from casework.extract.nlp import load, model_id
from casework.extract.pipeline import read


def _replies(text: str) -> list[tuple[str, str]]:
    nlp = load()
    segment = Segment("doc-test", 0, "body", None, 0, text, "en", date(2024, 5, 2))
    found = read(nlp, [segment], model_id(nlp))
    for r in found.replies:
        assert r.sentence in text
    return sorted((r.kind, r.subject) for r in found.replies)


def test_no_response_and_denials_by_the_accused_and_their_lawyers():
    assert _replies(
        "Police under the command of Colonel Arvid Lenk detained the reporter Mira Sol. "
        "Lenk did not respond to requests for comment."
    ) == [("no_response", "Lenk")]
    assert ("no_response", "Tomas Varga") in _replies(
        "Tomas Varga and Ida Roos steered the contracts to their own firms, the audit found. "
        "Neither Tomas Varga nor Ida Roos responded to detailed questions."
    )
    assert ("denial", "Arvid Lenk") in _replies(
        "Officers commanded by Colonel Arvid Lenk beat the protesters. "
        "Lawyers for Arvid Lenk have consistently denied the allegations."
    )


def test_a_victims_denial_of_the_charges_is_not_the_accused_reply():
    found = _replies(
        "Mira Sol was detained after officers acting under the command of Colonel Arvid "
        "Lenk searched her office. She has denied the charges against her."
    )
    assert all(subject != "Arvid Lenk" for _, subject in found)


def test_a_spokesperson_rebuts_for_the_body_that_stands_accused():
    assert ("rebuttal", "Border Guard") in _replies(
        "Officers of the Border Guard raided the offices of Kara Daily. Eva Holm, a "
        "spokesperson for the Border Guard, said that the search had been lawful and that "
        "no journalist had been mistreated."
    )


def test_a_ministry_answering_for_the_police_gives_the_polices_side():
    found = _replies(
        "Officers of the Tarn Border Guard raided the offices of Kara Daily on Monday. "
        "The Interior Ministry said in a statement that the search had been lawful."
    )
    assert ("rebuttal", "Tarn Border Guard") in found
    assert all("Ministry" not in subject for _, subject in found)


def test_a_court_ruling_a_search_lawful_defends_who_searched_not_the_court():
    found = _replies(
        "Officers of the Tarn Border Guard raided the offices of Kara Daily. "
        "Judge Ines Morrow ruled that the search had been lawful."
    )
    assert ("ruling_in_favour", "Tarn Border Guard") in found
    assert all(subject != "Ines Morrow" for _, subject in found)


def test_a_bare_negation_is_no_rebuttal():
    found = _replies(
        "Colonel Arvid Lenk ordered the detention of the reporter Mira Sol. "
        '"Public order is not negotiable," Lenk said.'
    )
    assert found == []


def test_allegations_labelled_false_and_charges_dropped_against_a_named_person():
    assert ("denial", "Olek Varn") in _replies(
        "Olek Varn diverted the ministry's funds to his own companies, the audit found. "
        'Lawyers for Olek Varn described the allegations as "defamatory".'
    )
    found = _replies(
        "Olek Varn diverted the ministry's funds to his own companies, the audit found. "
        "Charges of fraud against his wife, Lina Varn, were dropped in May."
    )
    assert ("charges_dropped", "Lina Varn") in found
    assert all(subject != "fraud" for _, subject in found)


def test_what_the_prosecution_failed_to_prove_clears_the_accused():
    assert ("ruling_in_favour", "Arvid Lenk") in _replies(
        "Colonel Arvid Lenk commanded the unit that detained the reporter Mira Sol. "
        "The judge said the prosecution had failed to prove that Arvid Lenk had given the order."
    )
