"""Language of each document and comment, offline, from py3langid's bundled model.

Later stages (spaCy extraction) only process languages they have a model
for, so every text carries a detected language and a confidence; texts too
short to judge get none rather than a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")
# py3langid walks its automaton byte by byte in Python, so time grows with the
# sample; beyond a paragraph or two it adds time, not accuracy.
MAX_CHARS = 1000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, probability) or (None, None) for text too short to tell."""
    sample = text.strip()[:MAX_CHARS]
    if len(sample) < MIN_LETTERS or len(_LETTER.findall(sample, 0, 200)) < MIN_LETTERS:
        return None, None
    code, probability = _identifier().classify(sample[:MAX_CHARS])
    return code, round(float(probability), 4)


def warm_up() -> None:
    """Load the model now (before worker processes fork, so they share it)."""
    _identifier()
