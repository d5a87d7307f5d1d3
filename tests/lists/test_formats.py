"""The OFAC XML, OFAC advanced, UK and EU readers on hand-written fixtures of fictional entries."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from casework.errors import ListError
from casework.lists import list_datasets, load
from casework.lists.formats import FORMATS, detect
from casework.lists.model import ListFile
from casework.lists.store import entity_rows
from casework.screen import QueryFacts, Screener, ScreenQuery
from tests.conftest import SHARED, needs_shared

FIXTURES = Path(__file__).parent / "fixtures"
OFAC_XML = FIXTURES / "ofac_sdn_sample.xml"
OFAC_ADVANCED = FIXTURES / "ofac_advanced_sample.xml"
UK = FIXTURES / "uk_sanctions_sample.xml"
EU = FIXTURES / "eu_fsf_sample.xml"
DETECTED = {OFAC_XML: "ofac-xml", OFAC_ADVANCED: "ofac-advanced", UK: "uk-xml", EU: "eu-xml"}
UN_HEAD = '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2025-03-01T00:00:00Z">\n'
OFAC_CSV_ROW = (
    '90101,"KORVALEV, Anselm Piotr","individual","GLOMAG","-0-","-0-","-0-","-0-",'
    '"-0-","-0-","-0-","DOB 14 Mar 1968."\n'
)


def read(path: Path) -> ListFile:
    return detect(path).read(path)


def entities(listing: ListFile) -> dict[str, dict]:
    """Listed entities (not their Sanctions) by caption, as their property dicts."""
    return {
        e.caption: e.to_dict()["properties"]
        for e in listing.entities
        if e.schema.name != "Sanction"
    }


def schemata(listing: ListFile) -> dict[str, int]:
    return dict(Counter(e.schema.name for e in listing.entities))


def programs(listing: ListFile) -> dict[str, list[str]]:
    return {r["caption"]: r["programs"] for r in entity_rows(listing) if r["schema"] != "Sanction"}


@pytest.mark.parametrize("path", list(DETECTED), ids=lambda p: p.name)
def test_each_fixture_is_claimed_by_its_reader_alone(path):
    head = path.read_bytes()[:16384]
    assert [f.name for f in FORMATS if f.sniff(path, head)] == [DETECTED[path]]


def test_the_existing_formats_still_detect_as_before(tmp_path, watchlist):
    un = tmp_path / "consolidated.xml"
    un.write_text(UN_HEAD + "</CONSOLIDATED_LIST>\n")
    sdn = tmp_path / "sdn.csv"
    sdn.write_text(OFAC_CSV_ROW)
    quoting = tmp_path / "notes.ftm.json"  # a tag inside JSON text is no root element
    quoting.write_text(
        '{"id": "n1", "schema": "Person", "properties": {"notes": ["<Designations>"]}}\n'
    )
    found = [detect(p).name for p in (watchlist, un, sdn, quoting)]
    assert found == ["ftm", "un-xml", "ofac-csv", "ftm"]


@needs_shared
@pytest.mark.parametrize(
    ("name", "expected"), [("ofac/sdn.csv", "ofac-csv"), ("un/consolidated.xml", "un-xml")]
)
def test_the_shared_list_files_are_claimed_by_their_reader_alone(name, expected):
    path = SHARED / "data" / "sanctions" / name
    head = path.read_bytes()[:16384]
    assert [f.name for f in FORMATS if f.sniff(path, head)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<sdnList xmlns="http://example.org/other">', "E301"),
        ("<sdnList>", "E301"),
        ('<Sanctions xmlns="urn:example:sanctions">', "E301"),
        ('<export xmlns="http://example.org/export"><sanctionEntity/>', "E301"),
        ("<export><report/>", "E301"),
        ("<export><sanctionEntity logicalId='1'/>", "eu-xml"),
        ("<!-- <Designations> --><Register>", "E301"),
    ],
)
def test_sniffers_look_at_the_root_element_and_namespace(tmp_path, text, expected):
    path = tmp_path / "list.xml"
    path.write_text('<?xml version="1.0"?>\n' + text)
    try:
        found = detect(path).name
    except ListError as exc:
        found = exc.code
    assert found == expected


def test_ofac_xml_names_facts_and_programs():
    listing = read(OFAC_XML)
    assert (listing.dataset, listing.format, listing.version) == (
        "us_ofac_sdn",
        "ofac-xml",
        "2025-03-14",
    )
    assert schemata(listing) == {"Person": 2, "Organization": 1, "Vessel": 1, "Sanction": 4}
    korvalev = entities(listing)["Anselm Piotr KORVALEV"]
    assert korvalev["alias"] == ["Anzelm KORVALEV"]
    assert korvalev["weakAlias"] == ["TOLIK"]
    assert korvalev["previousName"] == ["Anselm GRUDINSKY"]
    assert korvalev["birthDate"] == ["1968-03-14", "1969"]
    assert korvalev["nationality"] == ["by"] and korvalev["gender"] == ["male"]
    assert korvalev["passportNumber"] == ["MP4471902"]
    assert korvalev["idNumber"] == ["3140368A001PB1"]
    ortellano = entities(listing)["Lucia Beatriz ORTELLANO RIVAS"]
    assert ortellano["birthDate"] == ["1975"] and ortellano["weakAlias"] == ["LA CONTADORA"]
    vessel = entities(listing)["SEA MERIDIAN"]
    assert vessel["imoNumber"] == ["IMO9990014"] and vessel["flag"] == ["tg"]
    assert "website" not in entities(listing)["NORTHGATE TRIDENT TRADING LLC"]
    assert programs(listing) == {
        "Anselm Piotr KORVALEV": ["GLOMAG"],
        "Lucia Beatriz ORTELLANO RIVAS": ["VENEZUELA-EO13850"],
        "NORTHGATE TRIDENT TRADING LLC": ["IRGC", "SDGT"],
        "SEA MERIDIAN": ["IRAN"],
    }


def test_ofac_advanced_resolves_reference_values():
    listing = read(OFAC_ADVANCED)
    assert (listing.format, listing.version, listing.skipped) == ("ofac-advanced", "2025-03-14", [])
    assert schemata(listing) == {"Person": 2, "Organization": 1, "Vessel": 1, "Sanction": 4}
    korvalev = entities(listing)["Anselm Piotr KORVALEV"]
    assert korvalev["alias"] == ["Ансельм КОРВАЛЕВ", "Anzelm KORVALEV"]
    assert korvalev["weakAlias"] == ["TOLIK"]
    assert korvalev["previousName"] == ["Anselm GRUDINSKY"]
    assert korvalev["birthDate"] == ["1968-03-14", "1969"]
    assert korvalev["birthPlace"] == ["Hrodna, Belarus"]
    assert korvalev["nationality"] == korvalev["citizenship"] == ["by"]
    assert korvalev["gender"] == ["male"] and korvalev["passportNumber"] == ["MP4471902"]
    assert entities(listing)["Lucia Beatriz ORTELLANO RIVAS"]["birthDate"] == ["1975"]
    organisation = entities(listing)["NORTHGATE TRIDENT TRADING LLC"]
    assert organisation["country"] == ["ae"] and organisation["registrationNumber"] == ["1187344"]
    vessel = entities(listing)["SEA MERIDIAN"]
    assert vessel["imoNumber"] == ["IMO9990014"] and vessel["flag"] == ["tg"]
    assert vessel["callSign"] == ["5VQX7"]
    assert programs(listing)["NORTHGATE TRIDENT TRADING LLC"] == ["IRGC", "SDGT"]
    listed = {s.get("authorityId")[0]: s.get("listingDate") for s in _sanctions(listing)}
    assert listed["90101"] == ["2021-08-09"]


def test_the_three_ofac_encodings_give_the_same_entity_ids(tmp_path):
    sdn = tmp_path / "sdn.csv"
    sdn.write_text(OFAC_CSV_ROW)
    from_xml = {e.id for e in read(OFAC_XML).entities}
    assert from_xml == {e.id for e in read(OFAC_ADVANCED).entities}
    assert {e.id for e in read(sdn).entities} <= from_xml


def test_older_namespaces_read_the_same(tmp_path):
    for path, old, new in (
        (
            OFAC_XML,
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
            "http://tempuri.org/sdnList.xsd",
        ),
        (
            OFAC_ADVANCED,
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
            "http://www.un.org/sanctions/1.0",
        ),
    ):
        older = tmp_path / path.name
        older.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        assert detect(older).name == DETECTED[path]
        assert [e.to_dict() for e in read(older).entities] == [
            e.to_dict() for e in read(path).entities
        ]


def test_uk_names_day_first_dates_and_regimes():
    listing = read(UK)
    assert (listing.dataset, listing.version) == ("gb_fcdo_sanctions", "2025-03-20")
    assert schemata(listing) == {"Person": 2, "Organization": 1, "Vessel": 1, "Sanction": 4}
    person = entities(listing)["Radomir Ilyich ZAVORTSEV"]
    assert person["alias"] == ["Radomir ZAVORTSEV", "Radik ZAVORTSEV", "Радомир Ильич ЗАВОРЦЕВ"]
    assert person["weakAlias"] == ["The Warden"]
    assert person["birthDate"] == ["1971-11-22", "1972"]
    assert person["nationality"] == ["ru"] and person["gender"] == ["male"]
    assert person["passportNumber"] == ["751044821"]
    other = entities(listing)["Mireille Adaeze OKONTA-BERNARD"]
    assert other["birthDate"] == ["1980-05"] and other["nationality"] == ["cd"]
    ship = entities(listing)["NORTHERN LANTERN"]
    assert ship["imoNumber"] == ["IMO9871232"] and ship["flag"] == ["cm"]
    assert programs(listing) == {
        "Radomir Ilyich ZAVORTSEV": ["Global Human Rights"],
        "Mireille Adaeze OKONTA-BERNARD": ["Global Anti-Corruption"],
        "KRASNODOL INDUSTRIAL HOLDING JSC": ["Russia"],
        "NORTHERN LANTERN": ["Russia"],
    }
    (first, *_) = _sanctions(listing)
    assert first.get("listingDate") == ["2022-12-09"]
    assert first.get("authority") == ["UK Foreign, Commonwealth & Development Office"]
    assert first.get("provisions") == ["Asset freeze", "Travel Ban"]


def test_eu_names_strength_birth_dates_and_programmes():
    listing = read(EU)
    assert (listing.dataset, listing.version) == ("eu_fsf", "2025-03-18")
    assert schemata(listing) == {"Person": 2, "Organization": 1, "Sanction": 3}
    person = entities(listing)["Idris Malkovich TERZENKO"]
    assert person["alias"] == ["Идрис Малкович ТЕРЗЕНКО"]
    assert person["weakAlias"] == ["Terzo"]
    assert person["birthDate"] == ["1969-04-02", "1970"]
    assert person["nationality"] == ["ru"] and person["gender"] == ["male"]
    assert person["passportNumber"] == ["723318845"] and person["idNumber"] == ["6109 554012"]
    assert "country" not in person  # the "00" UNKNOWN address gives no country
    other = entities(listing)["Alesia Tadeushevna ZHURAVSKAYA-MIRR"]
    assert other["birthDate"] == ["1984-06"] and other["gender"] == ["female"]
    company = entities(listing)["KASKAD-TEKH PRECISION INSTRUMENTS LLC"]
    assert company["jurisdiction"] == ["ru"] and company["registrationNumber"] == ["1027700111222"]
    assert programs(listing) == {
        "Idris Malkovich TERZENKO": ["GHR"],
        "Alesia Tadeushevna ZHURAVSKAYA-MIRR": ["BLR"],
        "KASKAD-TEKH PRECISION INSTRUMENTS LLC": ["RUS"],
    }
    dates = [s.get("listingDate") for s in _sanctions(listing)]
    assert dates == [["2023-03-07"], ["2021-06-25"], ["2022-04-08"]]
    assert _sanctions(listing)[0].get("authority") == ["European Union"]


@pytest.mark.parametrize("path", list(DETECTED), ids=lambda p: p.name)
def test_a_truncated_file_is_malformed_and_named(tmp_path, path):
    data = path.read_bytes()
    cut = tmp_path / path.name
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListError) as caught:
        read(cut)
    assert caught.value.code == "E302"
    assert caught.value.located().startswith(f"{cut}:")


def test_a_truncated_download_keeps_the_loaded_version(workspace, tmp_path):
    assert load(workspace, [str(UK)]).errors == []
    cut = tmp_path / UK.name
    cut.write_bytes(UK.read_bytes()[:5000])
    report = load(workspace, [str(cut)])
    assert report.exit_code == 1 and " E302 malformed list file" in report.errors[0]
    (dataset,) = list_datasets(workspace.backend)
    assert (dataset["entities"], dataset["version"]) == (8, "2025-03-20")


def test_loaded_lists_are_screened(workspace):
    report = load(workspace, [str(OFAC_ADVANCED), str(UK), str(EU)])
    assert report.errors == []
    assert {d["name"]: d["format"] for d in list_datasets(workspace.backend)} == {
        "eu_fsf": "eu-xml",
        "gb_fcdo_sanctions": "uk-xml",
        "us_ofac_sdn": "ofac-advanced",
    }
    screener = Screener.from_workspace(workspace.backend)

    def top(name: str, **kwargs):
        results = screener.screen(ScreenQuery(name, **kwargs))
        return results[0] if results else None

    uk_hit = top("Radomir Zavortsev", schema="Person")
    assert (uk_hit.dataset, uk_hit.status) == ("gb_fcdo_sanctions", "match")
    assert uk_hit.programs == ["Global Human Rights"]
    eu_hit = top("Terzenko Idris", facts=QueryFacts.make(birth_date="1969-04-02"))
    assert (eu_hit.dataset, eu_hit.programs, eu_hit.status) == ("eu_fsf", ["GHR"], "match")
    ofac_hit = top("Anselm Korvalev", schema="Person", facts=QueryFacts.make(nationality="Belarus"))
    assert (ofac_hit.dataset, ofac_hit.programs) == ("us_ofac_sdn", ["GLOMAG"])
    assert top("Sea Meridian", schema="Vessel").caption == "SEA MERIDIAN"
    assert top("Krasnodol Industrial Holding", schema="Organization").programs == ["Russia"]


def _sanctions(listing: ListFile):
    return [e for e in listing.entities if e.schema.name == "Sanction"]
