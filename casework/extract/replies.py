"""Exculpatory information and the right of reply: what the accused's side answered.

Every sanctions submission asks what the sources say in the accused's favour, and
fair reporting gives the accused a reply. Reporting writes it in a few shapes,
each read off the parse:

- denial: "X denied the allegations", "X denies wrongdoing", "Lawyers for X have
  consistently denied wrongdoing", "X's lawyers reject the accusations", "X pleaded
  not guilty", "X maintains his innocence". What is rejected must be an allegation
  ("rejected the appeal" is a ruling; "denied bail", "denied access to a lawyer"
  are acts done to someone, not denials);
- no_response: "X did not respond to requests for comment", "X could not be
  reached", "X declined to comment", "Neither X nor Y responded to questions";
- rebuttal: the accused or their office, lawyer or spokesperson saying, in words that
  contradict the allegation, that what was done was lawful or did not happen
  ("the ministry said in a statement that the search had been lawful and that no
  journalist had been mistreated");
- acquittal, charges_dropped, ruling_in_favour, release: "X was acquitted", "charges
  against X were dropped", "the court ruled in X's favour", "X was released".

The subject is whose side the statement gives: the speaker, or whom the speaker
represents ("lawyers for X", "X's spokesman", "a spokesperson for the ministry",
a person the text gives such a role). Only the accused side has a reply: a
statement is kept when its subject is the actor of an act alleged in the same
segment, or when it answers allegations in so many words ("denied the
allegations", "did not respond to requests for comment"). A jailed reporter who
denies the charges against him is not answering for the accused; his denial is
kept out, because he is the victim of the acts the segment alleges.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from casework.extract.descriptions import BODY_WORDS, Descriptions
from casework.extract.model import Act, Mention, Position, Reply, Segment
from casework.extract.referents import Referent, Referents
from casework.extract.triggers import kind_of, named_kind
from casework.names.offices import STATE_OFFICE_WORDS, holds_state_office, is_state_body
from casework.store.ids import make_id

KINDS = (
    "denial",
    "no_response",
    "rebuttal",
    "acquittal",
    "charges_dropped",
    "ruling_in_favour",
    "release",
)
LABELS = {
    "denial": "denial",
    "no_response": "no response to a request for comment",
    "rebuttal": "official response or rebuttal",
    "acquittal": "acquittal",
    "charges_dropped": "charges dropped",
    "ruling_in_favour": "ruling in the subject's favour",
    "release": "release",
}
DENY_VERBS = frozenset(
    "deny denied denies denying reject rejected rejects rejecting dismiss dismissed "
    "dismisses dismissing dispute disputed disputes refute refuted refutes contest "
    "contested contests".split()
)
# What a denial denies: an allegation, not a right ("denied bail").
ALLEGATIONS = frozenset(
    """
    allegation allegations accusation accusations claim claims charge charges report
    reports finding findings wrongdoing involvement responsibility guilt criticism
    accounts account suggestion suggestions version assertion assertions role part
    """.split()
)
# "deny" followed by these is a deprivation: "denied access", "denied bail".
DEPRIVATIONS = frozenset(
    "access bail visits visit treatment care entry medicine medication lawyer counsel "
    "permission request requests parole appeal passport exit".split()
)
RESPOND_VERBS = frozenset(
    "respond responded responds reply replied replies comment commented return returned "
    "answer answered".split()
)
DECLINE_VERBS = frozenset("decline declined declines refuse refused refuses".split())
REACH_VERBS = frozenset("reach reached".split())
UNAVAILABLE = frozenset("unavailable".split())
# Words in a reported clause that contradict an allegation.
REBUTTAL_WORDS = frozenset(
    """
    lawful lawfully legal legally accordance complied comply complies compliance
    baseless unfounded groundless fabricated false falsehood lies slander smear
    provocation provocative politically motivated invented untrue proper properly
    procedure procedures regulations authorised authorized sanctioned justified
    innocent innocence no nobody none never not neither victim vindicated fair
    legitimate proportionate proportionately restraint voluntary defamatory
    unsubstantiated
    """.split()
)
# Rebuttal words that contradict only what they negate.
NEGATION_WORDS = frozenset("no nobody none never not neither".split())
# Verbs that put a label on what was alleged: "described the detention as lawful",
# "called the allegations defamatory".
LABEL_VERBS = frozenset(
    "describe described describes call called calls characterised characterized "
    "characterise characterize termed term branded labelled labeled".split()
)
# What a court or an inquiry concludes: "ruled that the search had been lawful".
RULING_VERBS = frozenset("rule ruled rules ruling found finds concluded concludes held".split())
# What was not shown: "failed to prove that X gave the order", "no evidence that".
PROOF_WORDS = frozenset("prove proved proven establish established show shown".split())
PROOF_NOUNS = frozenset("proof evidence".split())
FAILED_WORDS = frozenset("fail failed fails unable".split())
SPEECH_OF_SIDE = frozenset(
    "say said says stated states state insisted insists insist maintained maintains "
    "maintain told tells added adds wrote writes responded responds replied replies "
    "countered counters argued argues".split()
)
# Who speaks for someone else: "lawyers for X", "X's spokesman", "the ministry's office".
REPRESENTATIVES = frozenset(
    """
    lawyer lawyers attorney attorneys counsel barrister barristers solicitor solicitors
    spokesman spokeswoman spokesperson spokespeople representative representatives
    office family relatives aide aides press
    """.split()
)
ACQUIT_VERBS = frozenset("acquit acquitted acquits cleared clear clears exonerated".split())
DROP_VERBS = frozenset("drop dropped drops withdrew withdrawn withdraw abandoned".split())
CHARGE_WORDS = frozenset("charge charges case cases prosecution indictment".split())
RELEASE_VERBS = frozenset("release released releases freed".split())
FAVOUR_WORDS = frozenset("favour favor".split())
OVERTURN_VERBS = frozenset("overturned overturn quashed quash annulled annul".split())
CONVICTION_WORDS = frozenset("conviction convictions sentence verdict ruling".split())
NEGATIONS = frozenset("not n't never".split())


@dataclass(frozen=True)
class _Reply:
    kind: str
    cue: Token
    subjects: list[Token]
    # answers an allegation in so many words: kept whoever the subject is
    explicit: bool


def replies(
    doc: Doc,
    segment: Segment,
    found: list[Mention],
    roles: list[Position],
    alleged: list[Act],
    earlier: tuple[list[Mention], list[Position]] = ((), ()),
) -> list[Reply]:
    """The exculpatory statements in one parsed segment; `alleged` the acts of its whole
    document, `earlier` the mentions and roles of the segments before it."""
    refs = Referents(doc, segment, found)
    described = Descriptions(segment, [*earlier[0], *found], [*earlier[1], *roles])
    represented = _represented(roles)
    abuses = [a for a in alleged if a.category != "context"]
    accused = _keys(a.actor for a in abuses) | {a.actor_mention_id for a in abuses}
    # Whom the text wants sanctioned stands accused too.
    called = [a for a in alleged if a.kind == "sanctions_call"]
    accused |= _keys(a.target for a in called) | {a.target_mention_id for a in called}
    victims = _keys(a.target for a in abuses) | {a.target_mention_id for a in abuses}
    accused.discard(None)
    victims.discard(None)
    actors = set(accused)  # alleged in so many words, before replies add to them
    out: list[Reply] = []
    seen: set[tuple[str, int, str]] = set()
    readings = [r for r in (_read(t) for t in doc) if r is not None]
    # Whoever an explicit reply speaks for (acquitted, charges dropped, "denied the
    # allegations") is on the accused side for their other statements too.
    for reading in readings:
        if reading.explicit and reading.kind != "no_response":
            for word in reading.subjects:
                side = _side(word, refs, described) or refs.of(word)
                if side is not None and not (_keys([side.text]) & victims):
                    accused |= _keys([side.text]) | {side.mention_id}
    accused.discard(None)
    positions = [*earlier[1], *roles]
    for reading in readings:
        token = reading.cue
        for word in reading.subjects:
            speaker = described.of(word) if _body_word(word) else None
            speaker = speaker or refs.of(word) or described.of(word)
            subject = _side(word, refs, described) or speaker
            if subject is not None and subject.mention_id in represented:
                subject = represented[subject.mention_id]
            sides = (actors, accused, victims)
            for whom in _whom(reading, word, subject, speaker, abuses, sides, positions):
                key = (whom.text.casefold(), token.sent.start, reading.kind)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_record(segment, reading, token, whom, speaker))
    return out


def _whom(
    reading: _Reply,
    word: Token,
    subject: Referent | None,
    speaker: Referent | None,
    abuses: list[Act],
    sides: tuple[set[str | None], set[str | None], set[str | None]],
    positions: list[Position],
) -> list[Referent]:
    """Whose side a statement gives.

    The accused speaking, or speaking through a lawyer, gives their own side (and
    that of others accused it names). A court's ruling, or a state body or official
    answering for others (a ministry on the police's raid), gives the side of
    whoever stands accused of the acts its words are about: the acts whose actor
    or victim it names, else whose kind it names. A statement by anyone else is
    kept only when it answers allegations in so many words. `sides` are the
    actors alleged, everyone on the accused side, and the victims.
    """
    actors, accused, victims = sides
    if subject is None and not _state_word(word):
        return []
    keys = (_keys([subject.text]) | {subject.mention_id}) - {None} if subject else set()
    ruling = reading.kind == "ruling_in_favour" and reading.cue.lower_ in RULING_VERBS
    about = []
    if reading.kind in DEFENCES:
        # a victim is not defended, nor a court by its own ruling
        about = [
            (r, score)
            for r, score in _defended(reading, abuses)
            if not _keys([r.text]) & victims and not (ruling and _keys([r.text]) & keys)
        ]
    own = any(_keys([r.text]) & keys for r, _ in about)
    if keys & actors and not ruling:
        named = (r for r, score in about if score >= ACTOR_NAMED and not _keys([r.text]) & keys)
        return [subject, *named]
    if own and not ruling:
        return [subject]  # the body answers for the acts it stands accused of
    if about and (ruling or subject is None or _state_side(subject, speaker, positions)):
        return [r for r, _ in about]
    if ruling or subject is None or (keys & victims and not keys & accused):
        return []
    if keys & accused or reading.explicit:
        return [subject]
    return []


# Kinds of reply a body may give on someone else's behalf.
DEFENCES = frozenset({"rebuttal", "denial", "ruling_in_favour"})
# How a statement names an act: by its actor, its victim, or only its kind (1).
ACTOR_NAMED = 4
VICTIM_NAMED = 2


def _defended(reading: _Reply, abuses: list[Act]) -> list[tuple[Referent, int]]:
    """The accused of the acts a statement is about, best first: the statement's words
    outside its speaker name the act's actor or victim, or a word of the act's kind."""
    speaking = {t.i for w in reading.subjects for t in w.subtree}
    tokens = [t for t in reading.cue.sent if t.i not in speaking]
    words = {t.lower_ for t in tokens}
    kinds = {named_kind(t) for t in tokens} - {None}
    scores: dict[Referent, int] = {}
    for act in abuses:
        if not act.actor:
            continue
        score = 0
        if _keys([act.actor]) & words:
            score = ACTOR_NAMED
        elif act.target and _keys([act.target]) & words:
            score = VICTIM_NAMED
        if act.kind in kinds:
            score += 1
        if score:
            actor = Referent(act.actor, act.actor_mention_id)
            same = next((r for r in scores if r.text.casefold() == actor.text.casefold()), None)
            actor = same or actor
            scores[actor] = max(scores.get(actor, 0), score)
    if not scores:
        return []
    best = max(scores.values())
    return [(r, n) for r, n in scores.items() if n == best]


def _state_word(word: Token) -> bool:
    """ "A spokesman said", "the minister said": someone speaking for the state,
    unnamed."""
    lower = word.lower_
    return lower in STATE_OFFICE_WORDS or (
        lower in REPRESENTATIVES
        and any(c.dep_ == "compound" and is_state_body(c.text) for c in word.children)
    )


def _state_side(subject: Referent, speaker: Referent | None, positions: list[Position]) -> bool:
    """Whether a statement comes from a state body or someone holding office in one."""
    for who in (subject, speaker):
        if who is None:
            continue
        if is_state_body(who.text):
            return True
        held = [
            p.role
            for p in positions
            if (p.mention_id == who.mention_id and who.mention_id)
            or p.person.casefold() == who.text.casefold()
        ]
        if held and holds_state_office(held):
            return True
    return False


def _body_word(word: Token) -> bool:
    """ "The Ministry said": a description of a body named before, even capitalised."""
    return word.lower_ in BODY_WORDS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in word.children
    )


def _keys(names) -> set[str | None]:
    """A name, its last word and its initials, casefolded: "Ivo Lenk" answers
    as "Lenk" in a later paragraph."""
    out: set[str | None] = set()
    for name in names:
        if name:
            words = "".join(c if c.isalnum() or c in " -'’" else " " for c in name).split()
            if not words:
                continue
            out.add(name.casefold())
            out.add(words[-1].casefold())
            capitals = [w for w in words if w[:1].isupper()]
            if len(capitals) >= 2:  # "Internal Security Directorate" answers as "ISD"
                out.add("".join(w[0] for w in capitals).casefold())
    return out


def _read(token: Token) -> _Reply | None:
    word = token.lower_
    verb = token.pos_ in ("VERB", "AUX")
    if verb and word in DENY_VERBS:
        return _denial(token)
    if verb and (word in RESPOND_VERBS or word in REACH_VERBS) and _negated(token):
        subjects = _subjects(token)
        return _Reply("no_response", token, subjects, True) if subjects else None
    if verb and word in DECLINE_VERBS and _comment_xcomp(token):
        return _Reply("no_response", token, _subjects(token), True)
    if word in UNAVAILABLE and token.head.lower_ in ("was", "were", "is", "are"):
        return _Reply("no_response", token, _subjects(token.head), True)
    words = {c.lower_ for c in token.subtree}
    if verb and word == "pleaded" and {"guilty", "not"} <= words:
        return _Reply("denial", token, _subjects(token), True)
    if (
        verb
        and word in ("maintains", "maintained", "maintain", "protests", "protested")
        and any(c.lower_ == "innocence" for c in token.children if c.dep_ == "dobj")
    ):
        return _Reply("denial", token, _subjects(token), True)
    if verb and word in ACQUIT_VERBS:
        return _patient_reply("acquittal", token)
    if verb and word in DROP_VERBS:
        return _dropped(token)
    if verb and word in OVERTURN_VERBS:
        return _overturned(token)
    if verb and word in RELEASE_VERBS and not _negated(token):
        return _patient_reply("release", token, explicit=False)
    if word in FAVOUR_WORDS:
        return _in_favour(token)
    if verb and word in LABEL_VERBS:
        return _labelled(token)
    if verb and word in PROOF_WORDS:
        return _unproven_verb(token)
    if word in PROOF_NOUNS and token.pos_ == "NOUN":
        return _unproven_noun(token)
    if verb and word in RULING_VERBS:
        reading = _rebuttal(token)
        if reading is None:
            return None
        return _Reply("ruling_in_favour", token, reading.subjects, False)
    if verb and word in SPEECH_OF_SIDE:
        return _rebuttal(token)
    return None


def _denial(token: Token) -> _Reply | None:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return None  # "was denied access": done to someone
    objects = [c for c in token.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    if any(o.lower_ in DEPRIVATIONS for o in objects) or any(
        c.dep_ == "dative" for c in token.children
    ):
        return None  # "denied him a lawyer", "denied access"
    if _negated(token):
        return None  # "did not deny"
    answered = any(o.lower_ in ALLEGATIONS for o in objects) or any(
        t.lower_ in ALLEGATIONS for o in objects for t in o.subtree
    )
    if token.lower_ not in ("deny", "denied", "denies", "denying") and not answered:
        return None  # "rejected the appeal", "dismissed the guard"
    if not objects and not answered:
        return None
    return _Reply("denial", token, _subjects(token), answered)


def _rebuttal(token: Token) -> _Reply | None:
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        clause = _that_clause(token)
    if clause is None or not _contradicts(list(clause.subtree)):
        return None
    subjects = _subjects(token)
    return _Reply("rebuttal", token, subjects, False) if subjects else None


def _contradicts(tokens: list[Token]) -> bool:
    """Whether reported words contradict an allegation: they call what was done lawful,
    the claims baseless, or deny an act by name ("no journalist had been mistreated").
    A bare negation ("order is not negotiable", "no one is above the law") does not."""
    words = {t.lower_ for t in tokens}
    if words & (REBUTTAL_WORDS - NEGATION_WORDS):
        return True
    return bool(words & NEGATION_WORDS) and any(kind_of(t) for t in tokens)


def _labelled(token: Token) -> _Reply | None:
    """ "described the allegations as defamatory" (a denial), "described the detention
    as a lawful response" (a rebuttal)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "oprd", "ccomp")]
    if not objects:
        return None
    labels = [
        t
        for node in (token, *objects)
        for p in node.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for t in p.subtree
    ]
    labels += [t for o in objects if o.dep_ == "oprd" for t in o.subtree]
    words = {t.lower_ for t in labels}
    if not words & REBUTTAL_WORDS:
        return None
    subjects = _subjects(token)
    if not subjects:
        return None
    if any(o.lower_ in ALLEGATIONS for o in objects):
        return _Reply("denial", token, subjects, True)
    return _Reply("rebuttal", token, subjects, False)


def _unproven_verb(token: Token) -> _Reply | None:
    """ "the prosecution had failed to prove that X gave the order", "could not
    establish that X was present": X is cleared of what was not shown."""
    failed = token.dep_ == "xcomp" and token.head.lower_ in FAILED_WORDS
    if not (failed or _negated(token)):
        return None
    return _cleared(token)


def _unproven_noun(token: Token) -> _Reply | None:
    """ "there was no proof that he gave the order", "found no evidence that X"."""
    if not any(c.lower_ == "no" for c in token.children if c.dep_ == "det"):
        return None
    return _cleared(token)


def _cleared(token: Token) -> _Reply | None:
    clause = next(
        (
            c
            for c in token.children
            if c.dep_ in ("ccomp", "acl", "relcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return _Reply("ruling_in_favour", token, _with_conjuncts(subjects), True) if subjects else None


def _that_clause(verb: Token) -> Token | None:
    """What a speech verb reports when the parser hung its "that" clause on a noun
    ("said in a written response that the search had been authorised")."""
    subject_words = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    for t in verb.subtree:
        if t.i <= verb.i or t.i in subject_words or t.dep_ not in ("acl", "relcl", "advcl"):
            continue
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children):
            return t
    return None


def _patient_reply(kind: str, token: Token, explicit: bool = True) -> _Reply | None:
    """ "X was acquitted", "the court acquitted X", "X was cleared of all charges"."""
    if _negated(token):
        return None
    patients = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
    if not patients:
        return None
    return _Reply(kind, token, _with_conjuncts(patients), explicit)


def _dropped(token: Token) -> _Reply | None:
    """ "charges against X were dropped", "prosecutors dropped the case against X"."""
    if _negated(token):
        return None
    for child in token.children:
        if child.dep_ in ("nsubjpass", "dobj") and child.lower_ in CHARGE_WORDS:
            # "charges of money laundering against his wife": whom, not what
            whose = [
                o
                for p in child.subtree
                if p.dep_ == "prep" and p.lower_ == "against"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            whose += [
                o
                for p in child.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj" and o.pos_ in ("PROPN", "PRON")
            ]
            for c in child.children:
                if c.dep_ == "poss":
                    # "the officer whose prosecution was dropped": the officer
                    whose.append(_relative_head(c) if c.lower_ == "whose" else c)
            whose = [w for w in whose if w is not None]
            if whose:
                return _Reply("charges_dropped", token, _with_conjuncts(whose), True)
    return None


def _relative_head(word: Token) -> Token | None:
    """What "whose" stands for: the noun its relative clause hangs on."""
    node = word
    while node.dep_ != "relcl" and node.head.i != node.i:
        node = node.head
    return node.head if node.dep_ == "relcl" else None


def _overturned(token: Token) -> _Reply | None:
    """ "the appeals court overturned X's conviction"."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in CONVICTION_WORDS:
            whose = [c for c in child.children if c.dep_ == "poss"]
            if whose:
                return _Reply("ruling_in_favour", token, whose, True)
    return None


def _in_favour(token: Token) -> _Reply | None:
    """ "ruled in X's favour", "found in favour of X"."""
    whose = [c for c in token.children if c.dep_ == "poss"]
    whose += [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if not whose or token.head.lower_ != "in":
        return None
    return _Reply("ruling_in_favour", token, whose, True)


def _comment_xcomp(token: Token) -> bool:
    """ "declined to comment", "refused to answer questions"."""
    return any(
        c.dep_ == "xcomp" and c.lower_ in RESPOND_VERBS | {"speak", "discuss"}
        for c in token.children
    )


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in token.children):
        return True
    for child in token.children:  # "Neither X nor Y responded"
        if child.dep_ in ("nsubj", "nsubjpass"):
            if any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in child.children):
                return True
            if child.lower_ in ("neither", "none"):
                return True
    return False


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects with their conjuncts; a conjoined verb's or an xcomp's own."""
    node = verb
    while node is not None:
        found = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            subject = found[0]
            if subject.lower_ in ("neither", "none"):  # "neither of them"
                return [o for p in subject.children for o in p.children if o.dep_ == "pobj"]
            return _with_conjuncts([subject])
        if (
            node.dep_ == "conj"
            and node.lower_ in DENY_VERBS | SPEECH_OF_SIDE
            and node.head.dep_ == "ccomp"
            and node.head.head.lower_ in SPEECH_OF_SIDE
        ):
            # "said the reporters had broken the rules and denied that ...": the
            # parser hung the second verb in the reported clause; it is the speaker's
            node = node.head.head
            continue
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        return []
    return []


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        out.extend([t, *t.conjuncts])
    return list(dict.fromkeys(out))


def _side(word: Token, refs: Referents, described: Descriptions) -> Referent | None:
    """Whom a representative speaks for: "lawyers for X", "X's spokesman", "his lawyer"."""
    if word.lower_ not in REPRESENTATIVES:
        for child in word.children:  # "the ministry's press office"
            if child.dep_ == "compound" and child.lower_ in REPRESENTATIVES:
                break
        else:
            return None
    for child in word.children:
        if child.dep_ == "poss":
            return refs.of(child) or described.of(child)
        if child.dep_ == "compound" and child.lower_ not in REPRESENTATIVES:
            # "a Foreign Ministry spokesman", "the police press office"
            side = refs.of(child) or described.of(child)
            if side is not None:
                return side
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "to"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return refs.of(obj) or described.of(obj)
    return None


def _represented(roles: list[Position]) -> dict[str, Referent]:
    """People the text makes someone's representative: "Jana Roe, a lawyer for X"."""
    out: dict[str, Referent] = {}
    for p in roles:
        words = {w.strip(",.").casefold() for w in p.role.split()}
        if words & REPRESENTATIVES and p.organisation:
            out[p.mention_id] = Referent(p.organisation, p.organisation_mention_id)
    return out


def _record(
    segment: Segment,
    reading: _Reply,
    token: Token,
    subject: Referent,
    speaker: Referent | None,
) -> Reply:
    sentence = token.sent
    start = segment.start + token.idx
    if speaker is not None and speaker == subject and reading.kind == "no_response":
        speaker = None
    return Reply(
        id=make_id("reply", segment.document_id, start, reading.kind, subject.text),
        document_id=segment.document_id,
        segment=segment.seq,
        kind=reading.kind,
        subject=subject.text,
        subject_mention_id=subject.mention_id,
        speaker=speaker.text if speaker else None,
        speaker_mention_id=speaker.mention_id if speaker else None,
        cue=token.text,
        start=start,
        end=start + len(token.text),
        sentence=sentence.text,
        sentence_start=segment.start + sentence.start_char,
    )
