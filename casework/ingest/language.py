"""Language of each document and comment, offline, from py3langid's bundled model.

Later stages (spaCy extraction) only process languages they have a model
for, so every text carries a detected language and a confidence; texts too
short to judge get none rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 20
# Longer samples add time, not accuracy: a few paragraphs settle the language.
MAX_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, probability) or (None, None) for text too short to tell."""
    sample = text.strip()[:MAX_CHARS]
    if len(sample) < MIN_LETTERS or sum(ch.isalpha() for ch in sample[:200]) < MIN_LETTERS:
        return None, None
    code, probability = _identifier().classify(sample[:MAX_CHARS])
    return code, round(float(probability), 4)
