"""Acts reported in pieces are joined once the document is read (extract.sequels).

Sentences are written for these tests; names are made up. Documents are read the way
`casework extract` reads a body (extract.pipeline.read).
"""

from __future__ import annotations

from datetime import date

from casework.extract.model import Segment
from casework.extract.nlp import load, model_id
from casework.extract.pipeline import read


def _triples(text: str) -> set[tuple[str | None, str, str | None]]:
    nlp = load()
    segment = Segment("doc-test", 0, "body", None, 0, text, "en", date(2024, 5, 2))
    found = read(nlp, [segment], model_id(nlp))
    return {(a.actor, a.kind, a.target) for a in found.acts}


def test_a_warrant_for_the_search_reported_earlier_gets_its_victim():
    found = _triples(
        "Officers of the Tarn Border Guard searched the offices of Kara Daily on Monday. "
        "Its editor said nothing was taken. "
        "The search warrant was approved by Judge Ines Morrow two days earlier."
    )
    assert ("Ines Morrow", "raid", "Kara Daily") in found
    assert ("Ines Morrow", "raid", None) not in found


def test_a_search_with_no_definite_reference_takes_no_earlier_victim():
    found = _triples(
        "Officers of the Tarn Border Guard searched the offices of Kara Daily on Monday. "
        "Judge Ines Morrow has approved searches of newsrooms before."
    )
    assert all(t[2] != "Kara Daily" for t in found if t[0] == "Ines Morrow")


def test_the_judge_presiding_and_the_defendant_sentenced_in_one_sentence_are_one_act():
    found = _triples(
        "The raid was approved by Judge Ines Morrow, who also presided over the trial at "
        "which Lev Arden was sentenced to six years."
    )
    assert ("Ines Morrow", "imprisonment", "Lev Arden") in found
    assert (None, "imprisonment", "Lev Arden") not in found
