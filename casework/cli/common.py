"""What every verb shares: the workspace option, opening it, output formats."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from casework.cli.output import stderr
from casework.errors import CaseworkError
from casework.store import DEFAULT_WORKSPACE, Workspace

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        envvar="CASEWORK_WORKSPACE",
        help="The workspace file (DuckDB).",
    ),
]


DEFAULT_WORKSPACE_PATH = Path(DEFAULT_WORKSPACE)


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def open_workspace(workspace: Path) -> Workspace:
    try:
        return Workspace.open(workspace)
    except CaseworkError as exc:
        stderr.print(f"[red]error[/red] {exc.message}")
        raise typer.Exit(2) from exc
