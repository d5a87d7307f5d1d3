"""Who is behind an act, and how: the mode of involvement a sanctions submission argues.

A submission must say how the official took part: gave the order, carried it
out, signed the warrant, presided over the trial, failed to stop it, profited.
Reporting says it with command and agency phrases around the act, and this
module reads them off the parse, for an act whose trigger and direct actor
casework.extract.acts has found:

- the direct actor's own verb: the subject of "ordered", "directed", "oversaw",
  "led" the act is who ordered it; of "approved", "signed", "authorised" who
  approved it; of "presided over" who presided; "approved by X", "led by X",
  "ordered by X" say the same with the agent; a judge or a court that
  sentences, convicts or holds someone presides (the role says it is a judge);
- a commander named beside the ones who acted: "officers, acting under the
  command of X, searched", "troops under X's command", "on the orders of X",
  "on X's orders", "at X's direction", "a unit that operates under the command
  of X"; "with the approval of X" is approval;
- a control verb above the act: "X ordered officers to detain", "the court
  ordered that he be held", "X, who commanded the unit that opened fire";
- a signature on the paper that made it happen: "X signed the order placing Y
  under surveillance", "the warrant was approved by X", "X signed every
  extension of my detention";
- failing to act: "X failed to investigate the beatings", "X ignored complaints
  of torture", "X has not suspended a single officer over the beatings";
- profit: "accounts controlled by X", "a company owned by X", "X benefited".

Everything else the direct actor did, it carried out. Mode words are tables
below (data, not scattered literals), grouped by the mode they signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MODES = ("ordered", "carried_out", "approved", "presided", "failed_to_prevent", "benefited")
# Verbs (as written; no lemmatizer) whose subject, or whose "by" agent, has this mode.
MODE_VERBS: dict[str, frozenset[str]] = {
    "ordered": frozenset(
        """
        order ordered orders ordering command commanded commands commanding direct directed
        directs directing lead led leads leading head headed heads heading run ran runs
        running oversee oversaw oversees overseeing overseen supervise supervised supervises
        supervising instruct instructed instructs dispatched dispatch sent mastermind
        masterminded organise organised organize organized plan planned coordinate
        coordinated orchestrated orchestrate
        """.split()
    ),
    "approved": frozenset(
        """
        approve approved approves approving authorise authorised authorises authorising
        authorize authorized authorizes authorizing sanction sanctioned sign signed signs
        signing endorse endorsed endorses countersigned countersign rubber-stamped sanctions
        issued issue issues issuing
        """.split()
    ),
    "presided": frozenset("preside presided presides presiding ruled rule rules".split()),
    # Only for an operation told apart from its acts: "the raid was carried out by X".
    "carried_out": frozenset("carried conducted executed performed".split()),
    "failed_to_prevent": frozenset(
        "fail failed fails failing ignore ignored ignores ignoring neglected neglect".split()
    ),
    "benefited": frozenset(
        "benefit benefited benefits benefiting benefitted profit profited profits".split()
    ),
}
MODE_OF_VERB = {word: mode for mode, words in MODE_VERBS.items() for word in words}
# Nouns of command and consent: "under the command of X", "on X's orders".
COMMAND_NOUNS = frozenset(
    """
    command commands order orders direction directions instruction instructions leadership
    supervision control authority behest watch
    """.split()
)
APPROVAL_NOUNS = frozenset(
    "approval approvals authorisation authorization permission signature consent blessing".split()
)
COMMAND_PREPS = frozenset("under on at by with upon".split())
# How many words before an act a misattached command phrase may stand.
COMMAND_REACH = 14
# Nouns for an operation someone leads, with the kinds of act done to people in it:
# an act told next to it without an actor is taken to be part of it only when it is
# of a kind the operation is made of (sleeplessness in an interrogation, an arrest
# in a raid; not a beating at headquarters days after the raid).
_QUESTIONING = frozenset({"torture", "due_process", "intimidation"})
_RAIDING = frozenset({"raid", "detention", "killing"})
OPERATION_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys("interrogation interrogations questioning".split(), _QUESTIONING),
    **dict.fromkeys(
        "operation operations raid raids search searches crackdown sweep sweeps roundup "
        "arrests".split(),
        _RAIDING,
    ),
}
OPERATION_NOUNS = frozenset(OPERATION_KINDS)
# Papers whose signer approves the act they order: "the order placing X under
# surveillance", "the search warrant", "every extension of my detention".
PAPER_NOUNS = frozenset(
    """
    order orders warrant warrants decree decrees decision decisions extension extensions
    request requests application applications indictment indictments authorisation
    authorization permit
    """.split()
)
# Verbs that put someone above those who act: "X ordered officers to detain".
CONTROL_VERBS = frozenset(
    "order ordered orders instructed instruct told directed dispatched sent commanded".split()
)
# Verbs whose object is a unit someone commands: "X, who commanded the unit that fired".
UNIT_VERBS = frozenset(
    "command commanded commands lead led leads head headed heads ran run runs".split()
)
# Judicial actors preside over what they order: "Judge X sentenced Y".
JUDICIAL_WORDS = frozenset("judge judges magistrate court courts tribunal bench justice".split())
JUDICIAL_KINDS = frozenset("imprisonment detention due_process political_prisoner".split())
# Who benefits from money moved: "accounts controlled by X", "a firm owned by X".
OWNER_VERBS = frozenset(
    "controlled owned held belonging registered linked beneficially managed".split()
)
# Failing to act on the abuse: the act noun under these is not done by the subject.
FAIL_OBJECTS = frozenset(
    "investigate punish prevent stop suspend act prosecute examine inspect respond".split()
)


@dataclass(frozen=True)
class Involvement:
    """A word naming someone behind an act, how they were involved, and the words saying so."""

    who: Token
    mode: str
    cue: str


def direct_mode(trigger: Token, actor: Token | None, judicial: bool, kind: str) -> tuple[str, str]:
    """The mode of the direct actor the parse gave, with the words that show it."""
    if actor is None:
        return "carried_out", ""
    verb = _governor(actor)
    if verb is not None and verb.i != trigger.i:
        mode = MODE_OF_VERB.get(verb.lower_)
        if mode is not None:
            return _judicial(mode, judicial, kind), _phrase(verb)
    if verb is not None and verb.i == trigger.i and trigger.lower_ in MODE_OF_VERB:
        return _judicial(MODE_OF_VERB[trigger.lower_], judicial, kind), trigger.text
    if judicial and kind in JUDICIAL_KINDS:
        return "presided", trigger.text
    return "carried_out", ""


def _judicial(mode: str, judicial: bool, kind: str) -> str:
    if judicial and kind in JUDICIAL_KINDS and mode in ("carried_out", "ordered"):
        return "presided"
    return mode


def _governor(actor: Token) -> Token | None:
    """The verb the actor is the subject or the "by" agent of."""
    if actor.dep_ in ("nsubj", "nsubjpass"):
        return actor.head
    if actor.dep_ == "pobj" and actor.head.dep_ == "agent":
        return actor.head.head
    if actor.dep_ == "pobj" and actor.head.lower_ == "by":
        return actor.head.head
    return None


def _phrase(verb: Token) -> str:
    """ "signed off on", "presided over": the verb with its particle or preposition."""
    extra = [c for c in verb.children if c.dep_ in ("prt",) and c.i > verb.i]
    if extra:
        return f"{verb.text} {extra[0].text}"
    return verb.text


def commanders(trigger: Token, actor: Token | None) -> list[Involvement]:
    """Who stands above the direct actor: command phrases, control verbs, signatures."""
    found: list[Involvement] = []
    scopes = [trigger, *_clause_chain(trigger)]
    if actor is not None:
        scopes.extend(_noun_phrase(actor))
    for scope in dict.fromkeys(scopes):
        found.extend(_command_phrase(scope))
        found.extend(_agent_of_modifier(scope, exclude=actor))
    found.extend(_control(trigger))
    found.extend(_unit_commander(trigger))
    found.extend(_signature(trigger))
    found.extend(_failure(trigger))
    found.extend(_owners(trigger))
    if not found:
        found.extend(_sentence_command(trigger))
    return _distinct(found, actor)


def _sentence_command(trigger: Token) -> list[Involvement]:
    """A command phrase the parser hung on the wrong word: "officers, acting under the
    command of X, searched the office" parsed with "acting" on another verb. Read when
    no command was found on the act's own words: the phrase must come before the act,
    in its sentence and within a clause's reach of it ("beaten in the basement on X's
    orders")."""
    sentence = trigger.sent
    out: list[Involvement] = []
    for prep in sentence:
        if prep.i == trigger.i or abs(trigger.i - prep.i) > COMMAND_REACH:
            continue
        if prep.dep_ != "prep" or prep.lower_ not in COMMAND_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lower_ in COMMAND_NOUNS:
                cue = f"{prep.text} {'the ' if _has_det(noun) else ''}{noun.text}"
                out.extend(Involvement(who, "ordered", cue) for who in _holders(noun))
    return out


def operations(doc_tokens: list[Token]) -> list[tuple[Token, list[Involvement]]]:
    """Operations and who led them: "interrogations led by X", "the raid, ordered by X".
    An act told in the next sentence without an actor ("two of those reporters say
    they were kept awake") happened in that operation: casework.extract.acts gives it
    the operation's leader."""
    out = []
    for token in doc_tokens:
        if token.lower_ not in OPERATION_NOUNS:
            continue
        led = _agent_of_modifier(token, exclude=None)
        verb = token.head
        if token.dep_ == "nsubjpass" and verb.lower_ in MODE_OF_VERB:
            # "The operation was led by X", "was carried out by Unit 9 ... approved by Y"
            for v in (verb, *verb.conjuncts):
                agent = next((c for c in v.children if c.dep_ == "agent"), None)
                for obj in agent.children if agent is not None else ():
                    if obj.dep_ == "pobj" and v.lower_ in MODE_OF_VERB:
                        led.extend(
                            Involvement(who, MODE_OF_VERB[v.lower_], f"{_phrase(v)} by")
                            for who in (obj, *obj.conjuncts)
                        )
                        # "... by Unit 9, a team that operates under the command of X"
                        for word in obj.subtree:
                            led.extend(_command_phrase(word))
        if led:
            out.append((token, led))
    return out


def _distinct(found: list[Involvement], actor: Token | None) -> list[Involvement]:
    out: list[Involvement] = []
    seen: set[int] = set() if actor is None else {actor.i}
    for inv in found:
        if inv.who.i in seen:
            continue
        seen.add(inv.who.i)
        out.append(inv)
    return out


def _clause_chain(trigger: Token) -> list[Token]:
    """The words an act's modifiers can hang on: its verb, and a noun's verb."""
    chain = []
    node = trigger
    for _ in range(3):
        if node.head.i == node.i or node.dep_ in ("relcl", "ccomp", "advcl", "parataxis"):
            break
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            chain.append(node)
            continue
        if node.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "prep", "xcomp", "acl"):
            node = node.head
            chain.append(node)
            continue
        break
    return chain


def _noun_phrase(actor: Token) -> list[Token]:
    """The actor and the words of its phrase that can carry a command phrase."""
    words = [actor]
    for t in actor.subtree:
        if t.dep_ in ("acl", "relcl", "appos", "prep") or t.pos_ in ("NOUN", "PROPN", "VERB"):
            words.append(t)
    return words


def _command_phrase(scope: Token) -> list[Involvement]:
    """ "under the command of X", "on X's orders", "with the approval of X"."""
    out = []
    for prep in scope.children:
        if prep.dep_ != "prep" or prep.lower_ not in COMMAND_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            word = noun.lower_
            if word in COMMAND_NOUNS:
                mode = "ordered"
            elif word in APPROVAL_NOUNS:
                mode = "approved"
            else:
                continue
            cue = f"{prep.text} {'the ' if _has_det(noun) else ''}{noun.text}"
            for who in _holders(noun):
                out.append(Involvement(who, mode, cue))
    return out


def _has_det(noun: Token) -> bool:
    return any(c.dep_ == "det" for c in noun.children)


def _holders(noun: Token) -> list[Token]:
    """Whose command or approval a noun is: "of X" or "X's", with conjuncts."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("his", "her", "their", "its"):
            return [child, *child.conjuncts]
        if child.dep_ == "poss":
            return [child]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                objects = _name_after(child)  # the parser lost the name after "of"
            return [o for obj in objects for o in (obj, *obj.conjuncts)]
    return []


def _name_after(prep: Token) -> list[Token]:
    """The name that follows a preposition, read off the words when the parse left the
    preposition without an object: "under the command of Colonel X opened fire"."""
    doc = prep.doc
    for ent in doc.ents:
        if ent.start > prep.i and ent.start - prep.i <= 3 and ent.label_ in ("PERSON", "ORG"):
            return [doc[ent.end - 1]]
    return []


def _agent_of_modifier(scope: Token, exclude: Token | None) -> list[Involvement]:
    """ "an operation led by X", "officers commanded by X", "the search authorised by X"."""
    out = []
    for child in scope.children:
        if child.dep_ not in ("acl", "relcl") or child.lower_ not in MODE_OF_VERB:
            continue
        agent = next((c for c in child.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        for obj in agent.children:
            if obj.dep_ == "pobj" and (exclude is None or obj.i != exclude.i):
                mode = MODE_OF_VERB[child.lower_]
                for who in (obj, *obj.conjuncts):
                    out.append(Involvement(who, mode, f"{child.text} by"))
    return out


def _control(trigger: Token) -> list[Involvement]:
    """ "X ordered officers to detain Y", "the court ordered that he be held"."""
    node = trigger
    for _ in range(2):
        if node.dep_ in ("xcomp", "ccomp") and node.head.lower_ in CONTROL_VERBS:
            verb = node.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
            if subject is not None:
                return [Involvement(subject, "ordered", verb.text)]
            return []
        if node.dep_ != "conj":
            break
        node = node.head
    return []


def _unit_commander(trigger: Token) -> list[Involvement]:
    """ "X, who commanded the unit that opened fire"."""
    node = trigger
    while node.dep_ in ("conj", "xcomp", "dobj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return []
    unit = node.head
    verb = unit.head
    if unit.dep_ != "dobj" or verb.lower_ not in UNIT_VERBS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return [Involvement(subject, "ordered", f"{verb.text} the {unit.text}")] if subject else []


def _signature(trigger: Token) -> list[Involvement]:
    """The signer of the paper that orders the act: "signed the order placing X under
    surveillance", "the warrant was approved by X", "signed every extension of my detention"."""
    out: list[Involvement] = []
    paper = paper_of(trigger)
    if paper is None:
        return out
    verb = paper.head
    if paper.dep_ == "dobj" and verb.lower_ in MODE_OF_VERB:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            out.append(Involvement(subject, _paper_mode(verb), f"{verb.text} the {paper.text}"))
    if paper.dep_ == "nsubjpass" and verb.lower_ in MODE_OF_VERB:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        for obj in agent.children if agent is not None else ():
            if obj.dep_ == "pobj":
                out.append(Involvement(obj, _paper_mode(verb), f"{paper.text} {verb.text} by"))
    for child in paper.children:  # "the warrant signed by X"
        if child.dep_ == "acl" and child.lower_ in MODE_OF_VERB:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            for obj in agent.children if agent is not None else ():
                if obj.dep_ == "pobj":
                    out.append(Involvement(obj, _paper_mode(child), f"{child.text} by"))
    return out


def _paper_mode(verb: Token) -> str:
    mode = MODE_OF_VERB.get(verb.lower_, "approved")
    return "approved" if mode in ("approved", "ordered", "carried_out") else mode


def paper_of(trigger: Token) -> Token | None:
    """The order, warrant or extension that the act is the content of."""
    if trigger.dep_ == "compound" and trigger.head.lower_ in PAPER_NOUNS:
        return trigger.head  # "detention orders", "the search warrant"
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("of", "for"):
        noun = trigger.head.head
        if noun.lower_ in PAPER_NOUNS:
            return noun  # "every extension of my detention"
    node = trigger
    for _ in range(3):  # "the order placing Ana Berg under surveillance"
        if node.dep_ in ("acl", "relcl") and node.head.lower_ in PAPER_NOUNS:
            return node.head
        node = node.head
    return None


def _failure(trigger: Token) -> list[Involvement]:
    """ "X failed to investigate the beatings", "X ignored complaints of torture"."""
    node = trigger
    for _ in range(5):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.lower_ in MODE_VERBS["failed_to_prevent"]:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return [Involvement(subject, "failed_to_prevent", node.text)] if subject else []
        if node.dep_ in ("relcl", "ccomp", "advcl", "parataxis"):
            return []
    return []


def _owners(trigger: Token) -> list[Involvement]:
    """Who gets the money: "moved to accounts controlled by X"."""
    out = []
    for t in trigger.subtree:
        if t.dep_ in ("acl", "relcl") and t.lower_ in OWNER_VERBS:
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            for obj in agent.children if agent is not None else ():
                if obj.dep_ == "pobj":
                    for who in (obj, *obj.conjuncts):
                        out.append(Involvement(who, "benefited", f"{t.text} by"))
    return out


def is_judicial(words: set[str]) -> bool:
    """Whether the words naming or describing someone make them a judge or a court."""
    return bool(words & JUDICIAL_WORDS)
