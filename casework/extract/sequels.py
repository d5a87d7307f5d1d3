"""Acts a document reports in pieces: one sentence names who, another whom.

Reporting rarely names actor and victim in one clause. "The search warrant was
approved by Judge X" names the judge and refers back, by its definite article,
to a search the article reported paragraphs earlier, whose victim it named then;
"X presided over the trial at which Y was sentenced" names the judge in one
clause and the defendant in another. Read clause by clause, each gives half an
act. This module joins the halves, once a document's acts are all known:

- in one sentence, an act with an actor and no victim and an act of the same kind
  with a victim and no actor are one act;
- an act with an actor and no victim whose word is a definite reference ("the
  search", "the raids", "that operation") is the act of that kind the document
  reported last with a victim, and gets its victims;
- no one is their own victim: a target that is the actor (a pronoun bound to the
  wrong name) is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from casework.extract.model import Act
from casework.store.ids import make_id

DEFINITE = frozenset("the that this these those its their".split())


def complete(acts: list[Act]) -> list[Act]:
    """The document's acts, halves joined (see the module's docstring), in their order."""
    acts = [_not_self(a) for a in acts]
    acts = _same_sentence(acts)
    return _referred_back(acts)


def _not_self(act: Act) -> Act:
    if act.actor and act.target and _same(act.actor, act.target):
        return replace(act, target=None, target_mention_id=None)
    return act


def _same(a: str, b: str) -> bool:
    return a.casefold().removeprefix("the ") == b.casefold().removeprefix("the ")


def _same_sentence(acts: list[Act]) -> list[Act]:
    out: list[Act] = []
    absorbed: set[str] = set()
    for act in acts:
        if act.actor is None or act.target is not None:
            continue
        halves = [
            other
            for other in acts
            if other.actor is None
            and other.target is not None
            and other.kind == act.kind
            and other.document_id == act.document_id
            and other.sentence_start == act.sentence_start
        ]
        for other in halves:
            absorbed.add(other.id)
    for act in acts:
        if act.id in absorbed:
            continue
        if act.actor is not None and act.target is None:
            halves = [
                o
                for o in acts
                if o.id in absorbed
                and o.kind == act.kind
                and o.document_id == act.document_id
                and o.sentence_start == act.sentence_start
            ]
            if halves:
                out.extend(_with_victim(act, o) for o in halves)
                continue
        out.append(act)
    return out


def _referred_back(acts: list[Act]) -> list[Act]:
    out: list[Act] = []
    for act in acts:
        if act.actor is None or act.target is not None or not _definite(act):
            out.append(act)
            continue
        earlier = [
            o
            for o in acts
            if o.document_id == act.document_id
            and o.kind == act.kind
            and o.target is not None
            and o.sentence_start < act.sentence_start
        ]
        if not earlier:
            out.append(act)
            continue
        last = max(o.sentence_start for o in earlier)
        victims = {}
        for o in earlier:
            if o.sentence_start == last:
                victims.setdefault(o.target.casefold(), o)
        out.extend(_with_victim(act, o) for o in victims.values())
    return out


def _definite(act: Act) -> bool:
    """Whether the act's word is a definite reference: "the search warrant"."""
    before = act.sentence[: act.start - act.sentence_start].split()
    return bool(before) and before[-1].casefold() in DEFINITE


def _with_victim(act: Act, other: Act) -> Act:
    """The act with the other half's victim, under the id the whole act would have had."""
    return replace(
        act,
        id=make_id("act", act.document_id, act.start, act.kind, other.target, act.actor),
        target=other.target,
        target_mention_id=other.target_mention_id,
    )
