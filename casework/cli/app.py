"""The `casework` command: a light root whose verbs load when they are called.

Each verb lives in its own module (casework.cli.ingest, .screen, .casefile, ...)
with the imports its work needs; the root knows each verb's name and one line
of help, so `casework --help` and `casework --version` load none of them, and
`casework screen NAME` loads screening and nothing else. A test keeps the
lines here equal to the verbs' own docstrings.
"""

from __future__ import annotations

from importlib import import_module
from typing import Annotated, Any

import typer
import typer.main
from typer import _click
from typer.core import TyperCommand, TyperGroup

from casework import __version__

# name: (module, attribute, one line of help). The attribute is a command
# function or a Typer app of subcommands. In the order a user meets them.
VERBS: dict[str, tuple[str, str, str]] = {
    "ingest": (
        "casework.cli.ingest",
        "ingest_command",
        "Read pages, text dumps, WARC archives and post exports into the workspace.",
    ),
    "documents": (
        "casework.cli.ingest",
        "documents_command",
        "List documents with their comments (JSON, FtM) or comment counts (table).",
    ),
    "show": (
        "casework.cli.ingest",
        "show_command",
        "One document whole: metadata, body, comment thread, provenance.",
    ),
    "extract": (
        "casework.cli.extract",
        "extract_command",
        "Extract mentions from the documents and comments not yet processed.",
    ),
    "resolve": (
        "casework.cli.resolve",
        "resolve_app",
        "Resolve mentions into entities; review uncertain merges; record decisions.",
    ),
    "entities": (
        "casework.cli.resolve",
        "entities_command",
        "Resolved entities, most mentioned first.",
    ),
    "lists": (
        "casework.cli.lists",
        "lists_app",
        "Sanctions and PEP lists: download or load them, show loaded datasets.",
    ),
    "screen": (
        "casework.cli.screen",
        "screen_command",
        "Screen a name (or a CSV of names) against the loaded sanctions lists.",
    ),
    "decide": (
        "casework.cli.screen",
        "decide_command",
        "Record a decision on a screening result; later screenings honour it.",
    ),
    "coordination": (
        "casework.cli.coordination",
        "coordination_command",
        "Find accounts that post alike and campaigns in comment sections, with the evidence.",
    ),
    "build": (
        "casework.cli.casefile",
        "build_command",
        "Ingest, extract, resolve, screen, find coordination, write case files and a report.",
    ),
    "casefile": (
        "casework.cli.casefile",
        "casefile_command",
        "One subject's case file: identity, alleged conduct, statements, sanctions status,"
        " discourse, a submission draft; every statement cited to its source.",
    ),
}


def load_verb(name: str) -> _click.Command:
    """The verb's real command, its module imported now."""
    module, attribute, _ = VERBS[name]
    target = getattr(import_module(module), attribute)
    if isinstance(target, typer.Typer):
        command = typer.main.get_command(target)
    else:
        holder = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        holder.command(name)(target)
        command = typer.main.get_command(holder)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """Lists every verb from VERBS; imports one only when it is run or asked for help."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, (_, _, line) in VERBS.items():
            self.commands.setdefault(name, TyperCommand(name=name, help=line, short_help=line))
        self._loaded: set[str] = set()

    def resolve_command(self, ctx: _click.Context, args: list[str]) -> Any:
        name = args[0] if args else None
        if name in VERBS and name not in self._loaded:
            self.commands[name] = load_verb(name)
            self._loaded.add(name)
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="casework",
    cls=LazyGroup,
    help="Evidence-linked case files from open-source reporting.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"casework {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Casework turns news pages, comment threads and post exports into case files."""
