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
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from casework import __version__
from casework.extract.acts import acts
from casework.extract.entities import in_document, mentions
from casework.extract.groups import issuer
from casework.extract.model import Act, Mention, Position, Quote, Reply, Segment
from casework.extract.nlp import load, model_id
from casework.extract.quotes import Speakers, quotes
from casework.extract.referents import Referent
from casework.extract.replies import replies
from casework.extract.roles import positions
from casework.extract.sequels import complete
from casework.ingest.listener import Listener
from casework.store.backend import Backend

REQUIRES = ("documents", "segments", "comments")
PRODUCES = ("extract_documents", "mentions", "positions", "quotes", "acts", "replies")
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
    replies: int = 0
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
        "CASE WHEN s.comment_id IS NULL THEN d.language ELSE c.language END AS language, "
        "d.published "
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
            published=r["published"],
        )
        for r in rows
    ]


def run(
    backend: Backend, config: ExtractConfig | None = None, listener: Listener | None = None
) -> ExtractReport:
    """Extract from every document not yet processed; returns what was done.

    Each chunk of documents is stored in one transaction, so a run that is
    stopped keeps what it finished and the next run takes only the rest."""
    config = config or ExtractConfig()
    listener = listener or Listener()
    nlp = load(config.model)
    model = model_id(nlp)
    report = ExtractReport(model=model)
    started = time.perf_counter()
    todo = pending(backend)
    listener.total(len(todo))
    for first in range(0, len(todo), CHUNK):
        chunk = todo[first : first + CHUNK]
        parts = segments(backend, chunk)
        readable = [s for s in parts if s.language is None or s.language in READS]
        skipped = [s for s in parts if not (s.language is None or s.language in READS)]
        found = read(nlp, readable, model, config.batch_size)
        _store(backend, chunk, readable, skipped, found, model)
        report.positions += len(found.positions)
        report.quotes += len(found.quotes)
        report.acts += len(found.acts)
        report.replies += len(found.replies)
        report.act_kinds.update(a.kind for a in found.acts)
        report.documents += len(chunk)
        report.segments += len(readable)
        report.skipped += len(skipped)
        report.skipped_languages.update(s.language or "unknown" for s in skipped)
        report.mentions += len(found.mentions)
        report.labels.update(m.label for m in found.mentions)
        for document_id in chunk:
            listener.advance(document_id)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class Found:
    """What extraction found in some segments."""

    mentions: list[Mention] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)


def read(nlp: Language, parts: list[Segment], model: str, batch_size: int = 64) -> Found:
    """Everything in these segments (ordered by document, then position): the one
    reading both `run` and the quality bench do.

    A document is read in two passes: first its names in every segment, settled to one
    label per name across the document (entities.in_document: "Ana Berg" the model
    called an organisation in one paragraph is a person in all of them), then, segment
    by segment with what the earlier ones said, its roles, quotations, acts and the
    replies to them. Who speaks is remembered per document, across its segments."""
    found = Found()
    pending: list[tuple[Doc, Segment, list[Mention]]] = []
    for doc, segment in nlp.pipe(
        ((s.text, s) for s in parts), as_tuples=True, batch_size=batch_size
    ):
        if pending and pending[-1][1].document_id != segment.document_id:
            _read_document(pending, model, found)
            pending = []
        pending.append((doc, segment, mentions(doc, segment, model)))
    if pending:
        _read_document(pending, model, found)
    return found


def _read_document(
    segments: list[tuple[Doc, Segment, list[Mention]]], model: str, found: Found
) -> None:
    """The second pass over one document's parsed segments (see `read`)."""
    parsed = [(doc, segment) for doc, segment, _ in segments]
    settled = in_document([m for _, _, here in segments for m in here], parsed, model)
    by_segment: dict[int, list[Mention]] = defaultdict(list)
    for m in settled:
        by_segment[m.segment].append(m)
    found.mentions.extend(settled)
    memory = Speakers()
    earlier: tuple[list[Mention], list[Position]] = ([], [])
    issued_by: Referent | None = None
    issuer_read = False
    read_so_far: list[tuple[Any, ...]] = []
    alleged_here: list[Act] = []
    for doc, segment, _ in segments:
        here = by_segment.get(segment.seq, [])
        given = positions(doc, segment, here)
        memory.learn(here, given)
        found.positions.extend(given)
        said = quotes(doc, segment, here, memory)
        found.quotes.extend(said)
        if not issuer_read and segment.kind == "body":
            issued_by, issuer_read = issuer(doc, segment, here), True
        before = (list(earlier[0]), list(earlier[1]))
        # `memory.discourse`: who each sentence so far is about; referents look only at
        # the sentences before the word they resolve.
        alleged = acts(doc, segment, here, given, said, before, issued_by, memory.discourse)
        alleged_here.extend(alleged)
        read_so_far.append((doc, segment, here, given, before))
        earlier[0].extend(here)
        earlier[1].extend(given)
    alleged_here = complete(alleged_here)
    found.acts.extend(alleged_here)
    # The reply of the accused often stands paragraphs away from the allegation it
    # answers: replies are read once the document's acts are all known.
    for doc, segment, here, given, before in read_so_far:
        found.replies.extend(replies(doc, segment, here, given, alleged_here, before))


def _store(
    backend: Backend,
    chunk: list[str],
    readable: list[Segment],
    skipped: list[Segment],
    found: Found,
    model: str,
) -> None:
    now = datetime.now(UTC)
    read = Counter(s.document_id for s in readable)
    not_read = Counter(s.document_id for s in skipped)
    languages: dict[str, set[str]] = {}
    for s in skipped:
        languages.setdefault(s.document_id, set()).add(s.language or "unknown")
    per_document = Counter(m.document_id for m in found.mentions)
    rows = []
    for document_id in chunk:
        unread = not_read[document_id]
        status = "done" if read[document_id] or not unread else "not processed"
        rows.append(
            {
                "document_id": document_id,
                "status": status,
                "model": model,
                "segments": read[document_id],
                "skipped": unread,
                "skipped_languages": sorted(languages.get(document_id, ())),
                "mentions": per_document[document_id],
                "processed_at": now,
                "casework_version": __version__,
            }
        )
    with backend.transaction():
        backend.insert_rows("mentions", [_row(m) for m in found.mentions])
        backend.insert_rows("positions", [_row(p) for p in found.positions])
        backend.insert_rows("quotes", [_row(q) for q in found.quotes])
        backend.insert_rows("acts", [_row(a) for a in found.acts])
        backend.insert_rows("replies", [_row(r) for r in found.replies])
        backend.insert_rows("extract_documents", rows)


# Record fields stored under another column name (spans are span_start/span_end in
# every table, as in comments and segments).
_COLUMNS = {"start": "span_start", "end": "span_end", "time": "time_text"}


def _row(record: Mention | Position | Quote | Act | Reply) -> dict:
    """A record as a table row: its fields, with the column names the tables use."""
    return {_COLUMNS.get(k, k): v for k, v in asdict(record).items()}
