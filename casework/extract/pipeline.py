"""`casework extract`: read the documents and comments not yet processed, store what is found.

Work goes a chunk of documents at a time: their segments (title, description,
bios, body, comments) are parsed by spaCy in one `nlp.pipe` stream, and each
chunk's mentions are written in one transaction together with the rows that
mark its documents done, so an interrupted run loses nothing already stored
and the next run takes up exactly the documents it had not finished.

A segment in a language other than English is skipped, not read badly: the
document's row says how many were skipped and in which languages. Segments
whose language could not be told (one-line comments) are read.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from casework import __version__
from casework.extract.acts import acts
from casework.extract.entities import mentions, surnames_as_people
from casework.extract.model import Act, Mention, Position, Quote, Segment
from casework.extract.nlp import load, model_id
from casework.extract.quotes import Speakers, quotes
from casework.extract.roles import positions
from casework.store.backend import Backend

READS = ("en",)
CHUNK = 64  # documents per transaction


@dataclass(frozen=True)
class ExtractConfig:
    model: str | None = None  # a spaCy pipeline name; None: the default English one
    batch_size: int = 64  # texts per nlp.pipe batch


@dataclass
class ExtractReport:
    model: str = ""
    documents: int = 0
    segments: int = 0
    skipped: int = 0
    mentions: int = 0
    positions: int = 0
    quotes: int = 0
    acts: int = 0
    seconds: float = 0.0
    skipped_languages: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    act_kinds: Counter[str] = field(default_factory=Counter)


def pending(backend: Backend) -> list[str]:
    """Ids of the documents extraction has not processed yet, in id order."""
    rows = backend.query(
        "SELECT d.id FROM documents d "
        "LEFT JOIN extract_documents e ON e.document_id = d.id "
        "WHERE e.document_id IS NULL ORDER BY d.id"
    )
    return [row["id"] for row in rows]


def segments(backend: Backend, document_ids: list[str]) -> list[Segment]:
    """The readable parts of these documents, with their text cut from full_text."""
    if not document_ids:
        return []
    rows = backend.query(
        "SELECT s.document_id, s.seq, s.kind, s.comment_id, s.span_start, "
        "substring(d.full_text, s.span_start + 1, s.span_end - s.span_start) AS text, "
        "CASE WHEN s.comment_id IS NULL THEN d.language ELSE c.language END AS language "
        "FROM segments s JOIN documents d ON d.id = s.document_id "
        "LEFT JOIN comments c ON c.id = s.comment_id "
        "WHERE s.document_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY s.document_id, s.seq",
        [document_ids],
    )
    return [
        Segment(
            document_id=r["document_id"],
            seq=r["seq"],
            kind=r["kind"],
            comment_id=r["comment_id"],
            start=r["span_start"],
            text=r["text"],
            language=r["language"],
        )
        for r in rows
    ]


def run(backend: Backend, config: ExtractConfig | None = None) -> ExtractReport:
    """Extract from every document not yet processed; returns what was done."""
    config = config or ExtractConfig()
    nlp = load(config.model)
    model = model_id(nlp)
    report = ExtractReport(model=model)
    started = time.perf_counter()
    todo = pending(backend)
    for first in range(0, len(todo), CHUNK):
        chunk = todo[first : first + CHUNK]
        parts = segments(backend, chunk)
        readable = [s for s in parts if s.language is None or s.language in READS]
        found: list[Mention] = []
        roles: list[Position] = []
        said: list[Quote] = []
        alleged: list[Act] = []
        memory, memory_of = Speakers(), None
        for doc, segment in nlp.pipe(
            ((s.text, s) for s in readable), as_tuples=True, batch_size=config.batch_size
        ):
            if segment.document_id != memory_of:  # who speaks is known per document
                memory, memory_of = Speakers(), segment.document_id
            here = mentions(doc, segment, model)
            given = positions(doc, segment, here)
            memory.learn(here, given)
            found.extend(here)
            roles.extend(given)
            said.extend(quotes(doc, segment, here, memory))
            alleged.extend(acts(doc, segment, here))
        found = _by_document(found)
        _store(backend, chunk, parts, readable, found, roles, said, alleged, model)
        report.positions += len(roles)
        report.quotes += len(said)
        report.acts += len(alleged)
        report.act_kinds.update(a.kind for a in alleged)
        report.documents += len(chunk)
        report.segments += len(readable)
        report.skipped += len(parts) - len(readable)
        report.skipped_languages.update(
            s.language or "unknown" for s in parts if s not in set(readable)
        )
        report.mentions += len(found)
        report.labels.update(m.label for m in found)
    report.seconds = time.perf_counter() - started
    return report


def _by_document(found: list[Mention]) -> list[Mention]:
    """Document-level fixes to the model's labels (entities.surnames_as_people)."""
    out: list[Mention] = []
    start = 0
    for end in range(1, len(found) + 1):
        if end == len(found) or found[end].document_id != found[start].document_id:
            out.extend(surnames_as_people(found[start:end]))
            start = end
    return out


def _store(
    backend: Backend,
    chunk: list[str],
    parts: list[Segment],
    readable: list[Segment],
    found: list[Mention],
    roles: list[Position],
    said: list[Quote],
    alleged: list[Act],
    model: str,
) -> None:
    now = datetime.now(UTC)
    read = Counter(s.document_id for s in readable)
    total = Counter(s.document_id for s in parts)
    skipped_languages: dict[str, set[str]] = {}
    for s in parts:
        if s not in readable:
            skipped_languages.setdefault(s.document_id, set()).add(s.language or "unknown")
    per_document = Counter(m.document_id for m in found)
    rows = []
    for document_id in chunk:
        skipped = total[document_id] - read[document_id]
        status = "done" if read[document_id] or not total[document_id] else "not processed"
        rows.append(
            {
                "document_id": document_id,
                "status": status,
                "model": model,
                "segments": read[document_id],
                "skipped": skipped,
                "skipped_languages": sorted(skipped_languages.get(document_id, ())),
                "mentions": per_document[document_id],
                "processed_at": now,
                "casework_version": __version__,
            }
        )
    with backend.transaction():
        backend.insert_rows("mentions", list(_mention_rows(found)))
        backend.insert_rows("positions", [_position_row(p) for p in roles])
        backend.insert_rows("quotes", [_quote_row(q) for q in said])
        backend.insert_rows("acts", [_act_row(a) for a in alleged])
        backend.insert_rows("extract_documents", rows)


def _mention_rows(found: list[Mention]) -> Iterator[dict]:
    for m in found:
        yield {
            "id": m.id,
            "document_id": m.document_id,
            "segment": m.segment,
            "segment_kind": m.segment_kind,
            "comment_id": m.comment_id,
            "label": m.label,
            "model_label": m.model_label,
            "text": m.text,
            "span_start": m.start,
            "span_end": m.end,
            "sentence": m.sentence,
            "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end,
            "model": m.model,
        }


def _position_row(p: Position) -> dict:
    return {
        "id": p.id,
        "mention_id": p.mention_id,
        "document_id": p.document_id,
        "segment": p.segment,
        "person": p.person,
        "role": p.role,
        "organisation": p.organisation,
        "organisation_mention_id": p.organisation_mention_id,
        "pattern": p.pattern,
        "span_start": p.start,
        "span_end": p.end,
        "sentence": p.sentence,
        "sentence_start": p.sentence_start,
    }


def _quote_row(q: Quote) -> dict:
    return {
        "id": q.id,
        "document_id": q.document_id,
        "segment": q.segment,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "speaker_mention_id": q.speaker_mention_id,
        "kind": q.kind,
        "cue": q.cue,
        "text": q.text,
        "span_start": q.start,
        "span_end": q.end,
        "sentence": q.sentence,
        "sentence_start": q.sentence_start,
    }


def _act_row(a: Act) -> dict:
    return {
        "id": a.id,
        "document_id": a.document_id,
        "segment": a.segment,
        "kind": a.kind,
        "category": a.category,
        "trigger": a.trigger,
        "actor": a.actor,
        "actor_mention_id": a.actor_mention_id,
        "target": a.target,
        "target_mention_id": a.target_mention_id,
        "time_text": a.time,
        "span_start": a.start,
        "span_end": a.end,
        "sentence": a.sentence,
        "sentence_start": a.sentence_start,
    }
