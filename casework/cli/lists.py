"""`casework lists`: load sanctions and PEP lists, show what is loaded."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import DEFAULT_WORKSPACE_PATH, ListFormat, WorkspaceOption, open_workspace
from casework.cli.output import print_json, stderr, stdout
from casework.errors import ListError
from casework.lists import list_datasets, load
from casework.lists.update import (
    SOURCES,
    ListSource,
    SourceResult,
    UpdateOptions,
    select_sources,
    update,
)
from casework.store import Workspace

lists_app = typer.Typer(
    help="Sanctions and PEP lists: download or load them, show loaded datasets.",
    invoke_without_command=True,
    no_args_is_help=False,
)


@lists_app.callback()
def show(
    ctx: typer.Context,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Each loaded dataset with its version and entity counts by schema and program."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(workspace) as ws:
        datasets = list_datasets(ws.backend)
    if format is ListFormat.json:
        print_json(datasets)
        return
    if not datasets:
        stderr.print("no lists loaded: run `casework lists load PATH` or `casework lists update`")
        return
    table = Table("dataset", "version", "entities", "by schema", "top programs", box=None)
    for d in datasets:
        schemata = ", ".join(f"{k} {v}" for k, v in d["schemata"].items())
        programs = ", ".join(f"{k} {v}" for k, v in list(d["programs"].items())[:6])
        table.add_row(d["name"], d["version"], str(d["entities"]), schemata, programs)
    stdout.print(table)


@lists_app.command("load")
def load_command(
    paths: Annotated[list[Path], typer.Argument(help="List files or folders.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    dataset: Annotated[
        str | None,
        typer.Option(
            "--dataset",
            help="Dataset name for one FollowTheMoney file (default: the name the file "
            "or its index.json gives).",
        ),
    ] = None,
) -> None:
    """Load list files (format detected from content); each replaces its dataset atomically."""
    with open_workspace(workspace) as ws:
        report = load(ws, [str(p) for p in paths], dataset=dataset)
        indexed = _index(ws) if report.loaded else None
    for line in report.errors:
        stderr.print(f"[red]error[/red] {line}", highlight=False)
    for line in report.notes:
        stderr.print(f"note {line}", highlight=False)
    if format is ListFormat.json:
        print_json(
            {
                "loaded": [d.__dict__ for d in report.loaded],
                "errors": report.errors,
                "notes": report.notes,
            }
        )
    else:
        for d in report.loaded:
            where = ", ".join(f"{n} in {f}" for f, n in d.skipped_by_file.items())
            skipped = f", {d.skipped} records skipped ({where})" if d.skipped else ""
            stderr.print(
                f"loaded {d.dataset} ({d.format}, version {d.version}): "
                f"{d.entities} entities{skipped}",
                highlight=False,
            )
        if indexed:
            stderr.print(indexed, highlight=False)
    raise typer.Exit(report.exit_code)


def _index(ws: Workspace) -> str | None:
    """Build the screening index for the lists now loaded and keep it in the
    workspace, so the first `casework screen` after a load answers at once."""
    from casework.errors import CaseworkError
    from casework.screen.screener import Screener

    started = time.perf_counter()
    try:
        screener = Screener.from_workspace(ws.backend, str(ws.path))
    except CaseworkError:
        return None  # nothing screenable was loaded (a list of addresses only)
    seconds = time.perf_counter() - started
    return f"screening index: {len(screener.index)} names, kept in the workspace ({seconds:.1f} s)"


@lists_app.command("update")
def update_command(
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            help=f"Comma-separated sources ({', '.join(SOURCES)}); "
            f"default: {','.join(n for n, s in SOURCES.items() if s.default)}.",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="A mirror serving BASE/SOURCE/FILE (e.g. BASE/ofac/sdn.csv, "
            "BASE/un/consolidated.xml) instead of the official URLs.",
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", help="Download cache (default: lists-cache beside the workspace)."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Download the official lists (conditional requests) and load the ones that changed."""
    names = [n.strip() for n in source.split(",") if n.strip()] if source else None
    try:
        select_sources(names)
    except ListError as exc:
        stderr.print(f"[red]error[/red] {exc.located()}", highlight=False)
        raise typer.Exit(2) from exc
    options = UpdateOptions(base_url=base_url, cache_dir=cache)
    with open_workspace(workspace) as ws:
        report = update(ws, names, options, on_start=_started, on_done=_finished)
    if format is ListFormat.json:
        print_json([r.to_dict() for r in report.sources])
    raise typer.Exit(report.exit_code)


def _started(source: ListSource) -> None:
    files = ", ".join(f.name for f in source.files)
    stderr.print(f"{source.name}: checking {files}", highlight=False)


def _finished(result: SourceResult) -> None:
    if result.status == "failed":
        stderr.print(f"[red]error[/red] {result.error}", highlight=False)
        stderr.print(f"{result.source}: failed; the previously loaded version stays in use")
        return
    fetched = sum(f.bytes for f in result.files if f.status == "downloaded")
    got = f", downloaded {fetched:,} bytes" if fetched else ""
    what = {
        "updated": f"loaded {result.entities} entities",
        "reloaded": f"not modified; loaded {result.entities} entities from the cache",
        "unchanged": "not modified; nothing to load",
    }[result.status]
    stderr.print(
        f"{result.source}: {result.status} {result.dataset} (version {result.version}): "
        f"{what}{got}",
        highlight=False,
    )
