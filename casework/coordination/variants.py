"""Name variants: display names that are one name spelled several ways.

One operator behind several accounts tends to vary one name ("Fərid Murad",
"Muradov Farid") or keep a family name and change its spelling ("Ali
Panahov", "Abbas Pənahov"). casework.names does the comparing; its blocking
keys find the candidate pairs, so no two accounts are compared unless they
share a key. Identical names are not a variant (that is one name, perhaps
two namesakes).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from casework.coordination.frame import Frame
from casework.names import analyze, compare_analyzed
from casework.names.forms import gendered
from casework.names.handles import handle_key, is_handle, same_handle
from casework.names.keys import name_keys
from casework.screen import REVIEW_THRESHOLD

# A key shared by more accounts than this is a common name part, not a lead.
MAX_KEY_ACCOUNTS = 50
# How a family name alone may differ and still be one operator's: written in
# another script or with other letters for the same sounds (Pənahov /
# Panahov), and a family name: it carries a surname ending (-ov, -li, -zade).
# A changed ending is not enough: Mustafa / Mustafayev are a given name and a
# family name.
SPELLING_METHODS = frozenset({"transliteration"})
MIN_FAMILY_LENGTH = 5
FAMILY_STRENGTH = 0.5


@dataclass(frozen=True)
class Variant:
    a: int  # account codes, a < b
    b: int
    strength: float
    detail: str


def display_names(frame: Frame) -> dict[int, str]:
    """Each account's most used display name (its id where the source gives none)."""
    names = frame.table.column("name").to_pylist()
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for code, name in zip(frame.account.tolist(), names, strict=True):
        counts[code][name or frame.accounts[code]] += 1
    return {code: c.most_common(1)[0][0] for code, c in counts.items()}


def name_candidates(names: dict[int, str]) -> list[tuple[int, int]]:
    """Pairs of accounts whose display names share a blocking key (casework.names.keys).

    Cheap: each distinct name is analysed once and no two names are compared
    here. The caller keeps the pairs that also act together and compares those.
    """
    posting: dict[str, list[int]] = defaultdict(list)
    for code, name in names.items():
        if is_handle(name):
            posting[f"handle:{handle_key(name)}"].append(code)
            continue
        parsed = _person(name)
        if parsed is None:
            continue
        for _, keys in name_keys(parsed):
            for key in keys:
                posting[key].append(code)
    candidates: set[tuple[int, int]] = set()
    for codes in posting.values():
        if 1 < len(codes) <= MAX_KEY_ACCOUNTS:
            unique = sorted(set(codes))
            candidates.update((x, y) for n, x in enumerate(unique) for y in unique[n + 1 :])
    return sorted(candidates)


def variant(names: dict[int, str], a: int, b: int) -> Variant | None:
    """The two accounts' display names as one name spelled two ways, or None."""
    how = same_handle(names[a], names[b])
    if how is not None:
        detail = f"one handle written two ways: {names[a]} / {names[b]} ({how})"
        return Variant(min(a, b), max(a, b), 1.0, detail)
    parsed_a, parsed_b = _person(names[a]), _person(names[b])
    if parsed_a is None or parsed_b is None:
        return None
    found = _variant(names[a], names[b], parsed_a, parsed_b)
    if found is None:
        return None
    detail, strength = found
    return Variant(min(a, b), max(a, b), strength, detail)


def _person(name: str):
    """The analysed name, or None for a handle or a single word: they say nothing
    about a person (digits and underscores mark handles: proud_observer3)."""
    if is_handle(name):
        return None
    parsed = analyze(name, "Person")
    if sum(1 for p in parsed.evidence if p.role == "name") < 2:
        return None
    return parsed


def _variant(name_a: str, name_b: str, a, b) -> tuple[str, float] | None:
    """In words, with its strength: one name written two ways (1.0), or only a
    family name spelled two ways under different given names (FAMILY_STRENGTH:
    relatives and strangers share surnames; one operator varying a name is one
    reading of it, not the only one)."""
    if _plain(name_a) == _plain(name_b):
        return None
    match = compare_analyzed(a, b)
    parts_a = {p.form: p for p in a.parts}
    parts_b = {p.form: p for p in b.parts}
    changed = [
        (p, parts_a.get(p.query), parts_b.get(p.candidate))
        for p in match.parts
        if p.query and p.candidate and p.method != "exact" and p.query != p.candidate
    ]
    # A man's and a woman's form of one surname are two people of one family.
    if any(x and y and gendered(x.ascii, y.ascii) for _, x, y in changed):
        return None
    if match.score >= REVIEW_THRESHOLD:
        how = ", ".join(f"{p.query} / {p.candidate} ({p.method})" for p, _, _ in changed)
        how = "; ".join(filter(None, [how, *match.notes]))
        words = f"one name written two ways: {name_a} / {name_b}" + (f" [{how}]" if how else "")
        return words, 1.0
    for p, x, y in changed:
        surname = any(part is not None and part.suffix is not None for part in (x, y))
        if (
            surname
            and p.method in SPELLING_METHODS
            and min(len(p.query), len(p.candidate)) >= MIN_FAMILY_LENGTH
        ):
            return (
                f"weaker sign: family name spelled two ways, given names differ: "
                f"{p.query} / {p.candidate} ({p.method}) in {name_a} / {name_b}",
                FAMILY_STRENGTH,
            )
    return None


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())
