"""Within one document: which mentions name the same referent.

A document names a person in full once and then by surname ("Ilham Aliyev"
... "Aliyev"), an organisation in full and then by acronym; the bare forms
are only resolvable here, where the full form is. A bare surname joins the
full name it fits; when two people of one surname are named ("Judge Viktor
Petrenko", "Oksana Petrenko"), a title before the bare surname that one of
them carries decides, else the one mentioned last before it (writers refer
to the person they are talking about). An organisation's first words stand
for it ("Amnesty" after "Amnesty International"). Two full forms that read as one name
(a transliteration, a typo) are one person in one document.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from followthemoney.types import registry

from casework.names.analyze import AnalyzedName, Part, analyze
from casework.names.compare import NameMatch, compare_analyzed, compare_parts
from casework.names.forms import gendered
from casework.names.keys import name_keys
from casework.names.organisations import acronym_of, generic, is_acronym
from casework.resolve.model import NAME_SCHEMA, Group, MentionRef

SAME_DOCUMENT_MERGE = 0.85  # two full names in one document read as one name
PART_FIT = 0.7  # a bare surname (or given name) fits a full name's part, in one document
TITLE_WINDOW = 3  # words before a mention read as its title
# Words before a name that say nothing about who it is.
_NOT_TITLES = frozenset(
    """
    the a an and or but of to in on at by for from with as that this these those who
    whom which when while after before against about over under between both also
    said says say told tells added adds wrote writes according his her their its our
    your my was were is are be been being has have had not no nor than then there
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")


def name_key(analyzed: AnalyzedName) -> str:
    """The comparable form of a name: its evidence parts in ASCII."""
    return " ".join(p.ascii for p in analyzed.evidence) or analyzed.original.casefold()


@lru_cache(maxsize=1_000_000)
def similarity(a: AnalyzedName, b: AnalyzedName) -> NameMatch:
    """casework.names' comparison, remembered: the same two names meet again in
    document after document (a minister and his deputy, a court and its judge)."""
    return compare_analyzed(a, b)


@lru_cache(maxsize=1_000_000)
def keys(name: AnalyzedName) -> frozenset[str]:
    """Every blocking key of a name's parts: two names sharing none cannot match."""
    return frozenset(k for _, part_keys in name_keys(name) for k in part_keys)


def is_partial(analyzed: AnalyzedName, label: str) -> bool:
    """A person named by fewer than two name words ("Aliyev", "al-Mansouri")."""
    return label == "PERSON" and sum(1 for p in analyzed.evidence if p.role == "name") < 2


def title_words(ref: MentionRef) -> set[str]:
    """Words that may tell two people of one surname apart: the title written just
    before the mention ("Judge", "editor", "Ms") and the roles extraction gave it."""
    words = [w for w in _WORD.findall(ref.before.casefold())[-TITLE_WINDOW:]]
    for role in ref.roles:
        words.extend(_WORD.findall(role.casefold()))
    return {w for w in words if w not in _NOT_TITLES and len(w) > 1}


def part_fit(partial: AnalyzedName, full: AnalyzedName) -> float:
    """How well a one-word name fits some name word of a full name (0 when none
    does, or when the two are a man's and a woman's form of one surname)."""
    best = 0.0
    for p in _name_parts(partial):
        for c in _name_parts(full):
            if gendered(p.ascii, c.ascii):
                continue
            match = compare_parts(p, c)
            if match is not None and match.similarity > best:
                best = match.similarity
    return best


def _name_parts(name: AnalyzedName) -> list[Part]:
    return [p for p in name.evidence if p.role == "name"] or list(name.evidence)


def group_document(
    refs: list[MentionRef], offset: int, apart: dict[str, set[str]] | None = None
) -> list[Group]:
    """Groups of one document's mentions; `refs` are in text order and start at
    index `offset` of the whole mention list. `apart` maps a mention id to the
    mentions a person has judged to be someone else: a bare surname or an
    acronym never joins a group holding one of them."""
    apart = apart or {}
    by_label: dict[str, list[int]] = {}
    for n, ref in enumerate(refs):
        by_label.setdefault(ref.label, []).append(n)
    groups: list[Group] = []
    for label, local in by_label.items():
        if label == "PERSON":
            found = _people(refs, local, apart)
        elif label in ("ORG", "PLACE"):
            found = _organisations(refs, local, apart)
        else:
            found = _by_name(refs, local)
        groups.extend(found)
    if "ORG" in by_label:
        _settings(refs, by_label.get("PLACE", []), [g for g in groups if g.label == "ORG"])
    for group in groups:
        group.members = [offset + n for n in group.members]
    return groups


def _analyzed(ref: MentionRef) -> AnalyzedName:
    return analyze(ref.text, NAME_SCHEMA[ref.label])


def _by_name(refs: list[MentionRef], local: list[int]) -> list[Group]:
    """One group per name form, then forms that read as one name merged."""
    forms: dict[str, Group] = {}
    texts: dict[str, Counter[str]] = {}
    for n in local:
        ref = refs[n]
        analyzed = _analyzed(ref)
        key = name_key(analyzed)
        group = forms.get(key)
        if group is None:
            group = forms[key] = Group(
                ref.document_id,
                ref.label,
                ref.text,
                analyzed,
                is_partial(analyzed, ref.label),
                [],
                [],
                key=key,
            )
            texts[key] = Counter()
        group.members.append(n)
        group.how.append("name")
        group.titles |= title_words(ref)
        texts[key][ref.text] += 1
    for key, group in forms.items():
        group.name = texts[key].most_common(1)[0][0]
    merged: list[Group] = []
    for key, group in forms.items():
        group.keys.add(key)
        into = next(
            (
                g
                for g in merged
                if g.partial == group.partial
                and not keys(group.analyzed).isdisjoint(keys(g.analyzed))
                and similarity(group.analyzed, g.analyzed).score >= SAME_DOCUMENT_MERGE
            ),
            None,
        )
        if into is None:
            merged.append(group)
            continue
        into.members.extend(group.members)
        into.how.extend("spelling in document" for _ in group.members)
        into.titles |= group.titles
        into.keys |= group.keys
    return merged


def _allowed(refs: list[MentionRef], n: int, group: Group, apart: dict[str, set[str]]) -> bool:
    ruled_out = apart.get(refs[n].id)
    return not ruled_out or all(refs[m].id not in ruled_out for m in group.members)


def _people(refs: list[MentionRef], local: list[int], apart: dict[str, set[str]]) -> list[Group]:
    """Full names grouped; each bare name then joins the full name it fits."""
    partial = [n for n in local if is_partial(_analyzed(refs[n]), "PERSON")]
    full = _by_name(refs, [n for n in local if n not in set(partial)])
    seen: dict[int, list[int]] = {id(g): [refs[n].start for n in g.members] for g in full}
    bare: dict[str, Group] = {}
    for n in partial:
        ref = refs[n]
        analyzed = _analyzed(ref)
        titles = title_words(ref)
        fits = [
            g
            for g in full
            if part_fit(analyzed, g.analyzed) >= PART_FIT and _allowed(refs, n, g, apart)
        ]
        chosen = _choose(fits, titles, ref.start, seen)
        if chosen is not None:
            chosen.members.append(n)
            chosen.how.append("surname in document")
            chosen.titles |= titles
            seen[id(chosen)].append(ref.start)
            continue
        key = name_key(analyzed)
        group = bare.get(key)
        if group is None:
            group = bare[key] = Group(
                ref.document_id, "PERSON", ref.text, analyzed, True, [], [], key=key
            )
        group.members.append(n)
        group.how.append("name")
        group.titles |= titles
    return full + list(bare.values())


def _choose(
    fits: list[Group], titles: set[str], at: int, seen: dict[int, list[int]]
) -> Group | None:
    """Of the full names a bare one fits: the one sharing its title, else the one
    mentioned last before it, else the first one after it."""
    if len(fits) > 1 and titles:
        titled = [g for g in fits if g.titles & titles]
        if titled:
            fits = titled
    if len(fits) <= 1:
        return fits[0] if fits else None
    before = [(max((s for s in seen[id(g)] if s < at), default=-1), g) for g in fits]
    latest = max(before, key=lambda item: item[0])
    if latest[0] >= 0:
        return latest[1]
    return min(fits, key=lambda g: min(seen[id(g)]))


def _organisations(
    refs: list[MentionRef], local: list[int], apart: dict[str, set[str]]
) -> list[Group]:
    """Organisations and places by name; an acronym joins the name whose initials
    it is ("FCDO", "U.S."), and is one more form that name is known by."""
    short = [n for n in local if is_acronym(refs[n].text)]
    named = _short_forms(_by_name(refs, [n for n in local if n not in set(short)]))
    rest: list[int] = []
    for n in short:
        into = next(
            (g for g in named if acronym_of(refs[n].text, g.name) and _allowed(refs, n, g, apart)),
            None,
        )
        if into is None:
            rest.append(n)
            continue
        into.members.append(n)
        into.how.append("acronym in document")
        into.keys.add(name_key(_analyzed(refs[n])))
    return named + _by_name(refs, rest)


def _short_forms(groups: list[Group]) -> list[Group]:
    """An organisation named in full and then by its first words ("Amnesty
    International" ... "Amnesty") is one in one document: the short name joins the
    one longer name it begins, unless it is a word of the state alone ("Interior")."""
    out: list[Group] = []
    for group in groups:
        words = group.name.split()
        longer = [
            g
            for g in groups
            if g is not group
            and g.label == "ORG" == group.label
            and g.name.split()[: len(words)] == words
            and len(g.name.split()) > len(words)
        ]
        if len(longer) != 1 or generic(group.analyzed) or len(words[0]) < 3:
            out.append(group)
            continue
        into = longer[0]
        into.members.extend(group.members)
        into.how.extend("short name in document" for _ in group.members)
        into.titles |= group.titles
        into.keys |= group.keys | {group.key}
    return out


def _settings(refs: list[MentionRef], places: list[int], organisations: list[Group]) -> None:
    """The place each organisation's sentences name most (not counting a place in
    its own name), else the document's most named place: which country's
    "Interior Ministry" this is."""
    in_sentence: dict[int, list[str]] = {}
    everywhere: Counter[str] = Counter()
    for n in places:
        key = name_key(_analyzed(refs[n]))
        in_sentence.setdefault(refs[n].sentence_start, []).append(key)
        everywhere[key] += 1
    for group in organisations:
        own = {p.ascii for p in group.analyzed.parts}
        near: Counter[str] = Counter()
        for n in group.members:
            near.update(k for k in in_sentence.get(refs[n].sentence_start, ()) if k not in own)
        pick = (
            near.most_common(1) or [(k, c) for k, c in everywhere.most_common() if k not in own][:1]
        )
        # The country, where the place names one ("Baku" and "Azerbaijan" are both az),
        # so that one body placed by its capital and by its country stays one.
        group.setting = (registry.country.clean_text(pick[0][0]) or pick[0][0]) if pick else None
