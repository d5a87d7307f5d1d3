"""The EU's files as published: the name the EU gives first, low-quality aliases weak,
and the pre-2017 format read into the same dataset."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from casework.lists import list_datasets, load
from casework.lists.formats import detect
from tests.conftest import SHARED, needs_shared

SAMPLES = SHARED / "data" / "sanctions" / "samples"
FSF = SAMPLES / "eu_fsf_sample.xml"
LEGACY = SAMPLES / "eu_fsf_2016_old_format.xml"
NS = "{http://eu.europa.ec/fpi/fsd/export}"


def _listed(path):
    listing = detect(path).read(path)
    by_id = {e.id: e for e in listing.entities if e.schema.name != "Sanction"}
    return listing, {
        s.first("authorityId"): by_id[s.first("entity")]
        for s in listing.entities
        if s.schema.name == "Sanction"
    }


@needs_shared
def test_the_name_is_the_one_the_eu_publishes_first():
    _listing, entities = _listed(FSF)
    assert entities["EU.3579.2"].caption == "Khalid Sheikh MOHAMMED"
    assert "Henin Ashraf Refaat Nabith" in entities["EU.3579.2"].get("alias")


@needs_shared
def test_names_follow_the_files_own_markers():
    _listing, entities = _listed(FSF)
    root = ElementTree.parse(FSF).getroot()
    for element in root.iter(f"{NS}sanctionEntity"):
        entity = entities[element.get("euReferenceNumber")]
        aliases = element.findall(f"{NS}nameAlias")
        low = {
            a.get("wholeName")
            for a in aliases
            if any("low quality" in (r.text or "").lower() for r in a.iter(f"{NS}remark"))
        }
        assert low <= set(entity.get("weakAlias"))
        (name,) = entity.get("name")
        (chosen,) = [a for a in aliases if a.get("wholeName") == name][:1]
        assert chosen.get("strong") != "false" and name not in low
        languages = {(a.get("nameLanguage") or "").lower() for a in aliases}
        if languages & {"", "en"}:
            assert (chosen.get("nameLanguage") or "").lower() in {"", "en"}


@needs_shared
def test_the_pre_2017_format_reads_into_the_eu_dataset(workspace):
    listing, _entities = _listed(LEGACY)
    entity_count = len(re.findall(rb"<ENTITY\b", LEGACY.read_bytes()))
    listed = [e for e in listing.entities if e.schema.name != "Sanction"]
    assert (listing.dataset, listing.format) == ("eu_fsf", "eu-legacy-xml")
    assert len(listed) == entity_count and listing.skipped == []
    mugabe = next(e for e in listed if e.first("lastName") == "Mugabe")
    assert mugabe.get("passportNumber") == ["AD001095"] and mugabe.get("birthDate")
    report = load(workspace, [str(LEGACY)])
    assert report.errors == []
    (dataset,) = list_datasets(workspace.backend)
    assert (dataset["name"], dataset["version"]) == ("eu_fsf", "2016-02-11")
    assert dataset["entities"] == 2 * entity_count


@needs_shared
def test_one_load_of_two_versions_keeps_the_newest_whatever_the_order(workspace):
    # The legacy 2016 file sorts after the 2026 one here; the newest still stays.
    report = load(workspace, [str(FSF), str(LEGACY)])
    (kept,) = [d for d in report.loaded if d.dataset == "eu_fsf"]
    assert kept.version == "2026-08-05" and kept.source == str(FSF)
    assert any(str(LEGACY) in n and "not loaded" in n for n in report.notes)
    (stored,) = [d for d in list_datasets(workspace.backend) if d["name"] == "eu_fsf"]
    assert stored["version"] == "2026-08-05"
