"""Names by their shape, and the words that tell what kind of thing a name is.

spaCy's small English model misses or mislabels names it has not seen (most
laws, invented company and newspaper names, the places of a small country), so
extraction adds two kinds of knowledge, both kept here as data:

- entity-ruler patterns that find a name by its shape: a run of capitalised
  words ending in a word that names a legal instrument ("Cybercrime Law") or a
  body ("Roads and Bridges Authority", "Ministry of Justice"), and the informal law
  references news copy uses ("the law on foreign agents", "the media law");
- word tables read by `entities` to decide, from the words around a name, whether
  it is a person, an organisation or a place ("protesters in X", "X, a news
  agency", "Judge X").

Every table holds generic words of English news copy, never names.
"""

from __future__ import annotations

from typing import Any

# Words that end the name of a legal instrument.
LAW_WORDS = (
    "Act",
    "Law",
    "Code",
    "Convention",
    "Protocol",
    "Directive",
    "Regulation",
    "Regulations",
    "Treaty",
    "Charter",
    "Amendment",
)
# Words that end the name of a body: "Interior Ministry", "Dravinsk University", "Eastbridge
# Times", "Harrowgate Mining Ltd". Nouns that also end names of places
# ("Square", "Street") or of people's honours are not here.
ORG_HEADS = frozenset(
    """
    Ministry Committee Court Service Agency Department Office Commission Council Bureau
    Centre Center Institute Foundation Fund Trust Union Association Network Project Forum
    Monitor Authority Administration Police Guard Party Movement Group Holdings Ltd LLP
    LLC Inc Corporation Company Bank University Academy Parliament Assembly Army Front
    Watch Apparatus Properties Trading Partners Capital Times Post News Tribune Gazette
    Herald Wire Radio Television Federation League Board Chamber Consulate Embassy
    Organisation Organization Society Coalition Alliance Initiative
    """.split()
)
# Words that label a caption, a credit or a section before a colon ("Image: NASA",
# "Source: ..."): layout, never part of a name.
CAPTION_LABELS = frozenset(
    "image images photo photos picture credit credits source sources caption file video "
    "map chart graphic illustration update correction note".split()
)
# Legal forms that end a company's name: "Procter & Gamble Co".
LEGAL_FORMS = frozenset("Co Corp Plc PLC AG SA GmbH NV BV Sons Brothers Associates".split())
# Heads that take an "of"/"for" complement inside the name: "Ministry of Information",
# "Embassy of Tirenia", "Office of the Attorney General", "Centre for Eurasian ...".
ORG_HEADS_OF = frozenset(
    """
    Ministry Embassy Consulate Office Department Court Union Institute Centre Center
    Council Commission Committee Bank University Academy Bureau Agency Service Federation
    Association League Party Movement Front Board Chamber Organisation Organization
    Society Foundation Fund Coalition Alliance
    """.split()
)
# Honorifics and titles written before a name; they are not part of a PERSON span
# ("Minister [Okonkwo]", "Ms [Okonkwo]").
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady mx".split())
# Single words before a name that make it a place: "protesters in X". ("from" is not
# one: money and letters come "from" companies and people as often.)
PLACE_BEFORE = frozenset("in across throughout inside near".split())
# Word pairs before a name that make it a place: "ambassador to X", "the city of X".
PLACE_BEFORE_PAIRS = frozenset(
    (noun, prep)
    for prep, nouns in (
        (
            "of",
            """authorities government people citizens city town village region province
            capital president king emir ruler laws constitution parliament north south
            east west rest parts republic enemies""",
        ),
        ("to", "ambassador envoy embassy trip visit travelled traveled returned fled"),
    )
    for noun in nouns.split()
)
# Common nouns a name before them may name a place by: "the Varden corridor".
PLACE_NOUNS = frozenset(
    """
    corridor region district province border valley river mountains city town village
    area zone enclave territory peninsula strait sea coast island islands
    """.split()
)
# Words right after a place's possessive: "X's parliament", "X's ruler".
PLACE_OWNS = frozenset(
    """
    parliament government president ruler capital citizens economy border borders army
    military constitution courts prime interior foreign security sovereign largest state
    """.split()
)
# Words right after a person's possessive: "X's release", "X's lawyer".
PERSON_OWNS = frozenset(
    """
    release arrest detention trial sentence conviction lawyer wife husband mother father
    son daughter family health hunger
    """.split()
)
# Verbs (as written) whose subject is a person: "X was born", "X married".
PERSON_VERBS = frozenset(
    """
    born died dies married marries divorced graduated graduates studied studies
    retired grew resigned confessed pleaded testified smiled laughed
    """.split()
)
# Common nouns that call the name next to them an organisation: "the news website X",
# "X, a Scandinavian news agency", "X executives said", "a reporter for X".
ORG_NOUNS = frozenset(
    """
    outlet newspaper paper website site agency company firm broadcaster channel magazine
    movement party group bank fund partnership publication network ngo charity
    organisation organization union
    """.split()
)
ORG_AFTER = frozenset(
    """
    movement party executives employees staff reporter reporters correspondent
    correspondents editor editors website board shareholders spokesman spokeswoman
    spokesperson
    """.split()
)
ORG_BEFORE_PAIRS = frozenset(
    (noun, prep)
    for prep, nouns in (
        ("for", "reporter reporters correspondent correspondents works worked writes wrote"),
        ("at", "works worked employee employees"),
        ("of", "website editor owners owner shareholders"),
    )
    for noun in nouns.split()
)
# Nouns in an apposition that make the name before them a person: "X, a 22-year-old
# student", "X, the activist whose ...".
PERSON_NOUNS = frozenset(
    """
    student activist journalist reporter lawyer poet writer blogger man woman father
    mother son daughter wife husband brother sister businessman businesswoman official
    officer judge minister editor campaigner critic dissident prisoner detainee
    """.split()
)

_NAME_WORD: dict[str, Any] = {"IS_TITLE": True, "IS_STOP": False}
_HYPHEN: dict[str, Any] = {"TEXT": "-"}
_ACRONYM: dict[str, Any] = {"IS_UPPER": True, "LENGTH": {">=": 2}, "OP": "?"}
# Lower-case nouns before "law" that make "X law" a generic phrase, not a law's name.
_NOT_LAW_NAMES = [
    "draft",
    "case",
    "common",
    "civil",
    "criminal",
    "family",
    "international",
    "martial",
    "state",
    "tax",
    "new",
    "old",
    "rule",
    "current",
    "existing",
    "proposed",
    "controversial",
    "same",
    "recent",
]
_LAW_SUBJECT: dict[str, Any] = {"IS_LOWER": True, "IS_STOP": False}

LAW_PATTERNS: list[dict[str, Any]] = [
    {  # "the Global Magnitsky Act", "the EU Cybercrime Law"
        "label": "LAW",
        "pattern": [_ACRONYM, {**_NAME_WORD, "OP": "+"}, {"TEXT": {"IN": list(LAW_WORDS)}}],
    },
    {  # "the Anti-Corruption Act"
        "label": "LAW",
        "pattern": [
            _ACRONYM,
            {**_NAME_WORD, "OP": "*"},
            _NAME_WORD,
            _HYPHEN,
            {**_NAME_WORD, "OP": "+"},
            {"TEXT": {"IN": list(LAW_WORDS)}},
        ],
    },
    {  # "the Law on Freedom of Information", "Convention against Torture"
        "label": "LAW",
        "pattern": [
            {**_NAME_WORD, "OP": "*"},
            {"TEXT": {"IN": list(LAW_WORDS)}},
            {"LOWER": {"IN": ["on", "of", "against", "for"]}},
            {"LOWER": "the", "OP": "?"},
            {"IS_TITLE": True, "OP": "+"},
            {"LOWER": {"IN": ["of", "and"]}, "OP": "?"},
            {"IS_TITLE": True, "OP": "*"},
        ],
    },
    {  # "the EU Global Human Rights Sanctions Regime"
        "label": "LAW",
        "pattern": [
            _ACRONYM,
            {**_NAME_WORD, "OP": "*"},
            {"TEXT": "Sanctions"},
            {"TEXT": {"IN": ["Regime", "Regulations"]}},
        ],
    },
    {  # "the Global Anti-Corruption Sanctions Regulations"
        "label": "LAW",
        "pattern": [
            _ACRONYM,
            {**_NAME_WORD, "OP": "*"},
            _NAME_WORD,
            _HYPHEN,
            {**_NAME_WORD, "OP": "*"},
            {"TEXT": "Sanctions"},
            {"TEXT": {"IN": ["Regime", "Regulations"]}},
        ],
    },
    {  # a law named in lower case by its subject: "the law on foreign agents"
        "label": "LAW",
        "pattern": [
            {"LOWER": "law"},
            {"LOWER": {"IN": ["on", "against"]}},
            {  # lower-case words or the hyphens between them ("non-commercial")
                "TEXT": {"REGEX": r"^([a-z][a-z-]*|-)$"},
                "IS_STOP": False,
                "POS": {"IN": ["ADJ", "NOUN", "VERB", "PUNCT"]},
                "OP": "{0,4}",
            },
            {**_LAW_SUBJECT, "POS": "NOUN"},
        ],
    },
    {  # ... or by its subject before it: "the foreign agent law", "the media law"
        "label": "LAW",
        "pattern": [
            {**_LAW_SUBJECT, "POS": "ADJ", "LOWER": {"NOT_IN": _NOT_LAW_NAMES}, "OP": "?"},
            {**_LAW_SUBJECT, "POS": "NOUN", "LOWER": {"NOT_IN": _NOT_LAW_NAMES}, "OP": "+"},
            {"LOWER": "law"},
        ],
    },
    {
        "label": "LAW",
        "pattern": [
            {"LOWER": {"IN": ["executive", "e.o.", "eo"]}},
            {"LOWER": "order", "OP": "?"},
            {"LIKE_NUM": True},
        ],
    },
    {"label": "LAW", "pattern": [{"TEXT": "Global"}, {"TEXT": "Magnitsky"}]},
]

_HEAD = {"TEXT": {"IN": sorted(ORG_HEADS)}}
_HEAD_OF = {"TEXT": {"IN": sorted(ORG_HEADS_OF)}}
_OF = {"LOWER": {"IN": ["of", "for"]}}
_OPTIONAL_THE = {"LOWER": "the", "OP": "?"}
ORG_PATTERNS: list[dict[str, Any]] = [
    {  # "Interior Ministry", "Dravinsk Legal Aid Centre", "U.S. Embassy"
        "label": "ORG",
        "pattern": [_ACRONYM, {**_NAME_WORD, "OP": "+"}, _HEAD],
    },
    {  # "Prosecutor General's Office", "the President's Office"
        "label": "ORG",
        "pattern": [{**_NAME_WORD, "OP": "+"}, {"TEXT": {"IN": ["'s", "’s"]}}, _HEAD],
    },
    {  # "Tirenia Roads and Bridges Authority"
        "label": "ORG",
        "pattern": [
            {**_NAME_WORD, "OP": "+"},
            {"LOWER": "and"},
            {**_NAME_WORD, "OP": "+"},
            _HEAD,
        ],
    },
    {  # "Ministry of Justice", "European Court of Human Rights", "Office of the Attorney
        # General of Switzerland"
        "label": "ORG",
        "pattern": [
            {**_NAME_WORD, "OP": "*"},
            _HEAD_OF,
            _OF,
            _OPTIONAL_THE,
            {"IS_TITLE": True, "OP": "+"},
        ],
    },
    {
        "label": "ORG",
        "pattern": [
            {**_NAME_WORD, "OP": "*"},
            _HEAD_OF,
            _OF,
            _OPTIONAL_THE,
            {"IS_TITLE": True, "OP": "+"},
            {"LOWER": {"IN": ["of", "and"]}},
            _OPTIONAL_THE,
            {"IS_TITLE": True, "OP": "+"},
        ],
    },
]
