"""Quotations and their speakers."""

from __future__ import annotations

from casework.extract.entities import mentions
from casework.extract.model import Segment
from casework.extract.nlp import load
from casework.extract.quotes import Speakers, quotes
from casework.extract.roles import positions
from casework.store import Workspace
from tests.conftest import needs_shared


def _quotes(*paragraphs: str):
    """Quotes from paragraphs read as one document's segments, in order."""
    nlp = load()
    memory = Speakers()
    out = []
    offset = 0
    for n, text in enumerate(paragraphs):
        segment = Segment("doc-test", n, "body", None, offset, text, "en")
        doc = nlp(text)
        found = mentions(doc, segment, "test")
        memory.learn(found, positions(doc, segment, found))
        for q in quotes(doc, segment, found, memory):
            assert text[q.start - offset : q.end - offset] == q.text
            out.append((q.speaker, q.kind, q.text))
        offset += len(text) + 2
    return out


def test_direct_speech_after_and_before_the_quote():
    found = _quotes(
        '"The prison doctors ignored his complaints for weeks," Anna Petrova said on Monday.',
        'Petrova added: "Nobody from the ministry has answered our letters."',
    )
    assert found == [
        ("Anna Petrova", "direct", "The prison doctors ignored his complaints for weeks,"),
        ("Anna Petrova", "direct", "Nobody from the ministry has answered our letters."),
    ]


def test_indirect_speech_and_speakers_named_by_role_or_pronoun():
    found = _quotes(
        "Anna Petrova, a lawyer for the family, said that the court had refused every motion.",
        '"The verdict was written before the trial began," the lawyer said.',
        "According to her, the family will appeal to the European Court of Human Rights.",
    )
    speakers = {speaker for speaker, _, _ in found}
    assert speakers == {"Anna Petrova"}
    assert [kind for _, kind, _ in found] == ["indirect", "direct", "indirect"]
    assert found[0][2] == "the court had refused every motion"


def test_quotation_marks_that_are_not_speech():
    assert _quotes('He spoke on the "Difficult Question" programme about the "reforms".') == []


@needs_shared
def test_seed_quotes(seed_workspace):
    with Workspace.open(seed_workspace) as ws:
        seed_quotes = ws.backend.query("SELECT * FROM quotes ORDER BY document_id, span_start")
    gasimly = [q for q in seed_quotes if q["speaker"] == "Azer Gasimly"]
    assert len(gasimly) >= 4
    # "the expert said": the person the report had been quoting
    assert any(q["speaker_text"] == "the expert" for q in gasimly)
    blinken = [q for q in seed_quotes if q["speaker"] == "Anthony Blinken"]
    assert blinken and blinken[0]["text"].startswith("the risk of a humanitarian crisis")


def test_continuations_interview_labels_and_named_descriptions():
    found = _quotes(
        'Her lawyer, Anna Petrova, said the evidence had been planted. "The only proof is an '
        'envelope the police brought themselves," she said. "Nobody else saw it."',
        "Petrova: The investigator asked only about her sources.",
    )
    assert [speaker for speaker, _, _ in found] == ["Anna Petrova"] * 4
    assert found[2][2] == "Nobody else saw it."  # a continuation of the quote before
    assert found[3][2] == "The investigator asked only about her sources."
