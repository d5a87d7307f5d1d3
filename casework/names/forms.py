"""Name-form knowledge as data: surname suffixes, patronymic words, spelling rules.

Kept in tables so a linguist can extend them without reading the matcher;
every rule that fires is named in the match explanation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Slavic and Turkic surname endings, longest first: Muradov / Murad, Əliyeva / Əli,
# Rustemli / Rustem, Mirzəzadə / Mirzə. A stem must keep at least MIN_STEM letters.
SURNAME_SUFFIXES: tuple[str, ...] = (
    "yeva",
    "ieva",
    "ova",
    "eva",
    "ina",
    "yna",
    "aya",
    "skaya",
    "ska",
    "sky",
    "ski",
    "skiy",
    "yev",
    "iev",
    "ov",
    "ev",
    "in",
    "yn",
    "off",
    "ow",
    "ew",
    "zadeh",
    "zade",
    "oglu",
    "ogly",
    "uly",
    "li",
    "ly",
    "lu",
    "enko",
    "uk",
    "yuk",
    "yan",
    "ian",
)
MIN_STEM = 3

# Surname endings that are one ending in several spellings and genders (Aliyev /
# Aliev / Aliyeva, Kowalski / Kowalska): the same family name on one root. Endings
# of different families on one root (Aliyev / Alizade / Alili / Alioglu) make
# different surnames, each common in its own right, not spellings of one.
SUFFIX_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        ("yeva", "ieva", "ova", "eva", "yev", "iev", "ov", "ev", "off", "ow", "ew"), "ov"
    ),
    **dict.fromkeys(("ina", "yna", "in", "yn"), "in"),
    **dict.fromkeys(("skaya", "ska", "sky", "ski", "skiy", "aya"), "sky"),
    **dict.fromkeys(("zadeh", "zade"), "zade"),
    **dict.fromkeys(("oglu", "ogly", "uly"), "oglu"),
    **dict.fromkeys(("li", "ly", "lu"), "li"),
    **dict.fromkeys(("enko",), "enko"),
    **dict.fromkeys(("uk", "yuk"), "uk"),
    **dict.fromkeys(("yan", "ian"), "yan"),
}


def suffix_family(suffix: str) -> str:
    """The ending family of a surname suffix (see SUFFIX_FAMILIES)."""
    return SUFFIX_FAMILIES.get(suffix, suffix)


# Words that say "son of" / "daughter of" (Azerbaijani, Turkish, Kazakh, Kyrgyz, Arabic)
# and Russian patronymic endings: parts of a name, but weak evidence of identity.
PATRONYMIC_WORDS = frozenset(
    {
        "oglu",
        "ogly",
        "ugli",
        "ogli",
        "qizi",
        "kizi",
        "gizi",
        "kyzy",
        "qyzy",
        "uly",
        "ulu",
        "bin",
        "ibn",
        "bint",
        "binti",
        "ben",
        "bat",
    }
)
# Spellings of one particle, keyed by their loose form: compared as the same word.
PARTICLE_VARIANTS: dict[str, str] = {
    "el": "al",
    "ul": "al",
    "ibn": "bin",
    "ben": "bin",
    "abou": "abu",
    "bu": "abu",
}
PATRONYMIC_ENDINGS: tuple[str, ...] = ("ovich", "evich", "ovna", "evna", "ichna")
PARTICLES = frozenset(
    {
        "al",
        "el",
        "ul",
        "bin",
        "ibn",
        "abu",
        "abd",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "van",
        "von",
        "la",
        "le",
        "mc",
        "mac",
        "ter",
        "ten",
        "dos",
        "das",
        "y",
        "e",
        # organisation stop words
        "of",
        "the",
        "and",
        "for",
        "&",
    }
)

# Words of the state in an organisation's name ("Interior Ministry", "State Security
# Committee"): rigour tags words such as "Company" or "Bank" as organisation classes,
# but not these, so they are listed here (casework.names.organisations reads them too).
INSTITUTION_WORDS = frozenset(
    """
    ministry ministries committee embassy consulate mission court courts tribunal service
    services office department agency police militia prosecutor prosecutors procuracy
    parliament assembly government cabinet council commission bureau directorate
    administration authority inspectorate guard guards army navy forces military
    security state national federal central general supreme high constitutional appeal
    appeals district city regional municipal interior internal home foreign affairs
    justice information media communications defence defense finance treasury economy
    economic education health emergency emergencies situations investigation
    investigative intelligence border customs tax taxes revenue public presidential
    president presidents prime minister ministers generals ombudsman prison prisons
    penitentiary penal corrections
    election elections electoral commissioner special anti corruption anticorruption
    combating combatting fight against organised organized crime counter terrorism
    """.split()
)
# Words naming a kind of body rather than one body: the words of the state, the
# legislatures, and "bank" (which rigour reads as a line of business only). With
# rigour's organisation symbols ("Company", "Group") they say what an organisation
# is, not which one, so they cannot make a match on their own (casework.names.compare).
KIND_WORDS = INSTITUTION_WORDS | frozenset({"congress", "senate", "duma", "majlis", "bank"})

# Legal forms rigour does not know, written as abbreviations at the end of a name
# ("MIRA E.U.", "OVLAS TRADING S.A.L."), by their loose form, with the rigour class of
# legal form they belong to. Short and ambiguous ("EU" is also the European Union), so
# they count as legal forms only where one stands: last (or before other legal forms),
# right after a word of the name that is not a joining word.
LEGAL_FORM_ABBREVIATIONS: dict[str, str] = {
    "eu": "SP",  # empresa unipersonal (Colombia)
    "sac": "JSC",  # sociedad anonima cerrada (Peru)
    "sal": "JSC",  # societe anonyme libanaise
    "sasu": "LLC",  # societe par actions simplifiee unipersonnelle (rigour: SAS is LLC)
    "sl": "LLC",  # sociedad limitada
    "kk": "JSC",  # kabushiki kaisha
    "bsc": "JSC",  # Bahraini shareholding company
    "psc": "JSC",  # public shareholding company
    "fzc": "LLC",  # free zone company (rigour: FZE, FZCO are LLC)
}

# Spelling rules that make transliterations of one name agree (applied in order to
# the ASCII form): Azerbaijani x = kh, q = g; th, ph, double letters; the y glide
# in Aliyev / Aliev; the common -iy / -y endings.
LOOSE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"kh", "x"),
        (r"q", "g"),
        (r"gh", "g"),
        (r"th", "t"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"dzh|dj|zh", "j"),
        (r"sch|sh", "s"),
        (r"tsch|tch|ch", "C"),  # placeholder, so the c rules below leave it alone
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"C", "c"),
        (r"ts|tz", "c"),
        (r"ou|oo", "u"),
        (r"ee", "i"),
        (r"(?<=[aeiou])y(?=[aeiou])", ""),
        (r"(?<=i)y", ""),
        (r"iy$|yi$|y$", "i"),
        (r"j(?=[aeiou])", "y"),
        (r"(.)\1+", r"\1"),
        (r"h$", ""),
    )
)


@lru_cache(maxsize=300_000)
def loose(ascii_form: str) -> str:
    """A spelling-insensitive key: Aliyev / Aliev, Gasimly / Qasımlı, Khadija / Xədicə."""
    text = ascii_form
    for pattern, replacement in LOOSE_RULES:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=300_000)
def stem(ascii_form: str) -> tuple[str, str | None]:
    """(stem, suffix) for a surname form, or (form, None) when no suffix applies."""
    for suffix in SURNAME_SUFFIXES:
        if ascii_form.endswith(suffix) and len(ascii_form) - len(suffix) >= MIN_STEM:
            return ascii_form[: -len(suffix)], suffix
    return ascii_form, None


# Masculine and feminine endings of one Slavic-pattern surname.
GENDER_ENDINGS: tuple[tuple[str, str], ...] = (
    ("yev", "yeva"),
    ("iev", "ieva"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("in", "ina"),
    ("yn", "yna"),
    ("skiy", "skaya"),
    ("sky", "skaya"),
    ("ski", "ska"),
    ("skiy", "skaja"),
)


def gendered(a: str, b: str) -> bool:
    """Whether two ASCII surname forms are the man's and the woman's form of one
    name (Aliyev / Aliyeva, Kowalski / Kowalska): one family, two people."""
    for masculine, feminine in GENDER_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if (
                x.endswith(masculine)
                and y.endswith(feminine)
                and x[: -len(masculine)] == y[: -len(feminine)]
                and len(x) - len(masculine) >= MIN_STEM
            ):
                return True
    return False


def is_patronymic(ascii_form: str) -> bool:
    return ascii_form in PATRONYMIC_WORDS or (
        len(ascii_form) > 6 and ascii_form.endswith(PATRONYMIC_ENDINGS)
    )


# Numbers written as words, so "Three Percenters" meets "3 Percenters" and
# "First International" meets "1st International".
NUMBER_WORDS: dict[str, str] = {
    word: str(value)
    for value, words in enumerate(
        [
            ("zero",),
            ("one", "first", "1st"),
            ("two", "second", "2nd"),
            ("three", "third", "3rd"),
            ("four", "fourth", "4th"),
            ("five", "fifth", "5th"),
            ("six", "sixth", "6th"),
            ("seven", "seventh", "7th"),
            ("eight", "eighth", "8th"),
            ("nine", "ninth", "9th"),
            ("ten", "tenth", "10th"),
            ("eleven",),
            ("twelve",),
            ("thirteen",),
            ("fourteen",),
            ("fifteen",),
            ("sixteen",),
            ("seventeen",),
            ("eighteen",),
            ("nineteen",),
        ]
    )
    for word in words
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


@lru_cache(maxsize=100_000)
def number_value(ascii_form: str) -> str | None:
    """The digits a number word or ordinal stands for, or None."""
    if ascii_form.isdigit():
        return ascii_form
    return NUMBER_WORDS.get(ascii_form) or (str(TENS[ascii_form]) if ascii_form in TENS else None)


_SLASH = re.compile(r"\s*/\s*")
_WORD = re.compile(r"[^\W\d_]{3,}")


def alternatives(name: str) -> list[str]:
    """The name, then each of the names a slash joins ("Al-Qa'ida/Islamic Army").

    Lists write alternatives into one name string; a slash between bits that
    are each a word of three letters or more joins names, while "A/S" and
    "c/o" are parts of one name.
    """
    pieces = [piece.strip() for piece in _SLASH.split(name)]
    if len(pieces) < 2 or not all(_WORD.search(piece) for piece in pieces):
        return [name]
    return [name, *pieces]


def script(text: str) -> str:
    """The script a name is written in, by its letters' Unicode names: LATIN,
    CYRILLIC, ARABIC, ... (the first non-Latin one found, else LATIN)."""
    for ch in text:
        if ch.isalpha() and ch >= "\u0250":
            kind = unicodedata.name(ch, "").split(" ", 1)[0]
            if kind and kind != "LATIN":
                return kind
    return "LATIN"
