"""Assemble one subject's case file from what earlier stages stored.

Reads only tables: resolution (entities, entity_mentions), extraction (mentions,
positions, quotes, acts), ingest (documents, comments, document_groups), entity
screening and the stored coordination run. Nothing is inferred here that a
stage did not store, with two exceptions that are rules of the case file and are
stated in it:

- an act whose source names no perpetrator, alleged in a country where the
  subject holds office, is listed as "in the subject's jurisdiction" with that
  basis (a submission argues command responsibility; the file says it is not
  an allegation naming the subject);
- sources are independent when they are neither near-duplicates (reprints) of
  one another nor from the same outlet; reader comments are not sources.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any, Literal

from followthemoney.types import registry

from casework import __version__
from casework.casefile.model import Act as ActItem
from casework.casefile.model import (
    AnalystDecision,
    CaseFile,
    Citation,
    CommentCite,
    Conduct,
    Discourse,
    Finding,
    ListHit,
    Name,
    Provenance,
    Quote,
    Reply,
    Role,
    Screening,
    Source,
    Subject,
)
from casework.casefile.parts import Evidence as PartEvidence
from casework.casefile.parts import part_of
from casework.coordination import store as coordination
from casework.coordination.model import Campaign, Evidence, Network, TalkingPoint
from casework.coordination.pseudonyms import pseudonym, replace_names
from casework.coordination.text import normalise
from casework.ingest.catalog import account_key
from casework.names.forms import script
from casework.names.offices import holds_state_office, is_state_body
from casework.screen.decisions import decisions_for
from casework.screen.entities import HIT_STATUSES
from casework.store.backend import Backend

REQUIRES = (
    "entities",
    "entity_mentions",
    "mentions",
    "positions",
    "quotes",
    "acts",
    "replies",
    "documents",
    "comments",
    "document_groups",
    "screened_entities",
    "entity_screening",
    *coordination.PRODUCES,
)
PRODUCES: tuple[str, ...] = ()  # files in the output folder, no tables

# Weight of evidence, for ranking subjects in the report; each part is shown there.
WEIGHTS = {"conduct": 3.0, "jurisdiction": 1.0, "sources": 1.0, "list_hit": 2.0, "quotes": 0.5}
SAMPLE_COMMENTS = 3
# A campaign shows one comment per member, up to this many.
CAMPAIGN_COMMENTS = 12

_MENTIONS = """
SELECT m.id, m.document_id, m.comment_id, m.segment_kind, m.label, m.text, m.span_start,
       m.span_end
FROM entity_mentions em JOIN mentions m ON m.id = em.mention_id
WHERE em.entity_id = ? ORDER BY m.document_id, m.span_start
"""
_POSITIONS = """
SELECT p.document_id, p.role, p.organisation, p.sentence, p.sentence_start, m.segment_kind,
       m.comment_id
FROM entity_mentions em JOIN positions p ON p.mention_id = em.mention_id
JOIN mentions m ON m.id = p.mention_id
WHERE em.entity_id = ? ORDER BY p.document_id, p.span_start
"""
_ACTS = """
SELECT a.*, CASE WHEN em.mention_id = a.actor_mention_id THEN 'actor' ELSE 'target' END AS part,
       s.kind AS segment_kind, s.comment_id
FROM acts a JOIN entity_mentions em
  ON em.mention_id = a.actor_mention_id OR em.mention_id = a.target_mention_id
JOIN segments s ON s.document_id = a.document_id AND s.seq = a.segment
WHERE em.entity_id = ? ORDER BY a.document_id, a.span_start
"""
# Acts whose source names no perpetrator, in the documents that name the subject.
_UNATTRIBUTED = """
SELECT a.*, 'context' AS part, s.kind AS segment_kind, s.comment_id FROM acts a
JOIN segments s ON s.document_id = a.document_id AND s.seq = a.segment
WHERE a.actor IS NULL AND a.actor_mention_id IS NULL AND a.category <> 'context'
  AND a.document_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY a.document_id, a.span_start
"""
# Exculpatory information tied to the subject (extract.replies), report text only.
_REPLIES = """
SELECT r.*, s.kind AS segment_kind, s.comment_id FROM replies r
JOIN segments s ON s.document_id = r.document_id AND s.seq = r.segment
JOIN entity_mentions em ON em.mention_id = r.subject_mention_id
WHERE em.entity_id = ? AND s.kind NOT IN ('comment', 'post')
ORDER BY r.document_id, r.span_start
"""
_PLACES = """
SELECT document_id, text, span_start FROM mentions
WHERE label = 'PLACE' AND document_id IN (SELECT unnest(?::VARCHAR[]))
"""
_QUOTES_BY = """
WITH mine AS (
    SELECT em.mention_id, em.document_id, lower(m.text) AS text
    FROM entity_mentions em JOIN mentions m ON m.id = em.mention_id WHERE em.entity_id = ?
)
SELECT DISTINCT q.*, s.kind AS segment_kind, s.comment_id FROM quotes q
JOIN segments s ON s.document_id = q.document_id AND s.seq = q.segment
JOIN mine
  ON mine.mention_id = q.speaker_mention_id
  OR (q.speaker_mention_id IS NULL AND mine.document_id = q.document_id
      AND mine.text = lower(q.speaker))
ORDER BY q.document_id, q.span_start
"""
# Quotes by someone else whose words, or whose sentence, name the subject.
_QUOTES_ABOUT = """
SELECT DISTINCT q.*, s.kind AS segment_kind, s.comment_id FROM quotes q
JOIN segments s ON s.document_id = q.document_id AND s.seq = q.segment
JOIN entity_mentions em ON em.document_id = q.document_id AND em.entity_id = ?
JOIN mentions m ON m.id = em.mention_id
WHERE m.span_start >= q.sentence_start AND m.span_end <= q.sentence_start + length(q.sentence)
  AND (q.speaker_mention_id IS NULL OR q.speaker_mention_id NOT IN (
        SELECT mention_id FROM entity_mentions WHERE entity_id = ?))
ORDER BY q.document_id, q.span_start
"""
_DOCUMENTS = """
SELECT d.id, d.title, d.site, d.authors, d.published, coalesce(d.canonical_url, d.source_url)
       AS url, d.source, d.sha256, d.captured_at, d.ingested_at,
       coalesce(g.canonical_id, d.id) AS grp
FROM documents d LEFT JOIN document_groups g ON g.document_id = d.id
WHERE d.id IN (SELECT unnest(?::VARCHAR[]))
"""
_COMMENTS = f"""
SELECT c.id, c.document_id, {account_key("c")} AS account, c.text, c.published_at,
       c.span_start, c.span_end, c.kind
FROM comments c WHERE c.document_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY c.document_id, c.position
"""


def assemble(
    backend: Backend,
    entity_id: str,
    generated_at: datetime,
    workspace: str = "",
    network: Network | Literal["load"] | None = "load",
    pseudonyms: bytes | None = None,
) -> CaseFile:
    """The case file of one resolved person or organisation (an `entities` id).

    `network` is the stored coordination run; a caller assembling many case files
    loads it once (coordination.store.load) and passes it, None when there is none.
    With `pseudonyms` (a workspace's key, casework.coordination.pseudonyms), the
    accounts of the discourse section are shown as pseudonyms."""
    if network == "load":
        network = coordination.load(backend)
    row = backend.query("SELECT * FROM entities WHERE id = ?", [entity_id])[0]
    subject = Subject(
        id=row["id"],
        name=row["name"],
        label=row["label"],
        schema=row["schema"],  # Person or Organization: resolve.model.SCHEMATA
        mentions=row["mentions"],
        documents=row["documents"],
    )
    mentions = backend.query(_MENTIONS, [entity_id])
    documents = sorted({m["document_id"] for m in mentions})
    roles = _roles(backend, entity_id)
    offices = _offices(subject, roles)
    places = _places(backend, documents)
    quoted = _quote_index(backend, documents)
    acts = [_act(a, places, quoted) for a in backend.query(_ACTS, [entity_id])]
    own = {a.id for a in acts}
    context = [
        item
        for a in backend.query(_UNATTRIBUTED, [documents])
        if a["id"] not in own  # an act done to the subject is never its jurisdiction's
        and (item := _act(a, places, quoted)).places
        and not item.in_comment
        and set(_countries(item.places)) & set(offices)
    ]
    for item in context:
        where = ", ".join(p for p in item.places if set(_countries([p])) & set(offices))
        held = "; ".join(
            sorted({r.role for r in roles if set(r.countries) & set(offices)}) or [subject.name]
        )
        item.basis = f"alleged in {where}, where the subject holds office as {held}"
    calls = [a for a in acts if a.kind == "sanctions_call" and a.part == "actor"]
    named_in_calls = [a for a in acts if a.kind == "sanctions_call" and a.part == "target"]
    doc_rows = {
        d["id"]: d
        for d in backend.query(
            _DOCUMENTS, [_cited_documents(acts, context, named_in_calls) + documents]
        )
    }
    for item in calls + named_in_calls:
        item.reported = _day(doc_rows.get(item.citation.document_id, {}).get("published"))
    # A call for sanctions is context, never conduct: it is listed apart.
    conduct = _conduct([a for a in acts if a.part == "actor" and a.category != "context"], doc_rows)
    conduct += _conduct(context, doc_rows)
    said = [_quote(q) for q in backend.query(_QUOTES_BY, [entity_id])]
    said_ids = {(q.citation.document_id, q.citation.start, q.text) for q in said}
    said_about = [
        quote
        for q in backend.query(_QUOTES_ABOUT, [entity_id, entity_id])
        if ((quote := _quote(q)).citation.document_id, quote.citation.start, quote.text)
        not in said_ids
    ]
    case = CaseFile(
        subject=subject,
        names=_names(mentions),
        roles=roles,
        affiliations=sorted({r.organisation for r in roles if r.organisation}),
        conduct=conduct,
        suffered=[
            a for a in acts if a.part == "target" and a.category in ("human_rights", "corruption")
        ],
        said=said,
        said_about=said_about,
        screening=_screening(backend, entity_id),
        discourse=_pseudonymous(_discourse(backend, documents, network), pseudonyms),
        sources={},
        provenance=_provenance(backend, generated_at, workspace, network),
    )
    case.calls, case.named_in_calls = calls, named_in_calls
    case.exculpatory = [_reply(r) for r in backend.query(_REPLIES, [entity_id])]
    case.part = part_of(_evidence(mentions, case), subject.schema)
    case.sources = _sources(case, backend)
    case.weight = weigh(case)
    return case


def _evidence(mentions: list[dict[str, Any]], case: CaseFile) -> PartEvidence:
    """What the case file holds about the subject, counted for casefile.parts."""
    evidence = PartEvidence()
    for m in mentions:
        evidence.add_mention(m["segment_kind"])
    for role in case.roles:
        evidence.add_role(role.role)
    for conduct in case.conduct:
        for act in conduct.acts:
            if act.part == "actor":
                evidence.add_act("actor", act.kind, act.category, act.in_comment)
    for act in case.suffered:
        evidence.add_act("target", act.kind, act.category, act.in_comment)
    evidence.jurisdiction = sum(
        1 for c in case.conduct for a in c.acts if a.part == "context" and not a.in_comment
    )
    for act in case.calls:
        evidence.add_act("actor", act.kind, act.category, act.in_comment)
    for quote in case.said:
        if quote.citation.part not in ("comment", "post"):
            evidence.add_quote()
    for reply in case.exculpatory:
        evidence.add_reply(reply.kind)
    return evidence


def _reply(row: dict[str, Any]) -> Reply:
    return Reply(
        kind=row["kind"],
        speaker=row["speaker"],
        citation=_sentence_citation(row),
    )


def _offices(subject: Subject, roles: list[Role]) -> list[str]:
    """The countries where the subject holds a state office: from its roles in a state
    ("Azerbaijani President"), or, for a body, from its name when it is a state body
    ("the Azerbaijani Interior Ministry"). Never from where a source is based."""
    if subject.schema == "Person":
        held = [r for r in roles if holds_state_office([r.role]) and not _past(r.role)]
        return sorted({c for r in held for c in _countries([_home(r.role)])})
    if is_state_body(subject.name):
        return _countries([subject.name])
    return []


def weigh(case: CaseFile) -> dict[str, float]:
    """Weight of evidence, in parts the report shows: independent sources behind
    each alleged act naming the subject count most; acts in its jurisdiction, the
    sources naming it, a list hit and its quotations add less."""
    documents = [{"grp": s.group, "site": s.site} for s in case.sources.values()]
    parts = {
        "conduct": sum(c.sources for c in case.conduct if c.acts[0].part == "actor"),
        "jurisdiction": sum(c.sources for c in case.conduct if c.acts[0].part == "context"),
        "sources": independent(documents),
        "list_hit": float(bool(case.screening.hits)),
        "quotes": len(case.said) + len(case.said_about),
    }
    parts = {k: float(v) for k, v in parts.items()}
    parts["total"] = round(sum(WEIGHTS[k] * v for k, v in parts.items()), 2)
    return parts


def _sentence_citation(row: dict[str, Any]) -> Citation:
    """The whole sentence a stored row (role, act, quotation, reply) stands in."""
    return _citation(
        row["document_id"],
        row["sentence_start"],
        row["sentence"],
        row["segment_kind"],
        row["comment_id"],
    )


def _citation(document_id: str, start: int, quote: str, part: str, comment_id: str | None):
    return Citation(document_id, start, start + len(quote), quote, part, comment_id)


def _names(mentions: list[dict[str, Any]]) -> list[Name]:
    first: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        first.setdefault(m["text"], m)
        counts[m["text"]] += 1
    names = [
        Name(
            text=text,
            script=script(text).title(),
            mentions=counts[text],
            citation=Citation(
                m["document_id"],
                m["span_start"],
                m["span_end"],
                m["text"],
                m["segment_kind"],
                m["comment_id"],
            ),
        )
        for text, m in first.items()
    ]
    names.sort(key=lambda n: (-n.mentions, n.text))
    return names


def _roles(backend: Backend, entity_id: str) -> list[Role]:
    seen: set[tuple[str, str | None, str]] = set()
    roles: list[Role] = []
    for p in backend.query(_POSITIONS, [entity_id]):
        key = (p["role"].casefold(), p["organisation"], p["document_id"])
        if key in seen:
            continue
        seen.add(key)
        roles.append(
            Role(
                role=p["role"],
                organisation=p["organisation"],
                countries=_countries([p["role"], p["organisation"] or ""]),
                citation=_sentence_citation(p),
            )
        )
    return roles


# A role held no longer, or once: "former ambassador", "ex-minister", "then a judge".
PAST_WORDS = frozenset("former ex ex- retired onetime one-time erstwhile late then".split())


def _past(role: str) -> bool:
    words = role.replace("-", "- ").casefold().split()
    return any(w in PAST_WORDS for w in words)


def _home(role: str) -> str:
    """The part of a role that names the state it is held in: "US Ambassador to
    Azerbaijan" is held for the US; the country after "to" is where it is posted."""
    return role.split(" to ")[0]


def _countries(texts: list[str]) -> list[str]:
    """Country codes named in some words ("Azerbaijani President" -> az), through
    followthemoney's country type, which knows names, demonyms and capitals.

    Only spans that are names are looked up: capitalised words, and a code only when
    written in capitals ("US", "UK"). A lower-case word is never a country, so "at",
    "to" and "as" are not Austria, Tonga and American Samoa."""
    found: set[str] = set()
    for text in texts:
        words = text.replace(",", " ").split()
        spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, i + 4)]
        for span in spans:
            if not _name_like(span):
                continue
            code = registry.country.clean_text(span)
            if code:
                found.add(code)
    return sorted(found)


def _name_like(span: str) -> bool:
    words = span.split()
    if not all(w[:1].isupper() for w in words if w.casefold() not in ("of", "the", "and")):
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return len(span) > 3 or span.isupper()


def _places(backend: Backend, documents: list[str]) -> dict[str, list[tuple[int, str]]]:
    by_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in backend.query(_PLACES, [documents]):
        by_doc[row["document_id"]].append((row["span_start"], row["text"]))
    return by_doc


def _quote_index(backend: Backend, documents: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = backend.query(
        "SELECT document_id, speaker, speaker_text, span_start, span_end, sentence_start "
        "FROM quotes WHERE document_id IN (SELECT unnest(?::VARCHAR[]))",
        [documents],
    )
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_doc[row["document_id"]].append(row)
    return by_doc


def _act(
    row: dict[str, Any],
    places: dict[str, list[tuple[int, str]]],
    quoted: dict[str, list[dict[str, Any]]],
) -> ActItem:
    start, sentence = row["sentence_start"], row["sentence"]
    named = places.get(row["document_id"], [])
    in_sentence = sorted({text for at, text in named if start <= at < start + len(sentence)})
    speaker = next(
        (
            q["speaker"] or q["speaker_text"]
            for q in quoted.get(row["document_id"], [])
            if q["sentence_start"] == start or q["span_start"] <= row["span_start"] < q["span_end"]
        ),
        None,
    )
    return ActItem(
        id=row["id"],
        kind=row["kind"],
        category=row["category"],
        trigger=row["trigger"],
        part=row["part"],
        actor=row["actor"],
        target=row["target"],
        date=row.get("date") or row["time_text"],
        reported=None,
        places=in_sentence,
        said_by=speaker,
        in_comment=row["segment_kind"] in ("comment", "post"),
        citation=_sentence_citation(row),
        mode=row.get("mode"),
        mode_cue=row.get("mode_cue"),
        date_text=row["time_text"],
        date_basis=row.get("date_basis"),
    )


def _cited_documents(*groups: list[ActItem]) -> list[str]:
    return sorted({a.citation.document_id for group in groups for a in group})


def _conduct(acts: list[ActItem], docs: dict[str, dict[str, Any]]) -> list[Conduct]:
    """Group acts by kind and target; count the independent sources behind each."""
    groups: dict[tuple[str, str, str | None, str], list[ActItem]] = defaultdict(list)
    for act in acts:
        doc = docs.get(act.citation.document_id, {})
        act.reported = _day(doc.get("published"))
        groups[(act.category, act.kind, (act.target or "").casefold() or None, act.part)].append(
            act
        )
    conduct = []
    for (category, kind, _, _), members in groups.items():
        reporting = [docs[a.citation.document_id] for a in members if not a.in_comment]
        conduct.append(Conduct(kind, category, members[0].target, members, independent(reporting)))
    conduct.sort(key=lambda c: (c.category, -c.sources, c.kind, c.target or ""))
    return conduct


def independent(documents: list[dict[str, Any]]) -> int:
    """How many of these documents are independent sources: a reprint (same
    near-duplicate group) or another article of the same outlet adds none."""
    groups: set[str] = set()
    sites: set[str] = set()
    count = 0
    for doc in documents:
        if doc["grp"] in groups or (doc["site"] and doc["site"] in sites):
            groups.add(doc["grp"])
            continue
        count += 1
        groups.add(doc["grp"])
        if doc["site"]:
            sites.add(doc["site"])
    return count


def _quote(q: dict[str, Any]) -> Quote:
    basis = q.get("speaker_basis") or "named"
    return Quote(
        speaker=q["speaker"] or (q["speaker_text"] if basis != "unclear" else "speaker unclear"),
        text=q["text"],
        kind=q["kind"],
        cue=q["cue"],
        citation=_sentence_citation(q),
        confidence=q.get("confidence") if q.get("confidence") is not None else 1.0,
        basis=basis,
    )


def _screening(backend: Backend, entity_id: str) -> Screening:
    """The subject's stored screening results with the analysts' decisions in force now.

    Decisions are read here, not only when screening ran, so a `casework decide`
    changes the next case file and report without screening again; a result ruled
    out stays on the record under its own heading, with who ruled it and why.
    """
    lists = {
        r["name"]: r["version"] for r in backend.query("SELECT name, version FROM list_datasets")
    }
    row = backend.query("SELECT * FROM screened_entities WHERE entity_id = ?", [entity_id])
    if not row:
        reason = "this subject was not screened; run `casework build` with lists loaded"
        return Screening(False, reason, [], lists, [], [])
    screened = row[0]
    decisions = _decisions(backend, list(screened["queries"]))
    results = []
    for r in backend.query(
        "SELECT s.*, l.properties FROM entity_screening s LEFT JOIN list_entities l "
        "ON l.dataset = s.dataset AND l.id = s.list_entity_id "
        "WHERE s.entity_id = ? ORDER BY s.score DESC, s.list_entity_id",
        [entity_id],
    ):
        explanation = json.loads(r["explanation"])
        decision = decisions.get(r["list_entity_id"])
        scored = explanation.get("scored_status") or r["status"]
        results.append(
            ListHit(
                dataset=r["dataset"],
                list_version=r["list_version"],
                list_entity_id=r["list_entity_id"],
                caption=r["caption"],
                schema=r["schema"],
                programs=list(r["programs"]),
                listing_dates=list(r["listing_dates"]),
                query=r["query"],
                matched_name=r["matched_name"],
                score=r["score"],
                status=DECIDED_STATUS[decision.verdict] if decision else scored,
                decision=decision,
                explanation=explanation["summary"],
                identifiers=_identifiers(r.get("properties")),
            )
        )
    return Screening(
        screened=screened["skipped"] is None,
        skipped=screened["skipped"],
        queries=list(screened["queries"]),
        lists=json.loads(screened["lists"]),
        hits=[r for r in results if r.status in HIT_STATUSES],
        possible=[r for r in results if r.status == "review"],
        ruled_out=[r for r in results if r.status == "ruled out"],
    )


# What an analyst's verdict makes of a result.
DECIDED_STATUS = {"same": "confirmed", "different": "ruled out", "unsure": "review"}


def _decisions(backend: Backend, queries: list[str]) -> dict[str, AnalystDecision]:
    """The latest decision in force per list entry over every name the subject was
    screened under (a decision taken on any spelling of the subject applies)."""
    latest: dict[str, dict[str, Any]] = {}
    for query in queries:
        for list_id, row in decisions_for(backend, query).items():
            if list_id not in latest or row["created_at"] > latest[list_id]["created_at"]:
                latest[list_id] = row
    return {
        list_id: AnalystDecision(
            verdict=row["verdict"],
            user=row["user_name"],
            at=row["created_at"].astimezone(UTC).isoformat(timespec="seconds"),
            note=row["note"],
        )
        for list_id, row in latest.items()
    }


# List-entry properties a submission sets beside the subject's own details.
IDENTIFIER_PROPERTIES = {
    "birthDate": "born",
    "birthPlace": "place of birth",
    "nationality": "nationality",
    "citizenship": "citizenship",
    "passportNumber": "passport",
    "idNumber": "national id",
    "taxNumber": "tax id",
    "registrationNumber": "registration",
    "alias": "aliases",
}


def _identifiers(properties: str | dict[str, Any] | None) -> dict[str, list[str]]:
    if not properties:
        return {}
    props = json.loads(properties) if isinstance(properties, str) else properties
    return {
        label: [str(v) for v in props[prop]]
        for prop, label in IDENTIFIER_PROPERTIES.items()
        if props.get(prop)
    }


def _discourse(backend: Backend, documents: list[str], network: Network | None) -> list[Discourse]:
    """Coordination findings among the comments under each of the subject's sources."""
    comments = backend.query(_COMMENTS, [documents]) if network is not None else []
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in comments:
        by_doc[c["document_id"]].append(c)
    flagged = [a for a in network.accounts if a.flags] if network is not None else []
    out = []
    for document_id in documents:
        rows = by_doc.get(document_id, [])
        if not rows or network is None:
            continue
        by_id = {r["id"]: r for r in rows}
        here = {r["account"] for r in rows if r["account"]}
        findings = _campaigns(network.campaigns, document_id, by_id)
        findings += _talking_points(network.talking_points, rows)
        findings += [
            Finding(
                kind="link",
                summary=f"{link.a} and {link.b} posted alike: {link.reason}",
                accounts=[link.a, link.b],
                comments=[
                    _comment(by_id[m])
                    for m in _messages(link.evidence, by_id)
                    or [r["id"] for r in rows if r["account"] in (link.a, link.b)][:2]
                ],
            )
            for link in network.links
            if link.a in here and link.b in here
        ]
        findings += [
            Finding(
                kind="account",
                summary=f"{account.id}: {account.reason}",
                accounts=[account.id],
                comments=[_comment(by_id[m]) for m in messages],
            )
            for account in flagged
            if account.id in here and (messages := _messages(account.evidence, by_id))
        ]
        out.append(Discourse(document_id, len(rows), len(here), findings))
    return out


def _messages(evidence: list[Evidence], here: dict[str, Any]) -> list[str]:
    """The ids of the messages behind some evidence that stand under this document."""
    ids = [m for e in evidence for m in (e.message_a, e.message_b) if m in here]
    return list(dict.fromkeys(ids))[:SAMPLE_COMMENTS]


def _comment(row: dict[str, Any]) -> CommentCite:
    return CommentCite(
        account=row["account"] or "",
        text=row["text"],
        published=row["published_at"].isoformat() if row["published_at"] else None,
        citation=_citation(
            row["document_id"], row["span_start"], row["text"], row["kind"], row["id"]
        ),
    )


def _pseudonymous(discourse: list[Discourse], key: bytes | None) -> list[Discourse]:
    """The discourse with every account shown as its pseudonym (the comments' text and
    citations stay: they link back to the workspace, which keeps the names)."""
    if key is None:
        return discourse
    for d in discourse:
        for f in d.findings:
            names = {a: pseudonym(a, key) for a in f.accounts}
            names |= {c.account: pseudonym(c.account, key) for c in f.comments}
            f.accounts = [names[a] for a in f.accounts]
            f.summary = replace_names(f.summary, names)
            f.comments = [dataclasses.replace(c, account=names[c.account]) for c in f.comments]
    return discourse


def _campaigns(campaigns: list[Campaign], document_id: str, here: dict[str, Any]) -> list[Finding]:
    """The campaigns in this document's comment section (casework.coordination.waves),
    in neutral words, with the comments that put each account there."""
    found = []
    for c in campaigns:
        ids = [m["id"] for member in c.members for m in member.messages if m["id"] in here]
        if c.thread != document_id and not ids:
            continue
        points = f" Talking points: {'; '.join(c.talking_points)}." if c.talking_points else ""
        found.append(
            Finding(
                kind="campaign",
                summary=f"Accounts that pushed these talking points: {c.reason}.{points}",
                accounts=list(c.accounts),
                comments=[_comment(here[i]) for i in list(dict.fromkeys(ids))[:CAMPAIGN_COMMENTS]],
            )
        )
    return found


def _talking_points(points: list[TalkingPoint], rows: list[dict[str, Any]]) -> list[Finding]:
    keys = {r["id"]: normalise(r["text"] or "") for r in rows}
    found = []
    for point in points:
        wording = normalise(point.text)
        carriers = [
            r
            for r in rows
            if r["id"] in point.examples
            or (r["account"] in point.accounts and keys[r["id"]] == wording)
        ]
        accounts = sorted({r["account"] for r in carriers})
        if len(accounts) < 2:
            continue
        found.append(
            Finding(
                kind="talking_point",
                summary=(
                    f"{len(accounts)} accounts post the same talking point here "
                    f"({point.messages} messages by {len(point.accounts)} accounts in "
                    f"the workspace): {point.reason}"
                ),
                accounts=accounts,
                comments=[_comment(r) for r in carriers[:SAMPLE_COMMENTS]],
            )
        )
    return found


def _sources(case: CaseFile, backend: Backend) -> dict[str, Source]:
    cited = [c.document_id for c in case.citations()]
    order = list(dict.fromkeys(cited + [d.document_id for d in case.discourse]))
    rows = {r["id"]: r for r in backend.query(_DOCUMENTS, [order])}
    sources = {}
    for number, document_id in enumerate(order, start=1):
        r = rows[document_id]
        sources[document_id] = Source(
            document_id=document_id,
            ref=f"S{number}",
            title=r["title"] or r["source"].rsplit("/", 1)[-1],
            site=r["site"],
            authors=list(r["authors"] or []),
            published=_day(r["published"]),
            url=r["url"],
            path=r["source"],
            sha256=r["sha256"],
            retrieved=(r["captured_at"] or r["ingested_at"]).isoformat(),
            group=r["grp"],
        )
    return sources


def _provenance(
    backend: Backend, generated_at: datetime, workspace: str, network: Network | None
) -> Provenance:
    return Provenance(
        casework_version=__version__,
        generated_at=generated_at.isoformat(timespec="seconds"),
        workspace=workspace,
        datasets={
            r["name"]: r["version"]
            for r in backend.query("SELECT name, version FROM list_datasets ORDER BY name")
        },
        extraction_models=[
            r["model"]
            for r in backend.query("SELECT DISTINCT model FROM extract_documents ORDER BY model")
        ],
        coordination_settings=network.settings if network is not None else None,
    )


def _day(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)
