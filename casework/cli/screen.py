"""`casework screen`: one name, or a CSV of names, against the loaded lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import DEFAULT_WORKSPACE_PATH, ListFormat, WorkspaceOption, open_workspace
from casework.cli.output import print_json, progress_listener, stderr, stdout
from casework.errors import CaseworkError
from casework.screen import REVIEW_THRESHOLD, QueryFacts, Screener, ScreenQuery
from casework.screen.batch import screen_file

SCHEMATA = ("Person", "Organization", "Company", "Vessel", "Airplane")


def screen_command(
    name: Annotated[str | None, typer.Argument(help="The name to screen.")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
    schema: Annotated[str | None, typer.Option(help="Person, Organization, Vessel, ...")] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    nationality: Annotated[list[str] | None, typer.Option(help="Country name or code")] = None,
    gender: Annotated[str | None, typer.Option()] = None,
    identifier: Annotated[list[str] | None, typer.Option(help="Passport, national id, ...")] = None,
    dataset: Annotated[list[str] | None, typer.Option(help="Only these datasets")] = None,
    program: Annotated[
        list[str] | None, typer.Option(help="Only these programs, e.g. GLOMAG")
    ] = None,
    threshold: Annotated[float, typer.Option(min=0.0, max=1.0)] = REVIEW_THRESHOLD,
    limit: Annotated[int, typer.Option(min=1)] = 5,
    input: Annotated[Path | None, typer.Option(help="CSV of names to screen (batch)")] = None,
    output: Annotated[Path | None, typer.Option(help="CSV of results (batch)")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
) -> None:
    """Screen a name (or a CSV of names) against the loaded sanctions lists."""
    if schema is not None and schema not in SCHEMATA:
        raise typer.BadParameter(f"schema must be one of {', '.join(SCHEMATA)}")
    if (name is None) == (input is None):
        raise typer.BadParameter("give a NAME, or --input names.csv (with --output)")
    with open_workspace(workspace) as ws:
        try:
            screener = Screener.from_workspace(ws.backend, str(workspace))
        except CaseworkError as exc:
            stderr.print(f"[red]error[/red] {exc.message}")
            raise typer.Exit(2) from exc
        if input is not None:
            out = output or input.with_name(input.stem + "-results.csv")
            with progress_listener("screen") as listener:
                try:
                    summary = screen_file(screener, input, out, threshold, limit, listener)
                except CaseworkError as exc:
                    stderr.print(f"[red]error[/red] {exc.message}")
                    raise typer.Exit(2) from exc
            stderr.print(
                f"{summary.queries} names screened, {summary.matches} matches, "
                f"{summary.reviews} to review, {summary.failed} bad rows -> {out}",
                highlight=False,
            )
            return
    query = ScreenQuery(
        name=name or "",
        schema=schema,
        facts=QueryFacts.make(birth_date, nationality, gender, identifier),
        datasets=tuple(dataset or ()),
        programs=tuple(program or ()),
        threshold=threshold,
        limit=limit,
    )
    results = screener.screen(query)
    if format is ListFormat.json:
        print_json({"query": name, "results": [r.as_dict() for r in results]})
        return
    if not results:
        stdout.print(f"no list entry scores {threshold} or more for {name!r}")
        return
    table = Table("score", "status", "list entry", "dataset", "programs", "why", box=None)
    for r in results:
        table.add_row(
            f"{r.score:.2f}",
            r.status,
            r.caption,
            r.dataset,
            ", ".join(r.programs),
            r.as_dict()["explanation"]["summary"],
        )
    stdout.print(table)
