"""Alleged acts: who is said to have done what to whom, mapped to the Global Magnitsky criteria.

A trigger word (a verb or a noun from TRIGGERS) names the act; the parse gives
its actor and target:
- active verb: actor = subject, target = object ("Police detained the journalist");
- passive verb: target = subject, actor = the "by" agent ("Petrova was tortured by
  officers of the State Security Service"); no agent, no actor;
- noun: target = "of" object, actor = "by" object ("the arrest of X by Y");
- a call for sanctions: the caller is the subject of "call for", "urge" or
  "impose", the target whoever the sanctions are "against" or "on".

Actor and target are the people or organisations mentioned there (their
mention ids), else the words as written ("police"). An act that is negated
("was not tortured") or sits inside a denial ("the ministry denied that anyone
was tortured") is not stored: the text does not allege it. The time is the
date or time expression spaCy finds in the same sentence, nearest the trigger.

Categories follow the Global Magnitsky criteria: serious human-rights abuse
(detention, imprisonment, political prisoners, torture, killings, press
restrictions), corruption (corruption, bribery, money laundering), and
context for pardons and calls for sanctions, which are neither.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from casework.extract.model import Act, Mention, Segment
from casework.store.ids import make_id

TRIGGERS: dict[str, frozenset[str]] = {
    "detention": frozenset(
        "detain detained detains detaining detention detentions arrest arrested "
        "arrests arresting abducted abduction kidnapped".split()
    ),
    "imprisonment": frozenset(
        "sentenced sentencing jailed jailing imprisoned imprisonment imprisoning "
        "convicted incarcerated".split()
    ),
    "torture": frozenset(
        "torture tortured torturing ill-treatment ill-treated mistreated mistreatment "
        "beaten beating beatings".split()
    ),
    "killing": frozenset(
        "killed killing killings murdered murder murders assassinated assassination "
        "executed".split()
    ),
    "press_restriction": frozenset(
        "censorship censored blocked blocking shut closed banned revoked raided".split()
    ),
    "pardon": frozenset("pardon pardoned pardons pardoning amnesty".split()),
    "corruption": frozenset(
        "corruption corrupt embezzled embezzlement embezzling misappropriated "
        "misappropriation kickbacks".split()
    ),
    "bribery": frozenset("bribe bribes bribery bribed bribing".split()),
    "money_laundering": frozenset("laundering laundered launder".split()),
}
CATEGORIES = {
    "detention": "human_rights",
    "imprisonment": "human_rights",
    "political_prisoner": "human_rights",
    "torture": "human_rights",
    "killing": "human_rights",
    "press_restriction": "human_rights",
    "corruption": "corruption",
    "bribery": "corruption",
    "money_laundering": "corruption",
    "pardon": "context",
    "sanctions_call": "context",
}
_KIND_OF = {word: kind for kind, words in TRIGGERS.items() for word in words}
# Press restrictions need a press object: "blocked the website", not "blocked the road".
PRESS_WORDS = frozenset(
    "website websites site sites outlet outlets newspaper newspapers channel channels "
    "station broadcaster media newsroom newsrooms accreditation agency portal "
    "magazine journalists reporters radio television tv youtube".split()
)
DENIALS = frozenset("deny denied denies denying rejected reject rejects dismissed".split())
CALLS = frozenset("call called calls calling urge urged urges urging impose imposed".split())


def acts(doc: Doc, segment: Segment, found: list[Mention]) -> list[Act]:
    """The alleged acts in one parsed segment."""
    out: list[Act] = []
    for token in doc:
        word = token.lower_
        if word == "prisoners" or word == "prisoner":
            if token.i > 0 and token.nbor(-1).lower_ == "political":
                out.append(_act(doc, segment, found, "political_prisoner", token, None, token))
            continue
        if word in ("sanction", "sanctions"):
            call = _call(token)
            if call is not None:
                target = _prep_object(token, ("against", "on"))
                out.append(
                    _act(doc, segment, found, "sanctions_call", token, _subject(call), target)
                )
            continue
        kind = _KIND_OF.get(word)
        if kind is None or _denied(token):
            continue
        if kind == "press_restriction" and not _about_press(token):
            continue
        actor, target = _roles(token)
        out.append(_act(doc, segment, found, kind, token, actor, target))
    return out


def _roles(token: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) of a trigger, from the parse."""
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        if passive or token.dep_ in ("acl", "amod"):
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            target = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if target is None and token.dep_ in ("acl", "amod"):
                target = token.head  # "journalists detained last week"
            return actor, target
        return _subject(token), next((c for c in token.children if c.dep_ == "dobj"), None)
    return _prep_object(token, ("by",)), _prep_object(token, ("of", "against"))


def _subject(token: Token | None) -> Token | None:
    while token is not None:
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
            token = token.head  # "the police moved to arrest him": the subject of "moved"
            continue
        return None
    return None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _call(token: Token) -> Token | None:
    """The verb calling for or imposing these sanctions, if any."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "for":  # "called for sanctions"
        head = head.head
    if head.lower_ in CALLS:
        return head
    return None


def _denied(token: Token) -> bool:
    """Negated, or inside a clause a denial governs."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp") and node.head.lower_ in DENIALS:
            return True
        node = node.head
    return False


def _about_press(token: Token) -> bool:
    words = {t.lower_ for t in token.subtree} | {t.lower_ for t in token.head.subtree}
    return bool(words & PRESS_WORDS)


def _act(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    kind: str,
    trigger: Token,
    actor: Token | None,
    target: Token | None,
) -> Act:
    sentence = trigger.sent
    actor_mention, actor_text = _who(found, segment, actor)
    target_mention, target_text = _who(found, segment, target)
    start = segment.start + trigger.idx
    return Act(
        id=make_id("act", segment.document_id, start, kind),
        document_id=segment.document_id,
        segment=segment.seq,
        kind=kind,
        category=CATEGORIES[kind],
        trigger=trigger.text,
        actor=actor_text,
        actor_mention_id=actor_mention,
        target=target_text,
        target_mention_id=target_mention,
        time=_time(doc, trigger),
        start=start,
        end=start + len(trigger.text),
        sentence=sentence.text,
        sentence_start=segment.start + sentence.start_char,
    )


def _who(
    found: list[Mention], segment: Segment, token: Token | None
) -> tuple[str | None, str | None]:
    """(mention id, text) of the person or organisation a token stands for."""
    if token is None:
        return None, None
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
    start, end = segment.start + phrase.start_char, segment.start + phrase.end_char
    inside = [
        m for m in found if m.label in ("PERSON", "ORG") and start <= m.start and m.end <= end
    ]
    if inside:
        at = segment.start + token.idx
        best = min(inside, key=lambda m: (not (m.start <= at < m.end), m.label != "PERSON"))
        return best.id, best.text
    words = [t for t in phrase if t.dep_ != "det"]
    text = token.doc[words[0].i : words[-1].i + 1].text if words else token.text
    return None, text


def _time(doc: Doc, trigger: Token) -> str | None:
    sentence = trigger.sent
    times = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and e.sent == sentence]
    if not times:
        return None
    return min(times, key=lambda e: abs(e.start - trigger.i)).text
