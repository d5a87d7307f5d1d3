"""`casework screen`: one name, or a CSV of names, against the loaded lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from casework.cli.common import (
    DEFAULT_WORKSPACE_PATH,
    ListFormat,
    WorkspaceOption,
    fail,
    one_verdict,
    open_workspace,
)
from casework.cli.output import print_json, progress_listener, stderr, stdout
from casework.errors import CaseworkError
from casework.screen import REVIEW_THRESHOLD, QueryFacts, ScreenQuery
from casework.screen.batch import screen_file
from casework.screen.decisions import decide
from casework.screen.screener import explain
from casework.screen.session import Outcome, ScreeningSession

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
    show_ruled_out: Annotated[
        bool, typer.Option(help="Also show results an analyst ruled out (decide --different).")
    ] = False,
    record: Annotated[
        bool, typer.Option(help="Keep this screening to report changes next time.")
    ] = True,
    jobs: Annotated[
        int, typer.Option(help="Worker processes for a batch (0: one per CPU).", min=0)
    ] = 0,
) -> None:
    """Screen a name (or a CSV of names) against the loaded sanctions lists."""
    if schema is not None and schema not in SCHEMATA:
        raise typer.BadParameter(f"schema must be one of {', '.join(SCHEMATA)}")
    if (name is None) == (input is None):
        raise typer.BadParameter("give a NAME, or --input names.csv (with --output)")
    with open_workspace(workspace) as ws:
        try:
            session = ScreeningSession.open(
                ws.backend,
                str(workspace),
                eager=input is not None,
                record=record,
                show_ruled_out=show_ruled_out,
            )
        except CaseworkError as exc:
            raise fail(exc) from exc
        if input is not None:
            out = output or input.with_name(input.stem + "-results.csv")
            with progress_listener("screen") as listener:
                try:
                    summary = screen_file(
                        session, input, out, threshold, limit, listener, jobs=jobs
                    )
                except CaseworkError as exc:
                    raise fail(exc) from exc
            session.close()
            stderr.print(
                f"{summary.queries} names screened, {summary.matches} matches, "
                f"{summary.reviews} to review, {summary.failed} bad rows, "
                f"{summary.changed} results new, changed or gone since last time -> {out}",
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
        outcome = session.screen(query)
        session.close()
    if format is ListFormat.json:
        print_json(outcome.as_dict())
        return
    _print_outcome(outcome, threshold)


def _print_outcome(outcome: Outcome, threshold: float) -> None:
    if not outcome.results:
        stdout.print(f"no list entry scores {threshold} or more for {outcome.query.name!r}")
    table = Table("score", "status", "change", "list entry", "dataset", "programs", "why", box=None)
    for r in outcome.results:
        table.add_row(
            f"{r.score:.2f}",
            r.status,
            r.change or "",
            r.caption,
            r.dataset,
            ", ".join(r.programs),
            explain(r),
        )
    if outcome.results:
        stdout.print(table)
    for gone in outcome.removed:
        stdout.print(
            f"no longer found: {gone['entity_id']} ({gone['dataset']}), "
            f"was {gone['previous_status']} in version {gone['previous_version']}"
        )


def decide_command(
    query: Annotated[str, typer.Argument(help="The screened name, as queried.")],
    entity_id: Annotated[str, typer.Argument(help="The list entity id from the results.")],
    same: Annotated[bool, typer.Option("--same", help="The query is this list entry.")] = False,
    different: Annotated[
        bool, typer.Option("--different", help="A false positive: keep it out from now on.")
    ] = False,
    unsure: Annotated[bool, typer.Option("--unsure", help="Keep it in review.")] = False,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    user: Annotated[str | None, typer.Option(help="Who decides (default: $CASEWORK_USER)")] = None,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE_PATH,
) -> None:
    """Record a decision on a screening result; later screenings honour it."""
    verdict = one_verdict(same, different, unsure)
    with open_workspace(workspace) as ws:
        known = ws.backend.scalar("SELECT count(*) FROM list_entities WHERE id = ?", [entity_id])
        if not known:
            stderr.print(f"[red]error[/red] no list entity has the id {entity_id!r}")
            raise typer.Exit(1)
        decision = decide(ws.backend, query, entity_id, verdict, note, user)
    stderr.print(
        f"recorded: {query!r} is {decision.verdict} to {entity_id} "
        f"({decision.user}, {decision.created_at:%Y-%m-%d %H:%M})",
        highlight=False,
    )
