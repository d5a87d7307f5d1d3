"""What every verb shares: the workspace option, opening it, output formats."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from casework.cli.output import stderr
from casework.errors import CaseworkError
from casework.store import DEFAULT_WORKSPACE, Workspace
from casework.store.judgements import VERDICTS

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
# Accounts shown as pseudonyms (casework.coordination.pseudonyms) wherever a
# command prints or writes commenters: coordination, build, casefile.
PseudonymiseOption = Annotated[
    bool,
    typer.Option(
        "--pseudonymise",
        help="Show commenters' accounts as stable pseudonyms (the workspace keeps the real ones).",
    ),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def fail(exc: CaseworkError) -> typer.Exit:
    """Print a Casework error (its code and message) and give the exit to raise."""
    stderr.print(f"[red]error[/red] {exc.message}", highlight=False)
    return typer.Exit(2)


def one_verdict(same: bool, different: bool, unsure: bool) -> str:
    """The verdict of a decide verb's --same / --different / --unsure flags."""
    chosen = [v for v, flag in zip(VERDICTS, (same, different, unsure), strict=True) if flag]
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --same, --different, --unsure")
    return chosen[0]


def open_workspace(workspace: Path) -> Workspace:
    try:
        return Workspace.open(workspace)
    except CaseworkError as exc:
        raise fail(exc) from exc
