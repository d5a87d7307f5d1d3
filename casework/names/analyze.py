"""A name taken apart: its parts, each with the forms the matcher compares.

rigour does the heavy lifting (tokenising, stripping titles and honorifics,
ASCII transliteration of Cyrillic, Arabic and Azerbaijani/Turkish Latin,
metaphone, Wikidata name symbols, legal-form tagging); this module adds
the forms it lacks (spelling-loose key, surname stem, patronymic and
particle roles) and one frozen object per part for the comparer and index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rigour.names import (
    Name,
    NamePart,
    NamePartTag,
    NameTypeTag,
    SymbolCategory,
    analyze_names,
)

from casework.names.forms import PARTICLES, is_patronymic, loose, stem

# The FtM schemata screened, and how rigour should read their names.
SCHEMA_TYPES: dict[str, NameTypeTag] = {
    "Person": NameTypeTag.PER,
    "Organization": NameTypeTag.ORG,
    "Company": NameTypeTag.ORG,
    "PublicBody": NameTypeTag.ORG,
    "LegalEntity": NameTypeTag.ENT,
    "Vessel": NameTypeTag.OBJ,
    "Airplane": NameTypeTag.OBJ,
}
ORG_SCHEMATA = frozenset({"Organization", "Company", "PublicBody", "LegalEntity"})
_SYMBOL_CATEGORIES = {SymbolCategory.NAME, SymbolCategory.NICK, SymbolCategory.SYMBOL}
# Words naming a kind of organisation or a line of business ("Company", "Bank",
# "Trading"): part of the name, but weak evidence of which organisation.
_GENERIC_CATEGORIES = {SymbolCategory.ORG_CLASS, SymbolCategory.DOMAIN}
_WEAK_TAGS = {NamePartTag.STOP, NamePartTag.TITLE, NamePartTag.HONORIFIC, NamePartTag.SUFFIX}


@dataclass(frozen=True)
class Part:
    """One word of a name with every form a comparison may use."""

    form: str  # as written, lower-cased
    ascii: str  # rigour's transliterated comparable form
    loose: str  # spelling-insensitive key (forms.loose)
    stem: str  # loose form without a surname suffix
    suffix: str | None  # the suffix stem() removed
    metaphone: str
    symbols: frozenset[str]  # Wikidata name groups and other rigour symbols
    role: str  # name | initial | particle | patronymic | generic | legal | number
    index: int
    source: NamePart = field(compare=False, repr=False)

    @property
    def weight(self) -> float:
        return ROLE_WEIGHTS[self.role]


# How much a part counts as evidence. Legal forms are not evidence at all.
ROLE_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "number": 1.0,
    "initial": 0.5,
    "patronymic": 0.35,
    "particle": 0.3,
    "generic": 0.4,
    "legal": 0.0,
}


@dataclass(frozen=True)
class AnalyzedName:
    original: str
    schema: str
    parts: tuple[Part, ...]
    evidence: tuple[Part, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The parts that count as evidence (not legal forms); read on every comparison.
        object.__setattr__(self, "evidence", tuple(p for p in self.parts if p.weight > 0))


def name_type(schema: str) -> NameTypeTag:
    return SCHEMA_TYPES.get(schema, NameTypeTag.ENT)


@lru_cache(maxsize=200_000)
def analyze(name: str, schema: str = "Person") -> AnalyzedName:
    """Analyse one name string for a schema (Person, Organization, Vessel, ...)."""
    analyzed = analyze_names(name_type(schema), [name])
    if not analyzed:
        return AnalyzedName(name, schema, ())
    best = max(analyzed, key=lambda n: len(n.parts))
    return AnalyzedName(name, schema, tuple(_parts(best)))


def _parts(name: Name) -> list[Part]:
    symbols: dict[int, set[str]] = {}
    generic: set[int] = set()
    for span in name.spans:
        if span.symbol.category in _SYMBOL_CATEGORIES and len(span.parts) == 1:
            symbols.setdefault(span.parts[0].index, set()).add(str(span.symbol.id))
        elif span.symbol.category in _GENERIC_CATEGORIES:
            generic.update(part.index for part in span.parts)
    parts = []
    for part in name.parts:
        ascii_form = part.comparable or part.form
        loose_form = loose(ascii_form)
        stemmed, suffix = stem(loose_form)
        parts.append(
            Part(
                form=part.form,
                ascii=ascii_form,
                loose=loose_form,
                stem=stemmed,
                suffix=suffix,
                metaphone=part.metaphone or "",
                symbols=frozenset(symbols.get(part.index, ())),
                role="generic"
                if part.index in generic and part.tag != NamePartTag.LEGAL
                else _role(part.tag, ascii_form),
                index=part.index,
                source=part,
            )
        )
    return parts


def _role(tag: NamePartTag, ascii_form: str) -> str:
    if tag == NamePartTag.LEGAL:
        return "legal"
    if tag == NamePartTag.NUM or ascii_form.isdigit():
        return "number"
    if len(ascii_form) == 1 and ascii_form.isalpha() and ascii_form not in ("y", "e"):
        return "initial"
    if is_patronymic(ascii_form):
        return "patronymic"
    if tag in _WEAK_TAGS or ascii_form in PARTICLES:
        return "particle"
    return "name"
