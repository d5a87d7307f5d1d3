"""Quotations: the words a text gives as someone's, read off quotation marks and the parse.

- Direct speech: words in quotation marks (“...”, "...", «...», „...“) that a
  speech verb governs ('"...," Gasimly said', 'Blinken stressed that "..."',
  'called the sanctions "an unfriendly act"'), or of at least MIN_QUOTE_WORDS
  words with a speech verb beside them in the sentence, or opening a sentence
  after another quotation (a continuation). Quotation marks with no speech verb
  above them, or with a title, charge or label on the way up to it, are a name
  or a scare quote ("Difficult Question" programme, charged with "hooliganism"),
  not speech; so are words in Title Case. A speech verb inside quotation marks
  is the speaker's word, not the attribution.
- Indirect speech: a speech verb with a clause ("Gasimly noted that the topic
  ...", "said in a statement that ...") and "according to X, ...". A reported
  clause that holds quotation marks is left to them; its other conjoined
  clauses are quotes of their own ('said his client "has never ..." and that
  the payments were approved'). Denials do not quote what they deny, and a
  negated verb ("did not say who") reports nothing.
- Interview answers: "Name: ..." lines whose label is a person ("Q:" and "A:"
  are no one).

Who speaks is settled by casework.extract.speakers, sentence by sentence, so
that "he" is read against the sentences before it. Unnamed sources ("a
shopkeeper", "witnesses", "his family") are quoted with no speaker when their
own words stand in quotation marks; what they are reported to have said is the
reporter's sourcing, not a quotation. Comments are read for quotation marks
only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casework.extract.attribution import (
    conjunct_parts,
    governing_verb,
    is_speech_verb,
    names_not_speech,
    parenthetical_parts,
    reported_clauses,
    subject,
)
from casework.extract.model import Mention, Quote, Segment
from casework.extract.speakers import (
    INTERVIEW_PARTS,
    Said,
    Speakers,
    continued,
    is_title,
    labelled_speaker,
    mention_at,
    note_topic,
    speaker_of,
)
from casework.store.ids import make_id

__all__ = ["Speakers", "quotes"]

MIN_QUOTE_WORDS = 4  # quotation marks standing alone in a sentence


MIN_CLAUSE_WORDS = 3  # a reported clause: "she would appeal"


# Verbs whose clause is what the speaker rejects, not what they say.
DENIALS = frozenset("deny denied denies denying reject rejected rejects dispute disputed".split())


# A line that starts with a short name and a colon: an interview's speaker label.
_LABELLED = re.compile(r"^(?P<who>[^\W\d][^\n:]{1,40}?):[ \t]+(?P<text>[^\n]+)$", re.MULTILINE)


# Quotation marks pair within a paragraph; a quotation still open at the end of
# its paragraph runs to it (the convention for a quote that goes on over
# several paragraphs, each opening with a mark), so one missing mark does not
# pair every mark after it the wrong way round.
_QUOTES = re.compile(
    r"“([^”\n]+)(?:”|(?=\n|$))|\"([^\"\n]+)(?:\"|(?=\n|$))|«([^»\n]+)»|„([^“”\n]+)[“”]"
)


@dataclass(frozen=True)
class _Candidate:
    start: int  # characters in the segment's text
    end: int
    kind: str  # direct, indirect
    cue: str
    subject: Token | None  # None: continues the quotation before
    label: str | None = None  # an interview's "Name:" label


def quotes(doc: Doc, segment: Segment, found: list[Mention], memory: Speakers) -> list[Quote]:
    """The quotations in one parsed segment, in text order. Sentences are read in
    order: the quotations that start in one are attributed before its subject
    joins the discourse, so "he" is the subject of a sentence before."""
    found = memory.settle(doc, segment, found)
    quoted = _quoted_tokens(doc)
    taken: list[tuple[int, int]] = []
    candidates = _direct(doc, taken, quoted)
    if segment.kind != "comment":
        # A reader's "he says the same" is conversation, not a reported statement;
        # in comments only words in quotation marks are taken as someone's.
        candidates += _labelled(doc, segment, found, memory, taken)
        candidates += _indirect(doc, taken)
        candidates += _according_to(doc, taken)
    sentences = list(doc.sents)
    starts = [sent.start_char for sent in sentences]
    by_sentence: dict[int, list[_Candidate]] = defaultdict(list)
    for c in sorted(candidates, key=lambda c: c.start):
        by_sentence[max(bisect_right(starts, c.start) - 1, 0)].append(c)
    out = []
    for n, sent in enumerate(sentences):
        for c in by_sentence[n]:
            quote = _make(doc, segment, found, memory, c)
            if quote is not None:
                out.append(quote)
        note_topic(doc, segment, found, memory, sent, quoted)
    memory.paragraphs += len(memory.starts)
    return out


def _quoted_tokens(doc: Doc) -> frozenset[int]:
    """The tokens inside quotation marks: the speakers' words, not the reporter's."""
    inside: set[int] = set()
    for match in _QUOTES.finditer(doc.text):
        words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is not None:
            inside.update(range(words.start, words.end))
    return frozenset(inside)


def _direct(doc: Doc, taken: list[tuple[int, int]], quoted: frozenset[int]) -> list[_Candidate]:
    out = []
    matches = list(_QUOTES.finditer(doc.text))
    for n, match in enumerate(matches):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        text, start, end = match.group(group), match.start(group), match.end(group)
        words = doc.char_span(start, end, alignment_mode="expand")
        if words is None or is_title(text) or names_not_speech(words):
            continue
        long = len(text.split()) >= MIN_QUOTE_WORDS
        attribution = _governed(words, quoted)
        if attribution is None and long:
            attribution = _nearby(doc, match.start(), match.end(), words)
        if attribution is None and n + 1 < len(matches):
            attribution = _split_by(doc, match, matches[n + 1], words)
        if attribution is not None and (long or _fragment(text)):
            out.append(_Candidate(start, end, "direct", attribution[0].text, attribution[1]))
        elif long and _opens_sentence(doc, match.start()):
            # A quotation that opens a sentence with no speech verb continues the
            # speaker quoted before it ('"...," he said. "They put her in prison."').
            out.append(_Candidate(start, end, "direct", "", None))
        else:
            continue
        taken.append((match.start(), match.end()))
    return out


def _split_by(
    doc: Doc, match: re.Match[str], following: re.Match[str], words: Span
) -> tuple[Token, Token] | None:
    """The attribution that splits a quotation in two ('"The police," she said,
    "came at night."'): a speech verb between these marks and the next ones, in
    the same paragraph. The first part is a quote however short it is."""
    between = doc.text[match.end() : following.start()]
    if "\n" in between or len(between) > 60:
        return None
    found = _nearby(doc, match.start(), match.end(), words)
    if found is None or not match.end() <= found[0].idx < following.start():
        return None
    return found


def _fragment(text: str) -> bool:
    """Short quoted words are a fragment of speech when they are two words or
    more, or an exclamation ("Shame!"); one quoted word is a scare quote."""
    return len(text.split()) >= 2 or text.rstrip().endswith(("!", "?"))


def _governed(words: Span, quoted: frozenset[int]) -> tuple[Token, Token] | None:
    verb = governing_verb(words, quoted)
    if verb is None or (who := subject(verb, words)) is None:
        return None
    return verb, who


def _nearby(doc: Doc, open_at: int, close_at: int, words: Span) -> tuple[Token, Token] | None:
    """(speech verb, its subject) beside the quotation marks in their sentence and
    paragraph: after the close ('"...," Gasimly said'), else before the open."""
    closing = doc.char_span(close_at - 1, close_at, alignment_mode="expand")
    opening = doc.char_span(open_at, open_at + 1, alignment_mode="expand")
    if closing is not None:
        for token in doc[closing.end : closing[0].sent.end]:
            if "\n" in token.text:
                break
            if is_speech_verb(token) and (who := subject(token, words)) is not None:
                return token, who
    if opening is not None:
        for token in reversed(doc[opening[0].sent.start : opening.start]):
            if "\n" in token.text:
                break
            if is_speech_verb(token) and (who := subject(token, words)) is not None:
                return token, who
    return None


def _labelled(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    memory: Speakers,
    taken: list[tuple[int, int]],
) -> list[_Candidate]:
    """Interview answers: "Safarova: Leyla is strong." is Safarova's, when the
    label is a name (a mention, or a surname the document gave in full)."""
    out: list[_Candidate] = []
    if segment.kind in ("title", "description"):
        return out  # "Explainer: what the designations show" is a headline
    for line in _LABELLED.finditer(doc.text):
        label = doc.char_span(line.start("who"), line.end("who"), alignment_mode="expand")
        if label is None or _overlaps(taken, line.start("text"), line.end("text")):
            continue
        if label.text.casefold() in INTERVIEW_PARTS:
            continue  # "Q:" and "A:" say whose turn it is, not who
        mention = mention_at(found, segment, label.root)
        if not memory.knows(label.text) and (mention is None or mention.label != "PERSON"):
            continue
        out.append(
            _Candidate(line.start("text"), line.end("text"), "direct", ":", label.root, label.text)
        )
        taken.append((line.start("text"), line.end("text")))
    return out


def _indirect(doc: Doc, taken: list[tuple[int, int]]) -> list[_Candidate]:
    """Reported clauses; one that holds quotation marks is left to them, and its
    other conjoined clauses are taken on their own. A speech verb set in the
    middle of what it reports ("Complaints, she added, came back unanswered")
    reports the clause around it."""
    out = []
    for verb in doc:
        if not is_speech_verb(verb) or verb.lower_ in DENIALS:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # "did not say who carries out the audits": nothing said
        who = subject(verb)
        if who is None:
            continue
        spans = []
        for clause in reported_clauses(verb):
            whole = _trim(doc[clause.left_edge.i : clause.right_edge.i + 1])
            spans.append(whole)
            if _overlaps(taken, whole.start_char, whole.end_char):
                spans[-1:] = [_trim(p) for p in conjunct_parts(clause)]
        if not spans:
            spans = [_trim(p) for p in parenthetical_parts(verb)]
        for part in spans:
            if not _clause_like(part) or _overlaps(taken, part.start_char, part.end_char):
                continue
            out.append(_Candidate(part.start_char, part.end_char, "indirect", verb.text, who))
            taken.append((part.start_char, part.end_char))
    return out


def _clause_like(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    return len(words) >= MIN_CLAUSE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _according_to(doc: Doc, taken: list[tuple[int, int]]) -> list[_Candidate]:
    """ "According to him, this is explained by ...": the clause after it, when it
    has a subject of its own (not "..., according to X, planted the cash")."""
    out = []
    for token in doc:
        if token.lower_ != "according" or token.i + 2 >= len(doc):
            continue
        to = token.nbor(1)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or pobj is None:
            continue
        rest = _trim(doc[pobj.right_edge.i + 1 : token.sent.end])
        if len(rest) < MIN_QUOTE_WORDS or _overlaps(taken, rest.start_char, rest.end_char):
            continue
        if not any(
            t.dep_ in ("nsubj", "nsubjpass", "expl") and rest.start <= t.head.i < rest.end
            for t in rest
        ):
            continue
        out.append(_Candidate(rest.start_char, rest.end_char, "indirect", "according to", pobj))
    return out


def _opens_sentence(doc: Doc, at: int) -> bool:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _trim(span: Span) -> Span:
    """A clause without its complementiser, conjunction and edge punctuation; a
    quotation mark it opens is closed (the parser hangs the closing mark on the
    verb outside)."""
    doc = span.doc
    if sum(t.is_quote for t in span) % 2 and span.end < len(doc) and doc[span.end].is_quote:
        span = doc[span.start : span.end + 1]
    while len(span) and (
        span[0].is_punct
        or span[0].dep_ == "cc"
        or (span[0].lower_ == "that" and span[0].dep_ == "mark")
    ):
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].dep_ == "cc"):
        if span[-1].is_quote and sum(t.is_quote for t in span) % 2 == 0:
            break  # the closing mark of quotation marks the clause holds
        span = span[:-1]
    return span


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in taken)


def _make(
    doc: Doc, segment: Segment, found: list[Mention], memory: Speakers, c: _Candidate
) -> Quote | None:
    text = doc.text[c.start : c.end].strip()
    if not text:
        return None
    start = c.start + len(doc.text[c.start : c.end]) - len(doc.text[c.start : c.end].lstrip())
    end = start + len(text)
    paragraph = memory.paragraph(start)
    if c.subject is None:
        said = continued(memory, paragraph)
    elif c.label is not None:
        said = labelled_speaker(segment, found, memory, c.subject, c.label)
    else:
        said = speaker_of(doc, segment, found, memory, c.subject)
    if said is None:
        return None
    if said.kind == "unnamed" and (c.kind == "indirect" or len(text.split()) < MIN_QUOTE_WORDS):
        # "witnesses said ...": reporting from sources, not a quotation; and a few
        # words in quotation marks from no one in particular are a label
        # ('prosecutors accused him of "inciting unrest"').
        return None
    if said.kind == "person" and said.name is not None:
        memory.last = said.name
    elif said.kind == "body":
        memory.last_body = said.name
    memory.quoted = (said.name,)
    memory.quoted_mention = said.mention_id
    memory.quoted_paragraph = paragraph
    return _quote(doc, segment, said, c.kind, c.cue, start, end)


def _quote(
    doc: Doc, segment: Segment, said: Said, kind: str, cue: str, start: int, end: int
) -> Quote:
    text = doc.text[start:end]
    sentence = doc.char_span(start, start + 1, alignment_mode="expand")
    sent = sentence[0].sent if sentence is not None else doc[:].sent
    return Quote(
        id=make_id("quote", segment.document_id, segment.start + start, segment.start + end),
        document_id=segment.document_id,
        segment=segment.seq,
        speaker=said.name,
        speaker_text=said.written,
        speaker_mention_id=said.mention_id,
        kind=kind,
        cue=cue,
        text=text,
        start=segment.start + start,
        end=segment.start + end,
        sentence=sent.text,
        sentence_start=segment.start + sent.start_char,
        confidence=said.confidence,
        speaker_basis=said.basis,
    )
