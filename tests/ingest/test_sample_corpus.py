"""The bundled sample corpus ingests as its manifest (examples/corpus/expected.json) says."""

from __future__ import annotations

import json

import pytest

from casework.ingest import run
from casework.ingest.catalog import get_document, list_documents
from tests.conftest import EXAMPLES

EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["files"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from casework.store import Workspace

    with Workspace.open(tmp_path_factory.mktemp("corpus") / "ws.duckdb") as ws:
        report = run(ws, [str(EXAMPLES)])
        docs = {}
        for listed in list_documents(ws.backend):
            key = listed["source"].split("examples/corpus/", 1)[1]
            docs[key] = get_document(ws.backend, listed["id"]) | {
                "duplicate_of": listed["duplicate_of"]
            }
        yield report, docs


def test_zero_failures(corpus):
    report, docs = corpus
    assert report.failed == 0 and report.record_errors == 0
    assert set(docs) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(k for k, v in EXPECTED.items() if v.get("title")))
def test_metadata(corpus, key):
    doc, want = corpus[1][key], EXPECTED[key]
    assert doc["title"] == want["title"]
    assert doc["authors"] == want["authors"]
    assert doc["published"] == want["date"]
    if want.get("section"):
        assert doc["section"] == want["section"]
    if want.get("canonical_url"):
        assert doc["canonical_url"] == want["canonical_url"]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_comment_threads(corpus, key):
    doc, want = corpus[1][key], EXPECTED[key]
    comments = doc["comments"]
    total = want.get("comments_total") or want.get("posts_total") or 0
    assert len(comments) == total
    if want.get("comment_authors_in_order"):
        assert [c["author"] for c in comments] == want["comment_authors_in_order"]
        by_id = {c["id"]: c["author"] for c in comments}
        pairs = [[c["author"], by_id[c["parent_id"]]] for c in comments if c["parent_id"]]
        assert sorted(pairs) == sorted(want["reply_parents"])
        assert sum(c["depth"] == 0 for c in comments) == want["comments_top_level"]


@pytest.mark.parametrize("key", sorted(k for k, v in EXPECTED.items() if v.get("body_paragraphs")))
def test_bodies_clean(corpus, key):
    doc, want = corpus[1][key], EXPECTED[key]
    assert len(doc["body"].split("\n\n")) == want["body_paragraphs"]
    for phrase in want.get("boilerplate_phrases") or []:
        assert phrase not in doc["body"], phrase


def test_duplicated_page_is_grouped_with_its_twin(corpus):
    docs = corpus[1]
    for key, want in EXPECTED.items():
        if want.get("twin_of"):
            twin = docs[want["twin_of"]]
            assert docs[key]["duplicate_of"] == twin["id"]
            assert {d["document_id"] for d in twin["duplicates"]} == {twin["id"], docs[key]["id"]}
    lone = [
        k
        for k, v in EXPECTED.items()
        if not v.get("twin_of") and k not in {v2.get("twin_of") for v2 in EXPECTED.values()}
    ]
    assert all(docs[k]["duplicate_of"] is None and not docs[k]["duplicates"] for k in lone)
