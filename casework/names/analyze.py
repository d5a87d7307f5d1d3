"""A name taken apart: its parts, each with the forms the matcher compares.

rigour does the heavy lifting (tokenising, stripping titles and honorifics,
ASCII transliteration of Cyrillic, Arabic and Azerbaijani/Turkish Latin,
metaphone, Wikidata name symbols, legal-form tagging); this module adds
the forms it lacks (spelling-loose key, surname stem, patronymic and
particle roles) and one frozen object per part for the comparer and index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rigour.names import (
    Name,
    NamePart,
    NamePartTag,
    NameTypeTag,
    Symbol,
    SymbolCategory,
    analyze_names,
)

from casework.names.forms import (
    KIND_WORDS,
    LEGAL_FORM_ABBREVIATIONS,
    PARTICLE_VARIANTS,
    PARTICLES,
    is_patronymic,
    loose,
    stem,
)

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
# rigour's organisation symbols ("State" GOV, "Company" CO, "Ministry", "Group") and
# classes ("Cooperative"): words naming a kind of body.
_KIND_CATEGORIES = {SymbolCategory.SYMBOL, SymbolCategory.ORG_CLASS}
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
    role: str  # name | initial | particle | patronymic | generic | place | legal | number
    index: int
    source: NamePart = field(compare=False, repr=False)
    # In an organisation's name, a word naming a kind of body ("State", "Ministry",
    # "Department", "Company", "Group"): rigour's organisation symbols and classes
    # and forms.KIND_WORDS. It says what the body is, not which one.
    kind: bool = False

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
    "place": 1.0,
    "legal": 0.0,
}


@dataclass(frozen=True)
class AnalyzedName:
    original: str
    schema: str
    parts: tuple[Part, ...]
    # Kinds of legal form the name carries (rigour's classes: LLC, JSC, LP, ...):
    # not evidence of which organisation, but two different kinds are two entities.
    legal_classes: frozenset[str] = frozenset()
    evidence: tuple[Part, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The parts that count as evidence (not legal forms); read on every comparison.
        object.__setattr__(self, "evidence", tuple(p for p in self.parts if p.weight > 0))


# A capitalised legal form run into the name's last word: "SiemensAG", "MegafonOAO".
_GLUED = re.compile(r"(?<=[a-z]{3})([A-Z]{2,5})\s*$")


def _unglue_legal_form(name: str) -> str:
    """Split "SiemensAG" into "Siemens AG" when rigour reads the tail as a legal form.

    Only a lower-to-upper case change marks the seam: "PETRONAS" ends in
    letters that spell a legal form too (AS), but nothing says they are one.
    """
    match = _GLUED.search(name)
    if match is None:
        return name
    tail = analyze_names(NameTypeTag.ORG, [match.group(1)])
    if not any(p.tag == NamePartTag.LEGAL for n in tail for p in n.parts):
        return name
    return f"{name[: match.start(1)]} {match.group(1)}"


def name_type(schema: str) -> NameTypeTag:
    return SCHEMA_TYPES.get(schema, NameTypeTag.ENT)


class SymbolBook:
    """What rigour's person-name tagger says of each word, kept so that a name made
    of words it has seen is analysed without the tagger.

    The tagger (Wikidata name groups and the like) takes seconds to load in each
    new process, which a one-name `casework screen` cannot afford; its symbols
    for one word do not depend on the words around it (an Aho-Corasick pass over
    the words), so a book of the words of the list names, kept with the
    screening index, gives the same analysis. A name with a word the book lacks
    is analysed by the tagger, and the book learns the word.
    """

    def __init__(self, words: dict[str, tuple[tuple[str, str], ...]] | None = None) -> None:
        self.words: dict[str, tuple[tuple[str, str], ...]] = words or {}
        self.learned = 0  # words added since the book was loaded

    def covers(self, name: Name) -> bool:
        return all(part.form in self.words for part in name.parts)

    def apply(self, name: Name) -> None:
        for part in name.parts:
            for category, symbol_id in self.words[part.form]:
                name.apply_part(part, Symbol(_CATEGORIES[category], symbol_id))

    def learn(self, names: set[Name]) -> None:
        for name in names:
            found: dict[str, set[tuple[str, str]]] = {part.form: set() for part in name.parts}
            for span in name.spans:
                if len(span.parts) == 1:
                    symbol = span.symbol
                    found[span.parts[0].form].add((symbol.category.value, str(symbol.id)))
            for form, symbols in found.items():
                known = self.words.get(form)
                merged = tuple(sorted(set(known or ()) | symbols))
                if known is None or merged != known:
                    self.words[form] = merged
                    self.learned += 1

    def to_bytes(self) -> bytes:
        return json.dumps(self.words, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> SymbolBook:
        raw = json.loads(data.decode("utf-8"))
        return cls({form: tuple((c, i) for c, i in symbols) for form, symbols in raw.items()})


_BOOK: SymbolBook | None = None
# rigour's symbol categories by the value a book stores ("NAME", "NUM", ...).
_CATEGORIES = {
    c.value: c for c in (getattr(SymbolCategory, n) for n in dir(SymbolCategory) if n.isupper())
}


def use_symbol_book(book: SymbolBook | None) -> None:
    """Analyse person names with this book (None: always with the tagger)."""
    global _BOOK
    _BOOK = book


def _analyze_names(kind: NameTypeTag, text: str) -> set[Name]:
    book = _BOOK
    if kind != NameTypeTag.PER or book is None:
        return analyze_names(kind, [text])
    plain = analyze_names(kind, [text], symbols=False)
    if all(book.covers(name) for name in plain):
        for name in plain:
            book.apply(name)
        return plain
    tagged = analyze_names(kind, [text])
    book.learn(tagged)
    return tagged


def comparable(name: str) -> str:
    """A name's words in their comparable (transliterated) forms, for keys that
    need no name symbols: the same after transliteration (Алиев / Aliev), read
    without loading the tagger."""
    analyzed = analyze_names(NameTypeTag.ENT, [name], symbols=False)
    if not analyzed:
        return ""
    best = max(analyzed, key=lambda n: len(n.parts))
    return " ".join(part.comparable or part.form for part in best.parts)


@lru_cache(maxsize=200_000)
def analyze(name: str, schema: str = "Person") -> AnalyzedName:
    """Analyse one name string for a schema (Person, Organization, Vessel, ...)."""
    text = _unglue_legal_form(name) if schema in ORG_SCHEMATA else name
    analyzed = _analyze_names(name_type(schema), text)
    if not analyzed:
        return AnalyzedName(name, schema, ())
    best = max(analyzed, key=lambda n: len(n.parts))
    classes = frozenset(
        str(span.symbol.id)
        for span in best.spans
        if span.symbol.category == SymbolCategory.ORG_CLASS
        and all(part.tag == NamePartTag.LEGAL for part in span.parts)
    )
    organisation = schema in ORG_SCHEMATA
    parts = _parts(best, schema != "Person", organisation)
    if organisation:
        parts, more = _abbreviated_legal_forms(parts)
        classes |= more
    return AnalyzedName(name, schema, tuple(parts), classes)


def _abbreviated_legal_forms(parts: list[Part]) -> tuple[list[Part], frozenset[str]]:
    """Mark the legal-form abbreviations rigour does not know (forms.LEGAL_FORM_ABBREVIATIONS)
    where a legal form stands: at the end of the name, after a word that is not a
    joining word. "MIRA E.U." is Mira, a sole proprietorship; "EU" alone, or "Delegation
    of the EU", is the European Union."""
    classes: set[str] = set()
    for i in range(len(parts) - 1, 0, -1):
        part = parts[i]
        if part.role == "legal":
            continue
        legal_class = LEGAL_FORM_ABBREVIATIONS.get(part.loose)
        if legal_class is None or parts[i - 1].source.tag == NamePartTag.STOP:
            break
        parts[i] = replace(part, role="legal", kind=False)
        classes.add(legal_class)
    return parts, frozenset(classes)


def _parts(name: Name, places: bool, organisation: bool = False) -> list[Part]:
    """The parts of a name; `places` marks country words (Deutsche Bank (Schweiz),
    Bank of China) as qualifiers, which they are in an organisation's name and not
    in a person's (Jordan, Georgia). In an organisation's name, words naming a kind
    of body are marked `kind`."""
    symbols: dict[int, set[str]] = {}
    generic: set[int] = set()
    kinds: set[int] = set()
    numeric: set[int] = set()
    located: set[int] = set()
    for span in name.spans:
        if span.symbol.category == SymbolCategory.NUMERIC:
            numeric.update(part.index for part in span.parts)
        elif (
            places
            and span.symbol.category == SymbolCategory.LOCATION
            and len(span.parts) == 1
            and str(span.symbol.id) != "zz"
        ):
            located.add(span.parts[0].index)
        if span.symbol.category in _SYMBOL_CATEGORIES and len(span.parts) == 1:
            symbols.setdefault(span.parts[0].index, set()).add(str(span.symbol.id))
        elif span.symbol.category in _GENERIC_CATEGORIES:
            generic.update(part.index for part in span.parts)
        if span.symbol.category in _KIND_CATEGORIES:
            kinds.update(part.index for part in span.parts)
    parts = []
    for part in name.parts:
        ascii_form = part.comparable or part.form
        if part.index in located and part.tag != NamePartTag.LEGAL:
            role = "place"
        else:
            role = _role(part.tag, ascii_form, part.index in generic, part.index in numeric)
        loose_form = loose(ascii_form)
        if role in ("particle", "patronymic"):
            # el-Assad / al-Assad, ibn / bin: one particle in several spellings.
            loose_form = PARTICLE_VARIANTS.get(loose_form, loose_form)
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
                role=role,
                index=part.index,
                source=part,
                kind=organisation
                and role not in ("legal", "particle", "number")
                and (part.index in kinds or ascii_form in KIND_WORDS),
            )
        )
    return parts


def _role(tag: NamePartTag, ascii_form: str, generic: bool, numeric: bool) -> str:
    # rigour reads a Roman numeral as a legal form too ("II" is a sole trader in
    # some registers); inside a name ("Bowne Global Solutions II") it is a number.
    if numeric and tag in (NamePartTag.LEGAL, NamePartTag.NUM):
        return "number"
    if generic and tag != NamePartTag.LEGAL:
        return "generic"
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
