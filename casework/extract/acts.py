"""Alleged acts: who is said to have done what to whom, mapped to the Global Magnitsky criteria.

A trigger (a verb or a noun from TRIGGERS, or a phrase such as "behind bars",
"serving nine years", "solitary confinement") names the act; the parse gives
its actor and target:
- active verb: actor = subject, target = object ("Police detained the journalist");
  a participle clause takes its subject from the clause it hangs on ("Troops
  opened fire, killing 11 people");
- passive verb: target = subject, actor = the "by" agent ("Petrova was tortured by
  officers of the State Security Service"); no agent, no actor; a reduced relative
  ("the reporter jailed in May") targets the noun it describes;
- noun: target = "of" object, actor = "by" object ("the arrest of X by Y"); else a
  possessive ("his arrest", "the president's pardon"); else the subject of the
  clause the noun describes ("X has been in pre-trial detention", "X is serving a
  nine-year sentence", "X was recognised as a political prisoner"); the actor of
  an act someone "oversaw" or "ordered", or is "accused of" or "designated for",
  is that someone;
- a call for sanctions: the caller is who "calls for", "urges" or "asks", or else who
  says that someone "should be sanctioned"; the target whoever the sanctions are
  "against" or "on", or who should be sanctioned or designated.

Actor and target are the people or organisations the words stand for
(referents.Referents: names, pronouns, relative clauses, "officers of X"); when
the text names no one ("police", "at least 11 people") they are None, as the
labelling rules say. A sentence with several targets gives one act per target
("X and Y were arrested"); the same act twice in one sentence is stored once.

An act that is negated ("was not tortured", "not a single citizen has been
tortured", "no complaint of torture"), sits inside a denial ("the ministry denied
that anyone was tortured", "rejected allegations that police had tortured
detainees"), is hypothetical ("if convicted") or only describes something
("its jailed journalists", "the detention facility") is not stored: the text
does not allege it there. A bare noun with no one attached ("pardons are an act
of humanism", "accountability for the killings") is kept only as the subject of
a complaint or report ("complaints of ill-treatment"). The time is the date or
time expression spaCy finds in the same sentence, nearest the trigger.

General abuse, the commonest allegation in op-eds, names no perpetrator: "human
rights abuses", "violations of human rights", "gross abuses", "the crackdown on
journalists", "repression of dissent", "persecution of the opposition" (kind
`rights_abuse`). Such a phrase, or a bare "corruption", is kept with no one named
when the text puts it somewhere: "in <place>" (on the noun, on a noun it is part of,
or on the verb it is the object or subject of: "punish abuses and corruption in X"),
"by the authorities", "X's crackdown", "the regime's repression", "a government
crackdown". Otherwise a rights abuse is kept only with someone named ("Aliev's
crackdown on journalists", "the persecution of X"); "human rights abuses are a
global problem" alleges nothing. A call to punish abuses still alleges them.

Categories follow the Global Magnitsky criteria: serious human-rights abuse
(detention, imprisonment, political prisoners, torture, killings, press
restrictions), corruption (corruption, bribery, money laundering), and
context for pardons and calls for sanctions, which are neither.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casework.extract.attribution import SPEECH_VERBS
from casework.extract.dates import is_duration
from casework.extract.dates import resolve as resolve_date
from casework.extract.descriptions import Descriptions
from casework.extract.discourse import Discourse
from casework.extract.groups import Groups, Speakers
from casework.extract.involvement import (
    OPERATION_KINDS,
    commanders,
    direct_mode,
    is_judicial,
    operations,
    paper_of,
)
from casework.extract.model import Act, Mention, Position, Quote, Segment
from casework.extract.parse import is_verb, prep_object, prep_objects
from casework.extract.referents import Referent, Referents
from casework.extract.triggers import (
    CATEGORIES,
    FORCING_WORDS,
    HOLD_VERBS,
    PATIENT_VERBS,
    REFUSE_VERBS,
    RIGHTS_WORDS,
    TERM_VERBS,
    about_press,
    grant_refused,
    kind_of,
)
from casework.store.ids import make_id

# How many sentences back "The operation was led by X" reaches.
LOOK_BACK = 3
# Words the entity model tags DATE that date nothing: "the online weekly Kara Post".
FREQUENCIES = frozenset("daily weekly monthly yearly annual nightly hourly fortnightly".split())
# What can be denied to someone: "denied a lawyer", "denied bail", "denied medical care".
DEPRIVED_OF = frozenset(
    "lawyer lawyers counsel attorney bail access care treatment medication medicine visits".split()
)
# Intransitive triggers whose subject is who suffered the act, not who did it.
UNDERGONE = frozenset({"disappeared", "vanished", "disappear", "disappears", "vanish"})
# Words that need their object before they name an act ("prosecution of journalists").
NEED_OBJECT = frozenset("prosecution prosecutions".split())
# Words that name an act only against someone named: "X remains behind bars" is, "14
# journalists remain in prison" and "rioting carries a sentence of ten years" are not.
NEED_TARGET = frozenset("bars jail prison sentence sentences".split())
DENIALS = frozenset(
    "deny denied denies denying rejected reject rejects rejecting dismissed dismisses "
    "disputed disputes refuted denial".split()
)
NEGATIVES = frozenset("no not nobody none never neither".split())
HYPOTHETICAL = frozenset("if unless whether".split())
# Where a clause ends: a negation beyond it belongs to another clause.
CLAUSE_EDGES = frozenset("relcl acl advcl ccomp conj parataxis csubj".split())
# "resisted arrest" is the authorities' account, not an arrest alleged.
RESIST = frozenset("resist resisted resisting resists evade evaded evading".split())
# Nouns an act noun can hang on and still be alleged: "complaints of ill-treatment".
ALLEGATION_NOUNS = frozenset(
    "complaints complaint allegations allegation reports report accounts account "
    "testimony evidence cases case claims claim".split()
)
# Nouns an act word can modify and still be alleged: "a money-laundering investigation".
INQUIRY_NOUNS = frozenset(
    "investigation investigations probe inquiry charges charge case scheme".split()
)
# A detention noun that names a place, not an act: "the detention facility".
PLACE_NOUNS = frozenset(
    "facility facilities centre centres center centers camp camps cell cells".split()
)
# Verbs whose subject is behind the act named by their object: "oversaw the torture".
OVERSEE_VERBS = frozenset(
    "oversaw oversee overseeing oversees overseen ordered order orders ordering "
    "presided presides presiding directed directing led leading ran running "
    "headed heads heading operated operates "
    "authorised authorized committed commit carried organised organized".split()
)
# Verbs that keep an act going: "extended their detention", "prolonged the arrest".
EXTEND_VERBS = frozenset(
    "extended extend extends extending prolonged prolong prolongs renewed renew renews".split()
)
# Verbs whose object is behind the act they are "for" or "of": "accused X of torture".
BLAME_VERBS = frozenset(
    "accuse accuses accused accusing blame blames blamed designate designated "
    "sanction sanctioned punish punished".split()
)
# Calls for sanctions.
CALL_VERBS = frozenset(
    "call called calls calling urge urged urges urging ask asked asks asking demand "
    "demanded demands demanding press pressed want wants wanted".split()
)
MODALS = frozenset("should must ought need needs".split())
SANCTION_NOUNS = frozenset("sanction sanctions designation designations".split())
SANCTION_VERBS = frozenset("sanction sanctioned designate designated".split())
# Whose possessive is the actor rather than the target: "the president's pardon".
AGENT_POSSESSIVE = frozenset(
    "corruption bribery money_laundering pardon press_restriction sanctions_call "
    "rights_abuse".split()
)
# Whose possessive suffers the act rather than does it: "his persecution".
PATIENT_POSSESSIVE = frozenset("persecution".split())
# Kinds whose bare noun ("corruption", "human rights abuses"), with no one named, is kept
# when the text puts it somewhere: in a place, by a regime, a country's or a regime's.
ANCHORED_KINDS = frozenset("rights_abuse corruption".split())
ANCHOR_PREPS = frozenset("in inside within across throughout".split())
# Entity types that stand for a place or a body an act can happen in or be done by.
ANCHOR_ENTS = frozenset("GPE LOC FAC ORG NORP".split())
PLACE_WORDS = frozenset("country countries region republic".split())
REGIME_WORDS = frozenset(
    "government governments authorities regime regimes state administration junta "
    "police military army forces troops services officials".split()
)
# "in any country" places nothing.
UNPLACED = frozenset("any every".split())
# How far an "in <place>" may sit above the act noun and still place it: on a noun it
# is part of ("facts of abuses in X"), or on the verb it is the object or subject of
# ("punish abuses in X", "abuses continue in X").
ANCHOR_CLIMB = frozenset("conj pobj prep dobj nsubj nsubjpass compound appos attr".split())


@dataclass(frozen=True)
class _Found:
    kind: str
    trigger: Token
    actor: Token | None
    targets: tuple[Token | None, ...]
    needs: str = ""  # "target": kept only with a named target; "name": with any name


def acts(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    roles: list[Position] = (),
    quoted: list[Quote] = (),
    earlier: tuple[list[Mention], list[Position]] = ((), ()),
    issued_by: Referent | None = None,
    before: Discourse | None = None,
) -> list[Act]:
    """The alleged acts in one parsed segment; `roles` are the titles it gives people,
    for "the colonel" and "the judge", and for telling a judge who presides; `quoted`
    the quotations found in it, for who "I" is inside them."""
    who = _Who(
        Referents(doc, segment, found, before),
        Descriptions(segment, [*earlier[0], *found], [*earlier[1], *roles]),
        Groups(doc, segment, found),
        Speakers(list(quoted), issued_by),
        segment,
    )
    judicial = _judicial_mentions(found, roles)
    places = [m for m in found if m.label == "PLACE" and m.segment == segment.seq]
    out: list[Act] = []
    led = _operations(who, doc)
    for token in doc:
        reading = _read(token)
        if reading is None:
            continue
        victims = [v for t in reading.targets for v in _victims(who, t, token, reading.kind)]
        if not any(victims) and paper_of(token) is not None:
            # "The search warrant was approved by X": the warrant for the search just told
            victims = _told_victims(out, token, reading.kind, segment) or victims
        involved = _involved(who, judicial, reading)
        if CATEGORIES[reading.kind] != "context":
            leaders = _leader(led, token, reading.kind)
            if all(actor is None for actor, _, _ in involved):
                involved = leaders or involved
            else:  # the officers' body acted, and "the operation was led by X" too
                present = {a.text for a, _, _ in involved if a is not None}
                involved += [inv for inv in leaders if inv[0].text not in present]
        if reading.needs and not any(victims):
            named = any(who for who, _, _ in involved)
            if reading.needs == "target" or not named:
                continue
        for actor, mode, cue in involved:
            for victim in victims or [None]:
                if actor is not None and victim is not None and actor.text == victim.text:
                    actor, mode, cue = None, "carried_out", None  # no one does it to themselves
                out.append(_act(segment, reading, actor, victim, mode, cue, places))
    return _once(out)


def _operations(who: _Who, doc: Doc) -> list[tuple[Token, list[tuple[Referent, str, str]]]]:
    """Each operation with a named leader, in text order (involvement.operations)."""
    out = []
    for noun, leaders in operations(list(doc)):
        named = [
            (r, inv.mode, f"{inv.cue} ({noun.text})") for inv in leaders for r in who.all(inv.who)
        ]
        if named:
            out.append((noun, named))
    return out


def _sentence_no(token: Token) -> int:
    """The number of the token's sentence in its parse (sentence starts kept on the doc,
    which every act of a segment asks)."""
    starts = token.doc.user_data.get("casework_sentence_starts")
    if starts is None:
        starts = [s.start for s in token.doc.sents]
        token.doc.user_data["casework_sentence_starts"] = starts
    return bisect_right(starts, token.i) - 1


def _told_victims(told: list[Act], trigger: Token, kind: str, segment: Segment) -> list:
    """The victims of the latest act of this kind told in the sentences just before."""
    here = _sentence_no(trigger)
    starts = {segment.start + s.start_char: i for i, s in enumerate(trigger.doc.sents)}
    for act in reversed(told):
        there = starts.get(act.sentence_start)
        if act.kind == kind and act.target and there is not None and 0 < here - there <= LOOK_BACK:
            return list(
                dict.fromkeys(
                    Referent(a.target, a.target_mention_id)
                    for a in told
                    if a.kind == kind and a.sentence_start == act.sentence_start and a.target
                )
            )
    return []


def _leader(
    led: list[tuple[Token, list[tuple[Referent, str, str]]]], trigger: Token, kind: str
) -> list[tuple[Referent | None, str | None, str | None]]:
    """The leader of the operation told in this sentence or the one before, for an act
    that names no one who did it: "interrogations led by X ... Two of those reporters
    say they were kept awake"."""
    here = _sentence_no(trigger)
    for noun, named in reversed(led):
        there = _sentence_no(noun)
        # "The operation was led by X" (its sentence's subject) looks back at the acts
        # just told, in the sentences before it.
        back = (
            0 < there - here <= LOOK_BACK
            and noun.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
        )
        if kind not in OPERATION_KINDS[noun.lower_]:
            continue
        if noun.i != trigger.i and (0 <= here - there <= 1 or back):
            return [(r, mode, cue) for r, mode, cue in named]
    return []


@dataclass(frozen=True)
class _Who:
    """Everything that says whom a word stands for in one segment."""

    refs: Referents
    described: Descriptions
    groups: Groups
    speakers: Speakers
    segment: Segment

    def one(self, token: Token | None) -> Referent | None:
        if token is None:
            return None
        found = (
            self.speakers.of(token, self.segment) or self.refs.of(token) or self.described.of(token)
        )
        if found is None:  # "her organisation had asked": the body her role names
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                found = self.described.owned(token, self.one(owner))
        return found

    def all(self, token: Token | None) -> list[Referent]:
        """Who a word stands for: a group for "they" or "the two men", else one or none."""
        if token is None:
            return []
        group = self.groups.of(token)
        if group:
            return group
        one = self.one(token)
        return [one] if one is not None else []


def _involved(
    who: _Who, judicial: set[str], reading: _Found
) -> list[tuple[Referent | None, str | None, str | None]]:
    """Who is behind the act and how: the direct actors with their mode, then whoever
    the sentence puts above them (involvement.commanders). Context kinds have no mode."""
    actors: list[Referent | None] = who.all(reading.actor) or [None]
    if CATEGORIES[reading.kind] == "context":
        return [(actor, None, None) for actor in actors]
    words = _words_of(reading.actor)
    out: list[tuple[Referent | None, str | None, str | None]] = []
    for actor in actors:
        is_judge = (actor is not None and actor.mention_id in judicial) or is_judicial(words)
        mode, cue = direct_mode(reading.trigger, reading.actor, is_judge, reading.kind)
        out.append((actor, mode, cue or None))
    named = {a.text for a in actors if a is not None}
    for inv in commanders(reading.trigger, reading.actor):
        for commander in who.all(inv.who):
            if commander.text in named:
                continue
            is_judge = commander.mention_id in judicial or is_judicial(_words_of(inv.who))
            mode = "presided" if is_judge and inv.mode == "ordered" else inv.mode
            out.append((commander, mode, inv.cue))
            named.add(commander.text)
    if actors == [None] and len(out) > 1:
        out = out[1:]  # a commander named, the ones who acted not: the act is the commander's
    return out


def _words_of(token: Token | None) -> set[str]:
    if token is None:
        return set()
    return {t.lower_ for t in token.subtree if t.dep_ in ("compound", "amod") or t.i == token.i}


def _judicial_mentions(found: list[Mention], roles: list[Position]) -> set[str]:
    """Mentions of judges and courts: a court's name, a judge's title or role."""
    out = {m.id for m in found if is_judicial({w.casefold() for w in m.text.split()})}
    for p in roles:
        if is_judicial({w.strip(",.").casefold() for w in p.role.split()}):
            out.add(p.mention_id)
    return out


def _victims(who: _Who, target: Token | None, trigger: Token, kind: str) -> list[Referent | None]:
    """Who a target word names: itself; else who it includes ("others, including X"),
    or, for a press restriction, whose it is ("the accreditation of correspondents for
    Nordic Wire", "access to the website of Azad Xabar")."""
    if target is None:
        return [None]
    named = who.all(target)
    if named:
        return list(named)
    for holder in (target, target.head, trigger):
        included = prep_objects(holder, ("including",))
        if included:
            return [r for t in included for r in who.all(t)] or [None]
    if kind in ("press_restriction", "raid"):  # whose premises or outlet
        frontier = [target]
        for _ in range(3):
            frontier = [
                o for t in frontier for o in prep_objects(t, ("of", "for", "to", "at", "into"))
            ] + [c for t in frontier for c in t.children if c.dep_ == "poss"]
            found = [r for t in frontier for r in who.all(t)]
            if found:
                # "our licence", "her newspaper's website": the outlet the person works for
                outlet = (
                    who.described.affiliation_of(found[0]) if kind == "press_restriction" else None
                )
                return [outlet] if outlet is not None else found[:1]
    return [None]


def _read(token: Token) -> _Found | None:
    """The act this token is the trigger of, with its actor and target words."""
    if _sanction_call(token):
        return _Found("sanctions_call", token, _caller(token), _all(_sanction_target(token)))
    kind = kind_of(token)
    if kind is None or _not_alleged(token):
        return None
    if kind == "press_restriction" and not about_press(token):
        return None
    if token.lower_ in NEED_OBJECT and prep_object(token, ("of", "from")) is None:
        return None
    roles = _inquiry_roles(token) or _roles(token, kind)
    if roles is None:
        return None
    actor, target = roles
    # "abuses and corruption in X", "accused the regime of abuses": alleged somewhere
    anchored = kind in ANCHORED_KINDS and _is_noun(token)
    anchored = anchored and (_anchored(token) or (actor is not None and _place_or_regime(actor)))
    bare = actor is None and target is None and _is_noun(token) and not _reported(token)
    bare = bare and paper_of(token) is None  # "detention orders approved by X": X's act
    if bare and not anchored:
        return None  # "pardons are an act of humanism": nothing is alleged of anyone
    needs = ""
    if token.lower_ in NEED_TARGET:
        needs = "target"
    elif kind == "rights_abuse" and not anchored and not _reported(token):
        needs = "name"  # "the crackdown on journalists": kept only with someone named
    elif is_verb(token) and token.dep_ == "acl":
        needs = "name"  # "all 12 defendants sentenced on Tuesday": a description
    return _Found(kind, token, actor, _all(target), needs)


def _is_noun(token: Token) -> bool:
    return not is_verb(token)


def _not_alleged(token: Token) -> bool:
    """Negated, denied, hypothetical, attributive or a place: not an allegation here."""
    if token.sent.text.rstrip().endswith("?"):
        return True
    if token.dep_ in ("amod", "compound", "npadvmod") and token.head.lower_ not in ALLEGATION_NOUNS:
        if token.head.lower_ in INQUIRY_NOUNS:
            return _not_alleged(token.head)  # "money-laundering investigation"
        if token.dep_ == "amod" and not _misparsed_verb(token):
            return True  # "its jailed journalists", "the blocked news site"
        if token.dep_ == "compound" and token.head.lower_ in PLACE_NOUNS:
            return True  # "the detention facility"
    if token.dep_ == "dobj" and token.head.lower_ in RESIST:
        return True
    return _negated(token) or _denied(token)


def _negated(token: Token) -> bool:
    """A negation or an "if" in the trigger's own clause; a negated predicate of an act
    noun ("the sentence was not an aberration") does not negate the act, a condition on
    it does ("if abuses occur"). A refusal said as a negation ("never granted bail") is
    the act, not its denial."""
    if grant_refused(token):
        return False
    node = token
    while True:
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in node.children):
            return True
        if _negative_phrase(node):
            return True
        if node.dep_ in CLAUSE_EDGES or node.head.i == node.i:
            return False
        if node.dep_ in ("nsubj", "nsubjpass") and not is_verb(node):
            # "if abuses occur": the condition still holds; "was not an aberration" does not
            return any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in node.head.children)
        node = node.head


def _denied(token: Token) -> bool:
    """Inside what a denial governs: "denied that", "rejected allegations that". What is
    denied to someone is no denial: "was denied a lawyer", "denied access to a lawyer"."""
    if (
        token.head.lower_ in REFUSE_VERBS
        and token.dep_ in ("dobj", "nsubjpass")
        and token.lower_ in DEPRIVED_OF
    ):
        return False
    if token.dep_ == "pobj" and token.head.head.lower_ == "access":
        return False  # "denied access to a lawyer"
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.lower_ in DENIALS:
            return True
    return False


def _negative_phrase(node: Token) -> bool:
    """ "no complaint", "not a single citizen", "nobody" as this word or its subject."""
    if node.lower_ in ("nobody", "none") and node.dep_ in ("nsubj", "nsubjpass"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
        return True
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            first = next(iter(child.subtree))
            if first.lower_ in NEGATIVES or child.lower_ in ("nobody", "none"):
                return True
    return False


def _misparsed_verb(token: Token) -> bool:
    """A past-tense verb the parser took for an adjective: "The court on Wednesday sentenced
    journalist X": the word before it is a noun, not a determiner or preposition."""
    if token.i == token.sent.start or token.tag_ not in ("VBD", "VBN"):
        return False
    before = token.nbor(-1)
    return before.pos_ in ("PROPN", "NOUN") and before.dep_ != "compound"


def _reported(token: Token) -> bool:
    """ "complaints of ill-treatment": an act noun that a report or complaint is of."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ALLEGATION_NOUNS


def _anchored(token: Token) -> bool:
    """Whether the text puts a general act somewhere: "abuses in X" (on the noun, a noun it
    is part of or the verb it hangs on), "repression by the authorities", "X's crackdown",
    "the regime's repression", "a government crackdown", "Norlandian repression"."""
    for child in token.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ in ("compound", "amod") and _place_or_regime(child):
            return True
    if any(_place_or_regime(o) for o in prep_objects(token, ("by",))):
        return True
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "dobj":
        blamed = prep.head  # "accused the regime of abuses", parsed with "of" on "regime"
        if blamed.head.lower_ in BLAME_VERBS and _place_or_regime(blamed):
            return True
    for victim in prep_objects(token, ("of", "on", "against")):  # "of journalists in X"
        if any(_place(o) for o in prep_objects(victim, tuple(ANCHOR_PREPS))):
            return True
    node = token
    while True:
        if any(_place(o) for o in prep_objects(node, tuple(ANCHOR_PREPS))):
            return True
        if is_verb(node) or node.dep_ not in ANCHOR_CLIMB or node.head.i == node.i:
            return False
        node = node.head


def _place(token: Token) -> bool:
    """A place or body something happens in: "in Norland", "in the country"."""
    if token.ent_type_ in ("DATE", "TIME"):
        return False
    if any(c.dep_ == "det" and c.lower_ in UNPLACED for c in token.children):
        return False
    return token.ent_type_ in ANCHOR_ENTS or token.lower_ in PLACE_WORDS


def _place_or_regime(token: Token) -> bool:
    """A place, or a regime or its forces: "the authorities", "Norland's security forces"."""
    if token.lower_ in REGIME_WORDS:
        return not any(c.dep_ == "det" and c.lower_ in UNPLACED for c in token.children)
    return _place(token)


def _roles(token: Token, kind: str) -> tuple[Token | None, Token | None] | None:
    """(actor, target) words of a trigger, from the parse."""
    if token.lower_ == "missing":  # "X has been missing", "X went missing"
        return None, _subject(token) or _subject(token.head)
    if token.lower_ in FORCING_WORDS and is_verb(token):
        # "seen being forced into a Federal Police vehicle": the body whose vehicle it is
        vehicle = next(iter(prep_objects(token, ("into",))), None)
        owner = (
            next((c for c in vehicle.children if c.dep_ in ("compound", "poss")), None)
            if vehicle is not None
            else None
        )
        taken = next((c for c in token.children if c.dep_ in ("nsubjpass", "dobj")), None)
        return owner, taken or _subject(token.sent.root)
    if is_verb(token) and token.lower_ not in ("sentence", "sentences"):
        return _verb_roles(token)
    if token.lower_ in ("jail", "prison", "bars") or (kind == "killing" and token.lower_ == "dead"):
        return None, _clause_patient(token)
    if token.dep_ == "pobj" and token.head.lower_ == "without" and is_verb(token.head.head):
        # "questioned Ana Berg for nine hours without a lawyer": the questioning's roles
        verb = token.head.head
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return by, _subject(verb)
        return _subject(verb), next((c for c in verb.children if c.dep_ == "dobj"), None)
    if token.lower_ == "fire" and token.head.lower_ in ("opened", "open", "opening"):
        # "troops opened fire on protesters": who fired, on whom
        return _subject(token.head), prep_object(token.head, ("on", "at"))
    if token.lower_ == "way" and token.head.lower_ in ("forced", "force", "forcing"):
        # "officers forced their way into the offices of X"
        return _subject(token.head), prep_object(token.head, ("into",))
    if token.dep_ == "dobj" and token.head.lower_ in EXTEND_VERBS and _subject(token.head):
        # "the judge twice extended their detention": who kept them held, and whom
        possessive = next((c for c in token.children if c.dep_ == "poss"), None)
        return _subject(token.head), possessive or prep_object(token, ("of",))
    if token.dep_ == "dobj" and (token.head.lower_ in REFUSE_VERBS or grant_refused(token)):
        # "refused him a lawyer", "never granted bail to the defendants": who refused whom
        verb = token.head
        target = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
        target = target or prep_object(verb, ("to",))
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.dep_ == "conj"
            and not any(c.dep_ == "nsubj" for c in verb.children)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
        )
        if target is None and passive:  # "they were refused a lawyer", "kept awake and refused"
            return None, _subject(verb)
        return _subject(verb), target
    if token.lower_ == "custody" and prep_object(token, ("of",)) is not None:
        # "spent four months in the custody of the Bureau": the Bureau held her
        return prep_object(token, ("of",)), _clause_patient(token)
    actor = prep_object(token, ("by",)) or _overseer(token) or _during(token, kind)
    if actor is None and token.dep_ == "nsubjpass":
        # "The placement was ordered by X", "the detentions were approved by X"
        agent = next((c for c in token.head.children if c.dep_ == "agent"), None)
        actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if kind == "political_prisoner":
        actor = None  # who recognises a political prisoner did nothing to them
    target = prep_object(token, ("of", "against"))
    if kind == "corruption":  # the body robbed: "embezzlement from the fund"
        target = prep_object(token, ("from",)) or target
    if kind == "rights_abuse":  # "the crackdown on journalists"
        target = prep_object(token, ("on", "against", "of"))
        if target is not None and target.lower_ in RIGHTS_WORDS:  # "of the rights of X"
            whose = [c for c in target.children if c.dep_ == "poss"]
            target = prep_object(target, ("of",)) or next(iter(whose), None)
    possessive = next((c for c in token.children if c.dep_ == "poss"), None)
    if possessive is not None:
        if kind in AGENT_POSSESSIVE and token.lower_ not in PATIENT_POSSESSIVE:
            actor = actor or possessive
        else:
            target = target or possessive
    if target is None and kind not in ("corruption", "money_laundering", "bribery"):
        target = _clause_patient(token)
    if actor is None and token.dep_ == "compound":  # "a laundering investigation into X"
        actor = prep_object(token.head, ("into", "against"))
    return actor, target


def _inquiry_roles(token: Token) -> tuple[Token | None, Token | None] | None:
    """ "a money-laundering investigation into X": X is who is said to have done it."""
    inquiry = token.head
    if token.dep_ not in ("amod", "compound", "npadvmod") or inquiry.lower_ not in INQUIRY_NOUNS:
        return None
    preps = ("into", "against", "of")
    actor = prep_object(inquiry, preps) or prep_object(inquiry.head, preps)
    return actor, None


def _verb_roles(token: Token) -> tuple[Token | None, Token | None]:
    if token.dep_ == "amod" and _misparsed_verb(token):
        target = token.head
        while target.dep_ == "compound":
            target = target.head
        return token.sent.root if token.sent.root.pos_ in ("PROPN", "NOUN") else None, target
    among = token.head
    if token.dep_ == "acl" and among.dep_ == "pobj" and among.head.lower_ == "among":
        # "Among those detained were X and Y": the ones the copula names
        copula = among.head.head
        named = next((c for c in copula.children if c.dep_ in ("nsubj", "attr")), None)
        if named is not None:
            return None, named
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    # A clause with its own subject is active, wherever the parser hung it ("Berg: The
    # Ministry revoked our licence" read as a clause on "Berg").
    own_subject = any(c.dep_ == "nsubj" for c in token.children)
    if passive or (token.dep_ in ("acl", "amod") and not own_subject):
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        actor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        target = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if target is None and token.dep_ == "acl":  # "that X, an activist detained ..." misread
            target = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if target is None and token.dep_ in ("acl", "amod"):
            target = token.head  # "journalists detained last week"
        if target is None and token.dep_ == "conj":
            target = _subject(token.head)  # "was arrested and beaten"
        return actor, target
    if token.lower_ in HOLD_VERBS:  # "ordered X held pending trial": X is held
        return None, _subject(token)
    if token.lower_ in TERM_VERBS:  # "X is serving nine years", "got 4 years from Y"
        return prep_object(token, ("from", "by")), _subject(token)
    if token.lower_ in ("allowed", "allow", "permitted", "permit", "let"):
        # "never allowed the defence to call an expert": who refused it, to whom
        return _subject(token), None
    if token.lower_ in UNDERGONE:  # "X disappeared", "X went missing": X suffered it
        return None, _subject(token)
    target = next((c for c in token.children if c.dep_ == "dobj"), None)
    for verb in token.conjuncts:  # "arrested and beat him": the object they share
        if target is None and verb.i > token.i:
            target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is None and token.tag_ in ("VBD", "VBN") and token.dep_ in ("acl", "relcl"):
        return None, _subject(token)  # "X, an activist detained after a protest" misread
    return _subject(token), target


def _subject(token: Token | None) -> Token | None:
    """The subject of a verb, or of the clause a participle or infinitive hangs on."""
    while token is not None:
        # Not an interview's speaker label the parser took for a second subject
        # ("Berg: The Ministry revoked ...").
        subjects = [
            c
            for c in token.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and not (c.i + 1 < len(c.doc) and c.nbor(1).text == ":")
        ]
        if subjects:
            return subjects[0]
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            token = token.head  # "the police moved to arrest him": the subject of "moved"
            continue
        return None
    return None


def _clause_patient(token: Token) -> Token | None:
    """Who suffers what a noun names, from the clause around it.

    "X has been in pre-trial detention", "X is serving a nine-year sentence", "X was
    recognised as a political prisoner", "we consider her a political prisoner",
    "the sentence handed to X", "Free X and the other political prisoners".
    """
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    for child in token.children:
        if child.dep_ == "acl":
            to = prep_object(child, ("to",))
            if to is not None:
                return to
    if token.dep_ == "conj" and token.head.pos_ == "PROPN":
        return token.head
    verb = token.head
    if token.dep_ == "pobj":
        verb = token.head.head
        if token.head.lower_ not in ("in", "into", "as", "behind", "to", "under", "among"):
            return None
    elif token.dep_ not in ("dobj", "attr", "oprd"):
        return None
    if token.dep_ == "pobj" and token.head.lower_ == "under":
        placed = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if placed is not None:
            return placed  # "placing Ana Berg under surveillance", "put him under house arrest"
    if verb.lower_ not in PATIENT_VERBS:
        return None
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        # "which has recognised Ana Berg as a political prisoner": the one recognised
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        recognised = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if recognised is not None and not passive:
            return recognised
    return _subject(verb)


def _during(token: Token, kind: str) -> Token | None:
    """ "Officers detained 22 people during searches of homes": the searches are the
    work of whoever the clause says acted."""
    if kind not in ("raid", "detention", "torture", "killing") or token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ not in ("during", "amid") or not is_verb(prep.head):
        return None
    subject = _subject(prep.head)
    if subject is None or any(c.dep_ == "auxpass" for c in prep.head.children):
        return None
    return subject


def _overseer(token: Token) -> Token | None:
    """Who stands behind an act noun: who "oversaw" or "presided over" it, or whom a
    text "accuses of" or wants "designated for" it."""
    node = token
    while node.dep_ == "conj":
        node = node.head
    head = node.head
    if node.dep_ == "pobj":
        prep, head = head, head.head
        if head.lower_ in BLAME_VERBS or head.lower_ == "responsible":
            return _blamed(head)
        if prep.lower_ != "over" or head.lower_ not in OVERSEE_VERBS:
            return None
    elif node.dep_ != "dobj" or head.lower_ not in OVERSEE_VERBS:
        return None
    if head.dep_ == "pcomp" and head.head.head.lower_ in BLAME_VERBS:
        return _blamed(head.head.head)  # "accuses him of overseeing the torture"
    return _subject(head)


def _blamed(verb: Token) -> Token | None:
    if verb.lower_ == "responsible":
        return _subject(verb.head) if verb.head.i != verb.i else None
    blamed = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return blamed


def _all(target: Token | None) -> tuple[Token | None, ...]:
    """A target and the targets coordinated with it ("Kazimli and Tagiyev")."""
    if target is None:
        return (None,)
    more = [t for t in target.conjuncts if t.i > target.i]
    for child in target.children:  # "the minister, his son and X": a list read as apposition
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            more.extend([child, *child.conjuncts])
    if target.dep_ == "pobj":  # "the torture of bloggers and of the poet X"
        for prep in target.head.conjuncts:
            more.extend(c for c in prep.children if c.dep_ == "pobj")
    return (target, *more)


# Calls for sanctions ----------------------------------------------------------


def _sanction_call(token: Token) -> bool:
    """Whether this word is the sanctions a text calls for (not sanctions imposed)."""
    word = token.lower_
    if word in SANCTION_VERBS and is_verb(token):
        return _called_for(token, include_self=True) or _imperative(token)
    if word in SANCTION_VERBS and token.i == token.sent.start and token.text[0].isupper():
        return True  # "Sanction Abenov": a command the parser read as a name
    if word in SANCTION_NOUNS and not is_verb(token):
        if token.dep_ == "dobj" and token.head.lower_ in CALL_VERBS:
            return False  # "called the sanctions an unfriendly act"
        return _called_for(token, include_self=False)
    return False


def _called_for(token: Token, include_self: bool) -> bool:
    """A call, urge, request or "should" above this word in its sentence."""
    node = token if include_self else token.head
    while True:
        if node.lower_ in CALL_VERBS and node.i != token.i:
            return True
        if is_verb(node) and any(c.lower_ in MODALS for c in node.children if c.dep_ == "aux"):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def _imperative(token: Token) -> bool:
    """ "Sanction him now": a base-form verb opening its sentence, with no subject."""
    return (
        token.tag_ == "VB"
        and token.i == token.sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _sanction_target(token: Token) -> Token | None:
    """Who should be sanctioned: the object or passive subject of "sanction"/"designate",
    or whoever the sanctions are "against" or "on"."""
    if is_verb(token):
        for child in token.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
        if token.dep_ == "xcomp":  # "asked for X and Y to be sanctioned"
            wanted = prep_object(token.head, ("for",))
            if wanted is not None:
                return wanted
        return prep_object(token, ("against", "on"))
    listed = _listed(token)
    if listed is not None:
        return listed
    if token.i == token.sent.start and token.i + 1 < len(token.doc):
        return token.nbor(1) if token.nbor(1).pos_ == "PROPN" else token.head
    direct = prep_object(token, ("against", "on"))
    if direct is not None:
        return direct
    for scope in (token, token.head):
        for t in scope.subtree:
            if t.dep_ == "prep" and t.lower_ in ("against", "on"):
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


# Verbs that put someone on a list: "add X to its sanctions list", "include X in".
LIST_VERBS = frozenset("add adding added include including included put place list".split())


def _listed(token: Token) -> Token | None:
    """Who is to be put on the sanctions list: "to add Judge X and Y to its human rights
    sanctions list", "to include X in its next listing under the Sanctions Regime"."""
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lower_ in LIST_VERBS and is_verb(node):
            return next((c for c in node.children if c.dep_ == "dobj"), None)
        if node.dep_ not in ("compound", "pobj", "prep", "nmod", "amod"):
            return None
    return None


def _caller(token: Token) -> Token | None:
    """Who calls for these sanctions: the subject of the call verb, or of the verb
    reporting that someone "should" be sanctioned."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.lower_ in CALL_VERBS:
            return _subject(node)
        if node.lower_ in SPEECH_VERBS:
            return _subject(node)
    return None


# Records ----------------------------------------------------------------------


def _act(
    segment: Segment,
    found: _Found,
    actor: Referent | None,
    victim: Referent | None,
    mode: str | None,
    cue: str | None,
    places: list[Mention],
) -> Act:
    trigger = found.trigger
    sentence = trigger.sent
    start = segment.start + trigger.idx
    victim = _without_trigger(victim, trigger)
    time = _time(trigger)
    dated = resolve_date(time, segment.published) if time else None
    place = _place_of(segment, trigger, places)
    return Act(
        id=make_id(
            "act",
            segment.document_id,
            start,
            found.kind,
            victim.text if victim else "",
            actor.text if actor else "",
        ),
        document_id=segment.document_id,
        segment=segment.seq,
        kind=found.kind,
        category=CATEGORIES[found.kind],
        trigger=trigger.text,
        actor=actor.text if actor else None,
        actor_mention_id=actor.mention_id if actor else None,
        target=victim.text if victim else None,
        target_mention_id=victim.mention_id if victim else None,
        time=time,
        start=start,
        end=start + len(trigger.text),
        sentence=sentence.text,
        sentence_start=segment.start + sentence.start_char,
        mode=mode,
        mode_cue=cue,
        date=dated.value if dated else None,
        date_basis=dated.basis if dated else None,
        place=place.text if place else None,
        place_mention_id=place.mention_id if place else None,
    )


def _without_trigger(victim: Referent | None, trigger: Token) -> Referent | None:
    """A name never starts with the word that names the act: "Sanction Aliev" is Aliev."""
    if victim is None or victim.mention_id or not victim.text.startswith(trigger.text + " "):
        return victim
    return Referent(victim.text[len(trigger.text) + 1 :], None)


def _once(found: list[Act]) -> list[Act]:
    """One act per sentence, kind, actor and target: a second trigger for the same act
    ("is serving a nine-year sentence") adds nothing; one without a target adds nothing
    beside one with a target, nor one without an actor beside one with an actor."""
    out: list[Act] = []
    for act in found:
        here = [o for o in out if o.sentence_start == act.sentence_start and o.kind == act.kind]
        if any(o.target == act.target and o.actor == act.actor for o in here):
            continue
        targeted = [o for o in here if o.target is not None]
        if (
            act.target is None
            and targeted
            and (act.actor is None or any(o.actor == act.actor for o in targeted))
        ):
            continue
        if act.actor is None and any(o.actor is not None and o.target == act.target for o in here):
            continue
        for o in here:
            untargeted = o.target is None and act.target is not None
            if (untargeted and (o.actor == act.actor or o.actor is None)) or (
                o.actor is None and act.actor is not None and o.target == act.target
            ):
                out.remove(o)
        out.append(act)
    return out


def _time(trigger: Token) -> str | None:
    """The time expression that dates the act: in its sentence, not a duration ("for
    forty hours"), preferring one in the act's own clause to one in a relative clause
    about someone ("who has headed the directorate since 2019"), then the nearest."""
    sentence = trigger.sent
    times = [
        e
        for e in trigger.doc.ents
        if e.label_ in ("DATE", "TIME")
        and e.sent == sentence
        and not is_duration(e.text)
        and e.text.casefold() not in FREQUENCIES  # "the online weekly X" names a paper
        and not (e.text.isdigit() and len(e.text) < 4)  # "Berg, 31,": an age
        and not _in_name(e)  # "Varden Today": a paper's name
    ]
    # A date in a relative clause about someone dates that clause, never this act.
    times = [e for e in times if _same_clause(e.root, trigger) or not _in_relcl(e.root)]
    if not times:
        return None
    return min(
        times, key=lambda e: (not _same_clause(e.root, trigger), abs(e.start - trigger.i))
    ).text


def _in_name(ent: Span) -> bool:
    """A time word inside an organisation's name ("Varden Today", "Radio Free Tuesday")."""
    return any(
        other.label_ in ("ORG", "PERSON") and other.start <= ent.start and ent.end <= other.end
        for other in ent.doc.ents
        if other is not ent
    ) or (
        ent.start > 0
        and ent.doc[ent.start - 1].pos_ == "PROPN"
        and ent.text[:1].isupper()
        and ent.text.casefold() in ("today", "tonight", "tomorrow")
    )


def _in_relcl(word: Token) -> bool:
    node = word
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def _same_clause(word: Token, trigger: Token) -> bool:
    """Whether a word hangs in the trigger's clause, not in a clause of its own."""

    def clause(token: Token) -> Token:
        node = token
        while node.head.i != node.i and node.dep_ not in ("relcl", "acl", "advcl", "ccomp"):
            node = node.head
        return node

    return clause(word).i == clause(trigger).i


def _place_of(segment: Segment, trigger: Token, places: list[Mention]) -> Referent | None:
    """Where the act happened: a place named after "in" or "at" on the act or its verb."""
    scopes = [trigger, trigger.head] if trigger.dep_ in ("dobj", "nsubjpass", "pobj") else [trigger]
    for scope in scopes:
        for obj in prep_objects(scope, ("in", "at", "inside", "near", "outside")):
            # "in Sarit", or "at the headquarters in Sarit"
            for word in (obj, *prep_objects(obj, ("in",))):
                at = segment.start + word.idx
                place = next((m for m in places if m.start <= at < m.end), None)
                if place is not None:
                    return Referent(place.text, place.id)
    return None
