"""Quotations with their speakers: who said what, read off quotation marks and the parse.

- Direct speech: words in quotation marks (“...”, "...", «...», „...“) of at
  least MIN_QUOTE_WORDS words, attributed by a speech verb after the closing
  mark ('"...," Gasimly said') or before the opening one ('Blinken stressed
  that "..."'). Quotation marks with no speech verb around them are a
  title or a scare quote ("Difficult Question" programme), not speech.
- Indirect speech: a speech verb with a clause ("Gasimly noted that the
  topic ...") and "according to X, ...".

The speaker is the verb's subject. A name is taken as written and completed
from the document (a surname alone takes the full name mentioned before it);
"he" or "she" is the person last quoted; a description ("the expert", "the
politician") is the person last given that role, else the person last quoted.
That memory runs across a document's segments, in order (`Speakers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from casework.extract.model import Mention, Position, Quote, Segment
from casework.store.ids import make_id

MIN_QUOTE_WORDS = 4
SPEECH_VERBS = frozenset(
    """
    say said says saying tell told tells add added adds stress stressed stresses
    note noted notes state stated states claim claimed claims argue argued argues
    warn warned warns explain explained explains insist insisted insists
    emphasise emphasised emphasises emphasize emphasized emphasizes underline
    underlined underlines comment commented comments write wrote writes written
    declare declared declares announce announced announces believe believes
    believed accuse accused accuses deny denied denies report reported reports
    recall recalled recalls continue continued continues conclude concluded
    concludes suggest suggested suggests complain complained complains
    acknowledge acknowledged acknowledges admit admitted admits assert asserted
    asserts allege alleged alleges maintain maintained maintains observe observed
    observes reply replied replies respond responded responds answer answered
    answers ask asked asks urge urged urges pointed point points
    """.split()
)
PRONOUNS = frozenset({"he", "she", "him", "her"})
# A line that starts with a short name and a colon: an interview's speaker label.
_LABELLED = re.compile(r"^(?P<who>[^\W\d][^\n:]{1,40}?):[ \t]+(?P<text>[^\n]+)$", re.MULTILINE)
_QUOTES = re.compile(r"“([^”]+)”|\"([^\"]+)\"|«([^»]+)»|„([^“”]+)[“”]")


@dataclass
class Speakers:
    """What the document has said so far about who speaks: for "he" and "the expert"."""

    full_names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role word, person)
    last: str | None = None  # the person last quoted

    def learn(self, found: list[Mention], roles: list[Position]) -> None:
        for m in found:
            if m.label == "PERSON" and " " in m.text:
                self.full_names[m.text.split()[-1].casefold()] = m.text
        for p in roles:
            person = self.name(p.person)
            for word in p.role.casefold().split():
                self.roles.append((word, person))

    def name(self, written: str) -> str:
        """A surname alone completed to the full name the document gave before."""
        if " " not in written.strip():
            return self.full_names.get(written.casefold(), written)
        return written

    def by_role(self, noun: str) -> str | None:
        noun = noun.casefold()
        for word, person in reversed(self.roles):
            if word == noun or word.rstrip("s") == noun:
                return person
        return None


def quotes(doc: Doc, segment: Segment, found: list[Mention], memory: Speakers) -> list[Quote]:
    """The quotations in one parsed segment, in text order (speakers are resolved in
    that order, so "he" is the one quoted just before)."""
    candidates: list[tuple[int, int, str, str, Token]] = []
    taken: list[tuple[int, int]] = []
    for match in _QUOTES.finditer(doc.text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        if len(match.group(group).split()) < MIN_QUOTE_WORDS:
            continue
        attribution = _direct_attribution(doc, match.start(), match.end())
        if attribution is None:
            # A quotation that opens a sentence with no speech verb continues the
            # speaker quoted before it ('"...," he said. "They put her in prison."').
            if _opens_sentence(doc, match.start()):
                candidates.append((match.start(group), match.end(group), "direct", "", None))
                taken.append((match.start(), match.end()))
            continue
        verb, subject = attribution
        candidates.append((match.start(group), match.end(group), "direct", verb.text, subject))
        taken.append((match.start(), match.end()))
    for line in _LABELLED.finditer(doc.text):  # interviews: "Safarova: Leyla is strong."
        label = doc.char_span(line.start("who"), line.end("who"), alignment_mode="expand")
        if label is None or _overlaps(taken, line.start("text"), line.end("text")):
            continue
        head = label.root
        if _mention_at(found, segment, head) is None:
            continue
        candidates.append((line.start("text"), line.end("text"), "direct", ":", head))
        taken.append((line.start("text"), line.end("text")))
    for verb in doc:
        if verb.lower_ not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subject = _subject(verb)
        if clause is None or subject is None:
            continue
        span = _strip_that(doc[clause.left_edge.i : clause.right_edge.i + 1])
        if len(span) < MIN_QUOTE_WORDS or _overlaps(taken, *_chars(span)):
            continue
        candidates.append((*_chars(span), "indirect", verb.text, subject))
        taken.append(_chars(span))
    for token in doc:  # "According to him, this is explained by ..."
        if token.lower_ != "according" or token.i + 2 >= len(doc):
            continue
        to = token.nbor(1)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or pobj is None:
            continue
        rest = doc[pobj.right_edge.i + 1 : token.sent.end]
        while len(rest) and rest[0].is_punct:
            rest = rest[1:]
        if len(rest) < MIN_QUOTE_WORDS or _overlaps(taken, *_chars(rest)):
            continue
        candidates.append((*_chars(rest), "indirect", "according to", pobj))
    out = []
    for start, end, kind, cue, subject in sorted(candidates, key=lambda c: c[0]):
        quote = _make(doc, segment, found, memory, kind, cue, subject, start, end)
        if quote is not None:
            out.append(quote)
    return out


def _opens_sentence(doc: Doc, at: int) -> bool:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _chars(span: Span) -> tuple[int, int]:
    end = span.end_char
    if len(span) and span[-1].is_punct:
        end = span[-1].idx
    return span.start_char, end


def _strip_that(span: Span) -> Span:
    while len(span) and ((span[0].lower_ == "that" and span[0].dep_ == "mark") or span[0].is_punct):
        span = span[1:]
    return span


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in taken)


def _direct_attribution(doc: Doc, open_at: int, close_at: int) -> tuple[Token, Token] | None:
    """(speech verb, its subject) attributing the quotation marks at these characters."""
    closing = doc.char_span(close_at - 1, close_at, alignment_mode="expand")
    opening = doc.char_span(open_at, open_at + 1, alignment_mode="expand")
    if closing is not None:  # '"...," Gasimly said.' : after the close, same sentence
        sentence = closing[0].sent
        for token in doc[closing.end : sentence.end]:
            if token.lower_ in SPEECH_VERBS and (subject := _subject(token)) is not None:
                return token, subject
    if opening is not None:  # 'Blinken stressed that "..."' : before the open
        sentence = opening[0].sent
        for token in reversed(doc[sentence.start : opening.start]):
            if token.lower_ in SPEECH_VERBS and (subject := _subject(token)) is not None:
                return token, subject
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _make(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    memory: Speakers,
    kind: str,
    cue: str,
    subject: Token | None,
    start: int,
    end: int,
) -> Quote | None:
    text = doc.text[start:end].strip()
    if not text:
        return None
    lead = len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
    start += lead
    end = start + len(text)
    if subject is None:  # a continuation: the speaker quoted just before
        if memory.last is None:
            return None
        return _quote(doc, segment, memory.last, "(continued)", None, kind, cue, start, end)
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    mention = _mention_at(found, segment, subject) or _mention_in(found, segment, phrase)
    person = mention is not None and (
        mention.label == "PERSON" or mention.text.casefold() in memory.full_names
    )
    if mention is not None:
        # A surname the model took for an organisation is still the person named before.
        speaker: str | None = memory.name(mention.text) if person else mention.text
        written = mention.text
    elif subject.lower_ in PRONOUNS:
        speaker, written = memory.last, subject.text
    elif subject.pos_ == "NOUN":
        speaker = memory.by_role(subject.lower_) or memory.last
        written = phrase.text
    else:
        return None
    if mention is None and speaker is None:
        return None
    if mention is None or person:
        memory.last = speaker
    mention_id = mention.id if mention else None
    return _quote(doc, segment, speaker, written, mention_id, kind, cue, start, end)


def _quote(
    doc: Doc,
    segment: Segment,
    speaker: str | None,
    written: str,
    mention_id: str | None,
    kind: str,
    cue: str,
    start: int,
    end: int,
) -> Quote:
    text = doc.text[start:end]
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    sent = sentence[0].sent if sentence is not None else doc[:].sent
    return Quote(
        id=make_id("quote", segment.document_id, segment.start + start, segment.start + end),
        document_id=segment.document_id,
        segment=segment.seq,
        speaker=speaker,
        speaker_text=written,
        speaker_mention_id=mention_id,
        kind=kind,
        cue=cue,
        text=text,
        start=segment.start + start,
        end=segment.start + end,
        sentence=sent.text,
        sentence_start=segment.start + sent.start_char,
    )


def _mention_in(found: list[Mention], segment: Segment, phrase: Span) -> Mention | None:
    """A person (else organisation) named inside the subject's phrase: "Her lawyer,
    Gunel Safarova, said" is Safarova speaking."""
    start, end = segment.start + phrase.start_char, segment.start + phrase.end_char
    inside = [
        m for m in found if start <= m.start and m.end <= end and m.label in ("PERSON", "ORG")
    ]
    inside.sort(key=lambda m: (m.label != "PERSON", m.start))
    return inside[0] if inside else None


def _mention_at(found: list[Mention], segment: Segment, token: Token) -> Mention | None:
    """The mention the subject token belongs to (people first, then organisations)."""
    at = segment.start + token.idx
    inside = [m for m in found if m.start <= at < m.end]
    inside.sort(key=lambda m: m.label != "PERSON")
    return inside[0] if inside else None
