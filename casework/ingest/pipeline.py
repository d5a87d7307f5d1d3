"""The ingest job: inputs in, documents and comments stored, duplicates grouped.

Writes go in batches of whole documents, each batch one transaction, and a
file is marked done (in `sources`) in the same transaction as its last
document. An interrupted run therefore leaves only whole documents behind,
and a re-run skips finished files and re-inserts nothing (ids come from
content). A bad file or record is reported and skipped; the batch goes on.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing.pool import Pool
from typing import Any

from casework import __version__
from casework.errors import Errors, InputError
from casework.ingest.assemble import PreparedDocument, Provenance, prepare
from casework.ingest.language import warm_up
from casework.ingest.listener import Listener
from casework.ingest.neardup import THRESHOLD, regroup
from casework.ingest.posts import Mapping
from casework.ingest.readers import Opened, ReadOptions, open_source, parse
from casework.ingest.sources import Source, expand
from casework.store import Workspace, make_id
from casework.store.backend import Backend

REQUIRES: tuple[str, ...] = ()
PRODUCES = (
    "sources",
    "documents",
    "comments",
    "segments",
    "document_minhash",
    "document_bands",
    "document_groups",
    "ingest_runs",
)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Files opened (read and hashed) before one query asks which are already stored,
# and the most bytes such a chunk may hold in memory.
OPEN_CHUNK = 64
OPEN_CHUNK_BYTES = 256 * 1024 * 1024
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_SOURCES = 16


@dataclass(frozen=True)
class IngestConfig:
    """Everything a run can be told; the CLI fills it from flags."""

    format: str = "auto"
    base_url: str | None = None
    mapping: Mapping = field(default_factory=Mapping.default)
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 200
    neardup_threshold: float = THRESHOLD
    jobs: int = 0  # worker processes for parsing; 0 means one per CPU


@dataclass
class IngestReport:
    """What a run did, for the summary line, `--format json` and the run log."""

    inputs: int = 0
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    documents: int = 0
    comments: int = 0
    duplicate_records: int = 0
    record_errors: int = 0
    groups: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """Non-zero only when no input made it into the workspace."""
        in_workspace = self.ingested + self.duplicates
        return 1 if in_workspace == 0 and (self.failed or self.inputs == 0) else 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _BatchWriter:
    """Collects whole documents and writes them in one transaction per batch.

    Existence checks are made per batch in one query, not per document: a
    point query costs DuckDB about a millisecond, as much as parsing a page.
    """

    def __init__(self, backend: Backend, batch_size: int) -> None:
        self.backend = backend
        self.batch_size = batch_size
        self.documents: list[PreparedDocument] = []
        self.sources: list[dict[str, Any]] = []
        self.pending_ids: set[str] = set()
        self.finished_sources: set[str] = set()  # this run's, kept across flushes
        self.written_documents = 0
        self.written_comments = 0
        self.duplicate_documents = 0

    def known_sources(self, digests: list[str]) -> set[str]:
        rows = self.backend.query(
            "SELECT sha256 FROM sources WHERE sha256 IN (SELECT unnest(?))", [digests]
        )
        return {row["sha256"] for row in rows} | (self.finished_sources & set(digests))

    def add(self, prepared: PreparedDocument) -> None:
        if prepared.id in self.pending_ids:
            self.duplicate_documents += 1
            return
        self.documents.append(prepared)
        self.pending_ids.add(prepared.id)

    def finish_source(self, row: dict[str, Any]) -> None:
        self.sources.append(row)
        self.finished_sources.add(row["sha256"])

    def flush_if_full(self) -> None:
        if len(self.documents) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.documents and not self.sources:
            return
        existing = {
            row["id"]
            for row in self.backend.query(
                "SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                [[d.id for d in self.documents]],
            )
        }
        docs = [d for d in self.documents if d.id not in existing]
        with self.backend.transaction():
            self.backend.insert_rows("documents", [d.document for d in docs])
            self.backend.insert_rows("comments", [c for d in docs for c in d.comments])
            self.backend.insert_rows("segments", [s for d in docs for s in d.segments])
            self.backend.insert_rows("document_minhash", [d.minhash for d in docs if d.minhash])
            self.backend.insert_rows("document_bands", [b for d in docs for b in d.bands])
            self.backend.insert_rows("sources", self.sources)
        self.duplicate_documents += len(existing)
        self.written_documents += len(docs)
        self.written_comments += sum(len(d.comments) for d in docs)
        self.documents, self.sources = [], []
        self.pending_ids = set()


def run(
    workspace: Workspace,
    inputs: list[str],
    config: IngestConfig | None = None,
    listener: Listener | None = None,
) -> IngestReport:
    """Ingest files, directories and globs into the workspace."""
    config = config or IngestConfig()
    listener = listener or Listener()
    report = IngestReport()
    started = datetime.now(UTC)
    sources, missing = expand(inputs, config.format)
    report.inputs = len(sources) + len(missing)
    for error in missing:
        _fail(report, listener, error)
    listener.total(len(sources))
    options = ReadOptions(config.max_bytes, config.base_url, config.mapping)
    writer = _BatchWriter(workspace.backend, config.batch_size)
    with _worker_pool(config.jobs, len(sources)) as pool:
        for chunk in _opened_chunks(sources, options, report, listener):
            _ingest_chunk(chunk, options, pool, writer, report, listener)
    writer.flush()
    report.documents = writer.written_documents
    report.comments = writer.written_comments
    report.duplicate_records = writer.duplicate_documents
    report.groups = regroup(workspace.backend, config.neardup_threshold)
    _log_run(workspace.backend, report, started)
    return report


@contextmanager
def _worker_pool(jobs: int, sources: int) -> Iterator[Pool | None]:
    """Worker processes for parsing when there is enough work to pay for them.

    Parsing is CPU-bound Python; the DuckDB writes stay in this process, the
    workspace's only writer. Workers fork after the language model is loaded,
    so each does not pay to load it again.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or sources < PARALLEL_MIN_SOURCES:
        yield None
        return
    warm_up()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(jobs) as pool:
        yield pool


def _opened_chunks(
    sources: list[Source], options: ReadOptions, report: IngestReport, listener: Listener
) -> Iterator[list[Opened]]:
    """Read and hash files in chunks bounded by count and by bytes held in memory."""
    chunk: list[Opened] = []
    held = 0
    for source in sources:
        try:
            opened = open_source(source, options)
        except InputError as exc:
            _fail(report, listener, exc)
            listener.advance(source.display)
            continue
        chunk.append(opened)
        held += len(opened.data or b"")
        if len(chunk) >= OPEN_CHUNK or held >= OPEN_CHUNK_BYTES:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _ingest_chunk(
    opened: list[Opened],
    options: ReadOptions,
    pool: Pool | None,
    writer: _BatchWriter,
    report: IngestReport,
    listener: Listener,
) -> None:
    """Ask once which of these files are already stored, then parse the rest."""
    known = writer.known_sources([item.sha256 for item in opened])
    fresh: list[Opened] = []
    for item in opened:
        if item.sha256 in known:
            report.duplicates += 1
            listener.advance(item.source.display)
        else:
            known.add(item.sha256)  # the same content twice in one chunk
            fresh.append(item)
    # Archives stream record by record in this process; whole files may go to workers.
    streamed = [item for item in fresh if pool is None or item.data is None]
    pooled = [item for item in fresh if pool is not None and item.data is not None]
    if pooled:
        assert pool is not None
        tasks = [(item, options) for item in pooled]
        for item, (results, fatal) in zip(pooled, pool.imap(_prepare_all, tasks), strict=True):
            _consume(item, _replay(results, fatal), writer, report, listener)
            listener.advance(item.source.display)
    for item in streamed:
        _consume(item, _prepared(item, options), writer, report, listener)
        listener.advance(item.source.display)


def _prepared(opened: Opened, options: ReadOptions) -> Iterator[PreparedDocument | InputError]:
    """Parse and prepare one source; record errors are yielded, a fatal one raised."""
    for item in parse(opened, options):
        if isinstance(item, InputError):
            yield item
        else:
            sha = item.content_sha256 or opened.sha256
            yield prepare(item, Provenance(opened.source.display, sha, datetime.now(UTC)))


def _prepare_all(
    task: tuple[Opened, ReadOptions],
) -> tuple[list[PreparedDocument | InputError], InputError | None]:
    """Worker entry point: everything one file yields, and its fatal error if any."""
    opened, options = task
    results: list[PreparedDocument | InputError] = []
    try:
        results.extend(_prepared(opened, options))
    except InputError as exc:
        return results, exc
    return results, None


def _replay(
    results: list[PreparedDocument | InputError], fatal: InputError | None
) -> Iterator[PreparedDocument | InputError]:
    yield from results
    if fatal is not None:
        raise fatal


def _consume(
    opened: Opened,
    items: Iterable[PreparedDocument | InputError],
    writer: _BatchWriter,
    report: IngestReport,
    listener: Listener,
) -> None:
    """Queue one source's documents for writing and account for what went wrong."""
    source = opened.source
    records = failed_records = 0
    try:
        for item in items:
            if isinstance(item, InputError):
                failed_records += 1
                report.record_errors += 1
                listener.error(item.located())
                report.errors.append(item.located())
                continue
            records += 1
            for warning in item.warnings:
                line = f"{source.display}: warning: {warning}"
                report.warnings.append(line)
                listener.warning(line)
            writer.add(item)
            if opened.data is None:  # a streamed archive may hold thousands of pages
                writer.flush_if_full()
    except InputError as exc:
        _fail(report, listener, exc)
        return
    if records == 0:
        _fail(report, listener, InputError(Errors.E207, source=source.display))
        return
    report.ingested += 1
    writer.finish_source(
        {
            "sha256": opened.sha256,
            "path": source.display,
            "format": source.format,
            "size": source.path.stat().st_size,
            "records": records,
            "failed_records": failed_records,
            "ingested_at": datetime.now(UTC),
            "casework_version": __version__,
        }
    )
    writer.flush_if_full()


def _fail(report: IngestReport, listener: Listener, error: InputError) -> None:
    report.failed += 1
    line = error.located()
    report.errors.append(line)
    listener.error(line)


def _log_run(backend: Backend, report: IngestReport, started: datetime) -> None:
    with backend.transaction():
        backend.insert_rows(
            "ingest_runs",
            [
                {
                    "id": make_id("run", started.isoformat()),
                    "started_at": started,
                    "finished_at": datetime.now(UTC),
                    "ingested": report.ingested,
                    "duplicates": report.duplicates,
                    "failed": report.failed,
                    "errors": json.dumps(report.errors),
                    "casework_version": __version__,
                }
            ],
        )
