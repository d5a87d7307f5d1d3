"""`casework lists`: load sanctions and PEP lists, show what is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import DEFAULT_WORKSPACE_PATH, ListFormat, WorkspaceOption, open_workspace
from casework.cli.output import print_json, stderr, stdout
from casework.lists import list_datasets, load

lists_app = typer.Typer(
    help="Sanctions and PEP lists: load files, show loaded datasets.",
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
) -> None:
    """Load list files (format detected from content); each replaces its dataset atomically."""
    with open_workspace(workspace) as ws:
        report = load(ws, [str(p) for p in paths])
    for line in report.errors:
        stderr.print(f"[red]error[/red] {line}", highlight=False)
    if format is ListFormat.json:
        print_json({"loaded": [d.__dict__ for d in report.loaded], "errors": report.errors})
    else:
        for d in report.loaded:
            skipped = f", {d.skipped} records skipped" if d.skipped else ""
            stderr.print(
                f"loaded {d.dataset} ({d.format}, version {d.version}): "
                f"{d.entities} entities{skipped}",
                highlight=False,
            )
    raise typer.Exit(report.exit_code)
