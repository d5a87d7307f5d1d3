"""Organisation names: which name a kind of body rather than one body, and acronyms.

"Interior Ministry", "State Security Committee" and "U.S. Embassy" name one
body in each country (or capital), so two articles using the same words may
mean two bodies; "Human Rights Watch" names one. rigour tags words such as
"Company" or "Bank" as organisation classes, but not the words of the state
("Ministry", "Interior", "Committee"), so they are listed (forms.INSTITUTION_WORDS).
"""

from __future__ import annotations

from casework.names.analyze import AnalyzedName, analyze
from casework.names.forms import INSTITUTION_WORDS

# Bodies that sit in another country: the host country tells them apart, not the
# sending country named in them ("U.S. Embassy" in two capitals is two embassies).
ABROAD_WORDS = frozenset({"embassy", "consulate", "mission"})
_JOINERS = frozenset({"and", "of", "the", "for", "on", "in", "&", "de", "du", "des"})


def generic(name: AnalyzedName) -> bool:
    """True when every word of an organisation's name is a word of the state (or a
    joining particle), so that only context (which country) says which body it is.

    A country in the name makes it specific ("U.S. Treasury"), except for bodies
    abroad ("U.S. Embassy"), which every capital has one of.
    """
    words = [p for p in name.parts if p.role != "legal"]
    if not words:
        return False
    forms = {p.ascii for p in words}
    places = [p for p in words if p.role == "place"]
    if places and not forms & ABROAD_WORDS:
        return False
    return all(
        p.role in ("particle", "place") or p.ascii in INSTITUTION_WORDS or p.ascii in _JOINERS
        for p in words
    )


def is_acronym(text: str) -> bool:
    """One word of two to six capitals (dots allowed): "KGB", "OFAC", "U.N."."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in text


def acronym_of(short: str, long: str) -> bool:
    """Whether `short` is the initials of `long`, with or without its joining words
    ("FCDO" for "Foreign, Commonwealth and Development Office")."""
    letters = short.replace(".", "").casefold()
    words = [p.ascii for p in analyze(long, "Organization").parts if p.ascii]
    if len(words) < 2:
        return False
    full = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in _JOINERS)
    return letters in (full, content)
