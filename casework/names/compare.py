"""Compare two names part by part, and say how each part matched.

Each pair of parts is tried against a list of named methods, strongest
first (exact, transliteration, Wikidata name group, spelling variant,
surname suffix form, phonetic, initial, fuzzy); the best pairing of parts
is chosen, and the name score is the weighted share of evidence explained,
with unexplained parts counting against it. Different words in the same
slot on both sides (a conflict) count in full; a word only one side has
(a middle name, a patronymic the query left out) counts a fraction.
Caps then mark what names alone cannot settle: different kinds of legal
form, different places, a number on one side only, a father's name
swapped with the person's own, an organisation paired only on words for a
kind of body ("State Department" / "State Security Department") or on one
generic word or acronym, the generic name of a state body.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names import compare_parts as residue_alignments

from casework.names.analyze import ORG_SCHEMATA, AnalyzedName, Part, analyze
from casework.names.forms import KIND_WORDS, alternatives, number_value, suffix_family
from casework.names.organisations import generic, is_acronym

# The weight of candidate parts the query does not mention (middle names,
# patronymics) relative to the query's own unmatched parts.
CANDIDATE_EXTRA = 0.4
# Organisations' list entries and aliases drop words just as often ("LOS CUINIS" vs
# "LOS CUINIS DRUG TRAFFICKING ORGANIZATION"); tuned on bench.names_quality.
ORG_CANDIDATE_EXTRA = 0.5
# A one-word query ("Kauzlarich") is a partial name: the candidate's other words
# count little against it, but it can only ever ask for review, never confirm.
SINGLE_PART_EXTRA = 0.25
SINGLE_PART_CAP = 0.7
# What names alone cannot settle is held at most at review: the same name under two
# kinds of legal form (AG / GmbH: a sister company or subsidiary), in two places, with
# a number on one side only, or with a father's name swapped for the person's own.
REVIEW_CAP = 0.7
# Words that open a father's name in an Arabic nasab: "Omar bin Abdullah".
LINEAGE_WORDS = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould"})
# A short name inside a longer one (two or more names matched at SUBSET_MIN or
# better, nothing contradicting): the longer one's extra words count this much.
SUBSET_EXTRA = 0.25
SUBSET_MIN = 0.8
# An organisation's words that name only a kind of body ("State Department",
# "Congress", "Management Company") say what it is, not which: when nothing else
# pairs, the other name's remaining words count in full (this much) and the score
# stays at review at most. So does a one-word organisation query that is such a
# word, a generic word ("Bank"), a place or a bare acronym ("EU"), against a longer name.
UNDISTINGUISHED_EXTRA = 1.0
# A one-word organisation query this short is an acronym or a fragment, whatever its case.
SHORT_WORD = 3
# The most a match of word groups run together or split apart explains.
BEST_GROUP_SIMILARITY = 0.95
# A permutation other than the same or fully reversed order costs a little.
ORDER_PENALTY = 0.03
FUZZY_FLOOR = 0.75
# Two known, different names (across scripts) need to be spelled this alike to count as a typo.
KNOWN_NAME_FUZZY = 0.85
VOWELS = frozenset("aeiouyw")
# A word paired with a surname formed from it (Murad / Muradov, Haji / Hajili) where
# no other name is the same on both sides (paired at IDENTITY_MIN or better: exact,
# transliteration, name group, spelling variant): the same root, but as likely a
# father's given name as the person's surname, so no more than a near miss.
DERIVED_SIMILARITY = 0.45
IDENTITY_MIN = 0.9
NEAR_MISS_FLOOR = 0.6
SPELLED_OUT_SIMILARITY = 0.9
NEAR_MISS_FACTOR = 0.65
PHONETIC_MIN_SPELLING = 0.6
# Words left over on both sides fill the same slot with different names; even a
# patronymic counts nearly in full then (Ivanovich vs Viktorovich).
CONFLICT_MIN_WEIGHT = 0.8
RESIDUE_FLOOR = 0.5
MIN_FUZZY_LENGTH = 4


@dataclass(frozen=True)
class PartMatch:
    """One query part paired with one candidate part (or with nothing)."""

    query: str | None
    candidate: str | None
    method: (
        str  # exact, transliteration, symbol, spelling, suffix, phonetic, initial, fuzzy, unmatched
    )
    similarity: float
    detail: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "candidate": self.candidate,
            "method": self.method,
            "similarity": round(self.similarity, 3),
            "detail": self.detail,
        }


# Pairings that say two words sound or are spelled alike, not that they are one
# name: a name resting on one of them needs other facts before it is a hit.
WEAK_METHODS = frozenset({"phonetic", "fuzzy", "near miss"})


@dataclass(frozen=True)
class NameMatch:
    score: float
    parts: tuple[PartMatch, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def weak(self) -> tuple[PartMatch, ...]:
        """The pairings of words (not initials or particles) by sound or near spelling only."""
        return tuple(p for p in self.parts if p.method in WEAK_METHODS)

    def as_dict(self) -> dict[str, object]:
        return {
            "score": round(self.score, 3),
            "parts": [p.as_dict() for p in self.parts],
            "notes": list(self.notes),
        }


def _exact(q: Part, c: Part) -> tuple[float, str] | None:
    return (1.0, "") if q.form == c.form else None


def _transliteration(q: Part, c: Part) -> tuple[float, str] | None:
    return (0.98, f"both read {q.ascii!r}") if q.ascii == c.ascii else None


def _symbol(q: Part, c: Part) -> tuple[float, str] | None:
    shared = q.symbols & c.symbols
    return (0.93, f"same name group {min(shared)}") if shared else None


def _spelling(q: Part, c: Part) -> tuple[float, str] | None:
    return (0.93, f"spelling variants of {q.loose!r}") if q.loose == c.loose else None


def _suffix(q: Part, c: Part) -> tuple[float, str] | None:
    """One root under two endings of one surname family (Aliyev / Aliyeva, Murad /
    Sadiqov). Endings of different families (Aliyev / Alizade) make two surnames."""
    if q.stem != c.stem or (q.suffix is None and c.suffix is None):
        return None
    if q.suffix and c.suffix and suffix_family(q.suffix) != suffix_family(c.suffix):
        return None
    forms = " / ".join(f"-{s}" if s else "no suffix" for s in (q.suffix, c.suffix))
    return 0.88, f"surname forms of {q.stem!r} ({forms})"


def _derived(q: Part, c: Part, match: PartMatch) -> bool:
    """A word paired with a surname formed from it (Murad / Muradov, Haji / Hajili,
    Ismail / Ismayilova) rather than two forms of one surname (Sechev / Sechin). The
    bare word may be the surname written without its suffix, or a given name (the
    father's): a place (Belarus / Belarusian) is neither."""
    return (
        match.method == "suffix"
        and (q.suffix is None or c.suffix is None)
        and "place" not in (q.role, c.role)
    )


def _weaken_derived(
    pairs: list[tuple[Part, Part, PartMatch]],
) -> list[tuple[Part, Part, PartMatch]]:
    """A surname formed from a word is good evidence beside a name that is the same on
    both sides (Fərid Murad / Muradov Farid); beside names that only sound or look
    alike (Ramin Hajili / Haji Mir Rahman: Ramin ~ Rahman, Hajili ~ Haji) it is no
    more than a near miss."""
    derived = [i for i, (q, c, m) in enumerate(pairs) if _derived(q, c, m)]
    if not derived:
        return pairs
    if any(m.similarity >= IDENTITY_MIN for i, (_, _, m) in enumerate(pairs) if i not in derived):
        return pairs
    weakened = list(pairs)
    for i in derived:
        q, c, m = pairs[i]
        detail = f"{m.detail}; no other name is the same on both sides"
        weakened[i] = (q, c, replace(m, similarity=DERIVED_SIMILARITY, detail=detail))
    return weakened


@lru_cache(maxsize=200_000)
def _latin(form: str) -> bool:
    """Whether a word is written in Latin letters (asked of every leftover pair).
    By Unicode name, not by block: Azerbaijani ə (U+0259) sits among the IPA
    letters but is as Latin as e."""
    return all(
        ch < "\u0250" or unicodedata.name(ch, "").startswith("LATIN") for ch in form if ch.isalpha()
    )


def _known_different(q: Part, c: Part) -> bool:
    """Across scripts, two known names of different Wikidata name groups (Надир,
    Nasir) are different names: transliteration is explained by the rules and
    groups above, so a near spelling left over is not a typo. Within one script
    it may well be one (Marcon, Macron)."""
    return bool(
        q.symbols and c.symbols and not q.symbols & c.symbols and _latin(q.form) != _latin(c.form)
    )


def _consonants(text: str) -> str:
    """A word's consonant skeleton, doubled letters once: what transliteration and
    vowel harmony leave alone (Karim / Kerim: krm; Mammad / Mahmud: md / mhmd)."""
    out: list[str] = []
    for ch in text:
        if ch not in VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _other_family(q: Part, c: Part) -> bool:
    """Two surnames of one ending family on different roots, each a recorded name of
    its own name group, whose roots differ in their consonants: Jafarov / Jabbarov
    are two common families, not one name misspelt. Roots that differ only in
    vowels (Nabiyeva / Nebiyeva) may be one name transliterated, and pair as weakly
    as any near spelling; the screening then asks for review."""
    return bool(
        q.suffix
        and c.suffix
        and q.symbols
        and c.symbols
        and not q.symbols & c.symbols
        and q.stem != c.stem
        and suffix_family(q.suffix) == suffix_family(c.suffix)
        and _consonants(q.stem) != _consonants(c.stem)
    )


def _phonetic(q: Part, c: Part) -> tuple[float, str] | None:
    """Same metaphone, and spelled alike enough that it is not a coincidence (Olga/Oleg)."""
    if len(q.metaphone) < 3 or q.metaphone != c.metaphone or _other_family(q, c):
        return None
    if OSA.normalized_similarity(q.loose, c.loose) < PHONETIC_MIN_SPELLING:
        return None
    return 0.85, f"sound alike ({q.metaphone})"


def _initial(q: Part, c: Part) -> tuple[float, str] | None:
    if (q.role == "initial") != (c.role == "initial") and q.ascii[:1] == c.ascii[:1]:
        return 0.7, "initial"
    return None


def _fuzzy(q: Part, c: Part) -> tuple[float, str] | None:
    """Typos: edit similarity (transpositions count once) on the spelling-loose forms."""
    if min(len(q.ascii), len(c.ascii)) < MIN_FUZZY_LENGTH:
        return None
    similarity = OSA.normalized_similarity(q.loose, c.loose)
    if similarity < FUZZY_FLOOR or _other_family(q, c):
        return None
    if similarity < KNOWN_NAME_FUZZY and _known_different(q, c):
        return None
    return 0.9 * similarity, f"edit similarity {similarity:.2f}"


METHODS: tuple[tuple[str, Callable[[Part, Part], tuple[float, str] | None]], ...] = (
    ("exact", _exact),
    ("transliteration", _transliteration),
    ("symbol", _symbol),
    ("spelling", _spelling),
    ("suffix", _suffix),
    ("phonetic", _phonetic),
    ("initial", _initial),
    ("fuzzy", _fuzzy),
)


_PAIR_CACHE: dict[tuple[str, str, str, str], PartMatch | None] = {}
PAIR_CACHE_SIZE = 500_000


def compare_parts(q: Part, c: Part) -> PartMatch | None:
    """The strongest method that pairs these two parts, or None.

    Cached by written form and role (everything else about a part follows from
    them): list names share words, so the same pairs recur across candidates.
    """
    key = (q.form, q.role, c.form, c.role)
    if key in _PAIR_CACHE:
        return _PAIR_CACHE[key]
    if len(_PAIR_CACHE) >= PAIR_CACHE_SIZE:
        _PAIR_CACHE.clear()
    found = _PAIR_CACHE[key] = _compare_parts(q, c)
    return found


def _compare_parts(q: Part, c: Part) -> PartMatch | None:
    if q.role == "number" or c.role == "number":
        return PartMatch(q.form, c.form, "exact", 1.0) if q.ascii == c.ascii else None
    best: PartMatch | None = None
    for method, test in METHODS:
        found = test(q, c)
        if found and (best is None or found[0] > best.similarity):
            best = PartMatch(q.form, c.form, method, found[0], found[1])
            if found[0] >= 0.98:
                break
    if best is not None and best.method == "phonetic" and _latin(q.form) != _latin(c.form):
        # Across scripts, sounding alike is what a transcription is (Теймуров /
        # Teymurov read teimurov / teymurov): a spelling convention, not a near miss.
        best = replace(best, method="transcription", detail=f"transcribed; {best.detail}")
    return best


def compare_names(query: str, candidate: str, schema: str = "Person") -> NameMatch:
    """Compare two name strings; where either joins alternatives with a slash, the
    best-matching pair of alternatives speaks for it."""
    best: NameMatch | None = None
    for q_text in alternatives(query):
        for c_text in alternatives(candidate):
            match = compare_analyzed(analyze(q_text, schema), analyze(c_text, schema))
            if best is None or match.score > best.score:
                best = match
    assert best is not None
    return best


def score_bound(query: AnalyzedName, candidate: AnalyzedName) -> float:
    """The most `compare_analyzed` could give, from the parts' weights alone.

    At best every part of the shorter name is matched exactly; the longer
    name's surplus then counts against at the smallest extra weight. Cheap
    enough to skip, say, a seven-part name for a two-part query.
    """
    q_weight = sum(p.weight for p in query.evidence)
    c_weight = sum(p.weight for p in candidate.evidence)
    shared = min(q_weight, c_weight)
    if shared <= 0:
        return 0.0
    surplus = abs(q_weight - c_weight) * min(SINGLE_PART_EXTRA, CANDIDATE_EXTRA)
    return shared / (shared + surplus)


def compare_analyzed(query: AnalyzedName, candidate: AnalyzedName) -> NameMatch:
    q_parts, c_parts = query.evidence, candidate.evidence
    if not q_parts or not c_parts:
        return NameMatch(0.0, ())
    pairs = _weaken_derived(_align(q_parts, c_parts))
    used_q = {id(q) for q, _, _ in pairs}
    used_c = {id(c) for _, c, _ in pairs}
    merged = _spelled_out(
        [q for q in q_parts if id(q) not in used_q],
        [c for c in c_parts if id(c) not in used_c],
        # A person's run of initials (JC for Jean-Claude) stands beside a name
        # that matched; alone ("N.N.", nomen nescio) it names nobody in particular.
        acronyms=candidate.schema != "Person" or bool(pairs),
    )
    for q_group, c_group, _ in merged:
        used_q.update(id(q) for q in q_group)
        used_c.update(id(c) for c in c_group)
    merged += _residue(
        [q for q in q_parts if id(q) not in used_q], [c for c in c_parts if id(c) not in used_c]
    )
    explained_c = used_c | {id(c) for _, group, _ in merged for c in group}
    partial = len(q_parts) == 1 and any(id(c) not in explained_c for c in c_parts)
    organisation = candidate.schema in ORG_SCHEMATA
    # Only a person's one word (a surname) is a partial name; an organisation's
    # one word (Faberlic, Gazprom) is most often its name.
    capped = partial and not organisation
    if partial:
        extra_weight = SINGLE_PART_EXTRA
    elif organisation:
        extra_weight = ORG_CANDIDATE_EXTRA
    else:
        extra_weight = CANDIDATE_EXTRA
    explained = total = 0.0
    matches: list[PartMatch] = []
    for q, c, match in pairs:
        weight = (q.weight + c.weight) / 2
        explained += weight * match.similarity
        total += weight
        matches.append(match)
    for q_group, c_group, match in merged:
        weight = (sum(q.weight for q in q_group) + sum(c.weight for c in c_group)) / 2
        explained += weight * match.similarity
        total += weight
        matches.append(match)
        used_q.update(id(q) for q in q_group)
        used_c.update(id(c) for c in c_group)
    for q, c, match in _near_misses(
        [q for q in q_parts if id(q) not in used_q], [c for c in c_parts if id(c) not in used_c]
    ):
        weight = (q.weight + c.weight) / 2
        explained += weight * match.similarity
        total += weight
        matches.append(match)
        used_q.add(id(q))
        used_c.add(id(c))
    left_q = [q for q in q_parts if id(q) not in used_q]
    left_c = [c for c in c_parts if id(c) not in used_c]
    # Leftovers on both sides are different words in one slot: a conflict, counted
    # in full. Leftovers on the query side only are extra words (a middle name the
    # list omits) and count like the candidate's extras.
    conflict = any(q.role != "particle" for q in left_q) and any(
        c.role != "particle" for c in left_c
    )
    # An organisation's words for a kind of body, a generic word or an acronym are
    # all that paired, and the names differ in other words: nothing says it is
    # this body, so the other words count in full and the match stays at review.
    # A query that is the generic name of a state body ("Army", "Ministry of
    # Defense") stays at review even against the same words: every country has one.
    undistinguished = (
        _undistinguished(query, pairs, merged, partial, left_q + left_c)
        if organisation and (pairs or merged)
        else None
    )
    if undistinguished:
        extra_weight = UNDISTINGUISHED_EXTRA
    # Two or more real names matched and nothing contradicting: the shorter name
    # is inside the longer (Dost Mohammad / Dost Mohammad Khan Haqqani), and the
    # longer one's extra words count little.
    strong = sum(
        1 for q, c, m in pairs if q.role == c.role == "name" and m.similarity >= SUBSET_MIN
    )
    if not conflict and not partial and not undistinguished and strong >= 2:
        extra_weight = min(extra_weight, SUBSET_EXTRA)
    # A number on one side only (Fund II, Management Company 23) tells entities
    # apart as surely as a different number: it counts in full.
    for q in left_q:
        if conflict:
            total += max(q.weight, CONFLICT_MIN_WEIGHT)
        else:
            total += q.weight * (1.0 if q.role == "number" else extra_weight)
        matches.append(PartMatch(q.form, None, "unmatched", 0.0, "not in the candidate"))
    for c in left_c:
        if conflict:
            total += max(c.weight, CONFLICT_MIN_WEIGHT)
        else:
            total += c.weight * (1.0 if c.role == "number" else extra_weight)
        matches.append(PartMatch(None, c.form, "unmatched", 0.0, "not in the query"))
    score = explained / total if total else 0.0
    notes = []
    if capped:
        score = min(score, SINGLE_PART_CAP)
        notes.append("one-word query: a partial name can only ask for review")
    if undistinguished:
        score = min(score, REVIEW_CAP)
        notes.append(undistinguished)
    if (
        query.legal_classes
        and candidate.legal_classes
        and not query.legal_classes & candidate.legal_classes
    ):
        score = min(score, REVIEW_CAP)
        forms = ", ".join(sorted(query.legal_classes | candidate.legal_classes))
        notes.append(f"legal forms differ ({forms}): another entity of the same name?")
    if any(q.role == "place" for q in left_q) and any(c.role == "place" for c in left_c):
        score = min(score, REVIEW_CAP)
        notes.append("different places in the name: a branch or subsidiary elsewhere?")
    if (
        not conflict
        and candidate.schema != "Person"
        and any(p.role == "number" for p in left_q + left_c)
    ):
        score = min(score, REVIEW_CAP)
        notes.append("a number on one side only: a sister fund, series or vessel?")
    if _generations_swapped(query, candidate, pairs):
        score = min(score, REVIEW_CAP)
        notes.append("own name and father's name swapped (X bin Y vs Y bin X): kin?")
    order = _order(pairs)
    if order == "reversed":
        notes.append("word order reversed (family name first)")
    elif order == "mixed":
        notes.append("word order differs")
        score = max(0.0, score - ORDER_PENALTY)
    return NameMatch(score, tuple(matches), tuple(notes))


def _says_which(part: Part) -> bool:
    """Whether a word of an organisation's name helps say which body it is: not a
    word for a kind of body (State, Ministry, Company), a particle or a legal form."""
    return not part.kind and part.role not in ("particle", "legal")


def _kinds_only(
    pairs: list[tuple[Part, Part, PartMatch]],
    merged: list[tuple[list[Part], list[Part], PartMatch]],
) -> bool:
    """Whether parts were paired and every pairing is of words that name only a kind
    of body ("State Department" / "State Security Department", "State" ~ "Government")."""
    if not pairs and not merged:
        return False
    if any(_says_which(q) and _says_which(c) for q, c, _ in pairs):
        return False
    return not any(
        any(map(_says_which, q_group)) and any(map(_says_which, c_group))
        for q_group, c_group, _ in merged
    )


def _undistinguished(
    query: AnalyzedName,
    pairs: list[tuple[Part, Part, PartMatch]],
    merged: list[tuple[list[Part], list[Part], PartMatch]],
    partial: bool,
    left: list[Part],
) -> str | None:
    """Why nothing that paired says which organisation this is (a note), or None."""
    if _state_body(query):
        return "the generic name of a state body: which country's?"
    if not any(p.role != "particle" for p in left):
        return None  # the same words on both sides: a name made of common words
    if _kinds_only(pairs, merged):
        return "only words naming a kind of body (state, ministry, company) match: which one?"
    if partial and _uninformative_word(query, query.evidence[0]):
        return "a one-word query that is a generic word or an acronym: which body?"
    return None


def _state_body(name: AnalyzedName) -> bool:
    """The generic name of a state body (organisations.generic: "Ministry of Defense",
    "State Security Committee"), or one word of the state ("Army", "Congress")."""
    words = name.evidence
    return generic(name) or (len(words) == 1 and words[0].ascii in KIND_WORDS)


def _uninformative_word(query: AnalyzedName, part: Part) -> bool:
    """A one-word organisation query that cannot say which body on its own: a kind of
    body ("Congress", "State"), a generic word ("Bank"), a place, or an acronym
    ("EU", "IRGC")."""
    return (
        part.kind
        or part.role not in ("name", "number")
        or len(part.ascii) <= SHORT_WORD
        or is_acronym(query.original.strip())
    )


def _align(
    q_parts: tuple[Part, ...], c_parts: tuple[Part, ...]
) -> list[tuple[Part, Part, PartMatch]]:
    """Best one-to-one pairing: strongest similarities first, ties by position."""
    scored = []
    for qi, q in enumerate(q_parts):
        for ci, c in enumerate(c_parts):
            match = compare_parts(q, c)
            if match is not None:
                weight = min(q.weight, c.weight)
                scored.append((match.similarity * weight, -abs(qi - ci), qi, ci, match))
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    pairs = []
    taken_q: set[int] = set()
    taken_c: set[int] = set()
    for _, _, qi, ci, match in scored:
        if qi in taken_q or ci in taken_c:
            continue
        taken_q.add(qi)
        taken_c.add(ci)
        pairs.append((q_parts[qi], c_parts[ci], match))
    pairs.sort(key=lambda pair: pair[0].index)
    return pairs


def _near_misses(q_left: list[Part], c_left: list[Part]) -> list[tuple[Part, Part, PartMatch]]:
    """Leftover words in the same slot that are spelled half alike (Sultan / Salman)
    get a little credit: a screening must still show a likely misspelling, but
    well below a real pairing. Surnames of two families (Jafarov / Jabbarov, see
    `_other_family`) are different names and get none."""
    found = []
    taken: set[int] = set()
    for q in q_left:
        best: tuple[float, Part] | None = None
        for c in c_left:
            if id(c) in taken or _latin(q.form) != _latin(c.form) or _other_family(q, c):
                continue
            similarity = OSA.normalized_similarity(q.loose, c.loose)
            if similarity >= NEAR_MISS_FLOOR and (best is None or similarity > best[0]):
                best = (similarity, c)
        if best is not None:
            taken.add(id(best[1]))
            credit = NEAR_MISS_FACTOR * best[0]
            found.append(
                (
                    q,
                    best[1],
                    PartMatch(
                        q.form, best[1].form, "near miss", credit, f"edit similarity {best[0]:.2f}"
                    ),
                )
            )
    return found


def _group_match(
    q_group: list[Part], c_group: list[Part], method: str, similarity: float, detail: str = ""
) -> tuple[list[Part], list[Part], PartMatch]:
    """Several words matched as one unit, with the match that explains them."""
    match = PartMatch(
        " ".join(p.form for p in q_group),
        " ".join(p.form for p in c_group),
        method,
        similarity,
        detail,
    )
    return q_group, c_group, match


def _spelled_out(
    q_left: list[Part], c_left: list[Part], acronyms: bool = True
) -> list[tuple[list[Part], list[Part], PartMatch]]:
    """Acronyms (PLA, JC) and numbers written as words (Forty-Four, 44), which
    no pairing of single words can explain."""
    if not q_left or not c_left:
        return []
    found: list[tuple[list[Part], list[Part], PartMatch]] = []
    used: set[int] = set()
    for short_side, long_side, flipped in ((q_left, c_left, False), (c_left, q_left, True)):
        for part in short_side:
            if id(part) in used:
                continue
            free = [p for p in long_side if id(p) not in used]
            match = (_acronym(part, free) if acronyms else None) or _number(part, free)
            if match is None:
                continue
            group, method = match
            used.update(id(p) for p in (part, *group))
            q_group, c_group = (group, [part]) if flipped else ([part], group)
            found.append(_group_match(q_group, c_group, method, SPELLED_OUT_SIMILARITY))
    return found


def _acronym(part: Part, others: list[Part]) -> tuple[list[Part], str] | None:
    letters = part.ascii
    if not 2 <= len(letters) <= 6 or len(others) < len(letters):
        return None
    initials = "".join(p.ascii[:1] for p in others)
    start = initials.find(letters)
    if start < 0:
        return None
    return others[start : start + len(letters)], "acronym"


def _number(part: Part, others: list[Part]) -> tuple[list[Part], str] | None:
    target = number_value(part.ascii)
    if target is None:
        return None
    values = [number_value(p.ascii) for p in others]
    for i, value in enumerate(values):
        if value is None:
            continue
        if value == target:
            return [others[i]], "number"
        following = values[i + 1] if i + 1 < len(values) else None
        if (
            following is not None
            and int(value) % 10 == 0
            and str(int(value) + int(following)) == target
        ):
            return others[i : i + 2], "number"
    return None


def _residue(
    q_left: list[Part], c_left: list[Part]
) -> list[tuple[list[Part], list[Part], PartMatch]]:
    """Parts no single pairing explained: words run together or split apart
    ("SergeiLavrov", "Good Will"), scored by rigour's residue distance."""
    if not q_left or not c_left:
        return []
    # Only words run together or split apart have a chance here: the leftovers'
    # letters must add up to about the same length on both sides.
    q_length = sum(len(p.loose) for p in q_left)
    c_length = sum(len(p.loose) for p in c_left)
    if len(q_left) == len(c_left) == 1 or abs(q_length - c_length) > max(2, q_length // 4):
        return []
    by_source = {id(p.source): p for p in q_left + c_left}
    out = []
    for alignment in residue_alignments([p.source for p in q_left], [p.source for p in c_left]):
        if not alignment.qps or not alignment.rps or alignment.score < RESIDUE_FLOOR:
            continue
        q_group = [by_source[id(p)] for p in alignment.qps if id(p) in by_source]
        c_group = [by_source[id(p)] for p in alignment.rps if id(p) in by_source]
        if not q_group or not c_group:
            continue
        method = "merged" if len(q_group) != len(c_group) else "residue"
        detail = f"{alignment.qstr!r} ~ {alignment.rstr!r}"
        similarity = BEST_GROUP_SIMILARITY * alignment.score
        out.append(_group_match(q_group, c_group, method, similarity, detail))
    return out


def _lineage(name: AnalyzedName) -> dict[int, str]:
    """Parts next to a "son of" word that opens the father's name (bin, ibn, ben,
    bint, ould): the word before is the person's own name, the word after the
    father's, by part index."""
    roles: dict[int, str] = {}
    parts = name.parts
    for i, part in enumerate(parts):
        if part.ascii not in LINEAGE_WORDS:
            continue
        before = [p for p in parts[:i] if p.role == "name"]
        after = [p for p in parts[i + 1 :] if p.role == "name"]
        if before and after:
            roles.setdefault(before[-1].index, "own")
            roles.setdefault(after[0].index, "father")
    return roles


def _generations_swapped(
    query: AnalyzedName, candidate: AnalyzedName, pairs: list[tuple[Part, Part, PartMatch]]
) -> bool:
    """Whether one name's own name is the other's father's name: Abdullah bin Omar
    and Omar bin Abdullah are father and son, not one man written two ways."""
    q_roles, c_roles = _lineage(query), _lineage(candidate)
    if not q_roles or not c_roles:
        return False
    for q, c, _ in pairs:
        q_role, c_role = q_roles.get(q.index), c_roles.get(c.index)
        if q_role and c_role and q_role != c_role:
            return True
    return False


def _order(pairs: list[tuple[Part, Part, PartMatch]]) -> str:
    positions = [c.index for _, c, _ in pairs]
    if len(positions) < 2 or positions == sorted(positions):
        return "same"
    if positions == sorted(positions, reverse=True):
        return "reversed"
    return "mixed"
