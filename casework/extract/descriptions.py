"""Who "the colonel", "the judge" or "the ministry" is: the one the text last gave that word.

Reporting names a person or body once in full and then by what they are: "Colonel
Rauf Talibov ... The colonel then ordered ...", "the Internal Security Directorate
... the directorate did not respond". A definite description stands for the
person last given that title or role (a title before the name, an apposition, a
copula: casework.extract.roles), or the organisation last named with that word in
its name, before it in the segment. Nothing stands for a description the text
gave no one ("the officers", "the court" when no court was named); a plural
("the judges") is a group, not the one named.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from casework.extract.model import Mention, Position, Segment
from casework.extract.referents import Referent

DEFINITE = frozenset({"the", "this", "that"})
# What someone's own body is called: "her organisation", "his newspaper".
BODY_NOUNS = frozenset(
    "organisation organization group party company firm newspaper paper outlet station "
    "office ministry team union association centre center".split()
)
# Bodies a text names once and then by their kind, capitalised or not.
BODY_WORDS = frozenset(
    """
    ministry ministries court directorate service agency bureau commission council
    committee office prosecutor's government army police guard regulator authority
    department unit brigade centre center colony
    """.split()
)
# Words too general to pick one referent: "the official" names no one in particular.
VAGUE = frozenset("official officials person people man woman group body member".split())


class Descriptions:
    """Definite descriptions in one segment, resolved to the mentions before them."""

    def __init__(self, segment: Segment, found: list[Mention], roles: list[Position]) -> None:
        by_id = {m.id: m for m in found}
        entries: list[tuple[int, frozenset[str], Mention]] = []
        # Earlier paragraphs count: "the ministry" answers paragraphs after the
        # Interior Ministry was named (the caller passes the document so far).
        for m in found:
            if m.label == "ORG" and m.start <= segment.start + len(segment.text):
                entries.append((m.start, _words(m.text), m))
        for p in roles:
            mention = by_id.get(p.mention_id)
            if mention is not None:
                entries.append((min(p.start, mention.start), _words(_head_of(p.role)), mention))
        entries.sort(key=lambda e: e[0])
        # Whose organisation is whose: "Jane Roe, director of Kara Watch".
        self._affiliation = {
            p.mention_id: Referent(p.organisation, p.organisation_mention_id)
            for p in roles
            if p.organisation
        }
        # The same by name and surname: "Berg:" labelling an answer is the reporter
        # introduced as "Ana Berg, a reporter for the Kara Post".
        self._affiliation_by_name: dict[str, Referent] = {}
        for p in roles:
            person = by_id.get(p.mention_id)
            if p.organisation and person is not None:
                body = Referent(p.organisation, p.organisation_mention_id)
                self._affiliation_by_name.setdefault(person.text.casefold(), body)
                self._affiliation_by_name.setdefault(person.text.split()[-1].casefold(), body)
        self._entries = entries
        self._starts = [e[0] for e in entries]
        self.segment = segment

    def _indefinite_body(self, token: Token) -> Referent | None:
        """ "A Varden court sentenced X": the one body the document names with the kind
        and every word before it ("Varden City Court"), wherever it names it."""
        marks = {
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "amod") and c.text[:1].isupper()
        }
        if not marks:
            return None
        bodies = {
            mention.id: mention
            for _, words, mention in self._entries
            if mention.label == "ORG" and token.lower_ in words and marks <= words
        }
        if len({m.text for m in bodies.values()}) != 1:
            return None
        mention = next(iter(bodies.values()))
        return Referent(mention.text, mention.id)

    def owned(self, token: Token, owner: Referent | None) -> Referent | None:
        """ "her organisation", "his newspaper": the body the owner's role ties them to."""
        if token.lower_ not in BODY_NOUNS or owner is None:
            return None
        return self.affiliation_of(owner)

    def affiliation_of(self, person: Referent) -> Referent | None:
        """The body a person's role ties them to ("Ana Berg, a reporter for the Kara
        Times"), if the text gives one."""
        if person.mention_id in self._affiliation:
            return self._affiliation[person.mention_id]
        return self._affiliation_by_name.get(person.text.split()[-1].casefold())

    def of(self, token: Token) -> Referent | None:
        """The person or body a definite description ("the colonel") stands for."""
        if token.tag_ in ("NNS", "NNPS"):
            return None
        if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.lower_ in BODY_WORDS):
            return None  # "The Ministry" the model took for a name is still a description
        word = token.lower_
        if word in VAGUE:
            return None
        if word in BODY_WORDS and any(c.lower_ in ("a", "an") for c in token.children):
            return self._indefinite_body(token)
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
            return None
        at = self.segment.start + token.idx
        for _, words, mention in reversed(self._entries[: bisect_right(self._starts, at)]):
            if word in words and mention.end <= at:
                return Referent(mention.text, mention.id)
        return None


# Words after which a role names where it is held, not what its holder is.
ROLE_PREPS = frozenset("of at in for from with to on".split())


def _head_of(role: str) -> str:
    """What a role calls its holder: "deputy head of investigations at the directorate"
    makes its holder "the deputy head", not "the directorate" (that is the body's)."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if w.casefold() in ROLE_PREPS), len(words))
    return " ".join(words[:cut])


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip(".,'’").casefold() for w in text.replace("-", " ").split())
