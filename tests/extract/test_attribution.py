"""Speech verbs, their subjects and the clauses they report, on the real parse."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from casework.extract.attribution import (
    conjunct_parts,
    governing_verb,
    is_speech_verb,
    names_not_speech,
    reported_clauses,
    subject,
)
from casework.extract.nlp import load


def _parse(text: str) -> Doc:
    return load()(text)


def _word(doc: Doc, text: str):
    return next(t for t in doc if t.text == text)


def _marked(doc: Doc) -> Span:
    """The words between the first pair of quotation marks."""
    marks = [t.i for t in doc if t.is_quote]
    return doc[marks[0] + 1 : marks[1]]


def test_speech_verbs_with_an_infinitive_are_something_else():
    doc = _parse('"We will go on," she continued, but the court would continue to sit.')
    continued, continue_ = _word(doc, "continued"), _word(doc, "continue")
    assert is_speech_verb(continued) and not is_speech_verb(continue_)


def test_subject_through_relative_clause_conjunction_and_quoted_as():
    doc = _parse("The judge, who told the court that the case was closed, left.")
    assert subject(_word(doc, "told")).text == "judge"
    doc = _parse("Varga welcomed the ruling but said the fight would go on.")
    assert subject(_word(doc, "said")).text == "Varga"
    doc = _parse("Varga was quoted as saying that the vote was rigged.")
    assert subject(_word(doc, "saying")).text == "Varga"
    doc = _parse("Varga was accused of lying.")
    assert subject(_word(doc, "accused")) is None


def test_governing_verb_and_names_that_are_not_speech():
    doc = _parse('Varga said the site had published "materials harmful to the state".')
    assert governing_verb(_marked(doc)).text == "said"
    doc = _parse('Varga said she was charged with "spreading false information".')
    assert names_not_speech(_marked(doc))
    doc = _parse('They read a report titled "Voices from the North" aloud.')
    assert names_not_speech(_marked(doc))


def test_reported_clauses_and_their_conjuncts():
    doc = _parse(
        "The ministry said in a statement that the prisoner was moved and that he was well."
    )
    (clause,) = reported_clauses(_word(doc, "said"))
    parts = [p.text for p in conjunct_parts(clause)]
    assert parts[0].startswith("that the prisoner was moved")
    assert parts[1] == "that he was well"


def test_a_speech_verb_in_quotation_marks_is_the_speakers_word():
    doc = _parse(
        'The ministry said the guards had "responded calmly" to the crowd and that '
        '"nobody was hurt at any point".'
    )
    marks = [t.i for t in doc if t.is_quote]
    first, second = doc[marks[0] + 1 : marks[1]], doc[marks[2] + 1 : marks[3]]
    quoted = frozenset(range(first.start, first.end)) | frozenset(range(second.start, second.end))
    assert governing_verb(second, quoted).text == "said"
