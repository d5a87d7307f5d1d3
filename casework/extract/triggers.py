"""Which words name an alleged act, and of what kind: the trigger tables and their conditions.

A word names an act when it is in a kind's table (TRIGGERS) and the words around
it make it one: a press restriction needs a press object ("blocked the
website", not "blocked the road"); moving money is laundering only when money
moves; "sentence" is a prison term, not a sentence of text; "human rights
abuses" is an abuse and "abuse of office" is corruption; "held" names a
detention only when someone is held somewhere; "serving nine years" is
imprisonment. The kinds map to the Global Magnitsky criteria (CATEGORIES) and,
where one fits, to the rights the UK Global Human Rights regime protects
(casefile.model.UK_GHR_RIGHTS). casework.extract.acts reads who did what to whom around the
trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from casework.extract.parse import is_verb, prep_object, prep_objects

TRIGGERS: dict[str, frozenset[str]] = {
    "detention": frozenset(
        "detain detained detains detaining detention detentions arrest arrested "
        "arrests arresting abducted abduction kidnapped".split()
    ),
    "imprisonment": frozenset(
        "sentenced sentencing jailed jailing imprisoned imprisonment imprisoning "
        "convicted incarcerated sentence sentences prosecution prosecutions".split()
    ),
    "torture": frozenset(
        "torture tortured torturing ill-treatment ill-treated mistreated mistreatment "
        "beaten beating beatings solitary beat beats electrocuted whipped flogged "
        "flogging".split()
    ),
    "killing": frozenset(
        "killed killing killings murdered murder murders assassinated assassination "
        "executed massacre massacred".split()
    ),
    # Enforced disappearance: "the disappearance of two students", "he vanished".
    "disappearance": frozenset(
        "disappearance disappearances disappeared vanished disappear missing".split()
    ),
    # Searches and raids of homes, offices and newsrooms (a search needs premises).
    "raid": frozenset("raid raids raided raiding stormed storming storm".split()),
    "intimidation": frozenset(
        "threatened threatening threats threat harassed harassment harassing intimidated "
        "intimidation intimidating surveillance stalked".split()
    ),
    "press_restriction": frozenset(
        "censorship censored blocked blocking shut closed banned revoked "
        "withdrew withdrawn cut".split()
    ),
    "pardon": frozenset("pardon pardoned pardons pardoning amnesty".split()),
    "corruption": frozenset(
        "corruption corrupt embezzled embezzlement embezzling misappropriated "
        "misappropriation kickbacks kickback rigged rigging diverted diverting".split()
    ),
    "bribery": frozenset("bribe bribes bribery bribed bribing".split()),
    "money_laundering": frozenset(
        "laundering laundered launder transferred transfers funnelled funneled "
        "channelled channeled siphoned moved".split()
    ),
    # General abuse, mostly with no one named: "human rights abuses in X", "the crackdown
    # on journalists", "repression of dissent", "persecution of the opposition".
    "rights_abuse": frozenset(
        "abuse abuses violation violations crackdown crackdowns repression repressions "
        "persecution".split()
    ),
}

CATEGORIES = {
    "detention": "human_rights",
    "disappearance": "human_rights",
    "raid": "human_rights",
    "due_process": "human_rights",
    "intimidation": "human_rights",
    "forced_labour": "human_rights",
    "imprisonment": "human_rights",
    "political_prisoner": "human_rights",
    "torture": "human_rights",
    "killing": "human_rights",
    "press_restriction": "human_rights",
    "rights_abuse": "human_rights",
    "corruption": "corruption",
    "bribery": "corruption",
    "money_laundering": "corruption",
    "pardon": "context",
    "sanctions_call": "context",
}

_KIND_OF = {word: kind for kind, words in TRIGGERS.items() for word in words}
# Premises a search or raid is of: "searched the newsroom", "the search of her flat".
PREMISES = frozenset(
    """
    home homes house houses flat flats apartment apartments office offices newsroom
    newsrooms headquarters premises property properties building buildings studio studios
    residence residences dacha garage
    """.split()
)
SEARCH_WORDS = frozenset("search searches searched searching".split())
# Papers that order an act: "search warrant", "detention orders".
PAPER_HEADS = frozenset("warrant warrants order orders".split())
# Cells that are a punishment: "punishment cells", "the disciplinary unit".
PUNISHMENT_WORDS = frozenset("punishment disciplinary isolation".split())
CELL_WORDS = frozenset("cell cells block blocks unit units ward".split())
# Taking someone away by force, into a car: an arrest or an abduction.
FORCING_WORDS = frozenset("forced pushed bundled dragged thrown shoved".split())
VEHICLES = frozenset("vehicle vehicles car cars van vans truck jeep minibus".split())
# Sending someone somewhere: read with where they were sent.
PLACING_WORDS = frozenset(
    "placed placing placement placements sent transferred moved put confined".split()
)
# Care withheld is ill-treatment: "refused to pass on medication".
CARE_WORDS = frozenset("medication medicine medicines treatment care insulin".split())
REFUSE_VERBS = frozenset(
    "denied deny denies refused refuse refuses withheld withhold rejected reject".split()
)
GRANT_VERBS = frozenset("granted grant grants allowed allow".split())
DEFENDANT_WORDS = frozenset("defendant defendants accused detainee detainees".split())
LAWYER_WORDS = frozenset("lawyer lawyers counsel attorney attorneys defence defense".split())
# Evidence made up: "material planted on the seized drives", "fabricated charges".
FABRICATION_WORDS = frozenset("planted fabricated falsified doctored".split())
# Charges brought against officials for corruption are justice, not an abuse.
CORRUPTION_CHARGES = frozenset(
    """
    corruption bribery bribes embezzlement embezzling fraud laundering abuse office
    misappropriation negligence kickbacks
    """.split()
)
TENDER_WORDS = frozenset("tender tenders auction auctions procurement contract contracts".split())

# Press restrictions need a press object: "blocked the website", not "blocked the road".
PRESS_WORDS = frozenset(
    "website websites site sites outlet outlets newspaper newspapers channel channels "
    "station broadcaster media newsroom newsrooms accreditation agency portal "
    "magazine journalists reporters radio television tv youtube internet".split()
)

# A criminal enterprise someone runs: corruption when marked as criminal or corrupt.
SCHEME_NOUNS = frozenset("network networks scheme schemes ring rings syndicate racket".split())
SCHEME_MARKS = frozenset(
    "criminal corrupt corruption bribery kickback embezzlement laundering extortion".split()
)
# People held by the state, whose work in custody is forced labour.
HELD_PEOPLE = frozenset("prisoners inmates detainees convicts prisoner inmate".split())
PERSON_PRONOUNS = frozenset("he she they who i we you him her them".split())
# Subjects that are never a disappeared person.
NOT_SOMEONE = frozenset("what it this that which something nothing everything anything".split())
# Things that "disappear" in reporting: evidence, charges, files, money, votes.
THINGS = frozenset(
    """
    charge charges case cases evidence file files document documents record records
    money funds budget ballots votes accusations allegations problem problems fear fears
    """.split()
)
# Moving money is laundering only when money is what moves ("transferred the funds").
MONEY_WORDS = frozenset(
    "money funds cash proceeds dollars millions billions payments budget budgets sum sums".split()
)

# Verbs whose subject is who suffers the act the noun after them names:
# "X remains in detention", "X is serving a sentence", "X was recognised as a prisoner".
PATIENT_VERBS = frozenset(
    "is was were are be been being remain remains remained stay stays stayed "
    "serve serves served serving held kept spent spends spend recognised recognized "
    "considered declared named subjected".split()
)

# Serving or receiving a term is imprisonment: "serving nine years", "got four years".
TERM_VERBS = frozenset(
    "serving serve serves served got gets received receives given handed".split()
)

TERM_NOUNS = frozenset("years year months sentence term life".split())

# Holding someone somewhere is detention: "held in pre-trial detention".
HOLD_VERBS = frozenset("held kept holding".split())

HOLD_PLACES = frozenset(
    "custody detention centre center facility cell cells prison jail trial "
    "incommunicado months weeks days".split()
)

# General abuse words ----------------------------------------------------------
# "abuses" and "violations" are rights abuses only with rights in them ("human rights
# abuses", "rights violations", "violations of the rights of detainees"); "abuses" also
# when grave ("gross abuses"), but not of anything else ("abuse of office").
RIGHTS_QUALIFIED = frozenset("abuse abuses violation violations".split())

RIGHTS_WORDS = frozenset("rights".split())

GRAVE_WORDS = frozenset("gross serious grave egregious flagrant systematic widespread".split())

GRAVE_QUALIFIED = frozenset("abuse abuses".split())

# A crackdown on crime is policing, not an abuse: "the crackdown on drug smuggling".
POLICING_WORDS = frozenset(
    "corruption crime crimes criminals drug drugs smuggling smugglers trafficking "
    "traffickers fraud terrorism terrorists extremism gangs mafia bribery laundering "
    "poaching evasion piracy".split()
)


def kind_of(token: Token) -> str | None:
    """The kind of act this token names, if it names one."""
    word = word_of(token)
    contextual = _in_context(token, word)
    if contextual is not None:
        return contextual or None
    if word in ("prisoner", "prisoners"):
        if token.i > 0 and token.nbor(-1).lower_ == "political":
            return "political_prisoner"
        if any(o.lower_ == "conscience" for o in prep_objects(token, ("of",))):
            return "political_prisoner"  # "a prisoner of conscience"
        return None
    if word == "bars" and token.i > 0 and token.nbor(-1).lower_ == "behind":
        return "imprisonment"
    if word in ("jail", "prison") and in_place(token):
        return "imprisonment"
    if word == "confinement" and any(c.lower_ == "solitary" for c in token.children):
        return "torture"
    if word == "solitary" and token.dep_ == "amod" and token.head.lower_ == "confinement":
        return None  # the act is "confinement", read there
    if word == "disappearance" and of_money(token):
        return "corruption"  # "the disappearance of $2.1 billion from the fund"
    if word == "dead" and token.i > 0 and token.nbor(-1).lower_ == "the":
        return "killing"  # "among the dead was X"
    if word in TERM_VERBS and is_verb(token):
        terms = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in TERM_NOUNS]
        serving = [c for c in token.children if c.dep_ == "nsubj"]
        held = _held_to_account(token) or any(_held_to_account(t) for t in terms)
        held = held or any(c.lower_ in STATE_AGENTS for c in serving)
        return "imprisonment" if terms and not held else None
    if word in HOLD_VERBS and is_verb(token):
        return "detention" if held_somewhere(token) else None
    kind = _KIND_OF.get(word) or _KIND_OF.get(token.lower_)
    if kind == "money_laundering" and word not in ("laundering", "laundered", "launder"):
        return kind if moves_money(token) else None
    if word in ("sentence", "sentences") and not legal_sentence(token):
        return None
    if kind == "imprisonment" and _held_to_account(token):
        return None  # "sentenced the two officers for the students' disappearance"
    if kind == "rights_abuse" and not rights_abuse(token):
        return None
    return kind


def named_kind(token: Token) -> str | None:
    """The kind of act a word names when what it refers to is already known: "the
    search had been lawful" in an answer to a raid the text reported. Looser than
    `kind_of`, which needs the act's context ("the search of her flat") to tell an
    act from any search; used to find which reported act a statement is about."""
    kind = kind_of(token)
    if kind:
        return kind
    word = word_of(token)
    if word in SEARCH_WORDS:
        return "raid"
    return _KIND_OF.get(word)


def _in_context(token: Token, word: str) -> str | None:
    """Acts named by a word and the words around it: "kept awake", "without a lawyer",
    "opened fire", "the search of her flat". "" when the word is in a table but its
    context says it names no act here ("searched for the file")."""
    head = token.head
    verb = is_verb(token)
    if word in SEARCH_WORDS:
        return "raid" if _searched_premises(token) else ""
    if word == "way" and head.lower_ == "forced" and token.dep_ == "dobj":
        return "raid" if prep_objects(head, ("into",)) else ""  # "forced their way into"
    if word == "awake" and head.lower_ in ("kept", "keep", "keeping", "kept"):
        return "torture"
    if word == "deprivation" and any(c.lower_ == "sleep" for c in token.children):
        return "torture"
    if word == "deprived" and any(o.lower_ == "sleep" for o in prep_objects(token, ("of",))):
        return "torture"
    if word in ("shock", "shocks") and any(c.lower_ == "electric" for c in token.children):
        return "torture"
    if word in CELL_WORDS and any(
        c.lower_ in PUNISHMENT_WORDS for c in token.children if c.dep_ in ("compound", "amod")
    ):
        return "torture"
    if word in CARE_WORDS and token.dep_ == "dobj" and head.lower_ in REFUSE_VERBS:
        return "torture"
    if word == "custody" and token.dep_ == "pobj" and head.lower_ in ("in", "into"):
        return "detention"
    if word == "bail" and token.dep_ == "dobj":
        if head.lower_ in REFUSE_VERBS:
            return "detention"
        return "detention" if head.lower_ in GRANT_VERBS and grant_refused(token) else ""
    if word in ("took", "taken", "take") and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in token.children
    ):
        return "detention"
    if word in ("remanded",) and verb:
        return "detention"
    if word == "charged" and verb:
        charges = {t.lower_ for o in prep_objects(token, ("with",)) for t in o.subtree}
        return "" if not charges or charges & CORRUPTION_CHARGES else "imprisonment"
    if word in ("prosecuted", "prosecuting") and verb:
        return "imprisonment"
    if word in ("trial", "trials") and not verb:
        return "imprisonment" if _trial_of_someone(token) else ""
    if word in LAWYER_WORDS and token.dep_ == "pobj" and head.lower_ == "without":
        return "due_process"
    if word in LAWYER_WORDS and token.dep_ == "dobj" and head.lower_ in REFUSE_VERBS:
        return "due_process"
    if (
        word == "access"
        and head.lower_ in REFUSE_VERBS
        and any(o.lower_ in LAWYER_WORDS for o in prep_objects(token, ("to",)))
    ):
        return "due_process"
    if word in FABRICATION_WORDS:
        return "due_process"
    if word in ("told", "warned") and verb and _conditional_threat(token):
        return "intimidation"  # "were told their charges would go away if they named..."
    if word == "warned" and verb:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        return "intimidation" if passive else ""
    if word in ("labour", "labor") and any(c.lower_ == "forced" for c in token.children):
        return "forced_labour"
    if word == "forced" and any(c.dep_ == "xcomp" and c.lower_ == "work" for c in token.children):
        return "forced_labour"
    if word == "fire" and token.dep_ == "dobj" and head.lower_ in ("opened", "open", "opening"):
        return "killing"
    if word in ("fired", "shot") and verb:
        return "killing" if _shot_at_people(token) else ""
    if word in ("tender", "tenders") and token.dep_ == "pobj" and head.lower_ == "without":
        return "corruption"
    if word == "abuse" and any(
        o.lower_ in ("office", "power") for o in prep_objects(token, ("of",))
    ):
        return "corruption"
    if word in ("rigged", "rigging"):
        objects = {
            t.lower_ for c in token.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
        }
        return "corruption" if objects & TENDER_WORDS else ""
    if word in ("diverted", "diverting"):
        return "corruption" if moves_money(token) else ""
    if word in ("disappeared", "vanished", "disappear") and verb:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or _money_subject(subject):
            return ""
        return "disappearance"
    if word in ("allowed", "allow", "permitted", "permit", "let") and verb:
        # "has not once granted bail or allowed the defence to call an expert"
        negated = _negated_here(token) or (token.dep_ == "conj" and _negated_here(head))
        allowed = [c for c in token.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
        allowed += [g for c in allowed for g in c.children if g.dep_ == "nsubj"]
        defence = any(c.lower_ in LAWYER_WORDS | DEFENDANT_WORDS for c in allowed)
        return "due_process" if negated and defence else ""
    if word in ("work", "works", "worked", "working") and verb:
        # "Prisoners work up to eleven hours a day for three euros a month"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if (subject is None or subject.lower_ in ("who", "that")) and token.dep_ == "relcl":
            subject = token.head  # "prisoners at the colony, who work eleven-hour shifts"
        held = subject is not None and subject.lower_ in HELD_PEOPLE
        return "forced_labour" if held else ""
    if word in FORCING_WORDS and any(o.lower_ in VEHICLES for o in prep_objects(token, ("into",))):
        # "being forced into a Federal Police vehicle"; "last seen" doing so: disappeared
        seen = any(
            t.lower_ == "seen" and any(c.lower_ == "last" for c in t.children) for t in token.sent
        )
        return "disappearance" if seen else "detention"
    if word in PLACING_WORDS:
        # "placed in the disciplinary unit", "placements in the punishment block"
        where = prep_objects(token, ("in", "into", "to"))
        punishing = any(
            w.lower_ in CELL_WORDS
            and any(
                c.lower_ in PUNISHMENT_WORDS for c in w.children if c.dep_ in ("compound", "amod")
            )
            for w in where
        )
        if punishing:
            return "torture"  # else another table may name it: "money was transferred"
    if word in SCHEME_NOUNS:
        # "headed a criminal network that took over businesses", "a bribery scheme"
        marks = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        return "corruption" if marks & SCHEME_MARKS else ""
    if word == "missing" and (
        any(c.lower_ in ("been", "is", "are", "was", "were") for c in token.children)
        or head.lower_ in ("went", "gone", "go", "goes", "going")
    ):
        # "has been missing since police took him", "went missing": a person, not a sum.
        holder = token if any(c.dep_ == "nsubj" for c in token.children) else head
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subject is None or _money_subject(subject):
            return ""
        return "disappearance"
    if word == "surveillance" and token.dep_ == "pobj" and head.lower_ != "under":
        return "intimidation" if head.head.lower_ in ("campaign", "placed", "put") else ""
    return None


def _conditional_threat(verb: Token) -> bool:
    """What someone was told is a consequence on a condition: "told me my father would
    lose his job if I did not name my sources"."""
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in said:
        modal = any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in clause.children)
        condition = any(
            c.dep_ == "advcl"
            and any(m.lower_ in ("if", "unless") for m in c.children)
            # the condition is on the one told: "if I did not name", "if they named"
            and any(
                g.dep_ == "nsubj" and g.lower_ in ("i", "we", "they", "he", "she", "you")
                for g in c.children
            )
            for c in clause.children
        )
        if modal and condition:
            return True
    return False


# What a court punishes when it holds an abuser or a corrupt official to account.
# Officials' crimes only: fraud, smuggling and tax evasion are the charges brought
# against reporters, so a conviction for them stays an alleged abuse.
ACCOUNTABILITY_CHARGES = frozenset(
    """
    disappearance disappearances killing killings murder murders torture torturing
    beating beatings abduction abductions rigging rigged failing declare manslaughter
    bribery bribes embezzlement embezzling misappropriation kickbacks office
    """.split()
)


# The state's own agents; their conviction is accountability, not persecution.
STATE_AGENTS = frozenset(
    "officers officer policemen policeman soldiers soldier guards guard agents agent "
    "troops commanders commander".split()
)


def _held_to_account(token: Token) -> bool:
    """A conviction or sentence for an abuse or for corruption is accountability, not
    an abuse of the one convicted: "sentenced X to 25 years for the disappearance of",
    "convicted Y on a lesser charge of failing to declare", "ruling that the two men
    had detained the students"."""
    if not is_verb(token):
        # "two officers are serving 25-year sentences for his disappearance"
        holders = [token, token.head] if token.dep_ == "dobj" else [token]
        charged = [t for h in holders for o in prep_objects(h, ("for",)) for t in o.subtree]
        serving = (
            [c for c in token.head.children if c.dep_ == "nsubj"] if token.dep_ == "dobj" else []
        )
        return bool({t.lower_ for t in charged} & ACCOUNTABILITY_CHARGES) or any(
            c.lower_ in STATE_AGENTS for c in serving
        )
    convicted = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.lower_ in STATE_AGENTS for c in convicted):
        return True  # "two officers were convicted": agents of the state held to account
    preps = [o for holder in (token, *convicted) for o in prep_objects(holder, ("for", "of", "on"))]
    charged = [t for o in preps for t in o.subtree]
    if {t.lower_ for t in charged} & ACCOUNTABILITY_CHARGES:
        return True
    ruling = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and c.lower_ == "ruling"]
    return any(
        t.lower_ in ("detained", "abducted", "killed", "tortured", "beat", "beaten")
        for r in ruling
        for t in r.subtree
    )


def _negated_here(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)


def grant_refused(token: Token) -> bool:
    """ "has never granted bail", "did not once grant bail": the negation is the act."""
    return token.head.lower_ in GRANT_VERBS and _negated_here(token.head)


def _money_subject(subject: Token) -> bool:
    """Not someone who can be disappeared: money ("half the budget went missing"), a thing
    ("their charges would disappear") or a clause ("what has been missing is the will")."""
    words = {t.lower_ for t in subject.subtree}
    if words & MONEY_WORDS or any(t.ent_type_ == "MONEY" for t in subject.subtree):
        return True
    if subject.lower_ in NOT_SOMEONE or subject.dep_ == "csubj":
        return True
    if subject.ent_type_ in ("PERSON", "NORP") or subject.lower_ in PERSON_PRONOUNS:
        return False
    # A noun: someone when a person is named in it or it is a plural of people-words
    # the parser tags as such ("two students", "the activist Tural Safarov").
    return not any(t.ent_type_ == "PERSON" for t in subject.subtree) and subject.lower_ in THINGS


def _searched_premises(token: Token) -> bool:
    """A search of someone's premises: "searched the newsroom", "the search of Tenrek
    Daily", "her flat was searched", "the search warrant", "during a search"."""
    if is_verb(token):
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(o.lower_ in PREMISES or o.pos_ == "PROPN" for o in objects)
    if token.dep_ == "compound" and token.head.lower_ in PAPER_HEADS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("during", "after", "in"):
        return True
    if prep_objects(token, ("of", "at", "on")) or any(c.dep_ == "poss" for c in token.children):
        return True
    return any(c.dep_ == "acl" for c in token.children)  # "a search authorised by the court"


def _trial_of_someone(token: Token) -> bool:
    """ "presided over the trial", "her trial", "the trial of X", "go on trial"."""
    if any(c.dep_ == "poss" for c in token.children) or prep_objects(token, ("of",)):
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("on", "over"):
        return head.head.lower_ in (
            "go",
            "goes",
            "went",
            "gone",
            "stand",
            "stood",
            "presided",
            "preside",
            "presides",
            "put",
        )
    return False


def _shot_at_people(token: Token) -> bool:
    """ "troops fired on protesters", "was shot dead", "shot two men"; not "fired the editor"."""
    if any(c.dep_ in ("nsubjpass",) for c in token.children):
        return token.lower_ == "shot"
    if prep_objects(token, ("on", "at", "into")):
        return True
    if token.lower_ == "shot":
        return any(c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON") for c in token.children)
    return any(c.lower_ == "warning" for c in token.subtree)  # "fired without warning"


def rights_abuse(token: Token) -> bool:
    """ "human rights abuses", "violations of human rights", "gross abuses", "crackdown on
    dissent"; not "abuse of office", "traffic violations", "the crackdown on smuggling"."""
    if is_verb(token):
        return False
    objects = prep_objects(token, ("of", "on", "against"))
    if any(o.lower_ in POLICING_WORDS for o in objects):
        return False
    if token.lower_ not in RIGHTS_QUALIFIED:
        return True
    if any(o.lower_ in RIGHTS_WORDS for o in objects):
        return True
    if prep_objects(token, ("of",)):
        return False  # "abuse of power", "violations of the ceasefire"
    modifiers = [t for c in token.lefts if c.dep_ in ("compound", "amod") for t in c.subtree]
    if any(t.lower_ in RIGHTS_WORDS for t in modifiers):
        return True
    return token.lower_ in GRAVE_QUALIFIED and any(t.lower_ in GRAVE_WORDS for t in modifiers)


def word_of(token: Token) -> str:
    """The token's lower-case form, joined with a hyphenated first half ("ill-treatment")."""
    if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
        first = token.nbor(-2)
        if not first.whitespace_:
            return f"{first.lower_}-{token.lower_}"
    return token.lower_


def in_place(token: Token) -> bool:
    """ "X stays in jail", "remained in prison": jail after "in" on a verb of being there."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("in", "behind"):
        return False
    return prep.head.lower_ in PATIENT_VERBS


def held_somewhere(token: Token) -> bool:
    """ "held in pre-trial detention", "held for four months pending trial"; not "held talks"."""
    if any(c.dep_ == "dobj" for c in token.children):
        return False
    words = {t.lower_ for c in token.children if c.dep_ in ("prep", "advcl") for t in c.subtree}
    return bool(words & HOLD_PLACES) and "solitary" not in words


def legal_sentence(token: Token) -> bool:
    """A prison sentence, not a sentence of text: a term, a prison or a serving verb nearby."""
    words = {t.lower_ for t in token.subtree} | {token.head.lower_}
    return bool(words & ({"prison", "jail"} | TERM_VERBS)) or any(
        "-year" in t.text or t.lower_ in ("year", "years") for t in token.subtree
    )


def of_money(token: Token) -> bool:
    obj = prep_object(token, ("of",))
    return obj is not None and any(t.ent_type_ == "MONEY" for t in obj.subtree)


def moves_money(token: Token) -> bool:
    """Money is what moves: a sum, "the money", "funds"; or transfers from one place to another."""
    if token.lower_ == "transfers":
        preps = {t.lower_ for t in token.subtree if t.dep_ == "prep"}
        return {"from", "to"} <= preps and not any(c.dep_ == "compound" for c in token.children)
    words = {t.lower_ for t in token.subtree if t.i != token.i}
    money = any(t.ent_type_ == "MONEY" for t in token.subtree)
    return money or bool(words & MONEY_WORDS)


def about_press(token: Token) -> bool:
    words = {t.lower_ for t in token.subtree} | {t.lower_ for t in token.head.subtree}
    return bool(words & PRESS_WORDS)
