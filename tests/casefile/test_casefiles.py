"""Case files from a real build: the must-holds on the seeds and the sample corpus,
every citation walked back to the stored text, and each export format read back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model

from casework.casefile.assemble import assemble
from casework.casefile.render import render
from casework.casefile.subjects import find_subject
from casework.errors import CaseworkError
from casework.store import Workspace
from tests.conftest import SEEDS


def _case(ws_path: Path, ref: str):
    from datetime import UTC, datetime

    with Workspace.open(ws_path) as ws:
        return assemble(ws.backend, find_subject(ws.backend, ref), datetime.now(UTC), str(ws_path))


def _citations(data):
    """Every citation object anywhere in a case file's JSON."""
    if isinstance(data, dict):
        if {"document_id", "start", "end", "quote"} <= set(data):
            yield data
        for value in data.values():
            yield from _citations(value)
    elif isinstance(data, list):
        for value in data:
            yield from _citations(value)


@pytest.mark.shared
def test_ilham_aliyev_case_file_holds_the_seeds(built):
    ws_path, _, _ = built
    case = _case(ws_path, "Ilham Aliyev")
    seed_names = {p.name for p in SEEDS.iterdir()}
    cited_seeds = {Path(s.path).name for s in case.sources.values()} & seed_names
    assert cited_seeds == seed_names  # both seed documents are cited
    assert any("president" in r.role.casefold() for r in case.roles)
    seed_roles = [
        r for r in case.roles if Path(case.sources[r.citation.document_id].path).name in seed_names
    ]
    assert any("president" in r.role.casefold() for r in seed_roles)
    # The seeds' allegations (abuses and corruption in Azerbaijan), each attributed to
    # the source that makes it: the op-ed, and Azer Gasimly in the news report.
    seed_acts = [
        a
        for c in case.conduct
        for a in c.acts
        if Path(case.sources[a.citation.document_id].path).name in seed_names
    ]
    assert {Path(case.sources[a.citation.document_id].path).name for a in seed_acts} == seed_names
    assert {a.category for a in seed_acts} >= {"human_rights", "corruption"}
    assert any(a.said_by == "Azer Gasimly" for a in seed_acts)
    assert all("Azerbaijan" in a.places for a in seed_acts)
    # Screened, under his other spellings too, and no list hit stated in words.
    assert case.screening.screened and not case.screening.hits
    assert case.screening.statement.startswith("No list hit against the loaded lists")
    assert "No list hit" in render(case, "html")
    assert "Ilham Aliye" in {n.text for n in case.names}


@pytest.mark.shared
def test_glomag_listed_person_shows_the_ofac_hit(built):
    ws_path, _, _ = built
    case = _case(ws_path, "Gulnara Karimova")
    hits = [h for h in case.screening.hits if h.dataset == "us_ofac_sdn" and "GLOMAG" in h.programs]
    assert hits and hits[0].caption.casefold() == "gulnara karimova"
    assert "name" in hits[0].explanation
    html = render(case, "html")
    assert "GLOMAG" in html and hits[0].list_entity_id in html


@pytest.mark.shared
def test_a_near_namesake_is_a_possible_match_and_a_ruling_sticks(built, tmp_path):
    import shutil

    from casework.screen.decisions import decide

    ws_path, _, _ = built
    case = _case(ws_path, "Gulnara Karimova")
    assert len(case.screening.hits) == 1  # KARIMOVA, GLOMAG; not the Kerimova entries
    assert case.screening.statement.startswith("1 list hit ")
    near = [h for h in case.screening.possible if "KERIMOVA" in h.caption]
    assert near and near[0].identifiers["born"]  # the list entry's own facts beside it
    assert "possible match for review" in near[0].explanation
    assert "The sources say of the subject: written: Gulnara Karimova" in render(case, "md")
    # A decision changes the next case file, without screening again, and stays on the record.
    copy = tmp_path / "decided.duckdb"
    shutil.copy(ws_path, copy)
    with Workspace.open(copy) as ws:
        decide(
            ws.backend,
            "Gulnara Karimova",
            near[0].list_entity_id,
            "different",
            note="born elsewhere, another year",
            user="tester",
        )
    after = _case(copy, "Gulnara Karimova")
    ruled = [h for h in after.screening.ruled_out if h.list_entity_id == near[0].list_entity_id]
    assert ruled and ruled[0].status == "ruled out"
    assert ruled[0].decision.user == "tester" and ruled[0].decision.note
    assert near[0].list_entity_id not in {h.list_entity_id for h in after.screening.possible}
    text = render(after, "md")
    assert "Ruled out by an analyst" in text and "born elsewhere, another year" in text


@pytest.mark.shared
def test_a_resolution_decision_reaches_the_next_case_file(built, tmp_path):
    """`resolve decide` re-resolves and, where the entities had been screened,
    screens them again: the merged subject's next case file is screened."""
    import shutil

    from typer.testing import CliRunner

    from casework.cli import app

    ws_path, _, _ = built
    copy = tmp_path / "merged.duckdb"
    shutil.copy(ws_path, copy)
    result = CliRunner().invoke(
        app,
        ["resolve", "decide", "Gulnara Karimova", "Elvin Nazarli", "--same", "-w", str(copy)],
    )
    assert result.exit_code == 0, result.output
    assert "screened again" in result.output
    case = _case(copy, "Gulnara Karimova")
    assert case.screening.screened and len(case.screening.hits) == 1
    assert "Elvin Nazarli" in case.screening.queries


@pytest.mark.shared
def test_every_citation_resolves_to_a_stored_span(built):
    ws_path, out, report = built
    files = sorted((out / "casefiles").glob("*.json"))
    assert len(files) == report.casefiles > 50
    walked = 0
    with Workspace.open(ws_path) as ws:
        texts = {
            r["id"]: r["full_text"] for r in ws.backend.query("SELECT id, full_text FROM documents")
        }
        comments = {
            r["id"]: r
            for r in ws.backend.query("SELECT id, document_id, span_start, span_end FROM comments")
        }
        listed = {r["id"] for r in ws.backend.query("SELECT id FROM list_entities")}
        for path in files:
            data = json.loads(path.read_text(encoding="utf-8"))
            for cite in _citations(data):
                text = texts[cite["document_id"]]
                assert text[cite["start"] : cite["end"]] == cite["quote"], (path.name, cite)
                assert cite["document_id"] in data["sources"]
                if cite["comment_id"]:
                    comment = comments[cite["comment_id"]]
                    assert comment["document_id"] == cite["document_id"]
                    assert comment["span_start"] <= cite["start"] < comment["span_end"]
                walked += 1
            for hit in data["screening"]["hits"] + data["screening"]["possible"]:
                assert hit["list_entity_id"] in listed
    assert walked > 500


@pytest.mark.shared
def test_report_ranks_and_links_every_case_file(built):
    _, out, _ = built
    html = (out / "report.html").read_text(encoding="utf-8")
    for path in (out / "casefiles").glob("*.html"):
        assert f'href="casefiles/{path.name}"' in html
    assert "GLOMAG" in html and "Timeline of alleged acts" in html and "<svg" in html
    assert (out / "coordination" / "network.html").is_file()
    assert html.index("Ilham Aliyev") < html.index("Azer Gasimly")  # weight of evidence


def test_subject_found_in_any_spelling_and_ambiguity_refused(hostile):
    ws_path, _ = hostile
    with Workspace.open(ws_path) as ws:
        kalnin = find_subject(ws.backend, "Boris Kalnin")
        assert find_subject(ws.backend, "Борис Калнин") == kalnin
        assert find_subject(ws.backend, "Kalnin Boris") == kalnin
        assert find_subject(ws.backend, kalnin[:20]) == kalnin
        with pytest.raises(CaseworkError) as missing:
            find_subject(ws.backend, "Nobody Atall")
        assert missing.value.code == "E703"


def test_markdown_escapes_source_text(hostile):
    ws_path, _ = hostile
    text = render(_case(ws_path, "Boris Kalnin"), "md")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "## 4. Sanctions status" in text and "Not screened: no sanctions lists" in text
    assert "for the researcher to complete — not generated" in text


def test_ftm_export_reads_back_with_followthemoney(hostile, tmp_path):
    ws_path, _ = hostile
    case = _case(ws_path, "Boris Kalnin")
    path = tmp_path / "kalnin.ftm.json"
    path.write_text(render(case, "ftm"), encoding="utf-8")
    ftm = Path(sys.executable).with_name("ftm")
    checked = subprocess.run(
        [str(ftm), "validate", "-i", str(path), "-o", str(tmp_path / "out.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    entities = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    schemata = {e.schema.name for e in entities}
    assert {"Person", "Article", "Mention", "Event", "Documentation"} <= schemata
    subject = next(e for e in entities if e.id == case.subject.id)
    assert "Boris Kalnin" in subject.get("name")
    events = [e for e in entities if e.schema.name == "Event"]
    assert any(case.subject.id in e.get("organizer") for e in events)  # he ordered the arrest
    assert len((tmp_path / "out.json").read_text().splitlines()) == len(entities)


def test_pdf_export_is_a_pdf(hostile):
    ws_path, _ = hostile
    pdf = render(_case(ws_path, "Boris Kalnin"), "pdf")
    assert pdf[:5] == b"%PDF-" and len(pdf) > 5000


def test_json_case_file_for_an_alleged_perpetrator(hostile):
    ws_path, _ = hostile
    data = json.loads(render(_case(ws_path, "Boris Kalnin"), "json"))
    conduct = {(c["kind"], c["target"]) for c in data["conduct"]}
    assert ("detention", "Anna Petrova") in conduct
    act = next(a for c in data["conduct"] for a in c["acts"] if c["kind"] == "detention")
    assert act["part"] == "actor" and act["date"] == "2025-02-02" and "Karvia" in act["places"]
    assert act["date_text"] == "2 February 2025"
    assert data["provenance"]["casework_version"] and data["provenance"]["generated_at"]
    said_about = [q["speaker"] for q in data["said_about"]]
    assert "Lev Orlan" in said_about
    discourse = data["discourse"][0]["findings"]
    # the three accounts pasting one text within minutes: a campaign, and its text a
    # talking point
    kinds = {f["kind"]: f for f in discourse}
    assert set(kinds) >= {"campaign", "talking_point"}
    assert len(kinds["campaign"]["accounts"]) == 3
    assert "within 2 minutes" in kinds["campaign"]["summary"]
    assert "near-identical texts" in kinds["campaign"]["summary"]
    assert len(kinds["talking_point"]["accounts"]) == 3
