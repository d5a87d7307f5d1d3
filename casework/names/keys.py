"""Blocking keys: the cheap features two names share when they may be one name.

An index maps each key to the names that have it; a query looks up its own
keys and only names sharing some are scored. Every comparison method in
`compare` has a key that finds its pairs: the ASCII form (exact and
transliteration), the spelling-loose form, the surname stem, metaphone,
Wikidata name-group symbols, and character trigrams for typos.
"""

from __future__ import annotations

from casework.names.analyze import AnalyzedName, Part

TRIGRAM_MIN_LENGTH = 5


def part_keys(part: Part) -> set[str]:
    # s: is the stem, or the whole word when it has no suffix, so Murad finds Muradov
    keys = {f"a:{part.ascii}", f"l:{part.loose}", f"s:{part.stem}"}
    if len(part.metaphone) >= 3:
        keys.add(f"m:{part.metaphone}")
    keys.update(f"y:{symbol}" for symbol in part.symbols)
    if len(part.loose) >= TRIGRAM_MIN_LENGTH:
        padded = f"^{part.loose}$"
        keys.update(f"t:{padded[i : i + 3]}" for i in range(len(padded) - 2))
    return keys


def name_keys(name: AnalyzedName) -> list[tuple[int, set[str]]]:
    """Keys per evidence part, with the part's position, for weighting by part.

    Weak parts (generic words, particles) post no keys beside stronger ones; a name
    made of nothing else ("Hizballah", which rigour reads as a line of business)
    posts them, or it could never be found.
    """
    parts = [part for part in name.evidence if part.weight >= 0.5] or list(name.evidence)
    return [(part.index, part_keys(part)) for part in parts]
