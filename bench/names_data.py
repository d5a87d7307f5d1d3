"""Labelled name pairs for the name-matching benchmark, built from ../shared at run time.

Three sets, each a list of `Pair` (left, right, is_match, schema, group):

- ``nomenklatura``: the 826 labelled pairs OpenSanctions uses for its own matcher
  (``data/names/nomenklatura_name_bench_cases.csv``); ``group`` is the CSV's ``case_group``.
- ``cross-script``: person names assembled from the Wikidata name-variant groups
  (``data/names/wikidata_person_name_variants.txt``); see `cross_script_cases`.
- ``ofac-aliases``: OFAC SDN primary names against their own aliases, and against other
  SDN entries that share a surname or a distinctive first token; see `ofac_alias_cases`.

Nothing here is copied into the repository: every loader reads ``<shared>/data/...`` and
raises FileNotFoundError naming the missing file, so benchmarks and tests can skip with a
reason. Sets (b) and (c) are balanced (half matches) and deterministic for a given seed.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

NOMENKLATURA_CSV = Path("data/names/nomenklatura_name_bench_cases.csv")
VARIANTS_TXT = Path("data/names/wikidata_person_name_variants.txt")
SDN_CSV = Path("data/sanctions/ofac/sdn.csv")
ALT_CSV = Path("data/sanctions/ofac/alt.csv")


@dataclass(frozen=True)
class Pair:
    """Two names and whether they name the same person, organisation, vessel or aircraft."""

    left: str
    right: str
    is_match: bool
    schema: str  # FollowTheMoney schema: "Person", "Organization", "Company", "Vessel", ...
    group: str  # sub-group label for per-group reporting


def _require(shared: Path, relative: Path) -> Path:
    path = Path(shared) / relative
    if not path.is_file():
        raise FileNotFoundError(
            f"benchmark data missing: {path} (expected ../shared beside the repository, "
            f"with {relative})"
        )
    return path


# ---------------------------------------------------------------------------------------------
# (a) nomenklatura's own labelled pairs


def nomenklatura_cases(shared: Path) -> list[Pair]:
    """All 826 labelled pairs, in file order; ``group`` is the CSV's ``case_group``."""
    path = _require(shared, NOMENKLATURA_CSV)
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Pair(
                left=row["name1"],
                right=row["name2"],
                is_match=row["is_match"].strip().lower() == "true",
                schema=row["schema"],
                group=row["case_group"],
            )
            for row in csv.DictReader(fh)
        ]


# ---------------------------------------------------------------------------------------------
# OFAC SDN reading (used by (b) for given/family evidence and by (c))

SDN_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}


@dataclass(frozen=True)
class SdnEntry:
    ent_num: str
    name: str
    schema: str


def _field(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


@lru_cache(maxsize=4)
def _sdn_entries(path: Path) -> dict[str, SdnEntry]:
    entries: dict[str, SdnEntry] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 3 or not _field(row[0]) or not _field(row[1]):
                continue  # the trailing DOS end-of-file byte, blank lines
            schema = SDN_SCHEMA.get(_field(row[2]), "Organization")
            entries[_field(row[0])] = SdnEntry(_field(row[0]), _field(row[1]), schema)
    return entries


@lru_cache(maxsize=4)
def _sdn_akas(path: Path) -> tuple[tuple[str, str, str], ...]:
    """(ent_num, alt_type, alt_name) for every complete row of alt.csv."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or not _field(row[3]):
                continue
            rows.append((_field(row[0]), _field(row[2]).lower(), _field(row[3])))
    return tuple(rows)


_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=4)
def _sdn_name_positions(path: Path) -> tuple[Counter[str], Counter[str]]:
    """How often each word stands in SDN individuals' given names and in their surnames."""
    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    for entry in _sdn_entries(path).values():
        if entry.schema != "Person" or "," not in entry.name:
            continue
        surname, given_names = entry.name.split(",", 1)
        family.update(_words(surname))
        given.update(_words(given_names))
    return given, family


# ---------------------------------------------------------------------------------------------
# (b) cross-script person names from Wikidata name variants

# Scripts a variant may be written in (one script per variant); CJK, kana, Hangul and Indic
# renderings are left out: in this file they are mostly loose transcriptions of Western names.
SCRIPTS = {
    "LATIN": "latin",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "ARMENIAN": "armenian",
    "GEORGIAN": "georgian",
    "HEBREW": "hebrew",
}
FAMILY_SUFFIXES = (
    "ov", "ev", "ova", "eva", "sky", "ski", "skiy", "skij", "skaya", "enko", "yan", "yants",
    "idze", "adze", "shvili", "zade", "zadeh", "oglu", "ogly", "escu", "chuk", "czuk", "sson",
    "nsen", "ов", "ев", "ова", "ева", "ский", "ская", "енко", "ян", "дзе", "швили",
)  # fmt: skip
SUFFIX_MIN_LEN = 5  # "lev", "yakov" are given names; short words are not judged by suffix
LI_SUFFIX_MIN_LEN = 6  # Azerbaijani "-li" surnames (Hasanli); "ali", "eli" are given names
PATRONYMIC_SUFFIXES = ("ovich", "evich", "ovna", "evna", "ovic", "evic", "ович", "евич", "овна")
NOT_A_NAME = frozenset(
    "abd abdel abdul abdal abu bin ibn ben bint ould van von der del dos das mac".split()
)
FEMININE_SUFFIXES = (
    "ova", "eva", "ina", "yna", "skaya", "skaja", "skaia", "ska", "cka", "ová", "ова", "ева",
    "ёва", "єва", "ина", "ая",
)  # fmt: skip
PLURAL_SUFFIXES = ("ovy", "evy", "ovs", "evs", "овы", "евы", "ины")
MIN_GIVEN_EVIDENCE = 2  # a given-name group's Latin words stand >= 2 times in SDN given names


@dataclass(frozen=True)
class NameGroup:
    """One Wikidata given or family name: its variants by script, and its cluster id."""

    qid: str
    variants: dict[str, tuple[str, ...]]  # script -> variants (lower case, NFC)
    component: int  # groups sharing any (accent-folded) variant share a component

    @property
    def latin(self) -> tuple[str, ...]:
        return self.variants.get("latin", ())


@cache
def _char_script(ch: str) -> str | None:
    if not ch.isalpha() or unicodedata.category(ch).startswith("M"):
        return None
    return SCRIPTS.get(unicodedata.name(ch, "?").split(" ")[0])


def _script(token: str) -> str | None:
    """The one allowed script `token` is written in, or None (mixed, marks, digits, other)."""
    if token.isascii():
        return "latin" if token.isalpha() else None
    found = {_char_script(ch) for ch in token}
    if len(found) != 1:
        return None
    return found.pop()


def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _variants_by_script(names: list[str]) -> dict[str, tuple[str, ...]]:
    """Single-word variants in allowed scripts; drops ones whose length is off the Latin ones."""
    by_script: dict[str, list[str]] = defaultdict(list)
    for raw in names:
        token = unicodedata.normalize("NFC", raw.strip())
        script = _script(token)
        if script is None or (script == "latin" and len(token) < 3) or len(token) < 2:
            continue
        if token not in by_script[script]:
            by_script[script].append(token)
    latin = by_script.get("latin")
    if not latin:
        return {}
    shortest = min(len(t) for t in latin)
    # A variant far shorter or longer than the Latin spelling is usually a different name
    # that slipped into the group (a patronymic, a feminine form, a nickname).
    kept = {
        script: tuple(t for t in tokens if 0.4 * shortest <= len(t) <= 1.6 * shortest + 1)
        for script, tokens in by_script.items()
    }
    return {script: tokens for script, tokens in kept.items() if tokens}


def _drop_variants(
    variants: dict[str, tuple[str, ...]], drop: Callable[[str], bool]
) -> dict[str, tuple[str, ...]]:
    kept = {script: tuple(t for t in tokens if not drop(t)) for script, tokens in variants.items()}
    return {script: tokens for script, tokens in kept.items() if tokens}


def _one_form(variants: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """A family name's variants in one grammatical form.

    Drops plurals (Тобоевы) and Latvian-style "-s" copies (Kirillovs beside Kirillov), and,
    where a group mixes masculine and feminine Slavic forms (Makhmudov, Makhmudova), keeps
    the more frequent form (masculine on a tie): "Ayham Makhmudov" and "Ayham Makhmudova"
    are not the same person.
    """
    folded = {_fold(t) for tokens in variants.values() for t in tokens}
    variants = _drop_variants(
        variants,
        lambda t: t.endswith(PLURAL_SUFFIXES) or (t.endswith("s") and _fold(t[:-1]) in folded),
    )
    slavic = variants.get("latin", ()) + variants.get("cyrillic", ())
    feminine = sum(t.endswith(FEMININE_SUFFIXES) for t in slavic)
    if 0 < feminine < len(slavic):
        keep_feminine = feminine > len(slavic) - feminine
        variants = _drop_variants(
            variants,
            lambda t: (
                _script(t) in ("latin", "cyrillic")
                and t.endswith(FEMININE_SUFFIXES) != keep_feminine
            ),
        )
    return variants


def _family_like(token: str) -> bool:
    """Whether `token` ends like a family name."""
    if len(token) >= SUFFIX_MIN_LEN and token.endswith(FAMILY_SUFFIXES):
        return True
    return len(token) >= LI_SUFFIX_MIN_LEN and token.endswith(("li", "lı"))


def _family_by_suffix(tokens: Sequence[str]) -> float:
    """Share of Latin and Cyrillic variants that end like a family name."""
    return sum(map(_family_like, tokens)) / len(tokens) if tokens else 0.0


def _role(variants: dict[str, tuple[str, ...]], given: Counter[str], family: Counter[str]) -> str:
    """'given', 'family' or '' (undecided) for one variant group; see `cross_script_cases`."""
    latin = variants.get("latin", ())
    if any(t in NOT_A_NAME for t in latin):
        return ""
    if any(t.endswith(PATRONYMIC_SUFFIXES) for t in latin + variants.get("cyrillic", ())):
        return ""
    as_given = sum(given[t] for t in latin)
    as_family = sum(family[t] for t in latin)
    by_suffix = _family_by_suffix(latin + variants.get("cyrillic", ()))
    if as_given >= MIN_GIVEN_EVIDENCE and as_given >= 2 * as_family and by_suffix < 0.5:
        return "given"
    if as_given < MIN_GIVEN_EVIDENCE and (by_suffix >= 0.5 or as_family >= 2 * max(as_given, 1)):
        return "family"
    return ""


class _Components:
    """Union-find over variant strings, so that overlapping groups count as one name."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        while key != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, keys: Sequence[str]) -> None:
        roots = [self.find(k) for k in keys]
        for other in roots[1:]:
            self.parent[self.find(other)] = self.find(roots[0])


@dataclass(frozen=True)
class NamePools:
    given: tuple[NameGroup, ...]
    family: tuple[NameGroup, ...]


@lru_cache(maxsize=4)
def _name_pools(variants_path: Path, sdn_path: Path) -> NamePools:
    given_words, family_words = _sdn_name_positions(sdn_path)
    parsed: list[tuple[str, dict[str, tuple[str, ...]], str]] = []
    components = _Components()
    with variants_path.open(encoding="utf-8") as fh:
        for line in fh:
            names, sep, qid = line.rstrip("\n").rpartition(" => ")
            if not sep:
                continue
            raw = [t.strip() for t in names.split(",")]
            if not any(given_words[t] or family_words[t] or _family_like(t) for t in raw):
                continue  # cannot get a role below: skip the costly per-character work
            variants = _variants_by_script(raw)
            if sum(len(tokens) for tokens in variants.values()) < 2:
                continue
            role = _role(variants, given_words, family_words)
            if role:
                components.union([_fold(t) for tokens in variants.values() for t in tokens])
                parsed.append((qid.strip(), variants, role))
    roots: dict[str, int] = {}
    roles_by_component: dict[int, set[str]] = defaultdict(set)
    groups: list[tuple[str, NameGroup]] = []
    for qid, variants, role in parsed:
        first = next(iter(variants.values()))[0]
        component = roots.setdefault(components.find(_fold(first)), len(roots))
        roles_by_component[component].add(role)
        if role == "family":
            variants = _one_form(variants)
            if "latin" not in variants or sum(len(t) for t in variants.values()) < 2:
                continue
        groups.append((role, NameGroup(qid, variants, component)))
    # A name that is also a given name somewhere (Hasan, Ali) is kept only as a given name.
    given = tuple(g for role, g in groups if role == "given")
    family = tuple(
        g
        for role, g in groups
        if role == "family" and "given" not in roles_by_component[g.component]
    )
    return NamePools(given, family)


def _cap(token: str) -> str:
    return token[:1].title() + token[1:]


POSITIVE_KINDS = ("script", "spelling", "order")


def _render(
    kind: str, given: NameGroup, family: tuple[NameGroup, NameGroup], rng: random.Random
) -> tuple[str, str] | None:
    """Left and right renderings of (given, family[0]) and (given, family[1]), or None.

    The given name and the family name are each written with two different variants:
    ``script``: Latin on the left, one other script (shared by both parts) on the right;
    ``spelling``: two Latin spellings; ``order``: the right side is family-name first, in
    Latin or another script. Positives pass the same family group twice.
    """
    left_family, right_family = family
    if kind == "script":
        shared = sorted(s for s in given.variants if s != "latin" and s in right_family.variants)
        if not shared or not left_family.latin:
            return None
        script = rng.choice(shared)
        left = (rng.choice(given.latin), rng.choice(left_family.latin))
        right = (rng.choice(given.variants[script]), rng.choice(right_family.variants[script]))
        return f"{_cap(left[0])} {_cap(left[1])}", f"{_cap(right[0])} {_cap(right[1])}"
    left = (rng.choice(given.latin), rng.choice(left_family.latin))
    scripts = ["latin"] if kind == "spelling" else sorted(given.variants)
    options = []
    for script in scripts:
        given_alts = [t for t in given.variants[script] if t != left[0]]
        family_alts = [t for t in right_family.variants.get(script, ()) if t != left[1]]
        if given_alts and family_alts:
            options.append((given_alts, family_alts))
    if not options:
        return None
    given_alts, family_alts = rng.choice(options)
    right = (rng.choice(given_alts), rng.choice(family_alts))
    if kind == "order":
        right = (right[1], right[0])
    return f"{_cap(left[0])} {_cap(left[1])}", f"{_cap(right[0])} {_cap(right[1])}"


def _pick_other(
    pool: Sequence[NameGroup],
    by_initial: dict[str, list[NameGroup]],
    first: NameGroup,
    rng: random.Random,
) -> NameGroup:
    """Another name from `pool`, half of the time one with the same Latin initial."""
    if rng.random() < 0.5:
        same = by_initial.get(first.latin[0][:1], [])
        if len(same) > 1:
            return rng.choice(same)
    return rng.choice(pool)


def cross_script_cases(shared: Path, n: int = 2000, seed: int = 7) -> list[Pair]:
    """Person-name pairs across scripts and spellings; n // 2 matches, the rest hard negatives.

    Which Wikidata groups are given names and which are family names is not in the file, so
    it is decided from evidence (needs ``data/sanctions/ofac/sdn.csv`` too):

    - a *given name* group has Latin variants that stand at least twice in the given-name
      part of OFAC SDN individuals ("SURNAME, Given Names"), at least twice as often as in
      surnames, and does not end like a family name;
    - a *family name* group is rarely (< 2) a given name there, and either most of its Latin
      and Cyrillic variants end like a family name (-ov/-ev/-ova, -sky/-ski, -enko, -yan,
      -idze/-adze, -shvili, -zade, -oglu, -escu, -chuk, -sson, -li on long words; -ов, -ский,
      -енко, ...), or its words stand mostly in SDN surnames;
    - patronymics (-ovich, -ovna), particles (abd, bin, van, ...) and groups that overlap a
      given name (Hasan) are dropped. Variants are single words in Latin, Cyrillic, Greek,
      Arabic, Armenian, Georgian or Hebrew script; groups sharing any variant count as one
      name, so negatives never pair two spellings of the same name.

    Matches render one (given, family) pair with a different variant of each part, as
    ``group`` ``script`` (Latin vs another script), ``spelling`` (two Latin spellings) or
    ``order`` (the right side family-first). Negatives keep the given name (``shared-given``)
    or the family name (``shared-family``) and change the other part to a different name,
    half of the time one with the same initial, rendered the same three ways. Family names
    are kept in one grammatical form (no Makhmudov beside Makhmudova, no plurals).

    Caveat: the variants file comes from rigour, whose compiled name table tags each of
    these variants with its Wikidata id; any matcher built on rigour's name symbols (logic-v2,
    and casework.names if it uses them) sees this set as dictionary lookups, so it measures
    coverage of known variants rather than generalisation to unseen spellings.
    """
    pools = _name_pools(_require(shared, VARIANTS_TXT), _require(shared, SDN_CSV))
    rng = random.Random(seed)
    n_pos = n // 2
    seen: set[tuple[str, str]] = set()
    pairs: list[Pair] = []

    def add(rendered: tuple[str, str] | None, is_match: bool, group: str) -> bool:
        if rendered is None or rendered[0] == rendered[1]:
            return False
        left, right = rendered if rng.random() < 0.5 else rendered[::-1]
        if (left, right) in seen or (right, left) in seen:
            return False
        seen.add((left, right))
        pairs.append(Pair(left, right, is_match, "Person", group))
        return True

    by_initial = {
        role: _by_initial(pool) for role, pool in (("given", pools.given), ("family", pools.family))
    }
    budget = 200 * n + 1000
    for i in range(n):
        added = False
        while not added:
            budget -= 1
            if budget < 0:
                raise ValueError(f"cannot draw {n} cross-script pairs from the name variants")
            if i < n_pos:
                kind = POSITIVE_KINDS[i % len(POSITIVE_KINDS)]
                given, family = rng.choice(pools.given), rng.choice(pools.family)
                added = add(_render(kind, given, (family, family), rng), True, kind)
                continue
            kind = rng.choice(POSITIVE_KINDS)
            if i % 2 == 0:  # same given name, two different family names
                given = rng.choice(pools.given)
                first = rng.choice(pools.family)
                second = _pick_other(pools.family, by_initial["family"], first, rng)
                if first.component == second.component:
                    continue
                added = add(_render(kind, given, (first, second), rng), False, "shared-given")
            else:  # same family name, two different given names
                family = rng.choice(pools.family)
                first = rng.choice(pools.given)
                second = _pick_other(pools.given, by_initial["given"], first, rng)
                if first.component == second.component:
                    continue
                rendered = _render_two_given(kind, (first, second), family, rng)
                added = add(rendered, False, "shared-family")
    rng.shuffle(pairs)
    return pairs


def _by_initial(pool: Sequence[NameGroup]) -> dict[str, list[NameGroup]]:
    index: dict[str, list[NameGroup]] = defaultdict(list)
    for group in pool:
        index[group.latin[0][:1]].append(group)
    return index


def _render_two_given(
    kind: str, given: tuple[NameGroup, NameGroup], family: NameGroup, rng: random.Random
) -> tuple[str, str] | None:
    """Like `_render`, with the family name shared and the given names different.

    Rendered by swapping roles: the shared family group plays the "given" slot of `_render`
    (which varies the first part) and the two given groups the "family" slots; each side is
    then turned back to given-first (or family-first for ``order`` on the right).
    """
    rendered = _render(kind, family, given, rng)
    if rendered is None:
        return None
    # Each side comes back as "<family> <given>", except the right side of ``order``, which
    # comes back flipped ("<given> <family>"); swapping the two words of each side restores
    # given-first on the left and, on the right, given-first or (for ``order``) family-first.
    left, right = (side.split(" ") for side in rendered)
    return f"{left[1]} {left[0]}", f"{right[1]} {right[0]}"


# ---------------------------------------------------------------------------------------------
# (c) OFAC SDN names against their own aliases, and against other entries


def _norm(name: str) -> str:
    return " ".join(_words(name))


def _given_first(name: str) -> str:
    """'SURNAME, Given Names' -> 'Given Names SURNAME' (names without a comma unchanged)."""
    surname, sep, given = name.partition(",")
    return f"{given.strip()} {surname.strip()}" if sep and given.strip() else name


def _weak_alias(alias: str) -> bool:
    words = _WORD.findall(alias) + re.findall(r"\d+", alias)
    return len(words) <= 1 and len("".join(words)) < 4


# Words skipped when looking for an entity's distinctive first token: articles, Arabic "al",
# legal forms and the like.
ENTITY_LEADING_NOISE = frozenset(
    """al el the ooo oao zao pao ao jsc ojsc cjsc pjsc llc ltd co tov pt cv sa sarl gmbh
    limited joint stock company open closed public private federal state""".split()
)
MAX_TOKEN_BUCKET = 25  # a first token shared by more SDN entities than this is not distinctive


def _first_token(name: str) -> str | None:
    for word in _words(name):
        if word not in ENTITY_LEADING_NOISE:
            return word if len(word) >= 4 else None
    return None


def _homonym_key(entry: SdnEntry) -> str | None:
    if entry.schema != "Person":
        return _first_token(entry.name)
    surname, sep, _ = entry.name.partition(",")
    if not sep:
        return None
    return _norm(surname) or None


def _render_person(left: str, right: str, schema: str, rng: random.Random) -> tuple[str, str]:
    """Turn one side of a person pair to given-name-first, the other kept as listed."""
    if schema != "Person":
        return left, right
    if rng.random() < 0.5:
        return _given_first(left), right
    return left, _given_first(right)


def ofac_alias_cases(shared: Path, n: int = 2000, seed: int = 7) -> list[Pair]:
    """OFAC SDN pairs: n // 2 primary-name-vs-own-aka matches, the rest homonym non-matches.

    Matches (``group`` ``aka:<schema>``): an SDN entry's primary name against one of its
    ``aka`` aliases from alt.csv; aliases of ent_nums absent from sdn.csv, aliases equal to the
    primary name, and weak aliases (one word under 4 characters) are skipped. Non-matches:
    two different entries of the same type, individuals sharing the surname (the part before
    the comma, ``shared-surname:Person``), entities sharing a distinctive first token (the
    first word that is not an article or legal form, at least 4 letters, first word of at most
    25 entries; ``shared-token:<schema>``); pairs whose word sets are equal or nested are
    skipped (a name-only matcher cannot tell them apart). For individuals one side, at random,
    is turned to "Given SURNAME". Schema from SDN_Type: individual -> Person, vessel -> Vessel,
    aircraft -> Airplane, anything else -> Organization. Non-matches follow the schema mix of
    the matches as far as each type has homonyms.
    """
    entries = _sdn_entries(_require(shared, SDN_CSV))
    akas = _sdn_akas(_require(shared, ALT_CSV))
    rng = random.Random(seed)
    candidates = []
    for ent_num, alt_type, alias in akas:
        entry = entries.get(ent_num)
        if entry is None or alt_type != "aka" or _weak_alias(alias):
            continue
        if _norm(alias) == _norm(entry.name):
            continue
        candidates.append((entry, alias))
    n_pos = min(n // 2, len(candidates))
    pairs = []
    for entry, alias in rng.sample(candidates, n_pos):
        left, right = _render_person(entry.name, alias, entry.schema, rng)
        if rng.random() < 0.5:
            left, right = right, left
        pairs.append(Pair(left, right, True, entry.schema, f"aka:{entry.schema}"))
    wanted = Counter(p.schema for p in pairs)
    negatives = _homonym_pairs(entries, wanted, n - n_pos, rng)
    pairs.extend(negatives)
    rng.shuffle(pairs)
    return pairs


def _homonym_pairs(
    entries: dict[str, SdnEntry], wanted: Counter[str], total: int, rng: random.Random
) -> list[Pair]:
    buckets: dict[str, dict[str, list[SdnEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries.values():
        key = _homonym_key(entry)
        if key:
            buckets[entry.schema][key].append(entry)
    usable = {
        schema: [
            members
            for _, members in sorted(by_key.items())
            if len(members) >= 2 and (schema == "Person" or len(members) <= MAX_TOKEN_BUCKET)
        ]
        for schema, by_key in sorted(buckets.items())
    }
    seen: set[frozenset[str]] = set()
    pairs: list[Pair] = []

    def draw(schema: str, count: int) -> None:
        groups = usable.get(schema, [])
        label = "shared-surname" if schema == "Person" else "shared-token"
        attempts = 50 * count + 100
        made = 0
        while groups and made < count and attempts > 0:
            attempts -= 1
            first, second = rng.sample(rng.choice(groups), 2)
            key = frozenset((first.ent_num, second.ent_num))
            words_a, words_b = set(_words(first.name)), set(_words(second.name))
            if key in seen or words_a <= words_b or words_b <= words_a:
                continue
            seen.add(key)
            left, right = _render_person(first.name, second.name, schema, rng)
            pairs.append(Pair(left, right, False, schema, f"{label}:{schema}"))
            made += 1

    for schema, count in sorted(wanted.items()):
        draw(schema, count)
    for schema in ("Person", "Organization"):  # fill what rarer types could not supply
        draw(schema, total - len(pairs))
    return pairs


SETS: dict[str, Callable[[Path], list[Pair]]] = {
    "nomenklatura": nomenklatura_cases,
    "cross-script": cross_script_cases,
    "ofac-aliases": ofac_alias_cases,
}
