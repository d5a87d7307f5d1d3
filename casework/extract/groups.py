"""Who "they", "the two men" and "I" are: plural and first-person reference.

Reporting names several victims once ("the students, Mateo Arrieta and Joel
Vidarte") and then says "they", "their detention", "the students" or "the two
men"; the case file needs each of them. A plural pronoun, or a plural noun for
people with a definite or counting determiner, stands for the last group of
people the segment named together (conjoined names, "A and B", "A, B and C"),
when that group is near: in the same sentence or the two before it.

"I", "me", "my", "we" and "our" inside a quotation are its speaker ("'They beat
me,' Tavil said"; an interview answer after "Name:"); a first person outside any
quotation is the writer, whom the body does not name, and stands for no one.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from casework.extract.model import Mention, Quote, Segment
from casework.extract.referents import Referent

PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
# People nouns a plural description can be: "the students", "the two men", "both women".
PEOPLE_NOUNS = frozenset(
    """
    men women people students journalists reporters activists brothers sisters sons
    daughters defendants detainees prisoners officers lawyers editors bloggers leaders
    members protesters organisers organizers colleagues friends boys girls children
    """.split()
)
COUNTING = frozenset("the both these those two three four five six all".split())
# How far back (in sentences) a group may be named and still be "they".
REACH = 2


class Groups:
    """Groups of people named together in one segment, for plural reference."""

    def __init__(self, doc: Doc, segment: Segment, found: list[Mention]) -> None:
        self._sentences = [s.start for s in doc.sents]
        people = [m for m in found if m.label == "PERSON" and m.segment == segment.seq]
        by_token: dict[int, Mention] = {}
        for m in people:
            span = doc.char_span(m.start - segment.start, m.end - segment.start)
            if span is not None:
                by_token[span.root.i] = m
        # (end char, sentence, members, the people noun they were introduced with)
        groups: list[tuple[int, int, list[Referent], str | None]] = []
        for i, mention in by_token.items():
            token = doc[i]
            if token.dep_ == "conj" and any(c.i in by_token and c.i < i for c in token.conjuncts):
                continue  # the group is read from its first named member
            # ("Two of those reporters, A and B": the parser may conjoin the names with
            # the description, which is no member of its own.)
            members = [mention] + [by_token[c.i] for c in token.conjuncts if c.i in by_token]
            if len(members) > 1:
                end = max(m.end for m in members)
                sentence = self._sentence(token)
                members_of = [Referent(m.text, m.id) for m in members]
                groups.append((end, sentence, members_of, _introduced_as(token)))
        groups.sort(key=lambda g: g[0])
        self._groups = groups
        self._ends = [g[0] for g in groups]
        self.doc = doc
        self.segment = segment

    def of(self, token: Token) -> list[Referent]:
        """The people a plural pronoun or description stands for; [] when it is no group."""
        if not _plural(token):
            return []
        at = self.segment.start + token.idx
        here = self._sentence(token)
        near = [
            (members, noun)
            for end, sentence, members, noun in reversed(
                self._groups[: bisect_right(self._ends, at)]
            )
            if end <= at and here - sentence <= REACH
        ]
        word = token.lower_
        if word in PEOPLE_NOUNS:
            # "the students" is the group introduced as students; "the two men" is not.
            same = [members for members, noun in near if noun == word]
            if same:
                return same[0]
            near = [(members, noun) for members, noun in near if noun is None]
        return near[0][0] if near else []

    def _sentence(self, token: Token) -> int:
        return bisect_right(self._sentences, token.sent.start)


FIRST_PLURAL = frozenset("we us our ours ourselves".split())


def issuer(doc: Doc, segment: Segment, found: list[Mention]) -> Referent | None:
    """Who "we" is in a statement or report outside any quotation: the organisation the
    text opens with as the subject of its first sentence ("The Norland Human Rights
    Observatory publishes this report", "The Interior Ministry informs the public").
    Read on a document's first body segment; None when it opens otherwise."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    subject = next((c for c in first.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    for m in found:
        if m.label == "ORG" and m.segment == segment.seq:
            span = doc.char_span(m.start - segment.start, m.end - segment.start)
            if span is not None and span.root.i == subject.i:
                return Referent(m.text, m.id)
    return None


class Speakers:
    """First-person words inside quotations stand for the quotation's speaker; "we" and
    "our" outside them for the organisation that issues the text, when it says so."""

    def __init__(self, quotes: list[Quote], issued_by: Referent | None = None) -> None:
        self._quotes = sorted((q for q in quotes if q.speaker), key=lambda q: (q.start, q.end))
        self._issuer = issued_by

    def of(self, token: Token, segment: Segment) -> Referent | None:
        if token.lower_ not in FIRST_PERSON:
            return None
        at = segment.start + token.idx
        for q in self._quotes:
            if q.start <= at < q.end and q.speaker:
                return Referent(q.speaker, q.speaker_mention_id)
        if token.lower_ in FIRST_PLURAL and self._issuer is not None and not _quoted(token):
            return self._issuer
        return None


def _quoted(token: Token) -> bool:
    """Inside quotation marks in its sentence (an unattributed quotation too)."""
    marks = sum(1 for t in token.sent if t.i < token.i and t.is_quote)
    return marks % 2 == 1


def _introduced_as(first: Token) -> str | None:
    """The people noun a group's names stand beside: "the students, A and B" (the names
    in apposition, or conjoined to it by the parser), "two journalists, A and B"."""
    head = first.head
    if first.dep_ in ("appos", "conj") and head.lower_ in PEOPLE_NOUNS:
        return head.lower_
    for child in first.children:
        if child.dep_ == "appos" and child.lower_ in PEOPLE_NOUNS:
            return child.lower_
    return None


def _plural(token: Token) -> bool:
    word = token.lower_
    if word in PLURAL_PRONOUNS:
        return True
    if word in PEOPLE_NOUNS and token.tag_ in ("NNS", "NNPS"):
        return any(
            c.dep_ in ("det", "nummod", "predet") and c.lower_ in COUNTING for c in token.children
        )
    return False
