"""Who did what to whom on the sample corpus, against the labels in expected.json.

The labels ("conduct" in examples/corpus/expected.json) were written from the
pages' text by a reader who had not seen the extraction rules. The build is the
seeds and the sample corpus with the lists from ../shared (the `built` fixture).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casework.casefile.assemble import assemble
from casework.casefile.model import CaseFile
from casework.casefile.subjects import find_subject
from casework.errors import CaseworkError
from casework.store import Workspace
from tests.conftest import EXAMPLES

LABELS = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["conduct"]
ABUSES = {
    "detention",
    "imprisonment",
    "torture",
    "killing",
    "disappearance",
    "raid",
    "due_process",
    "intimidation",
    "forced_labour",
    "press_restriction",
}


def _case(ws_path: Path, name: str) -> CaseFile | None:
    with Workspace.open(ws_path) as ws:
        try:
            entity = find_subject(ws.backend, name)
        except CaseworkError:
            return None
        return assemble(ws.backend, entity, datetime.now(UTC), str(ws_path))


def _labelled_accused() -> dict[str, list[dict]]:
    """Named people the labels give an abuse, with those acts."""
    out: dict[str, list[dict]] = {}
    for page in LABELS.values():
        for act in page["acts"]:
            if act["actor"] and act["act"] in ABUSES and page["parts"].get(act["actor"]):
                out.setdefault(act["actor"], []).append(act)
    return out


def _own_acts(case: CaseFile):
    return [a for c in case.conduct for a in c.acts if a.part == "actor"]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["Rauf Talibov", "Elshad Nasirli", "Kamran Bagirzade"])
def test_the_accused_officials_have_cited_conduct_with_mode_and_date(built, name):
    ws_path, _, _ = built
    labelled = _labelled_accused()[name]
    case = _case(ws_path, name)
    assert case is not None and case.part == "perpetrator"
    acts = [a for a in _own_acts(case) if a.category == "human_rights"]
    assert acts, f"{name} has no conduct"
    # The mode the labels give is among the modes read, and every act is dated
    # absolutely or bounded by its report's date.
    assert {a["mode"] for a in labelled} & {a.mode for a in acts}
    assert all(a.dated or a.reported for a in acts)
    assert all(a.citation.quote and a.citation.document_id in case.sources for a in acts)
    victims = {v for a in labelled for v in a["victims"]}
    if victims:
        named = {a.target for a in acts if a.target}
        assert any(v.split()[-1] in t for v in victims for t in named), (name, named)


@pytest.mark.shared
def test_victims_sources_and_advocates_have_no_conduct_of_their_own(built):
    ws_path, _, _ = built
    checked = 0
    for page in LABELS.values():
        for name, part in page["parts"].items():
            if part not in ("victim", "source", "advocate"):
                continue
            if any(p["parts"].get(name) == "perpetrator" for p in LABELS.values()):
                continue  # a perpetrator on another page
            case = _case(ws_path, name)
            if case is None:
                continue
            checked += 1
            own = [a for a in _own_acts(case) if not a.in_comment]
            assert not own, (name, part, [(a.kind, a.citation.quote) for a in own])
            assert case.part != "perpetrator", (name, part)
    assert checked >= 10


@pytest.mark.shared
def test_a_call_for_sanctions_is_context_and_victims_list_what_was_done_to_them(built):
    ws_path, _, _ = built
    monitor = _case(ws_path, "Free Press Monitor")
    assert monitor is not None and monitor.part == "advocate" and monitor.calls
    assert not any(c.kind == "sanctions_call" for c in monitor.conduct)
    talibov = _case(ws_path, "Rauf Talibov")
    assert talibov.named_in_calls and not any(c.kind == "sanctions_call" for c in talibov.conduct)
    victim = _case(ws_path, "Nigar Sadigova")
    assert victim.part == "victim" and not _own_acts(victim)
    assert {a.kind for a in victim.suffered} >= {"torture"}
    assert all(a.actor != "Nigar Sadigova" for a in victim.suffered)


@pytest.mark.shared
def test_no_response_is_exculpatory_information_and_a_victims_denial_is_not(built):
    ws_path, _, _ = built
    directorate = _case(ws_path, "Internal Security Directorate")
    assert any(r.kind == "no_response" for r in directorate.exculpatory)
    # Nazarli's denial of the charges against him is his, never the colonel's.
    talibov = _case(ws_path, "Rauf Talibov")
    assert not any("denied the charges" in r.citation.quote for r in talibov.exculpatory)
    labelled = [
        x for page in LABELS.values() for x in page["exculpatory"] if x["kind"] == "no_response"
    ]
    assert labelled


@pytest.mark.shared
def test_labelled_actor_and_act_recall_on_the_sample_corpus(built):
    """(actor, act) pairs the labels name, found in the actor's case file. The floor
    is below today's figure; the figure is printed for the README."""
    ws_path, _, _ = built
    pairs = {
        (a["actor"], a["act"])
        for page in LABELS.values()
        for a in page["acts"]
        if a["actor"] and a["act"] in ABUSES | {"corruption", "bribery", "money_laundering"}
    }
    found = 0
    for actor, kind in sorted(pairs):
        case = _case(ws_path, actor)
        if case is not None and any(a.kind == kind for a in _own_acts(case)):
            found += 1
    recall = found / len(pairs)
    print(f"sample corpus (actor, act) recall {recall:.2f} ({found}/{len(pairs)})")
    assert recall >= 0.5


@pytest.mark.shared
def test_the_submission_draft_has_a_section_per_incident_and_the_full_hash(built):
    from casework.casefile.render import render

    ws_path, _, _ = built
    case = _case(ws_path, "Rauf Talibov")
    incidents = case.incidents()
    assert incidents and all(i.part == "actor" for i in incidents)
    torture = [i for i in incidents if i.kind == "torture"]
    assert torture and torture[0].uk_right.startswith("the right not to be subjected to torture")
    md = render(case, "md")
    assert "#### Incident 1:" in md and "Mode of involvement: ordered or commanded" in md
    assert "6.0 Submitter and point of contact" in md and "6.6 Exculpatory information" in md
    assert "under the UK Global Human Rights regime" in md
    for source in case.sources.values():
        assert f"sha256 {source.sha256}," in md and len(source.sha256) == 64


@pytest.mark.shared
@pytest.mark.parametrize("author", ["David Kramer", "Richard Kauzlarich"])
def test_the_seed_op_eds_authors_are_not_accused(built, author):
    """A former US official who co-writes an op-ed holds no office where the abuses
    he describes happen: no jurisdiction, no conduct, not a perpetrator."""
    ws_path, _, _ = built
    case = _case(ws_path, author)
    assert case is not None and case.part != "perpetrator"
    assert not [a for c in case.conduct for a in c.acts]
