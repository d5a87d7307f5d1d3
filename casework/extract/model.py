"""What extraction finds, as plain records: each points at the exact text it came from.

Spans index `documents.full_text` (the one text a document's title, bios, body
and comments are laid out in), so every fact can be shown in place; the
sentence is kept whole beside it for reading without the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Segment:
    """One part of a document that extraction reads on its own."""

    document_id: str
    seq: int
    kind: str  # title, description, bio, body, comment
    comment_id: str | None
    start: int  # in full_text
    text: str
    language: str | None
    published: date | None = None  # the document's date: what "on Thursday" counts from


@dataclass(frozen=True)
class Mention:
    id: str
    document_id: str
    segment: int
    segment_kind: str
    comment_id: str | None
    label: str  # PERSON, ORG, PLACE, LAW
    model_label: str  # spaCy's: PERSON, ORG, GPE, LOC, LAW, NORP, FAC
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    model: str


@dataclass(frozen=True)
class Position:
    """A title or role a text gives a person: "head of the Institute of Political Management"."""

    id: str
    mention_id: str  # the person's mention
    document_id: str
    segment: int
    person: str
    role: str
    organisation: str | None  # the organisation or country named in the role
    organisation_mention_id: str | None
    # apposition, title (before the name), copula ("X is a fellow at Y"), relative ("X,
    # who directs Y", held as "director of Y": the role text is then the noun, the span
    # the verb phrase)
    pattern: str
    start: int  # the role's span in full_text
    end: int
    sentence: str
    sentence_start: int


@dataclass(frozen=True)
class Quote:
    """Words the text attributes to someone, directly (in quotation marks) or not."""

    id: str
    document_id: str
    segment: int
    speaker: str | None  # the speaker's name as best the document gives it
    speaker_text: str  # as written where attributed: "Gasimly", "the expert", "he"
    speaker_mention_id: str | None
    kind: str  # direct, indirect
    cue: str  # the verb (or "according to") that attributes it
    text: str
    start: int  # the quoted words' span in full_text
    end: int
    sentence: str  # the sentence the quote starts in
    sentence_start: int
    # How sure the attribution is (extract.speakers.CONFIDENCE) and how it was made:
    # "named", "label", "description", "pronoun-subject", "pronoun-paragraph",
    # "continuation", "unclear" (speaker None).
    confidence: float = 1.0
    speaker_basis: str = "named"


@dataclass(frozen=True)
class Act:
    """An act the text alleges: what (kind, category), by whom, against whom, when."""

    id: str
    document_id: str
    segment: int
    kind: str  # detention, imprisonment, torture, killing, ... (triggers.TRIGGERS)
    category: str  # human_rights, corruption, context (the Global Magnitsky criteria)
    trigger: str  # the word that names the act
    actor: str | None
    actor_mention_id: str | None
    target: str | None
    target_mention_id: str | None
    time: str | None  # a date or time expression in the sentence, as written
    start: int  # the trigger's span in full_text
    end: int
    sentence: str
    sentence_start: int
    # The actor's part in it (acts.MODES: ordered, carried_out, approved, presided,
    # failed_to_prevent, benefited) and the words that say so ("under the command of").
    mode: str | None = None
    mode_cue: str | None = None
    # `time` as a date: ISO "2024", "2024-03" or "2024-03-07"; how it was read
    # ("stated", "relative to the publication date 2024-03-11"); None when not dated.
    date: str | None = None
    date_basis: str | None = None
    place: str | None = None  # where the sentence puts it: "in Baku"
    place_mention_id: str | None = None


@dataclass(frozen=True)
class Reply:
    """Exculpatory information and the right of reply: what the accused, their lawyers or
    their office answered, that they did not answer, or that a court cleared them."""

    id: str
    document_id: str
    segment: int
    kind: str  # replies.KINDS: denial, no_response, rebuttal, acquittal, ...
    subject: str | None  # whose side it gives: the accused
    subject_mention_id: str | None
    speaker: str | None  # who says it: the accused, their lawyer, the ministry
    speaker_mention_id: str | None
    cue: str  # the words that make it a reply: "denied", "did not respond"
    start: int  # the cue's span in full_text
    end: int
    sentence: str
    sentence_start: int
