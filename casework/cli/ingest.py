"""`casework ingest`, `documents` and `show`: sources into the workspace, and back out."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import ListFormat, WorkspaceOption, fail, open_workspace
from casework.cli.output import print_json, progress_listener, stderr, stdout
from casework.errors import CaseworkError
from casework.ingest import IngestConfig, Mapping
from casework.ingest import run as run_ingest
from casework.ingest.catalog import find_document_id, get_document, list_documents
from casework.ingest.ftm import document_entities
from casework.ingest.pipeline import DEFAULT_MAX_BYTES
from casework.ingest.readers import READERS
from casework.store import DEFAULT_WORKSPACE

# The formats ingest has readers for, plus "auto"; one list, kept by the readers.
InputFormat = StrEnum("InputFormat", ["auto", *READERS])


class DocumentsFormat(StrEnum):
    table = "table"
    json = "json"
    ftm = "ftm"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """'50MB', '512k', '1g' or plain bytes to a byte count."""
    match = _SIZE.match(value)
    if not match:
        raise typer.BadParameter(f"not a size: {value!r} (try 50MB)")
    unit = (match.group(2) or "").lower()[:1]
    return int(float(match.group(1)) * _UNITS[unit])


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs.")],
    workspace: WorkspaceOption = Path(DEFAULT_WORKSPACE),
    format: Annotated[
        InputFormat, typer.Option("--format", "-f", help="Input format; auto detects it.")
    ] = InputFormat.auto,
    base_url: Annotated[
        str | None, typer.Option(help="URL the given files were saved from (joined with paths).")
    ] = None,
    mapping: Annotated[
        Path | None, typer.Option(help="YAML/JSON column mapping for JSONL/CSV post exports.")
    ] = None,
    max_size: Annotated[
        str, typer.Option(help="Largest file (or decompressed content) accepted.")
    ] = f"{DEFAULT_MAX_BYTES // 1024**2}MB",
    jobs: Annotated[
        int, typer.Option(help="Worker processes for parsing (0: one per CPU).", min=0)
    ] = 0,
    report_format: Annotated[
        ListFormat, typer.Option("--report", help="Summary as a table line or JSON.")
    ] = ListFormat.table,
) -> None:
    """Read pages, text dumps, WARC archives and post exports into the workspace."""
    try:
        column_mapping = Mapping.load(mapping) if mapping else Mapping.default()
    except CaseworkError as exc:
        raise fail(exc) from exc
    config = IngestConfig(
        format=format.value,
        base_url=base_url,
        mapping=column_mapping,
        max_bytes=parse_size(max_size),
        jobs=jobs,
    )
    with open_workspace(workspace) as ws, progress_listener("ingest") as listener:
        report = run_ingest(ws, paths, config, listener)
    if report_format is ListFormat.json:
        print_json(report.as_dict())
    else:
        extra = f", {report.record_errors} bad records skipped" if report.record_errors else ""
        stderr.print(
            f"{report.ingested} ingested, {report.duplicates} skipped as duplicate, "
            f"{report.failed} failed{extra} - {report.documents} new documents, "
            f"{report.comments} comments, {report.groups} near-duplicate groups",
            highlight=False,
        )
    raise typer.Exit(report.exit_code)


# (name, justify, min width, max width)
COLUMNS = (
    ("id", "left", 12, 12),
    ("title", "left", 20, 56),
    ("date", "left", 10, 10),
    ("site", "left", 6, 18),
    ("lang", "left", 4, 4),
    ("comments", "right", 8, 8),
    ("duplicate of", "left", 12, 12),
)


def documents_command(
    workspace: WorkspaceOption = Path(DEFAULT_WORKSPACE),
    format: Annotated[
        DocumentsFormat,
        typer.Option("--format", "-f", help="table, json, or ftm (FollowTheMoney JSON lines)."),
    ] = DocumentsFormat.table,
) -> None:
    """List documents with their comments (JSON, FtM) or comment counts (table)."""
    with open_workspace(workspace) as ws:
        full = format is DocumentsFormat.ftm
        docs = list_documents(ws.backend, with_comments=format is not DocumentsFormat.table)
        if full:
            docs = [get_document(ws.backend, doc["id"]) for doc in docs]
    if format is DocumentsFormat.json:
        print_json(docs)
        return
    if full:
        for doc in docs:
            for entity in document_entities(doc):
                sys.stdout.write(json.dumps(entity.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(box=None, pad_edge=False)
    for name, justify, least, most in COLUMNS:
        table.add_column(
            name,
            justify=justify,
            no_wrap=True,
            overflow="ellipsis",
            min_width=least,
            max_width=most,
        )
    for doc in docs:
        table.add_row(
            doc["id"][:12],
            doc["title"] or doc["source"],
            doc["published"] or "",
            doc["site"] or doc["format"],
            doc["language"] or "",
            str(doc["comment_count"]),
            (doc["duplicate_of"] or "")[:12],
        )
    stdout.print(table)


def show_command(
    document_id: Annotated[str, typer.Argument(help="A document id or its first characters.")],
    workspace: WorkspaceOption = Path(DEFAULT_WORKSPACE),
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
) -> None:
    """One document whole: metadata, body, comment thread, provenance."""
    with open_workspace(workspace) as ws:
        matches = find_document_id(ws.backend, document_id)
        if len(matches) != 1:
            problem = "no document has" if not matches else f"{len(matches)} documents have"
            stderr.print(f"[red]error[/red] {problem} an id starting with {document_id!r}")
            raise typer.Exit(1)
        doc = get_document(ws.backend, matches[0])
    if format is ShowFormat.json:
        print_json(doc)
        return
    _print_document(doc)


def _print_document(doc: dict) -> None:
    stdout.print(f"[bold]{doc['title'] or doc['source']}[/bold]")
    facts = [doc["section"], doc["published"], ", ".join(doc["authors"] or []), doc["site"]]
    stdout.print(" · ".join(f for f in facts if f), highlight=False)
    stdout.print(f"[dim]{doc['id']}  {doc['source']}  sha256:{doc['sha256'][:12]}[/dim]")
    if doc["description"]:
        stdout.print(f"\n[italic]{doc['description']}[/italic]")
    if doc["body"]:
        stdout.print(f"\n{doc['body']}", highlight=False)
    if doc["comments"]:
        stdout.print(f"\n[bold]{len(doc['comments'])} comments[/bold]")
    for comment in doc["comments"]:
        pad = "    " * comment["depth"]
        when = comment["published_at"] or comment["published_raw"] or ""
        stdout.print(f"\n{pad}[bold]{comment['author'] or '?'}[/bold] [dim]{when}[/dim]")
        for line in comment["text"].split("\n"):
            stdout.print(f"{pad}  {line}", highlight=False)
