"""Named entities from spaCy's parse, as mentions with exact spans and their sentence.

spaCy finds the spans; this module decides what Casework keeps and how it is
cut: people, organisations, places and laws (a nationality like "Azerbaijani"
is an adjective here, not an entity), without a leading "the", a trailing
possessive or punctuation, so that "the Institute's" is stored as
"Institute" at the exact characters it occupies.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from casework.extract.model import Mention, Segment
from casework.store.ids import make_id

LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "LAW": "LAW",
}
_LEADING = {"the", "a", "an"}
_TRAILING = {"'s", "’s", "'", "’"}


def mentions(doc: Doc, segment: Segment, model: str) -> list[Mention]:
    """The mentions in one parsed segment, spans shifted into full_text."""
    found = []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        span = _trim(ent)
        if span is None:
            continue
        start = segment.start + span.start_char
        end = segment.start + span.end_char
        sentence = span.sent
        found.append(
            Mention(
                id=make_id("mention", segment.document_id, start, end),
                document_id=segment.document_id,
                segment=segment.seq,
                segment_kind=segment.kind,
                comment_id=segment.comment_id,
                label=label,
                model_label=ent.label_,
                text=span.text,
                start=start,
                end=end,
                sentence=sentence.text,
                sentence_start=segment.start + sentence.start_char,
                sentence_end=segment.start + sentence.end_char,
                model=model,
            )
        )
    return found


def _trim(ent: Span) -> Span | None:
    """The entity without a leading article, trailing possessive or punctuation;
    None when nothing with a letter is left."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (ent.doc[end - 1].text in _TRAILING or ent.doc[end - 1].is_punct):
        end -= 1
    span = ent.doc[start:end]
    if not any(ch.isalpha() for ch in span.text):
        return None
    return span


def surnames_as_people(found: list[Mention]) -> list[Mention]:
    """One document's mentions with a lone surname of a person named in full in the
    same document labelled PERSON: the small model often takes "Gasimly" alone for
    an organisation after "Azer Gasimly". spaCy's own label stays in model_label."""
    surnames = {
        m.text.split()[-1].casefold() for m in found if m.label == "PERSON" and " " in m.text
    }
    return [
        replace(m, label="PERSON")
        if m.label != "PERSON" and " " not in m.text and m.text.casefold() in surnames
        else m
        for m in found
    ]
