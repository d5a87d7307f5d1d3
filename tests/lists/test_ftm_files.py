"""FollowTheMoney files: the dataset from what the file carries, captions as published,
bad lines skipped with their line number."""

from __future__ import annotations

import json
import shutil

import pytest

from casework.errors import ListError
from casework.lists import list_datasets, load
from casework.lists.formats import ftm_json
from tests.conftest import SHARED, WATCHLIST, needs_shared, write_jsonl

FTM = SHARED / "data" / "sanctions" / "samples" / "opensanctions_ftm"


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@needs_shared
def test_the_shared_export_name_does_not_merge_datasets(workspace):
    report = load(workspace, [str(FTM)])
    assert report.errors == []
    held = {d["name"]: d["entities"] for d in list_datasets(workspace.backend)}
    expected = {}
    for path in sorted(FTM.glob("*/entities.ftm.json")):
        entities = _lines(path)
        named = [set(e.get("datasets", [])) for e in entities]
        common = set.intersection(*named) if named else set()
        # One dataset on every entity names it; else the folder does (the export layout).
        name = next(iter(common)) if len(common) == 1 else path.parent.name
        expected[name] = len(entities)
    assert held == expected and len(held) == 3


@needs_shared
def test_captions_are_kept_as_published(workspace):
    path = next(p for p in sorted(FTM.glob("*/entities.ftm.json")) if "caption" in p.read_text())
    load(workspace, [str(path)], dataset="published")
    stored = {
        r["id"]: r["caption"]
        for r in workspace.backend.query("SELECT id, caption FROM list_entities")
    }
    published = {e["id"]: e["caption"] for e in _lines(path) if "caption" in e}
    assert published and all(stored[i] == c for i, c in published.items())


@needs_shared
def test_dataset_option_names_one_file_and_an_index_json_names_its_folder(workspace, tmp_path):
    source = next(iter(sorted(FTM.glob("*/entities.ftm.json"))))
    report = load(workspace, [str(source)], dataset="my_copy")
    assert [d.dataset for d in report.loaded] == ["my_copy"]
    assert "E307" in load(workspace, [str(FTM)], dataset="x").errors[0]
    folder = tmp_path / "anything"
    folder.mkdir()
    shutil.copy(source, folder / source.name)
    (folder / "index.json").write_text(json.dumps({"name": "from_index", "title": "T"}))
    assert ftm_json.read(folder / source.name).dataset == "from_index"


def test_dataset_option_is_refused_for_an_official_list(workspace, tmp_path):
    sdn = tmp_path / "sdn.csv"
    sdn.write_text('1,"A, B","individual","X","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"\n')
    (error,) = load(workspace, [str(sdn)], dataset="mine").errors
    assert error.startswith(f"{sdn}: E306")


def test_bad_lines_are_skipped_with_their_line_and_the_rest_loads(workspace, tmp_path):
    path = tmp_path / "watch.ftm.json"
    write_jsonl(path, WATCHLIST)
    good = path.read_bytes()
    bad = [
        b"[1, 2, 3]\n",
        b'{"id": "x", "schema": "Person", "properties": {"name": ["\xff\xfe"]}}\n',
        b'{"id": "y", "schema": "Person", "properties": \n',
        b'{"id": "z", "schema": "Person", "properties": {"name": "not a list"}}\n',
        b'{"id": "w", "schema": "NoSuchSchema", "properties": {}}\n',
        b'"just a string"\n',
    ]
    path.write_bytes(bad[0] + good + b"".join(bad[1:]))
    listing = ftm_json.read(path)
    assert len(listing.entities) == len(WATCHLIST)
    lines = [s.record for s in listing.skipped]
    assert lines == [
        f"watch.ftm.json:{n}" for n in (1, *range(len(WATCHLIST) + 2, len(WATCHLIST) + 7))
    ]
    assert "a JSON list, not an object" in listing.skipped[0].reason
    assert load(workspace, [str(path)]).loaded[0].skipped == len(bad)


def test_a_file_of_nothing_but_bad_lines_is_a_coded_error(workspace, tmp_path):
    path = tmp_path / "junk.ftm.json"
    path.write_bytes(b'{"schema": "Person", "properties": {}}\n[1]\n\xff\xff\n')
    (error,) = load(workspace, [str(path)]).errors
    assert error.startswith(f"{path}: E303")


@pytest.mark.parametrize("tail", [b'{"id": "cut", "sch', b"[1, 2"])
def test_a_cut_off_last_line_is_a_truncated_download(tmp_path, tail):
    path = tmp_path / "watch.ftm.json"
    write_jsonl(path, WATCHLIST)
    path.write_bytes(path.read_bytes() + tail)
    with pytest.raises(ListError) as caught:
        ftm_json.read(path)
    assert caught.value.code == "E302" and caught.value.source.startswith(f"{path}:")


@needs_shared
def test_an_export_replacing_an_official_list_says_so(workspace):
    t1 = next(p for p in sorted(FTM.glob("*/entities.ftm.json")) if p.read_text().count('"eu_fsf"'))
    load(workspace, [str(SHARED / "data" / "sanctions" / "samples" / "eu_fsf_sample.xml")])
    report = load(workspace, [str(t1)])
    assert [d.dataset for d in report.loaded] == ["eu_fsf"]
    assert any("replaced eu_fsf loaded from eu-xml" in n for n in report.notes)
