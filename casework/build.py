"""`casework build`: from a folder of sources to case files and a report, in one run.

The steps are the stages in `casework.stages` order: lists, ingest, extract,
resolve, screen (every resolved person and organisation), coordination, case
files, report. Each step's completion is logged in `build_runs`, so a build that
is stopped (Ctrl-C, a killed machine) and run again with the same sources and
output folder skips the steps it finished; the steps themselves resume too
(ingest skips stored sources, extract takes only documents it has not read),
and every later step is deterministic, so the resumed build writes what an
uninterrupted one would. Case files carry the build's start time as their
generation time, which a resumed build keeps.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from normality import slugify

from casework import __version__
from casework.casefile import report
from casework.casefile.assemble import assemble
from casework.casefile.render import SUFFIXES, write, write_whole
from casework.coordination import Settings
from casework.coordination import store as coordination
from casework.coordination.export import export as export_network
from casework.coordination.pseudonyms import pseudonymised, workspace_key
from casework.errors import CaseworkError
from casework.extract import pipeline as extract
from casework.ingest import IngestConfig, Listener
from casework.ingest import run as ingest
from casework.lists.loader import load as load_lists
from casework.lists.update import UpdateOptions, update
from casework.resolve import pipeline as resolve
from casework.screen import entities as screening
from casework.screen.session import ScreeningSession
from casework.store.ids import make_id
from casework.store.workspace import Workspace

STEPS = (
    "lists",
    "ingest",
    "extract",
    "resolve",
    "screen",
    "coordination",
    "casefiles",  # and the report over them
)
CASEFILE_FOLDER = "casefiles"
NETWORK_FOLDER = "coordination"


@dataclass(frozen=True)
class BuildConfig:
    sources: tuple[str, ...]
    out_dir: Path
    lists_dir: Path | None = None
    update_lists: bool = False
    list_options: UpdateOptions = field(default_factory=UpdateOptions)
    formats: tuple[str, ...] = ("html", "json")
    top: int | None = None  # case files for the N most mentioned subjects only
    ingest: IngestConfig = field(default_factory=IngestConfig)
    extract: extract.ExtractConfig = field(default_factory=extract.ExtractConfig)
    coordination: Settings = field(default_factory=Settings)
    # Commenters' accounts as pseudonyms in the case files, the report and the
    # network export (casework.coordination.pseudonyms); the workspace keeps them.
    pseudonymise: bool = False

    @property
    def key(self) -> str:
        """Same sources, lists and output folder: the same build, to resume."""
        return make_id(
            "build",
            *sorted(str(Path(s).resolve()) for s in self.sources),
            str(self.out_dir.resolve()),
            str(self.lists_dir.resolve()) if self.lists_dir else None,
            self.update_lists,
        )


class Display(Protocol):
    """How a build shows itself: the CLI draws one progress display, tests stay silent."""

    def step(self, name: str, number: int, total: int) -> Listener: ...

    def say(self, line: str) -> None: ...


class Quiet:
    def step(self, name: str, number: int, total: int) -> Listener:
        return Listener()

    def say(self, line: str) -> None:
        pass


@dataclass
class BuildReport:
    key: str
    out_dir: Path
    report: Path | None = None
    casefiles: int = 0
    resumed: list[str] = field(default_factory=list)  # steps skipped as already done
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "build": self.key,
            "out_dir": str(self.out_dir),
            "report": str(self.report) if self.report else None,
            "casefiles": self.casefiles,
            "resumed": self.resumed,
            "steps": self.steps,
            "seconds": round(self.seconds, 2),
        }


def run(workspace: Workspace, config: BuildConfig, display: Display | None = None) -> BuildReport:
    display = display or Quiet()
    started = time.perf_counter()
    log = _BuildLog.open(workspace, config)
    result = BuildReport(config.key, config.out_dir)
    steps: dict[str, Callable[[Listener], dict[str, Any]]] = {
        "lists": lambda listener: _lists(workspace, config, display),
        "ingest": lambda listener: ingest(
            workspace, list(config.sources), config.ingest, listener
        ).as_dict(),
        "extract": lambda listener: _extracted(
            extract.run(workspace.backend, config.extract, listener)
        ),
        "resolve": lambda listener: _resolve(workspace),
        "screen": lambda listener: _screen(workspace, listener),
        "coordination": lambda listener: _coordination(workspace, config),
        "casefiles": lambda listener: _casefiles(workspace, config, log.started, listener),
    }
    for number, name in enumerate(STEPS, start=1):
        if name in log.steps:
            result.resumed.append(name)
            result.steps[name] = log.steps[name]
            continue
        listener = display.step(name, number, len(STEPS))
        summary = steps[name](listener)
        log.done(name, summary)
        result.steps[name] = log.steps[name]
        display.say(_line(name, summary))
    log.finish()
    result.report = config.out_dir / "report.html"
    result.casefiles = int(result.steps["casefiles"].get("subjects", 0))
    result.seconds = time.perf_counter() - started
    return result


class _BuildLog:
    """The build_runs row of this build: which steps are done, when it started."""

    def __init__(self, workspace: Workspace, key: str, started: datetime, steps: dict) -> None:
        self.backend = workspace.backend
        self.key = key
        self.started = started
        self.steps = steps

    @classmethod
    def open(cls, workspace: Workspace, config: BuildConfig) -> _BuildLog:
        backend = workspace.backend
        row = backend.query(
            "SELECT started_at, steps FROM build_runs WHERE id = ? AND finished_at IS NULL",
            [config.key],
        )
        if row:
            return cls(workspace, config.key, row[0]["started_at"], json.loads(row[0]["steps"]))
        started = datetime.now(UTC).replace(microsecond=0)
        with backend.transaction():
            backend.execute("DELETE FROM build_runs WHERE id = ?", [config.key])
            backend.insert_rows(
                "build_runs",
                [
                    {
                        "id": config.key,
                        "sources": list(config.sources),
                        "out_dir": str(config.out_dir),
                        "started_at": started,
                        "finished_at": None,
                        "steps": "{}",
                        "casework_version": __version__,
                    }
                ],
            )
        return cls(workspace, config.key, started, {})

    def done(self, step: str, summary: dict[str, Any]) -> None:
        self.steps[step] = _jsonable(summary)
        self.backend.execute(
            "UPDATE build_runs SET steps = ? WHERE id = ?", [json.dumps(self.steps), self.key]
        )

    def finish(self) -> None:
        self.backend.execute(
            "UPDATE build_runs SET finished_at = ? WHERE id = ?", [datetime.now(UTC), self.key]
        )


def _lists(workspace: Workspace, config: BuildConfig, display: Display) -> dict[str, Any]:
    if config.lists_dir is not None:
        loaded = load_lists(workspace, [str(config.lists_dir)])
        for error in loaded.errors:
            display.say(f"lists: {error}")
        return {
            "loaded": {d.dataset: d.version for d in loaded.loaded},
            "errors": loaded.errors,
            "notes": loaded.notes,
        }
    if config.update_lists:
        updated = update(workspace, None, config.list_options)
        for failed in (s for s in updated.sources if s.status == "failed"):
            display.say(f"lists: {failed.source} failed ({failed.error}); kept what was loaded")
        return {"updated": {s.dataset or s.source: s.status for s in updated.sources}}
    held = workspace.backend.query("SELECT name, version FROM list_datasets ORDER BY name")
    if not held:
        display.say(
            "lists: none loaded and none asked for (--lists DIR or --update-lists); "
            "case files will say the subjects were not screened"
        )
    return {"loaded_before": {r["name"]: r["version"] for r in held}}


def _extracted(done: extract.ExtractReport) -> dict[str, Any]:
    return {
        "documents": done.documents,
        "mentions": done.mentions,
        "quotes": done.quotes,
        "acts": done.acts,
        "skipped_segments": done.skipped,
        "skipped_languages": dict(done.skipped_languages),
        "model": done.model,
    }


def _resolve(workspace: Workspace) -> dict[str, Any]:
    try:
        done = resolve.run(workspace.backend)
    except CaseworkError as exc:  # nothing extracted: an empty build still reports
        return {"skipped": exc.message}
    return {
        "mentions": done.mentions,
        "entities": dict(done.entities),
        "accounts": done.accounts,
        "review": done.review,
    }


def _screen(workspace: Workspace, listener: Listener) -> dict[str, Any]:
    backend = workspace.backend
    if not backend.scalar("SELECT count(*) FROM list_datasets"):
        backend.execute("DELETE FROM entity_screening")
        backend.execute("DELETE FROM screened_entities")
        return {"skipped": "no sanctions lists loaded"}
    session = ScreeningSession.open(backend, str(workspace.path), record=False, show_ruled_out=True)
    report = screening.run(backend, session, listener).as_dict()
    session.close()
    return report


def _coordination(workspace: Workspace, config: BuildConfig) -> dict[str, Any]:
    network = coordination.run(workspace.backend, config.coordination)
    if network.accounts:
        shown = network
        if config.pseudonymise:
            shown = pseudonymised(network, workspace_key(workspace.backend))
        export_network(shown, config.out_dir / NETWORK_FOLDER)
    return {
        "accounts": len(network.accounts),
        "links": len(network.links),
        "communities": len(network.communities),
        "talking_points": len(network.talking_points),
    }


def subjects(workspace: Workspace, top: int | None = None) -> list[dict[str, Any]]:
    """The persons and organisations that get a case file, most mentioned first."""
    return workspace.backend.query(
        "SELECT id, name FROM entities WHERE label IN ('PERSON', 'ORG') "
        "ORDER BY mentions DESC, documents DESC, id LIMIT ?",
        [top or 2**62],
    )


def casefile_name(entity_id: str, name: str) -> str:
    """A file name a person can read, unique by the entity id."""
    return f"{slugify(name) or 'subject'}-{entity_id.split('-', 1)[-1][:10]}"


def _casefiles(
    workspace: Workspace, config: BuildConfig, generated: datetime, listener: Listener
) -> dict[str, Any]:
    """Every subject's case file, then the report that ranks and links them."""
    chosen = subjects(workspace, config.top)
    listener.total(len(chosen))
    folder = config.out_dir / CASEFILE_FOLDER
    network = coordination.load(workspace.backend)
    key = workspace_key(workspace.backend) if config.pseudonymise else None
    listed = []
    for subject in chosen:
        listener.advance(subject["name"])
        case = assemble(
            workspace.backend, subject["id"], generated, str(workspace.path), network, key
        )
        stem = casefile_name(subject["id"], subject["name"])
        for fmt in config.formats:
            write(case, fmt, folder / f"{stem}{SUFFIXES[fmt]}")
        listed.append(report.Listed(case, f"{CASEFILE_FOLDER}/{stem}.html"))
    shown = pseudonymised(network, key) if key is not None and network is not None else network
    html = report.to_html(listed, shown, report.counts(workspace.backend), generated)
    path = write_whole(config.out_dir / "report.html", html)
    return {"subjects": len(chosen), "folder": str(folder), "report": str(path)}


def _jsonable(value: Any) -> Any:
    """A step's summary as JSON data (reports hold Counters with tuple keys, dates)."""
    if isinstance(value, dict):
        return {
            (
                k
                if isinstance(k, str)
                else " ".join(map(str, k))
                if isinstance(k, tuple)
                else str(k)
            ): _jsonable(v)
            for k, v in value.items()
        }
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _line(step: str, summary: dict[str, Any]) -> str:
    """One line per finished step, for the terminal."""
    shown = {k: v for k, v in summary.items() if not isinstance(v, (list, dict)) or v}
    parts = [f"{k}={v}" for k, v in list(shown.items())[:6] if k not in ("errors",)]
    return f"{step}: " + ", ".join(parts)
