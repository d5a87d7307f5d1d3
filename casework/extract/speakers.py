"""Who speaks: the speaker of a quotation, settled from its attribution and the passage.

The speaker is the speech verb's subject (casework.extract.attribution), and
every quotation says how it was settled (`Said.basis`) and how surely
(`Said.confidence`, CONFIDENCE). A name is taken as written and completed from
the document: a surname alone takes the full name last mentioned before it
(two people may share it), and one a letter off is a slip for it; an
interview's "Name:" label takes the first, the person introduced; "X's editor,
Jane Roe" is Jane Roe. "He", "she" and "it" are the subject of a sentence
before, in the paragraph or the one before, that agrees with them
(casework.extract.discourse): "he" never stands for a body, and after an
unnamed source ("a former officer said") it is that unnamed source. A
description is the person given that role ("the expert"), introduced with that
noun ("the poet X"), else, when definite and a noun for a person, the person
the passage is about; a body ("the agency", "his centre") is the organisation
last named with that word; "a spokesman for the ministry" and "the EU's
delegation" are the body, "his spokesman" the one "his" stands for. A
quotation that opens a paragraph without attribution goes on with the speaker
before only when the paragraph before quoted someone. What cannot be settled
stays with no speaker (basis "unclear"), never the nearest name. That memory
runs across a document's segments, in order (`Speakers`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Span, Token

from casework.extract.attribution import subject
from casework.extract.discourse import (
    COLLECTIVE_NOUNS,
    HONORIFIC_GENDER,
    NOUN_GENDER,
    PRONOUN_GENDER,
    Discourse,
    Topic,
    is_person_noun,
    paragraph_starts,
)
from casework.extract.entities import in_document
from casework.extract.model import Mention, Position, Segment
from casework.extract.roles import TITLE_WORDS

MIN_MISSPELT = 7  # letters in a surname before a one-letter slip is taken for it


PRONOUNS = frozenset({"he", "she", "him", "her"})


BODY_PRONOUNS = frozenset({"it"})


# People who speak for a body but are people: "he" may stand for them.
SPOKESPERSONS = frozenset(
    "spokesman spokeswoman spokesperson representative spokesmen spokeswomen".split()
)


# Labels that name a part in an interview, not a person: "Q:", "A:".
INTERVIEW_PARTS = frozenset(
    "q a q. a. question answer interviewer interviewee reporter journalist host".split()
)


# Subjects that are someone the text does not name.
UNNAMED = frozenset({"another", "one", "someone", "somebody", "others", "some", "many"})


INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "two", "three"})


POSSESSIVE = frozenset({"his", "her", "their", "its", "my", "our", "your", "whose"})


# People who speak for a body: "a spokesman for the ministry" is the ministry's speech.
SPOKESPEOPLE = frozenset(
    """
    spokesman spokeswoman spokesperson representative statement decree press
    office spokesmen spokeswomen communique communiqué announcement
    """.split()
)


# Nouns for a body, not a person: "the ministry said" with no ministry named
# before is an unnamed body, not the person quoted last.
BODY_NOUNS = frozenset(
    """
    ministry agency government court office committee embassy group organisation
    organization company council commission department police party parliament
    service union bank fund centre center institute foundation watchdog monitor
    network coalition alliance association delegation mission administration
    authority authorities prosecutor's prosecution army military regime campaign
    firm newspaper outlet broadcaster channel website site platform board
    """.split()
)


# Short words a title leaves in lower case ("The Fund and the Falcon").
_TITLE_SMALL = frozenset("a an and the of in on for to at by with or from".split())


class Said(NamedTuple):
    """A speaker resolved, and how: `basis` and `confidence` go on the quote."""

    name: str | None  # None: an unnamed source, or a speaker the text leaves unclear
    written: str
    mention_id: str | None
    kind: str  # person, body, unnamed (a source the text does not name), unclear
    # named, label, description, pronoun-subject, pronoun-paragraph, continuation, unclear
    basis: str = "named"
    confidence: float = 0.95


# How sure each way of settling a speaker is.
CONFIDENCE = {
    "named": 0.95,
    "label": 0.9,
    "surname": 0.9,  # a surname completed from the full name given before
    "untagged": 0.8,  # a proper noun the entity model did not tag
    "description": 0.75,
    "anaphor": 0.65,  # "the expert": the person the passage is about
    "pronoun-subject": 0.85,  # the subject of a sentence of the same paragraph
    "pronoun-earlier": 0.7,  # the subject of a sentence of the paragraph before
    "pronoun-paragraph": 0.6,  # the one person the paragraph names
    "continuation": 0.8,
    "unclear": 0.2,
}


UNCLEAR = "(speaker unclear)"


@dataclass
class Speakers:
    """What the document has said so far about who speaks: for "he", "the expert",
    "the ministry" and quotations that continue the one before."""

    full_names: list[tuple[int, str, str]] = field(default_factory=list)  # (start, surname, name)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (title word, person)
    bodies: list[tuple[int, str]] = field(default_factory=list)  # (start, organisation)
    last: str | None = None  # the person last quoted
    last_body: str | None = None  # the organisation last quoted
    # The last quotation's speaker, in a tuple so that "no quotation yet" (None)
    # differs from "an unnamed speaker" ((None,)).
    quoted: tuple[str | None] | None = None
    labels: dict[str, Said] = field(default_factory=dict)  # interview label -> speaker
    discourse: Discourse = field(default_factory=Discourse)
    quoted_mention: str | None = None  # the last quotation's speaker's mention
    quoted_paragraph: int | None = None  # the paragraph (running number) it stands in
    paragraphs: int = 0  # paragraphs in the segments read before this one
    starts: list[int] = field(default_factory=list)  # this segment's paragraph starts

    def learn(self, found: list[Mention], roles: list[Position]) -> None:
        self._names(found)
        for p in roles:
            person = self.name(p.person)
            for word in _title_words(p.role):
                self.roles.append((word, person))
                self.discourse.learn_gender(person, NOUN_GENDER.get(word))

    def _names(self, found: list[Mention]) -> None:
        for m in found:
            if m.label == "PERSON" and " " in m.text:
                self.full_names.append((m.start, m.text.split()[-1].casefold(), m.text))
            if m.label == "ORG":
                self.bodies.append((m.start, m.text))

    def settle(self, doc: Doc, segment: Segment, found: list[Mention]) -> list[Mention]:
        """This segment's mentions with one label per name (the model calls a name
        a person in one sentence and a place in the next), relearned, so that "he"
        never stands for a company the model once took for a person."""
        model = found[0].model if found else ""
        settled, full = _people_by_role(doc, segment, in_document(found, [(doc, segment)], model))
        end = segment.start + len(segment.text)
        self.full_names = [e for e in self.full_names if not segment.start <= e[0] < end]
        self.bodies = [e for e in self.bodies if not segment.start <= e[0] < end]
        self._names(settled)
        self.full_names += full
        self.full_names.sort()
        self.starts = paragraph_starts(doc.text)
        return settled

    def paragraph(self, at: int) -> int:
        """The running number of the paragraph at this point of the segment."""
        return self.paragraphs + max(bisect_right(self.starts, at) - 1, 0)

    def name(self, written: str, at: int | None = None) -> str:
        """A surname alone completed to the full name the document gave last before
        this point (two people may share it), else anywhere in what was read."""
        if " " in written.strip():
            return written
        named = [(start, full) for start, s, full in self.full_names if s == written.casefold()]
        if not named:  # "Lenkov" for the "Ivo Lenkow" named before
            named = [(start, full) for start, s, full in self.full_names if _misspelt(s, written)]
        before = [full for start, full in named if at is None or start < at]
        return (before or [full for _, full in named] or [written])[-1]

    def first_full_name(self, written: str) -> str:
        """A surname completed to the first full name the document gave it."""
        surname = written.strip().casefold()
        return next((full for _, s, full in self.full_names if s == surname), written)

    def knows(self, surname: str) -> bool:
        return any(s == surname.casefold() for _, s, _ in self.full_names)

    def by_role(self, noun: str) -> str | None:
        noun = noun.casefold()
        for word, person in reversed(self.roles):
            if word == noun or word.rstrip("s") == noun:
                return person
        return None

    def body(self, noun: str, before: int) -> str | None:
        """The organisation last named before this point with this word in its
        name: "the agency" after "the State Communications Agency"."""
        noun = noun.casefold()
        for start, name in reversed(self.bodies):
            if start < before and noun in name.casefold().split():
                return name
        return None


def _misspelt(surname: str, written: str) -> bool:
    """Whether a surname standing alone is a slip of one letter from one the text
    gave in full: long names only, and the same first letter."""
    written = written.casefold()
    return (
        len(written) >= MIN_MISSPELT
        and written[0] == surname[0]
        and Levenshtein.distance(surname, written) <= 1
    )


def _people_by_role(
    doc: Doc, segment: Segment, found: list[Mention]
) -> tuple[list[Mention], list[tuple[int, str, str]]]:
    """A name in apposition with a noun for a person is a person's, whatever the
    model labelled it: "Berg's lawyer, Ivo Lenk", "Ida Roos, director
    of the forum"; and so is that person's surname standing alone. Also returns
    the full names (start, surname, name) read off the parse where the model took
    only the surname."""
    people: set[str] = set()
    full: list[tuple[int, str, str]] = []
    for m in found:
        span = doc.char_span(m.start - segment.start, m.end - segment.start)
        if span is None or m.label not in ("PERSON", "ORG", "PLACE"):
            continue
        root = span.root
        given = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        name = doc[min([root.i, *(c.i for c in given)]) : root.i + 1].text
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if m.label == "PERSON" and " " not in m.text and " " in name:
            full.append((m.start, m.text.casefold(), name))
        if m.label == "PERSON" or not any(is_person_noun(n.lower_, TITLE_WORDS) for n in nouns):
            continue
        if " " in name or " " in m.text:
            people.add(m.text)
        if " " in name and " " not in m.text:
            full.append((m.start, m.text.casefold(), name))
    surnames = {name.split()[-1] for name in people}
    settled = [
        replace(m, label="PERSON")
        if m.label != "PERSON" and (m.text in people or m.text in surnames)
        else m
        for m in found
    ]
    return settled, full


def _title_words(role: str) -> list[str]:
    """The words of a role before its "of/at/for" complement: "head of the Press
    Centre" is a head, not a centre."""
    words: list[str] = []
    for word in role.casefold().split():
        if word in ("of", "at", "for", "to", "in", "with"):
            break
        words.append(word)
    return words


def note_topic(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    memory: Speakers,
    sent: Span,
    quoted: frozenset[int],
) -> None:
    """Add who this sentence is about to the discourse: the subject of its main
    verb (active or passive) outside quotation marks, when it is one person or one
    body; a plural subject is no antecedent for "he" or "it"."""
    root = sent.root
    who = next(
        (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted),
        None,
    )
    if who is None and root.i not in quoted:
        who = subject(root)
    if who is None or who.i in quoted or _plural(who):
        return
    said = speaker_of(doc, segment, found, memory, who)
    if said is None or said.basis == "unclear":
        return
    kind = said.kind
    described = kind == "unnamed" or said.confidence == CONFIDENCE["anaphor"]
    if who.lower_ in SPOKESPERSONS:
        # "a spokesman for the ministry" is a person speaking for a body: "he" is
        # that person, whose name the text does not give.
        name, kind = (said.name if kind == "person" else None), "person"
    elif described and who.lower_ in BODY_NOUNS:
        name, kind = None, "body"
    elif described and who.pos_ == "NOUN" and not is_person_noun(who.lower_, TITLE_WORDS):
        name, kind = None, "thing"  # "The poem ...", "The decision ...": no one
    elif kind == "unnamed":
        name, kind = None, "person"  # "a former officer": someone
    else:
        name = said.name
    memory.discourse.note(
        Topic(
            name,
            kind,
            said.mention_id,
            said.written,
            memory.paragraph(who.idx),
            segment.start + sent.start_char,
        )
    )
    if kind == "person" and name is not None:
        memory.discourse.learn_gender(name, _shown_gender(doc, segment, found, sent, who, quoted))


def _plural(who: Token) -> bool:
    return (
        (who.tag_ in ("NNS", "NNPS") and who.ent_type_ not in ("ORG", "PERSON"))
        or who.lower_ in ("they", "we", "both", "all")
        or who.lower_ in COLLECTIVE_NOUNS
        or any(c.dep_ == "conj" for c in who.children)
    )


def _shown_gender(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    sent: Span,
    who: Token,
    quoted: frozenset[int],
) -> str | None:
    """The gender a sentence shows its one named person to be: an honorific or a
    gendered noun in the subject's phrase, else a possessive or reflexive pronoun
    in a sentence that names no other person."""
    phrase = doc[who.left_edge.i : who.right_edge.i + 1]
    for token in phrase:
        gender = HONORIFIC_GENDER.get(token.lower_) or NOUN_GENDER.get(token.lower_)
        if gender is not None:
            return gender
    start, end = segment.start + sent.start_char, segment.start + sent.end_char
    subject_at = segment.start + phrase.start_char, segment.start + phrase.end_char
    others = [
        m
        for m in found
        if m.label == "PERSON"
        and start <= m.start < end
        and not subject_at[0] <= m.start < subject_at[1]
    ]
    if others:
        return None
    shown = {
        PRONOUN_GENDER[t.lower_]
        for t in sent
        if (t.lower_ in ("his", "himself", "herself") or t.tag_ == "PRP$")
        and t.lower_ in PRONOUN_GENDER
        and t.i not in quoted
        and t.i > who.i
    }
    return shown.pop() if len(shown) == 1 else None


def is_title(text: str) -> bool:
    """Title Case words are the name of a report, a programme or a poem."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 2 or text.rstrip()[-1:] in ".!?,":
        return False
    big = [w for w in words if w.casefold() not in _TITLE_SMALL]
    return bool(big) and all(w[0].isupper() for w in big) and words[0][0].isupper()


def continued(memory: Speakers, paragraph: int) -> Said:
    """A quotation that opens without an attribution goes on with the speaker of
    the quotation before, in its paragraph or the one just before (a quotation
    over several paragraphs); after a paragraph that quotes no one, it is unclear."""
    if memory.quoted is None or memory.quoted_paragraph is None:
        return _unclear("")
    if not 0 <= paragraph - memory.quoted_paragraph <= 1:
        return _unclear("")
    speaker = memory.quoted[0]
    kind = "person" if speaker == memory.last else "body" if speaker else "unnamed"
    return Said(
        speaker,
        "(continued)",
        memory.quoted_mention,
        kind,
        "continuation",
        CONFIDENCE["continuation"],
    )


def _unclear(written: str) -> Said:
    """No speaker: the case file shows the attribution as written, marked unclear
    ("he (speaker unclear)"), so that no reader takes it for a name."""
    shown = f"{written} {UNCLEAR}" if written else UNCLEAR
    return Said(None, shown, None, "unclear", "unclear", CONFIDENCE["unclear"])


def labelled_speaker(
    segment: Segment, found: list[Mention], memory: Speakers, root: Token, label: str
) -> Said:
    """An interview label is the person the introduction named in full (the first
    of that surname: a homonym mentioned later in the text is not the one
    interviewed), the same one for every answer."""
    key = label.casefold()
    if key not in memory.labels:
        mention = mention_at(found, segment, root)
        if mention is not None and mention.label != "PERSON" and not memory.knows(label):
            memory.labels[key] = _named(mention, memory, segment.start + root.idx)._replace(
                basis="label", confidence=CONFIDENCE["label"]
            )
        else:
            full = memory.first_full_name(label)
            memory.labels[key] = Said(full, label, None, "person", "label", CONFIDENCE["label"])
    return memory.labels[key]


def speaker_of(
    doc: Doc, segment: Segment, found: list[Mention], memory: Speakers, who: Token
) -> Said | None:
    """Whose words these are, from the subject of the speech verb; None when the
    subject cannot be resolved (then there is no quote to report)."""
    if _interview_part(who):
        return _after_label(found, segment, memory, who)
    mention = mention_at(found, segment, who)
    if mention is None and (name := _appositive_name(found, segment, who)) is not None:
        completed = memory.name(name, segment.start + who.idx)
        return Said(completed, name, None, "person", "named", CONFIDENCE["untagged"])
    mention = mention or _appositive(found, segment, who)
    if mention is not None:
        return _named(mention, memory, segment.start + who.idx)
    word = who.lower_
    if word in PRONOUNS or word in BODY_PRONOUNS:
        return _pronoun(segment, found, memory, who)
    if word in UNNAMED:
        return Said(None, who.text, None, "unnamed", "description", CONFIDENCE["description"])
    phrase = doc[who.left_edge.i : who.right_edge.i + 1].text
    if who.pos_ == "PROPN" and (inside := _person_in(found, segment, who)) is not None:
        return _named(inside, memory, segment.start + who.idx)  # "President of X Jane Roe"
    if who.pos_ == "PROPN":  # a name the model did not tag: as written, completed
        first = min((t.left_edge.i for t in who.lefts if t.dep_ == "compound"), default=who.i)
        name = doc[first : who.i + 1].text  # "Al-Mansouri" as written, hyphen and all
        completed = memory.name(name, segment.start + who.idx)
        return Said(completed, name, None, "person", "named", CONFIDENCE["untagged"])
    if who.pos_ == "PRON" and who.lower_ in ("they", "we"):
        return _unclear(who.text)  # "..., they said": some people, not one named
    if who.pos_ != "NOUN":
        return None
    return _described(segment, found, memory, who, phrase)


def _interview_part(token: Token) -> bool:
    """ "Q" or "A" before a colon: an interview's question or answer, no one's name."""
    after = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":"
    return after and token.text.casefold() in INTERVIEW_PARTS


def _after_label(found: list[Mention], segment: Segment, memory: Speakers, label: Token) -> Said:
    """The parser takes "Q" for the subject of "Q: The minister X says ..."; the
    speaker is the person named after the colon, before the verb."""
    for token in label.doc[label.i + 2 :]:
        if token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            break
        mention = mention_at(found, segment, token)
        if mention is not None and mention.label == "PERSON":
            return _named(mention, memory, mention.start)
    return _unclear("")


def _pronoun(segment: Segment, found: list[Mention], memory: Speakers, who: Token) -> Said:
    """ "he said": the subject of a sentence before, in this paragraph or the one
    before, that agrees with the pronoun (discourse.Discourse.antecedent); else the
    one person this paragraph names before it; else unclear. A person pronoun
    never stands for a body, nor "it" for a person."""
    word = who.lower_
    paragraph = memory.paragraph(who.idx)
    found_topic = memory.discourse.antecedent(word, paragraph)
    if found_topic is not None:
        topic, back = found_topic
        basis = "pronoun-subject"
        confidence = CONFIDENCE["pronoun-subject" if back == 0 else "pronoun-earlier"]
        if topic.name is None:
            # "A former officer said ... '...,' he said": the same unnamed source.
            return Said(None, who.text, None, "unnamed", basis, confidence)
        memory.discourse.learn_gender(topic.name, PRONOUN_GENDER.get(word))
        return Said(topic.name, who.text, topic.mention_id, topic.kind, basis, confidence)
    if word in PRONOUNS:
        person = _paragraph_person(segment, found, memory, who)
        if person is not None:
            return person
    return _unclear(who.text)


def _paragraph_person(
    segment: Segment, found: list[Mention], memory: Speakers, who: Token
) -> Said | None:
    """The person a paragraph is about when it names one person before the pronoun
    and no one else, and the gender the text shows does not contradict it."""
    at = who.idx
    first = memory.starts[max(bisect_right(memory.starts, at) - 1, 0)] if memory.starts else 0
    named = [
        m
        for m in found
        if m.label == "PERSON" and segment.start + first <= m.start < segment.start + at
    ]
    people = {memory.name(m.text, m.start) for m in named}
    if len(people) != 1:
        return None
    person = people.pop()
    known = memory.discourse.gender(person)
    if known is not None and known != PRONOUN_GENDER.get(who.lower_):
        return None
    mention = named[-1]
    return Said(
        person, who.text, mention.id, "person", "pronoun-paragraph", CONFIDENCE["pronoun-paragraph"]
    )


def _described(
    segment: Segment, found: list[Mention], memory: Speakers, who: Token, phrase: str
) -> Said | None:
    """A speaker named by a description: a spokesman for a body, a role, a body,
    or an unnamed source. A description that fits no one named before ("the former
    officer" after "a former officer ... said") is someone the text does not name."""
    at = segment.start + who.idx
    sure = CONFIDENCE["description"]
    body = _represented(segment, found, memory, who)
    owner = next((c for c in who.children if c.dep_ == "poss"), None)
    if who.lower_ in SPOKESPERSONS and owner is not None and owner.lower_ in PRONOUN_GENDER:
        # "his spokesman said": the one "his" stands for speaks through him.
        return _pronoun(segment, found, memory, owner)._replace(written=phrase)
    if who.lower_ in SPOKESPEOPLE:  # "the statement said": the body that issued it
        if body is None and _names_a_body(who):
            # "a police spokesman": a body the text does not name
            return Said(None, phrase, None, "unnamed", "description", sure)
        body = body or memory.last_body
        if body is not None:
            return Said(body, phrase, None, "body", "description", sure)
    if who.tag_ in ("NNS", "NNPS"):
        if _title_case(phrase) and _person_in(found, segment, who) is None:
            # "Reporters Without Borders": a name the model missed
            return Said(phrase, phrase, None, "body", "named", CONFIDENCE["untagged"])
        return Said(None, phrase, None, "unnamed", "description", sure)  # witnesses
    if (person := memory.by_role(who.lower_)) is not None:
        return Said(person, phrase, None, "person", "description", sure)
    if body is not None:  # "the EU's delegation said"
        return Said(body, phrase, None, "body", "description", sure)
    if (body := memory.body(who.lower_, at)) is not None:
        return Said(body, phrase, None, "body", "description", sure)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in who.children)
    if definite and is_person_noun(who.lower_, TITLE_WORDS):
        return _anaphor(memory, who, phrase)
    return Said(None, phrase, None, "unnamed", "description", sure)


def _anaphor(memory: Speakers, who: Token, phrase: str) -> Said:
    """ "the expert said", where no one was given that word: a definite description
    takes up the person the passage is about, as a pronoun does."""
    introduced = _introduced_as(who)
    if introduced is not None:
        return Said(
            memory.name(introduced, None),
            phrase,
            None,
            "person",
            "description",
            CONFIDENCE["description"],
        )
    gender = NOUN_GENDER.get(who.lower_)
    pronoun = {"m": "he", "f": "she"}.get(gender or "", "")
    found = memory.discourse.antecedent(pronoun, memory.paragraph(who.idx))
    if found is None:
        return Said(None, phrase, None, "unnamed", "description", CONFIDENCE["description"])
    topic = found[0]
    kind = "person" if topic.name is not None else "unnamed"
    return Said(topic.name, phrase, topic.mention_id, kind, "description", CONFIDENCE["anaphor"])


def _names_a_body(who: Token) -> bool:
    """Whether a spokesman's phrase says whose he is: "a police spokesman", "a
    spokesman for the ministry"."""
    for child in who.children:
        if child.dep_ in ("compound", "poss") and child.pos_ in ("NOUN", "PROPN"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
            return True
    return False


def _introduced_as(who: Token) -> str | None:
    """The person the segment last introduced with this noun before their name:
    "the poet" after "released the poet Yousef al-Mansouri"."""
    doc = who.doc
    for token in reversed(doc[: who.i]):
        if token.lower_ != who.lower_ or token.i + 1 >= len(doc):
            continue
        name = doc[token.i + 1]
        if name.pos_ == "PROPN" and name.ent_type_ == "PERSON":
            end = name.i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            return doc[name.i : end + 1].text
    return None


def _title_case(phrase: str) -> bool:
    words = phrase.split()
    return len(words) > 1 and is_title(phrase) and not words[0][:1].islower()


def _represented(
    segment: Segment, found: list[Mention], memory: Speakers, who: Token
) -> str | None:
    """The body a spokesman or statement speaks for: "the ministry's spokesman",
    "a statement from the Interior Ministry"."""
    if who.lower_ not in SPOKESPEOPLE and who.lower_ not in BODY_NOUNS:
        return None  # "a director of the trust" is a person, not the trust speaking
    for child in who.children:
        tokens = [child] if child.dep_ in ("poss", "compound") else []
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "by"):
            tokens = [c for c in child.children if c.dep_ == "pobj"]
        for token in tokens:
            mention = mention_at(found, segment, token) or _body_in(found, segment, token)
            if mention is not None and mention.label != "PERSON":
                return mention.text
            if token.pos_ == "NOUN":
                return memory.body(token.lower_, segment.start + token.idx)
    return None


def _body_in(found: list[Mention], segment: Segment, token: Token) -> Mention | None:
    """An organisation named inside a noun's phrase: "the European Union delegation"
    speaks for the European Union."""
    start = segment.start + token.left_edge.idx
    end = segment.start + token.idx + len(token)
    return next((m for m in found if start <= m.start and m.end <= end and m.label == "ORG"), None)


def _named(mention: Mention, memory: Speakers, at: int) -> Said:
    # A surname the model took for an organisation is still the person named before.
    if mention.label == "PERSON" or memory.knows(mention.text):
        name = memory.name(mention.text, at)
        basis = "named" if name == mention.text else "surname"
        return Said(name, mention.text, mention.id, "person", "named", CONFIDENCE[basis])
    return Said(mention.text, mention.text, mention.id, "body", "named", CONFIDENCE["named"])


def _appositive(found: list[Mention], segment: Segment, who: Token) -> Mention | None:
    """A person (else organisation) named in apposition in the subject's phrase, or
    leading it: "Her lawyer, Gunel Safarova, said" and "a lawyer for Aliyarov, Orhan
    Bagirov, said" are the lawyers speaking, "Azad Xabar's editor, Javid Orujov" is
    Orujov, not the outlet, and "the lawmakers, led by Mark Calloway" is Calloway."""
    inside = []
    named = [t for t in who.subtree if t.dep_ == "appos"]
    named += [c for c in who.children if c.dep_ == "acl"]
    for appos in named:
        start = segment.start + appos.left_edge.idx
        end = segment.start + appos.right_edge.idx + len(appos.right_edge)
        inside += [
            m for m in found if start <= m.start and m.end <= end and m.label in ("PERSON", "ORG")
        ]
    inside.sort(key=lambda m: (m.label != "PERSON", m.start))
    return inside[0] if inside else None


def _appositive_name(found: list[Mention], segment: Segment, who: Token) -> str | None:
    """A proper name in apposition that the model did not tag at all: "The chief
    prosecutor of Varden, Ivo Lenk, said"."""
    for appos in (t for t in who.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"):
        at = segment.start + appos.idx
        if any(m.start <= at < m.end for m in found) or not appos.text[:1].isupper():
            continue
        words = [c for c in appos.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        first = min([appos, *words], key=lambda t: t.i)
        name = appos.doc[first.i : appos.i + 1].text
        if " " in name:
            return name
    return None


def _person_in(found: list[Mention], segment: Segment, who: Token) -> Mention | None:
    """A person named inside a capitalised subject's phrase: the parser makes the
    title the head of "President of Azerbaijan Ilham Aliyev". A clause on the
    subject is not its name: "Ida Roos of the centre, which has recognised
    Ana Berg as a prisoner, said" is Roos."""
    start = segment.start + who.left_edge.idx
    end = segment.start + who.right_edge.idx + len(who.right_edge)
    clauses = [
        (segment.start + c.left_edge.idx, segment.start + c.right_edge.idx + len(c.right_edge))
        for c in who.children
        if c.dep_ in ("relcl", "acl", "advcl")
    ]
    return next(
        (
            m
            for m in found
            if start <= m.start
            and m.end <= end
            and m.label == "PERSON"
            and not any(a <= m.start < b for a, b in clauses)
        ),
        None,
    )


def mention_at(found: list[Mention], segment: Segment, token: Token) -> Mention | None:
    """The mention the subject token belongs to (people first, then organisations)."""
    at = segment.start + token.idx
    inside = [m for m in found if m.start <= at < m.end]
    inside.sort(key=lambda m: m.label != "PERSON")
    return inside[0] if inside else None
