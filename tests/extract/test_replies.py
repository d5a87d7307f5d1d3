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
