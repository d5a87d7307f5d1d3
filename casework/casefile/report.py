"""The report over all case files: `report.html` in the build's output folder.

Alleged perpetrators ranked by weight of evidence (casefile.assemble.weigh, its
parts shown), the other subjects listed apart under their part (victims,
advocates, sources, institutions),
each with its sanctions hits and the coordination findings under its sources and
a link to its case file; a timeline of the alleged acts; the coordination
network drawn as SVG (the same picture `casework coordination --out` writes); and
counts of what was ingested, skipped and why. One self-contained file, like the
case files.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dateutil import parser as dateparser
from markupsafe import Markup

from casework import __version__
from casework.casefile.assemble import WEIGHTS
from casework.casefile.model import CRITERIA, Act, CaseFile
from casework.casefile.parts import PARTS, PLURALS
from casework.casefile.render import html_environment, stylesheet
from casework.coordination.export import svg
from casework.coordination.model import Network
from casework.store.backend import Backend

# The timeline's dates are written by people ("3 March", "last week"); only those
# that parse to a full date are placed by their own date, others by publication.
_DEFAULT = datetime(1, 1, 1)


@dataclass
class Listed:
    """One subject's line in the report."""

    case: CaseFile
    href: str

    @property
    def findings(self) -> int:
        return sum(len(d.findings) for d in self.case.discourse)


@dataclass
class TimelineEntry:
    when: str
    dated_by: str  # "act" or "report"
    act: Act
    subject: str
    href: str
    source: str


def counts(backend: Backend) -> dict[str, Any]:
    """What the workspace holds, and what was skipped on the way, with reasons."""
    errors: Counter[str] = Counter()
    for row in backend.query("SELECT errors FROM ingest_runs WHERE errors IS NOT NULL"):
        for error in json.loads(row["errors"]) or []:
            errors[_reason(error)] += 1
    languages: Counter[str] = Counter()
    for row in backend.query(
        "SELECT skipped, skipped_languages FROM extract_documents WHERE skipped > 0"
    ):
        languages.update(row["skipped_languages"] or ["unknown"])
    screened = backend.query(
        "SELECT skipped, count(*) AS n FROM screened_entities GROUP BY skipped ORDER BY n DESC"
    )
    return {
        "sources": backend.scalar("SELECT count(*) FROM sources"),
        "documents": backend.scalar("SELECT count(*) FROM documents"),
        "reprints": backend.scalar(
            "SELECT count(*) FROM document_groups WHERE canonical_id <> document_id"
        ),
        "comments": backend.scalar("SELECT count(*) FROM comments"),
        "failed": dict(errors.most_common()),
        "mentions": backend.scalar("SELECT count(*) FROM mentions"),
        "skipped_languages": dict(languages.most_common()),
        "entities": dict(
            (r["label"], r["n"])
            for r in backend.query(
                "SELECT label, count(*) AS n FROM entities GROUP BY label ORDER BY n DESC"
            )
        ),
        "acts": backend.scalar("SELECT count(*) FROM acts"),
        "quotes": backend.scalar("SELECT count(*) FROM quotes"),
        "screened": sum(r["n"] for r in screened if r["skipped"] is None),
        "not_screened": {r["skipped"]: r["n"] for r in screened if r["skipped"]},
        "lists": {
            r["name"]: {"version": r["version"], "entities": r["entities"], "skipped": r["skipped"]}
            for r in backend.query("SELECT * FROM list_datasets ORDER BY name")
        },
    }


def timeline(listed: list[Listed]) -> list[TimelineEntry]:
    """Alleged acts naming a subject as perpetrator, oldest first (each act once)."""
    seen: set[str] = set()
    entries = []
    for item in listed:
        for conduct in item.case.conduct:
            for act in conduct.acts:
                if act.part != "actor" or act.id in seen:
                    continue
                seen.add(act.id)
                when, by = _when(act)
                source = item.case.sources[act.citation.document_id]
                entries.append(
                    TimelineEntry(when, by, act, item.case.subject.name, item.href, source.title)
                )
    entries.sort(key=lambda e: (e.when or "9999", e.subject, e.act.id))
    return entries


def to_html(
    listed: list[Listed],
    network: Network | None,
    facts: dict[str, Any],
    generated_at: datetime,
    title: str = "Casework report",
) -> str:
    ranked = sorted(listed, key=lambda i: (-i.case.weight["total"], i.case.subject.name))
    # The report ranks the alleged perpetrators; everyone else is listed apart,
    # under their part (casefile.parts), not ranked against the accused.
    accused = [i for i in ranked if i.case.part == "perpetrator"]
    others = {
        part: [i for i in ranked if i.case.part == part]
        for part in PARTS
        if part not in ("perpetrator", "not_subject")
    }
    others = {part: items for part, items in others.items() if items}
    not_subjects = [i for i in ranked if i.case.part == "not_subject"]
    picture = Markup(svg(network)) if network is not None and network.links else None
    return (
        html_environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            listed=accused,
            others=others,
            part_labels=PLURALS,
            not_subjects=not_subjects,
            timeline=timeline(accused),
            network=network,
            picture=picture,
            facts=facts,
            weights=WEIGHTS,
            criteria=CRITERIA,
            css=Markup(stylesheet()),
            version=__version__,
            generated_at=generated_at.isoformat(timespec="seconds"),
        )
    )


def _when(act: Act) -> tuple[str | None, str]:
    if act.date and re.search(r"\d{4}", act.date):
        try:
            parsed = dateparser.parse(act.date, default=_DEFAULT, fuzzy=True)
            return parsed.date().isoformat(), "act"
        except (ValueError, OverflowError):
            pass
    return act.reported, "report"


def _reason(error: Any) -> str:
    """An ingest error's kind, without the path: "E104 not a page" for counting."""
    text = error.get("message") if isinstance(error, dict) else str(error)
    return (text or "unknown").split(": ", 1)[-1][:120]
