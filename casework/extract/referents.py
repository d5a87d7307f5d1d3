"""Who a word in the parse stands for: the named person or organisation it refers to.

Acts name their actor and target with the words of the sentence ("whose officers",
"she", "the editor, Aizhan Bekova"); the case file needs the named entity behind
them, or nothing when the text names no one ("police officers", "at least 11
people"). The rules, in order:

- a word inside a person, organisation or place mention is that mention;
- a noun in apposition with a name is that name ("the editor-in-chief, Aizhan
  Bekova"; "Bekova, the editor"; "the editor of Kara Times, Aizhan Bekova", where
  the parser hangs the name on the title's last word);
- "he", "she", "him", "her" are the nearest person named before them in the segment;
- "who", "whom", "whose", "that", "which" are the noun their relative clause
  hangs on; "who" and "whom" prefer a person, because the small parser often
  hangs the clause on the organisation at the end of a title;
- a noun that stands for a body's people or power ("officers of the State Security
  Service", "troops from the National Guard", "the government of Karastan") is
  that body;
- a proper noun the entity model missed is still a name, kept as written
  without a mention id ("Kazimli" where the model found no PERSON);
- any other common noun names no one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from casework.extract.discourse import Discourse
from casework.extract.model import Mention, Segment

NAMED = ("PERSON", "ORG", "PLACE")
PERSONAL = frozenset("he him his himself she her hers herself".split())
RELATIVE = frozenset("who whom whose that which".split())
# Nouns that stand for the people or the power of the body named after them.
MEMBERS = frozenset(
    "officers officer officials official agents agent troops soldiers forces guards "
    "police policemen staff employees operatives units unit investigators government "
    "regime leadership interrogators".split()
)
MEMBER_PREPS = ("of", "from", "at")
# "a group led by X": the group is named by who leads it.
LEADERS = frozenset("led headed chaired".split())


@dataclass(frozen=True)
class Referent:
    """A named person or body: its name as written, and its mention when one was found."""

    text: str
    mention_id: str | None


class Referents:
    """Resolves tokens of one parsed segment to the mentions found in it."""

    def __init__(
        self,
        doc: Doc,
        segment: Segment,
        found: list[Mention],
        before: Discourse | None = None,
    ) -> None:
        self.doc = doc
        # Who the paragraphs before this segment were about (extract.discourse), for a
        # pronoun that opens a paragraph: "According to the designation, she headed".
        self.before = before
        self.segment = segment
        self.named = sorted(
            (m for m in found if m.label in NAMED and m.segment == segment.seq),
            key=lambda m: m.start,
        )
        self._starts = [m.start for m in self.named]
        # Surnames of the people the document names in full, to tell that a lone
        # surname the model labelled otherwise ("Berg, 34, was detained") is one.
        self._surnames = {
            m.text.split()[-1].casefold() for m in found if m.label == "PERSON" and " " in m.text
        }

    def of(self, token: Token | None) -> Referent | None:
        """The named person, organisation or place this token refers to, if any."""
        return self._resolve(token, set()) if token is not None else None

    def mention_at(self, token: Token) -> Mention | None:
        """The mention this very token is part of."""
        at = self.segment.start + token.idx
        n = bisect_right(self._starts, at) - 1
        if n >= 0 and self.named[n].start <= at < self.named[n].end:
            return self.named[n]
        return None

    def _named(self, token: Token) -> Referent | None:
        """The token's own name: a mention, else a proper noun the model missed."""
        here = self.mention_at(token)
        if here is not None:
            return Referent(here.text, here.id)
        return _proper_name(token)

    def _resolve(self, token: Token, seen: set[int]) -> Referent | None:
        if token.i in seen:
            return None
        seen.add(token.i)
        word = token.lower_
        if word in PERSONAL:
            return self._antecedent(token)
        if word in ("it", "its") and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return self._body_antecedent(token)
        if (word in RELATIVE and token.tag_.startswith("W")) or (
            word == "that" and _relative(token)
        ):
            return self._relative(token, seen)
        here = self._named(token)
        if here is not None:
            return here
        whose = next((c for c in token.children if c.lower_ == "whose"), None)
        if whose is not None:  # "whose officers"
            return self._relative(whose, seen)
        if token.dep_ == "appos":
            found = self._resolve(token.head, seen)
            if found is not None:
                return found
        for child in token.children:
            if child.dep_ == "appos":
                found = self._resolve(child, seen)
                if found is not None:
                    return found
        if word in MEMBERS:
            for child in token.children:
                if child.dep_ in ("compound", "poss") and child.i < token.i:
                    named = self._named(child)  # "National Guard troops", "the ISD's officers"
                    body = self.mention_at(child)
                    if named is not None and body is not None and body.label == "ORG":
                        return named
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in MEMBER_PREPS:
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return self._resolve(obj, seen)
        person = self._title_holder(token)
        if person is not None:
            return person
        for child in token.children:  # "the lawmakers, led by Representative X"
            if child.dep_ == "acl" and child.lower_ in LEADERS:
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                if obj is not None:
                    return self._resolve(obj, seen)
        return None

    def _title_holder(self, token: Token) -> Referent | None:
        """ "The editor of Kara Times, Aizhan Bekova": the parser hangs the name on the
        last word of the title; a person there is who the title's noun stands for."""
        if token.pos_ != "NOUN":
            return None
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "for"):
                continue
            for obj in prep.children:
                for appos in obj.children:
                    if (
                        appos.dep_ == "appos"
                        and self._is_person(appos)
                        and not self._is_person(obj)
                    ):
                        return self._named(appos)
        return None

    def _antecedent(self, token: Token) -> Referent | None:
        """Who "he" or "she" is: for a subject pronoun, the named subject of a clause
        its clause depends on ("X had been investigating when she was arrested"); for
        the subject of a sentence, the person the sentence before was about (its main
        subject: "Berg was detained after officers under Colonel T searched the
        office. He has denied the charges" is Berg, not the colonel); else the
        nearest person named before it."""
        topic = self._topic(token) or self._discourse_subject(token)
        if topic is not None:
            return topic
        node = token.head if token.dep_ in ("nsubj", "nsubjpass") else token
        while token.dep_ in ("nsubj", "nsubjpass") and node.head.i != node.i:
            node = node.head
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < token.i:
                named = self._named(subject)
                if named is not None and (named.mention_id is None or self._is_person(subject)):
                    return named
        at = self.segment.start + token.idx
        own = self._own_subject(token)
        for mention in reversed(self.named[: bisect_right(self._starts, at)]):
            if mention.label == "PERSON" and mention.end <= at:
                if own is not None and mention.id == own.id:
                    continue  # "President Malin pardoned him": "him" is not Malin
                return Referent(mention.text, mention.id)
        return self._from_before(token)

    def _from_before(self, token: Token) -> Referent | None:
        """A subject pronoun with no one named before it in its paragraph: the person
        the paragraph before was about, when it agrees (Discourse.antecedent)."""
        earlier = self._earlier_topics(token)
        if not earlier:
            return None
        at = self.segment.start + token.sent.start_char
        found = self.before.antecedent(token.lower_, earlier[-1].paragraph + 1, at)
        if found is None or found[0].name is None:
            return None
        return Referent(found[0].name, found[0].mention_id)

    def _discourse_subject(self, token: Token) -> Referent | None:
        """A subject pronoun: who the passage is about (the latest agreeing sentence
        subject before it in its paragraph, extract.discourse), rather than the last
        name mentioned ("She is the daughter of the late president X. ... she headed")."""
        if token.head.dep_ != "ROOT":
            return None  # in an embedded clause the nearest name is the likelier one
        earlier = self._earlier_topics(token)
        if not earlier:
            return None
        at = self.segment.start + token.sent.start_char
        found = self.before.antecedent(token.lower_, earlier[-1].paragraph, at)
        if found is None or found[0].name is None or found[1] > 0:
            return None
        return Referent(found[0].name, found[0].mention_id)

    def _earlier_topics(self, token: Token) -> list:
        if self.before is None or token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        at = self.segment.start + token.sent.start_char
        return [t for t in self.before.topics if 0 <= t.start < at]

    def _own_subject(self, token: Token) -> Mention | None:
        """The subject of the verb an object pronoun belongs to ("him", "her" are never
        the subject of their own clause; "himself" would be)."""
        if token.dep_ not in ("dobj", "pobj", "dative", "iobj") or token.lower_ in (
            "himself",
            "herself",
        ):
            return None
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self.mention_at(subject) if subject is not None else None

    def _topic(self, token: Token) -> Referent | None:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT":
            return None
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in token.sent if t.i < token.i):
            return None  # not the sentence's first subject
        sentences = list(self.doc.sents)
        here = next((i for i, s in enumerate(sentences) if s.start == token.sent.start), 0)
        if here == 0:
            return None
        before = sentences[here - 1].root
        subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        mention = self.mention_at(subject)
        if mention is None or mention.segment != self.segment.seq:
            return None
        if mention.label == "PERSON" or mention.text.casefold() in self._surnames:
            return Referent(mention.text, mention.id)
        return None

    def _body_antecedent(self, token: Token) -> Referent | None:
        """ "The Centre said that it would ask for X to be sanctioned": "it" is the body
        that is the subject of a clause the pronoun's clause depends on."""
        node = token.head
        while node.head.i != node.i:
            node = node.head
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < token.i:
                mention = self.mention_at(subject)
                if mention is not None and mention.label == "ORG":
                    return Referent(mention.text, mention.id)
                return None
        return None

    def _is_person(self, token: Token) -> bool:
        mention = self.mention_at(token)
        return mention is not None and mention.label == "PERSON"

    def _relative(self, token: Token, seen: set[int]) -> Referent | None:
        clause = token
        while clause.dep_ != "relcl" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl":
            return None
        found = self._resolve(clause.head, seen)
        personal = token.lower_ in ("who", "whom", "whose")
        if personal and (found is None or not self._is_person_text(found)):
            node = clause.head
            while node.head.i != node.i:  # "Saif al-Dhaheri, director at the Apparatus, whom"
                node = node.head
                if self._is_person(node):
                    return self._named(node)
        return found

    def _is_person_text(self, found: Referent) -> bool:
        if found.mention_id is None:
            return True
        return any(m.id == found.mention_id and m.label == "PERSON" for m in self.named)


def _relative(token: Token) -> bool:
    """Whether "that" opens a relative clause here (not "said that ...")."""
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.dep_ == "relcl"


def _proper_name(token: Token) -> Referent | None:
    """A run of proper nouns the entity model did not label: "Leyla Kazimli"."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME", "MONEY", "LAW"):
        return None
    if len(token.text) < 2 or (token.i + 1 < len(token.doc) and token.nbor(1).text == ":"):
        return None  # "Q:", "A:", "Berg:": an interview's speaker labels, not names
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("PERSON", "ORG", "GPE"):
            return Referent(ent.text, None)
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    first = min([token, *words], key=lambda t: t.i)
    return Referent(token.doc[first.i : token.i + 1].text, None)
