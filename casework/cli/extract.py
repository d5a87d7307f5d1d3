"""`casework extract`: people, organisations, places and laws in what was ingested."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import (
    DEFAULT_WORKSPACE_PATH,
    ListFormat,
    WorkspaceOption,
    fail,
    open_workspace,
)
from casework.cli.output import print_json, stdout
from casework.errors import CaseworkError
from casework.extract import ExtractConfig, run


def extract_command(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy pipeline (default: en_core_web_sm, or its PyPI copy)."),
    ] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Extract mentions from the documents and comments not yet processed."""
    with open_workspace(workspace) as ws:
        try:
            report = run(ws.backend, ExtractConfig(model=model))
        except CaseworkError as exc:
            raise fail(exc) from exc
    if format is ListFormat.json:
        print_json(
            {
                "model": report.model,
                "documents": report.documents,
                "segments": report.segments,
                "skipped": report.skipped,
                "skipped_languages": dict(report.skipped_languages),
                "mentions": report.mentions,
                "positions": report.positions,
                "quotes": report.quotes,
                "acts": dict(report.act_kinds),
                "labels": dict(report.labels),
                "seconds": round(report.seconds, 3),
            }
        )
        return
    if not report.documents:
        stdout.print("nothing new to extract: every document is processed")
        return
    rate = report.documents / report.seconds if report.seconds else 0.0
    stdout.print(
        f"{report.documents} documents ({report.segments} parts read, {report.skipped} "
        f"skipped) with {report.model} in {report.seconds:.1f} s ({rate:.1f} documents/s)",
        highlight=False,
    )
    table = Table("kind", "mentions", title="mentions")
    for label, count in report.labels.most_common():
        table.add_row(label, str(count))
    stdout.print(table)
    stdout.print(
        f"{report.positions} titles and roles, {report.quotes} quotations, "
        f"{report.acts} alleged acts",
        highlight=False,
    )
    if report.skipped_languages:
        stdout.print(
            "skipped (not English): "
            + ", ".join(f"{lang} {n}" for lang, n in report.skipped_languages.most_common()),
            highlight=False,
        )
