"""Which words name an alleged act, and of what kind: the trigger tables and their conditions.

A word names an act when it is in a kind's table (TRIGGERS) and the words around
it make it one: a press restriction needs a press object ("blocked the
website", not "blocked the road"); moving money is laundering only when money
moves; "sentence" is a prison term, not a sentence of text; "human rights
abuses" is an abuse and "abuse of office" is corruption; "held" names a
detention only when someone is held somewhere; "serving nine years" is
imprisonment. The kinds map to the Global Magnitsky criteria (CATEGORIES) and,
where one fits, to the rights the UK Global Human Rights regime protects
(UK_GHR_RIGHTS). casework.extract.acts reads who did what to whom around the
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
        "beaten beating beatings solitary".split()
    ),
    "killing": frozenset(
        "killed killing killings murdered murder murders assassinated assassination "
        "executed".split()
    ),
    "press_restriction": frozenset(
        "censorship censored blocked blocking shut closed banned revoked raided "
        "withdrew withdrawn cut".split()
    ),
    "pardon": frozenset("pardon pardoned pardons pardoning amnesty".split()),
    "corruption": frozenset(
        "corruption corrupt embezzled embezzlement embezzling misappropriated "
        "misappropriation kickbacks".split()
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

# Press restrictions need a press object: "blocked the website", not "blocked the road".
PRESS_WORDS = frozenset(
    "website websites site sites outlet outlets newspaper newspapers channel channels "
    "station broadcaster media newsroom newsrooms accreditation agency portal "
    "magazine journalists reporters radio television tv youtube internet".split()
)

# Moving money is laundering only when money is what moves ("transferred the funds").
MONEY_WORDS = frozenset("money funds cash proceeds dollars millions billions payments".split())

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
    if word in ("prisoner", "prisoners"):
        if token.i > 0 and token.nbor(-1).lower_ == "political":
            return "political_prisoner"
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
        if any(c.dep_ == "dobj" and c.lower_ in TERM_NOUNS for c in token.children):
            return "imprisonment"
        return None
    if word in HOLD_VERBS and is_verb(token):
        return "detention" if held_somewhere(token) else None
    kind = _KIND_OF.get(word) or _KIND_OF.get(token.lower_)
    if kind == "money_laundering" and word not in ("laundering", "laundered", "launder"):
        return kind if moves_money(token) else None
    if word in ("sentence", "sentences") and not legal_sentence(token):
        return None
    if kind == "rights_abuse" and not rights_abuse(token):
        return None
    return kind


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
