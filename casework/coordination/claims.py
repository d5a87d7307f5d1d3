"""What each message claims, as terms that two wordings of one claim share.

A comment wave does not copy text; each account writes its own sentence. What
its sentences share is a claim: a distinctive word or pair of words ("foreign
lobby", "double standards") or a frame said in other words ("they are paid",
"financed by a foundation": casework.coordination.frames). Each message
becomes a set of terms:

- word stems (Snowball: English, Russian; Turkish for Azerbaijani, its nearest
  neighbour among the stemmers) of its content words, without stop words;
- pairs of adjacent content stems;
- the frames it makes (`frame:paid`).

Whether a term is distinctive in a thread is a question of background: how
many of the thread's accounts would use it anyway. `Background` answers from
three sources: the word's frequency in general language (wordfreq's lists,
shipped in its wheel), the article the comments are under (a word of the
article, such as its subject's name, is what every reader writes), and the
other threads of the corpus.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from casework.coordination.frames import fold, frames_in
from casework.ingest.language import detect_language

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s*|\n\s*)[\"'“«(]?\s*$")
_URL = re.compile(r"https?://\S+|www\.\S+|(?<!\w)[@#]\w+")
MIN_WORD = 3
FRAME_PREFIX = "frame:"
# A message's chance of using a word it does not take from the article or the
# thread: its frequency per word of general language, times the words written,
# times this: a stem stands for several forms, and a comment section is about
# one topic, whose words it uses far more often than language at large does.
STEM_FORMS = 10.0
# The least background any term has: even a rare word is sometimes chosen.
FLOOR = 0.002
# Background of a frame, where the corpus has too few other accounts to say.
FRAME_PRIOR = 0.02
# A term in the article body: what any reader of the article may write.
ARTICLE_RATE = 0.3
# A word made from a name: the name (this long at least) and a few letters more.
MIN_NAME_ROOT = 5
NAME_SUFFIX = 3
# Other threads say how common a word is once there are this many of them.
MIN_CORPUS_THREADS = 3
_STEMMERS = {"en": "english", "ru": "russian", "az": "turkish", "tr": "turkish"}
_WORDFREQ = {"en": "en", "ru": "ru", "tr": "tr", "az": "tr"}


@dataclass
class Terms:
    """One message's terms, with a surface form for each (to show a phrase as written)."""

    terms: set[str]
    surface: dict[str, str] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)  # frame -> the words that made it
    words: int = 0
    language: str = "en"
    folded: str = ""
    names: set[str] = field(default_factory=set)  # stems of capitalised words inside sentences


def language_of(text: str) -> str:
    """en, ru or az: the detector where it is sure, else the script and letters."""
    code, probability = detect_language(text)
    if code in _STEMMERS and (probability or 0) >= 0.8:
        return "az" if code == "tr" and re.search(r"[əƏ]", text) else code
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    if re.search(r"[əƏğĞıİşŞ]", text):
        return "az"
    return "en"


@lru_cache(maxsize=8)
def _stemmer(language: str):
    import snowballstemmer

    return snowballstemmer.stemmer(_STEMMERS.get(language, "english"))


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for the language, folded (English's too: comments mix)."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    words = set(EN)
    if language == "ru":
        from spacy.lang.ru.stop_words import STOP_WORDS as RU

        words |= RU
    elif language in ("az", "tr"):
        from spacy.lang.az.stop_words import STOP_WORDS as AZ
        from spacy.lang.tr.stop_words import STOP_WORDS as TR

        words |= AZ | TR
    return frozenset(fold(w) for w in words)


def terms_of(text: str | None) -> Terms:
    """The terms of one message (see the module's docstring)."""
    if not text:
        return Terms(set())
    clean = _URL.sub(" ", text)
    language = language_of(clean)
    stop = stop_words(language)
    stemmer = _stemmer(language)
    cyrillic = _stemmer("ru")
    stems: list[str | None] = []
    out = Terms(set(), language=language, folded=fold(clean))
    for found in _WORD.finditer(clean):
        raw = found.group(0)
        word = fold(raw)
        out.words += 1
        if len(word) < MIN_WORD or word in stop:
            stems.append(None)  # a stop word breaks a pair
            continue
        use = cyrillic if re.match(r"[\u0400-\u04ff]", word) else stemmer
        stem = fold(use.stemWord(raw.casefold()))
        stems.append(stem)
        if raw[0].isupper() and not _SENTENCE_START.search(clean[: found.start()]):
            out.names.add(stem)
        out.terms.add(stem)
        out.surface.setdefault(stem, raw.casefold())
    for a, b in itertools.pairwise(stems):
        if a and b and a != b:
            pair = f"{a} {b}"
            out.terms.add(pair)
    out.frames = frames_in(out.folded)
    out.terms.update(FRAME_PREFIX + name for name in out.frames)
    return out


def phrase(term: str, surfaces: Counter[str]) -> str:
    """A term as written most often (`surfaces` counts its written forms)."""
    return surfaces.most_common(1)[0][0] if surfaces else term


class Background:
    """How likely an account of a thread is to use a term without being told to.

    `corpus(term)` is the term's typical share of accounts in the corpus's other
    threads (the median: a campaign that works several threads does not hide
    itself), or None where there are too few threads to say. It weighs words,
    the topic's vocabulary; a frame's background is FRAME_PRIOR, since a claim
    repeated under article after article is what a campaign does."""

    def __init__(
        self,
        article_terms: set[str] | None = None,
        corpus: Callable[[str], float | None] | None = None,
        language: str = "en",
        article_names: set[str] | None = None,
    ) -> None:
        self.article = article_terms or set()
        self.corpus = corpus or (lambda term: None)
        self.language = language
        # the names the article uses (capitalised inside a sentence), for the words
        # made from them: "Azerbaijani" is the article's "Azerbaijan"
        self.names = {n for n in article_names or () if len(n) >= MIN_NAME_ROOT}
        # the frames the article makes itself: topical, not a talking point
        self.frames = {t[len(FRAME_PREFIX) :] for t in self.article if t.startswith(FRAME_PREFIX)}

    def _derived(self, term: str) -> bool:
        """A word made from one of the article's names: the name and up to
        NAME_SUFFIX more letters ("azerbaijan" + "i", "kelmora" + "ns")."""
        if " " in term or term.startswith(FRAME_PREFIX):
            return False
        return any(
            term[:k] in self.names
            for k in range(max(MIN_NAME_ROOT, len(term) - NAME_SUFFIX), len(term))
        )

    def rate(self, term: str, surfaces: list[str], words: float) -> float:
        """The chance that one account, writing `words` words, uses `term` (written
        as `surfaces` in the thread: a stem is as common as its commonest form)."""
        if term.startswith(FRAME_PREFIX):
            return ARTICLE_RATE if term[len(FRAME_PREFIX) :] in self.frames else FRAME_PRIOR
        if term in self.article or self._derived(term):
            return ARTICLE_RATE
        if " " not in term:
            general = max(_general(s, self.language, words) for s in surfaces or [term])
        else:
            first, second = term.split(" ", 1)
            general = _pair_rate(first, second, self.article)
        corpus = self.corpus(term)
        return max(general, corpus or 0.0, FLOOR)


def _general(word: str, language: str, words: float) -> float:
    per_word = _frequency(word, _WORDFREQ.get(language, "en"))
    if language != "en":  # comments mix languages; English words are common in all
        per_word = max(per_word, _frequency(word, "en"))
    return 1.0 - math.exp(-per_word * words * STEM_FORMS)


def _pair_rate(first: str, second: str, article: set[str]) -> float:
    """Two words side by side: rare unless the article uses them both."""
    if first in article and second in article:
        return ARTICLE_RATE / 2
    return FLOOR


@lru_cache(maxsize=200_000)
def _frequency(word: str, language: str) -> float:
    try:
        from wordfreq import word_frequency
    except ImportError:  # pragma: no cover - a dependency; kept working without it
        return 1e-5
    return word_frequency(word, language, wordlist="best", minimum=1e-8)


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): the chance that k of n accounts use a term."""
    from scipy.stats import binom

    if k <= 0:
        return 1.0
    return float(binom.sf(k - 1, n, min(max(p, 1e-12), 1.0)))
