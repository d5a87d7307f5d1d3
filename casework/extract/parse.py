"""Small readings of spaCy's dependency parse that several extractors share."""

from __future__ import annotations

from spacy.tokens import Token


def is_verb(token: Token) -> bool:
    """A verb or auxiliary by its part of speech or its tag (the tagger and the parser
    sometimes disagree)."""
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return True
    # The parser gave it a verb's dependents where the tagger said noun: "asked the
    # United States to sanction X" ("to" as its auxiliary and X as its object).
    return token.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "ROOT") and any(
        c.dep_ in ("aux", "auxpass") for c in token.children
    )


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of these prepositions on a token, with their conjuncts."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend([obj, *obj.conjuncts])
    return out


def prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The first object of one of these prepositions (or a "by" agent) on a token."""
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None
