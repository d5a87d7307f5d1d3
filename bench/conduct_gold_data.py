"""Conduct gold set: load the hand-labelled documents in bench/conduct_gold and check them.

    python -m bench.conduct_gold_data      # counts, every problem, exit 1 if any

See bench/conduct_gold/README.md for the labelling rules.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import json
import os
import re
import sys

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conduct_gold")

DOC_KINDS = ("news", "investigation", "court", "ngo-report", "press-release", "interview", "op-ed")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LAW")
PREFIX = {"PERSON": "P-", "ORG": "O-", "GPE": "G-", "LAW": "L-"}
HUMAN_RIGHTS = (
    "detention",
    "imprisonment",
    "political_prisoner",
    "torture",
    "killing",
    "disappearance",
    "forced_labour",
    "raid",
    "due_process",
    "intimidation",
    "press_restriction",
    "rights_abuse",
)
CORRUPTION = ("corruption", "bribery", "money_laundering")
CONTEXT = ("pardon", "sanctions_call")
ACT_KINDS = HUMAN_RIGHTS + CORRUPTION + CONTEXT
CATEGORY = {
    **{k: "human_rights" for k in HUMAN_RIGHTS},
    **{k: "corruption" for k in CORRUPTION},
    **{k: "context" for k in CONTEXT},
}
MODES = ("ordered", "carried_out", "approved", "presided", "failed_to_prevent", "benefited")
QUOTE_KINDS = ("direct", "indirect")
REPLY_KINDS = (
    "denial",
    "no_response",
    "rebuttal",
    "acquittal",
    "charges_dropped",
    "ruling_in_favour",
    "release",
)
PARTS = ("perpetrator", "victim", "source", "advocate", "institution", "other")
SPLITS = ("development", "test")

_ID = re.compile(r"^[POGL]-[a-z0-9]+(?:-[a-z0-9]+)*$")
_DOC_ID = re.compile(r"^c\d{3}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def load(path: str = DEFAULT) -> list[dict]:
    """Every document in PATH/docs, sorted by id."""
    folder = os.path.join(path, "docs")
    docs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                docs.append(json.load(fh))
    return sorted(docs, key=lambda d: d["id"])


def load_entities(path: str = DEFAULT) -> list[dict]:
    """The entity registry: a list of {id, name, type, note}."""
    with open(os.path.join(path, "entities.json"), encoding="utf-8") as fh:
        return json.load(fh)


def split(doc_id: str) -> str:
    """Odd-numbered documents (c001, c003, ...) are development, even-numbered ones test."""
    if not _DOC_ID.match(doc_id):
        raise ValueError(f"not a conduct gold document id: {doc_id!r}")
    return "development" if int(doc_id[1:]) % 2 else "test"


def valid_partial_date(value: str) -> bool:
    """True for YYYY, YYYY-MM and YYYY-MM-DD naming a real date."""
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _registry(entities) -> dict:
    if isinstance(entities, dict):
        return entities
    return {e["id"]: e for e in entities}


def check_entities(entities) -> list[str]:
    """Problems in the registry itself."""
    problems = []
    seen = set()
    rows = list(entities.values()) if isinstance(entities, dict) else list(entities)
    for e in rows:
        eid = e.get("id")
        if eid in seen:
            problems.append(f"entities.json: duplicate id {eid}")
        seen.add(eid)
        if not isinstance(eid, str) or not _ID.match(eid):
            problems.append(f"entities.json: bad id {eid!r}")
            continue
        if e.get("type") not in ENTITY_TYPES:
            problems.append("entities.json: {} has bad type {!r}".format(eid, e.get("type")))
        elif not eid.startswith(PREFIX[e["type"]]):
            problems.append(
                "entities.json: {} prefix does not match type {}".format(eid, e["type"])
            )
        if not e.get("name"):
            problems.append(f"entities.json: {eid} has no name")
        if "note" not in e:
            problems.append(f"entities.json: {eid} has no note")
    return problems


def check(docs: list[dict], entities) -> list[str]:
    """Every problem found in DOCS against the registry ENTITIES (list or dict by id)."""
    reg = _registry(entities)
    problems = check_entities(entities)
    ids = set()
    for doc in docs:
        did = doc.get("id", "?")
        where = did

        def bad(msg, *args, where=where):
            problems.append(f"{where}: {msg % args if args else msg}")

        if not _DOC_ID.match(str(did)):
            bad("bad document id")
            continue
        if did in ids:
            bad("duplicate document id")
        ids.add(did)
        try:
            split(did)
        except ValueError as e:
            bad(str(e))
        for key in (
            "kind",
            "title",
            "published",
            "text",
            "comments",
            "entities",
            "quotes",
            "acts",
            "replies",
            "parts",
        ):
            if key not in doc:
                bad("missing field %s", key)
        if doc.get("kind") not in DOC_KINDS:
            bad("bad kind %r", doc.get("kind"))
        pub = doc.get("published")
        if not (isinstance(pub, str) and len(pub) == 10 and valid_partial_date(pub)):
            bad("published is not a YYYY-MM-DD date: %r", pub)
        text = doc.get("text", "")
        if not isinstance(text, str) or not text:
            bad("empty text")
            continue
        words = len(text.split())
        if not 250 <= words <= 700:
            bad("text has %d words (want 250-700)", words)

        def known(eid, what, types=None):
            if eid is None:
                return
            if eid not in reg:
                bad("%s %r not in entities.json", what, eid)
            elif types and reg[eid]["type"] not in types:
                bad("%s %s is %s, want %s", what, eid, reg[eid]["type"], "/".join(types))

        def in_text(sentence, what, text=text):
            if not isinstance(sentence, str) or not sentence or sentence not in text:
                bad("%s sentence is not in the text: %r", what, str(sentence)[:60])
                return False
            return True

        # mentions
        mentioned = set()
        spans = []
        for m in doc.get("entities", []):
            if m.get("source") != did:
                bad("mention source %r", m.get("source"))
            s, e = m.get("start"), m.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                bad("mention offsets %r-%r", s, e)
                continue
            if text[s:e] != m.get("text"):
                bad("mention text %r != source %r at %d", m.get("text"), text[s:e], s)
            if m.get("label") not in ENTITY_TYPES:
                bad("mention label %r", m.get("label"))
            known(m.get("entity"), "mention entity")
            if m.get("entity") in reg and reg[m["entity"]]["type"] != m.get("label"):
                bad(
                    "mention %r labelled %s but %s is %s",
                    m.get("text"),
                    m.get("label"),
                    m["entity"],
                    reg[m["entity"]]["type"],
                )
            mentioned.add(m.get("entity"))
            spans.append((s, e))
        spans.sort()
        for (a, b), (c, _d) in itertools.pairwise(spans):
            if c < b:
                bad("overlapping mentions at %d and %d", a, c)

        def used(eid, what, mentioned=mentioned):
            if eid is not None and eid not in mentioned:
                bad("%s %s is not mentioned in the document", what, eid)

        # quotes
        for q in doc.get("quotes", []):
            if q.get("source") != did:
                bad("quote source %r", q.get("source"))
            if q.get("kind") not in QUOTE_KINDS:
                bad("quote kind %r", q.get("kind"))
            if not isinstance(q.get("unclear"), bool):
                bad("quote unclear must be true or false")
            elif q["unclear"] and q.get("speaker") is not None:
                bad("quote marked unclear has a speaker")
            known(q.get("speaker"), "quote speaker")
            used(q.get("speaker"), "quote speaker")
            if in_text(q.get("sentence"), "quote") and (
                not q.get("text") or q["text"] not in q["sentence"]
            ):
                bad("quote text not inside its sentence: %r", str(q.get("text"))[:60])
        # acts
        for a in doc.get("acts", []):
            if a.get("source") != did:
                bad("act source %r", a.get("source"))
            kind = a.get("kind")
            if kind not in ACT_KINDS:
                bad("act kind %r", kind)
            elif a.get("category") != CATEGORY[kind]:
                bad("act %s has category %r, want %s", kind, a.get("category"), CATEGORY[kind])
            mode = a.get("mode")
            if mode is not None and mode not in MODES:
                bad("act mode %r", mode)
            if kind in CONTEXT and mode is not None:
                bad("context act %s has a mode", kind)
            if kind in ACT_KINDS and kind not in CONTEXT and mode is None:
                bad("act %s has no mode", kind)
            known(a.get("actor"), "act actor", ("PERSON", "ORG", "GPE"))
            known(a.get("target"), "act target", ("PERSON", "ORG", "GPE"))
            known(a.get("place"), "act place", ("GPE",))
            for w in ("actor", "target", "place"):
                used(a.get(w), "act " + w)
            if in_text(a.get("sentence"), "act"):
                if not a.get("trigger") or a["trigger"] not in a["sentence"]:
                    bad("act trigger not inside its sentence: %r", a.get("trigger"))
                if a.get("time") is not None and a["time"] not in a["sentence"]:
                    bad("act time not inside its sentence: %r", a.get("time"))
            if (a.get("time") is None) != (a.get("date") is None):
                bad(
                    "act time %r and date %r must both be set or both be null",
                    a.get("time"),
                    a.get("date"),
                )
            if a.get("date") is not None and not valid_partial_date(a["date"]):
                bad("act date %r is not an ISO partial date", a["date"])
            if a.get("date") and isinstance(pub, str) and a["date"] > pub:
                bad("act date %s is after publication %s", a["date"], pub)
        # replies
        for r in doc.get("replies", []):
            if r.get("source") != did:
                bad("reply source %r", r.get("source"))
            if r.get("kind") not in REPLY_KINDS:
                bad("reply kind %r", r.get("kind"))
            if r.get("subject") is None:
                bad("reply without subject")
            known(r.get("subject"), "reply subject")
            known(r.get("speaker"), "reply speaker")
            used(r.get("subject"), "reply subject")
            used(r.get("speaker"), "reply speaker")
            if r.get("kind") == "no_response" and r.get("speaker") is not None:
                bad("no_response reply has a speaker")
            in_text(r.get("sentence"), "reply")
        # parts
        parts = doc.get("parts", {})
        for eid, part in parts.items():
            known(eid, "part entity", ("PERSON", "ORG"))
            if part not in PARTS:
                bad("part %r for %s", part, eid)
            if eid not in mentioned:
                bad("part for %s, which is not mentioned", eid)
        for eid in sorted(mentioned):
            if eid in reg and reg[eid]["type"] in ("PERSON", "ORG") and eid not in parts:
                bad("no part for %s", eid)
    present = {split(d) for d in ids}
    for s in SPLITS:
        if docs and s not in present:
            problems.append(f"split {s} has no documents")
    return problems


def counts(docs: list[dict]) -> dict:
    """Counts over DOCS for the report."""
    c = collections.OrderedDict()
    c["documents"] = len(docs)
    c["documents by split"] = collections.Counter(split(d["id"]) for d in docs)
    c["documents by kind"] = collections.Counter(d["kind"] for d in docs)
    c["documents by kind and split"] = collections.Counter(
        "{}/{}".format(d["kind"], split(d["id"])) for d in docs
    )
    c["words"] = sum(len(d["text"].split()) for d in docs)
    c["mentions"] = collections.Counter(m["label"] for d in docs for m in d["entities"])
    c["acts by kind"] = collections.Counter(a["kind"] for d in docs for a in d["acts"])
    c["acts by mode"] = collections.Counter(str(a["mode"]) for d in docs for a in d["acts"])
    c["acts by category"] = collections.Counter(a["category"] for d in docs for a in d["acts"])
    c["acts with actor"] = sum(1 for d in docs for a in d["acts"] if a["actor"])
    c["acts with date"] = sum(1 for d in docs for a in d["acts"] if a["date"])
    c["quotes"] = collections.Counter(q["kind"] for d in docs for q in d["quotes"])
    c["quotes with null speaker"] = collections.Counter(
        "unclear" if q["unclear"] else "unnamed"
        for d in docs
        for q in d["quotes"]
        if q["speaker"] is None
    )
    c["replies by kind"] = collections.Counter(r["kind"] for d in docs for r in d["replies"])
    c["parts"] = collections.Counter(p for d in docs for p in d["parts"].values())
    return c


def main(argv=None) -> int:
    path = (argv or sys.argv[1:] or [DEFAULT])[0]
    docs = load(path)
    entities = load_entities(path)
    print(f"entities in registry: {len(entities)}")
    for key, value in counts(docs).items():
        if isinstance(value, collections.Counter):
            total = sum(value.values())
            listed = ", ".join(f"{k} {n}" for k, n in sorted(value.items()))
            print(f"{key} ({total}): {listed}")
        else:
            print(f"{key}: {value}")
    problems = check(docs, entities)
    for p in problems:
        print("PROBLEM", p)
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
