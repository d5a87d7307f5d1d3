"""Titles and roles: what a text says a person is, read off spaCy's dependency parse.

Three shapes cover news copy and author bios:
- apposition: "Azer Gasimly, an independent politician, head of the Institute of
  Political Management, said" gives two roles, one per appositive;
- title: "US Secretary of State Anthony Blinken", "Azerbaijani President Ilham
  Aliyev": the words before the name inside its noun phrase, when they hold a
  title word (a bare "Mr" or an adjective is not a role);
- copula: "David Kramer is a senior fellow at ... and a former Assistant
  Secretary of State", one role per conjoined predicate.

Each role keeps the organisation or country named inside it (the first
organisation mention, else the first place), so "former U.S. Ambassador to
Azerbaijan" is stored with Azerbaijan.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from casework.extract.model import Mention, Position, Segment
from casework.store.ids import make_id

# Words that make the words before a name a title (lower case).
TITLE_WORDS = frozenset(
    """
    president vice prime minister secretary ambassador envoy senator congressman
    congresswoman representative deputy chairman chairwoman chair head director
    governor mayor judge prosecutor attorney general commissioner spokesman
    spokeswoman spokesperson minister chief commander colonel officer leader
    founder editor journalist reporter activist lawyer advocate professor dr
    researcher analyst expert fellow adviser advisor counsellor counselor king
    queen emir sheikh prince speaker ombudsman rapporteur coordinator manager
    ceo chairperson member mp mep diplomat official candidate blogger politician
    economist scholar historian author writer columnist correspondent producer
    presenter lecturer partner owner shareholder businessman businesswoman
    oligarch spokesman ex-ambassador ex-minister former
    """.split()
)


def _is_title(token: Token) -> bool:
    word = token.lower_.strip(".")
    plural = word[:-3] + "man" if word.endswith("men") else word[:-1] if word.endswith("s") else ""
    return word in TITLE_WORDS or plural in TITLE_WORDS


_SKIP = {"det", "punct", "cc", "case", "prep"}
_BE = frozenset({"is", "was", "are", "were", "'s", "’s", "has been", "be", "been"})


def positions(doc: Doc, segment: Segment, found: list[Mention]) -> list[Position]:
    """The roles given to the people mentioned in one parsed segment."""
    out: list[Position] = []
    others = [m for m in found if m.label in ("ORG", "PLACE")]
    for mention in found:
        if mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start - segment.start, mention.end - segment.start)
        if span is None:
            continue
        for pattern, phrase in _phrases(span):
            role = _clean(phrase) if pattern != "relative" else phrase
            if role is None:
                continue
            start = segment.start + role.start_char
            end = segment.start + role.end_char
            head = phrase.root if pattern not in ("title", "relative") else phrase[-1]
            organisation = _organisation(others, start, end, segment.start + head.idx)
            if pattern == "relative":
                # "who directs the group Y" is held as "director of the group Y"
                role_text = f"{HEADING_VERBS[phrase[0].lower_]} of {phrase[1:].text}"
            else:
                role_text = role.text
            out.append(
                Position(
                    id=make_id("position", mention.id, start, end),
                    mention_id=mention.id,
                    document_id=mention.document_id,
                    segment=mention.segment,
                    person=mention.text,
                    role=role_text,
                    organisation=organisation.text if organisation else None,
                    organisation_mention_id=organisation.id if organisation else None,
                    pattern=pattern,
                    start=start,
                    end=end,
                    sentence=mention.sentence,
                    sentence_start=mention.sentence_start,
                )
            )
    return out


# Verbs that say what someone heads, and the role they make: "who directs Y".
HEADING_VERBS = {
    "directs": "director",
    "directed": "director",
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "runs": "head",
    "ran": "head",
    "founded": "founder",
    "commands": "commander",
    "commanded": "commander",
    "edits": "editor",
    "coordinates": "coordinator",
}


def _phrases(span: Span):
    root = span.root
    doc = span.doc
    # Apposition: every appositive hanging off the name, or off an appositive of it.
    heads: list[Token] = []
    queue = [c for c in root.children if c.dep_ == "appos"]
    while queue:
        token = queue.pop(0)
        queue.extend(c for c in token.children if c.dep_ == "appos")
        if token.ent_type_ == "PERSON" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        heads.append(token)
    for token in _role_heads(heads):
        yield "apposition", _own_subtree(token, _role_heads(heads))
    # Title: the rest of the name's noun phrase, before it; a name conjoined to a
    # titled one shares its title ("Congressmen Smith and McGovern").
    titled, first = root, span.start
    if root.dep_ == "conj" and root.head.i < span.start and root.head.ent_type_ == "PERSON":
        titled = first = root.head
        while titled.i > 0 and _name_word_of(doc[first.i - 1], titled):
            first = doc[first.i - 1]
        first = first.i
    left = min((t.left_edge.i for t in titled.children if t.i < first), default=first)
    if left < first:
        words = doc[left:first]
        if any(_is_title(t) for t in words):
            yield "title", words
    # Copula: "X is a ... and a former ...", one role per conjoined predicate.
    if root.dep_ == "nsubj" and root.head.lower_ in _BE:
        attrs = [c for c in root.head.children if c.dep_ == "attr"]
        found = _role_heads([t for a in attrs for t in (a, *_conjuncts(a))])
        for token in found:
            yield "copula", _own_subtree(token, found)
    # Relative clause: "X, who directs the human rights group Y" (a role said with a verb).
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.lower_ not in HEADING_VERBS:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        led = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if led is not None:
            yield "relative", doc[clause.i : led.right_edge.i + 1]


def _name_word_of(token: Token, name: Token) -> bool:
    """A word of the name that `name` ends ("Chris" of "Chris Smith"), not its title."""
    return token.head.i == name.i and token.dep_ in ("compound", "flat") and not _is_title(token)


def _role_heads(tokens: list[Token]) -> list[Token]:
    """The given role heads and any title word conjoined or in apposition beneath
    them: the parser often hangs "a former Assistant Secretary" off the last
    noun of the role before it instead of off that role."""
    out: list[Token] = []
    seen: set[int] = set()
    for token in tokens:
        for t in token.subtree:
            if t.i in seen:
                continue
            if t is token or (t.dep_ in ("appos", "conj") and _is_title(t)):
                seen.add(t.i)
                out.append(t)
    return sorted(out, key=lambda t: t.i)


def _conjuncts(token: Token) -> list[Token]:
    """Conjoined and appositive predicates: "a fellow at X, a former Y, and Z"."""
    out = []
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _own_subtree(token: Token, heads: list[Token]) -> Span:
    """The token's phrase without the phrases of the other role heads, as a
    contiguous span: it ends where the next role's phrase begins."""
    indices = [t.i for t in token.subtree]
    start, end = min(indices), max(indices) + 1
    for other in heads:
        if other.i == token.i:
            continue
        if token.i < other.i < end:
            end = min(end, max(other.left_edge.i, token.i + 1))
        elif start <= other.i < token.i:
            start = max(start, other.right_edge.i + 1)
    return token.doc[start:end]


def _clean(phrase: Span) -> Span | None:
    start, end = phrase.start, phrase.end
    doc = phrase.doc
    while start < end and (doc[start].dep_ in _SKIP or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc",)):
        end -= 1
    if end - start < 1:
        return None
    span = doc[start:end]
    # A role names one: "senior fellow", "head of", not "criminal" or "swamp creature".
    if not any(_is_title(t) for t in span):
        return None
    return span


def _organisation(others: list[Mention], start: int, end: int, head: int) -> Mention | None:
    """The organisation (else country) the role names, preferring one after the
    role's head word: "former U.S. Ambassador to Azerbaijan" is about Azerbaijan."""
    inside = [m for m in others if m.start >= start and m.end <= end]
    after = [m for m in inside if m.start > head]
    for group in (after, inside):
        for label in ("ORG", "PLACE"):
            for m in group:
                if m.label == label:
                    return m
    return None
