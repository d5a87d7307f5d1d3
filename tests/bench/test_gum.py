"""The GUM reader (bench.gum_data) on the real files, and the GUM bench's metrics.

GUM: Zeldes 2017, "The GUM Corpus: Creating Multilayer Resources in the Classroom",
Language Resources and Evaluation 51(3); read from ../shared/data/real/gum.
"""

from __future__ import annotations

import pytest

from bench.gum_data import ROOT, load, splits
from bench.gum_quality import Predicted, core, score

needs_gum = pytest.mark.skipif(not ROOT.is_dir(), reason=f"GUM is not in ../shared ({ROOT})")


@needs_gum
def test_offsets_rebuild_every_sentence_and_token():
    docs = load("all")
    assert len(docs) == sum(len(ids) for ids in splits().values())
    for doc in docs:
        for sentence in doc.sentences:
            assert doc.text[sentence.start : sentence.end] == sentence.text
            for token in sentence.tokens:
                piece = doc.text[token.start : token.end]
                assert piece == token.form or token.form in piece  # "Galois'" holds "'s"
        for m in doc.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.start <= m.name_start < m.name_end <= m.end


@needs_gum
def test_named_mentions_and_coreference_are_read():
    doc = next(d for d in load("development") if d.id == "GUM_bio_galois")
    named = doc.named()
    kinds = {m.kind for m in named}
    assert {"person", "place"} <= kinds
    assert not any(m.head_upos == "PRON" for m in named)
    groups = {}
    for m in named:
        groups.setdefault(m.group, set()).add(m.text)
    assert any(len(texts) > 1 for texts in groups.values())  # one entity, several forms


def test_core_strips_a_determiner_and_a_possessive():
    text = "the Institute's report"
    assert text[slice(*core(text, 0, 15))] == "Institute"


def test_metrics_on_a_tiny_document():
    from bench.gum_data import GoldMention, GumDocument

    text = "Ann Lee met the Acme Corp. Lee left."
    doc = GumDocument("d", "t", text)

    def gold(start: int, end: int, kind: str, group: str) -> GoldMention:
        return GoldMention(
            kind, group, None, start, end, text[start:end], start, "PROPN", True, start, end
        )

    doc.mentions = [
        gold(0, 7, "person", "1"),
        gold(12, 25, "organization", "2"),
        gold(27, 30, "person", "1"),
    ]
    predicted = [
        Predicted("person", 0, 7, "Ann Lee", "a"),
        Predicted("organization", 16, 25, "Acme Corp", "b"),  # "the" stripped: exact
        Predicted("place", 27, 30, "Lee", "c"),  # wrong kind
    ]
    result = score([doc], {"d": predicted})
    person = result["exact"]["person"]
    assert person["precision"] == 1.0 and person["recall"] == 0.5
    assert result["exact"]["organization"]["f1"] == 1.0
    assert result["exact"]["place"]["precision"] == 0.0
    b3 = result["coreference"]["b-cubed"]
    assert b3["precision"] == 1.0 and b3["recall"] < 1.0  # Lee kept apart from Ann Lee
