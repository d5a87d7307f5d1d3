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
from casework.names.keys import name_keys
from casework.screen import REVIEW_THRESHOLD

# A key shared by more accounts than this is a common name part, not a lead.
MAX_KEY_ACCOUNTS = 50
# How a family name may differ and still be the same one: spelled, not swapped.
SPELLING_METHODS = frozenset({"transliteration", "spelling", "suffix", "symbol"})
MIN_FAMILY_LENGTH = 5


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


def name_variants(names: dict[int, str]) -> list[Variant]:
    """Variant pairs among accounts' display names (from `display_names`)."""
    analysed = {}
    posting: dict[str, list[int]] = defaultdict(list)
    for code, name in names.items():
        parsed = analyze(name, "Person")
        if sum(1 for p in parsed.evidence if p.role == "name") < 2:
            continue  # a handle or a single word says nothing about a person
        analysed[code] = parsed
        for _, keys in name_keys(parsed):
            for key in keys:
                posting[key].append(code)
    candidates: set[tuple[int, int]] = set()
    for codes in posting.values():
        if 1 < len(codes) <= MAX_KEY_ACCOUNTS:
            unique = sorted(set(codes))
            candidates.update((x, y) for n, x in enumerate(unique) for y in unique[n + 1 :])
    found = []
    for a, b in sorted(candidates):
        variant = _variant(names[a], names[b], analysed[a], analysed[b])
        if variant is not None:
            found.append(Variant(a, b, 1.0, variant))
    return found


def _variant(name_a: str, name_b: str, a, b) -> str | None:
    if _plain(name_a) == _plain(name_b):
        return None
    match = compare_analyzed(a, b)
    changed = [
        p
        for p in match.parts
        if p.query and p.candidate and p.method != "exact" and p.query != p.candidate
    ]
    if match.score >= REVIEW_THRESHOLD:
        how = ", ".join(f"{p.query} / {p.candidate} ({p.method})" for p in changed)
        how = "; ".join(filter(None, [how, *match.notes]))
        return f"one name written two ways: {name_a} / {name_b}" + (f" [{how}]" if how else "")
    for p in changed:
        if (
            p.method in SPELLING_METHODS
            and min(len(p.query), len(p.candidate)) >= MIN_FAMILY_LENGTH
        ):
            return (
                f"family name spelled two ways: {p.query} / {p.candidate} ({p.method}) "
                f"in {name_a} / {name_b}"
            )
    return None


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())
