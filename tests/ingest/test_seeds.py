"""What must hold on the two seed documents (read from ../shared at test time)."""

from __future__ import annotations

import pytest

from casework.ingest import run
from casework.ingest.catalog import get_document, list_documents
from casework.ingest.cleaning import tidy
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared

OP_ED = SEEDS / "000_adeb39de15d3d52c.txt"
NEWS = SEEDS / "003_ec75406b2286859e.txt"


@pytest.fixture
def op_ed(workspace):
    report = run(workspace, [str(OP_ED)])
    assert report.failed == 0 and report.documents == 1
    (doc,) = list_documents(workspace.backend)
    return get_document(workspace.backend, doc["id"])


def test_op_ed_header(op_ed):
    assert op_ed["title"] == "Getting Tough with Aliyev"
    assert op_ed["section"] == "Human Rights & Corruption"
    assert op_ed["published"] == "2017-10-17"
    assert op_ed["authors"] == ["David Kramer", "Richard Kauzlarich"]
    assert op_ed["description"].startswith("The Trump Administration should use the Magnitsky Act")
    assert [b["name"] for b in op_ed["bios"]] == ["David Kramer", "Richard Kauzlarich"]
    assert "former U.S. Ambassador to Azerbaijan" in op_ed["bios"][1]["text"]


def test_op_ed_comment_thread(op_ed):
    comments = op_ed["comments"]
    authors = [c["author"] for c in comments]
    assert authors == [
        "AnonymoussSoldier",
        "Bankotsu",
        "Suzy Dixon",
        "Fat_Man",
        "WigWag",
        "Ali Panahov",
        "Abbas Pənahov",
        "Loğman İbra",
        "D4x",
        "Vuqar Mirzeyev",
        "Vuqar Mirzeyev",
        "Vuqar Mirzeyev",
        "Muradov Farid",
        "Famil Rustemli",
        "Famil Rustemli",
        "Fərid Murad",
    ]
    by_id = {c["id"]: c for c in comments}
    replies = [(c["author"], by_id[c["parent_id"]]["author"]) for c in comments if c["parent_id"]]
    assert replies == [
        ("Bankotsu", "AnonymoussSoldier"),
        ("Suzy Dixon", "AnonymoussSoldier"),
        ("Loğman İbra", "Abbas Pənahov"),
    ]
    assert sum(c["depth"] == 0 for c in comments) == 13


def test_op_ed_long_comments_whole_and_chrome_gone(op_ed):
    comments = {c["author"]: c["text"] for c in op_ed["comments"]}
    conventions = comments["Abbas Pənahov"]
    for year in ("1948", "1951", "1966", "1969", "1979", "1989"):
        assert f"\n{year} –" in conventions
    assert conventions.rstrip().endswith("not signeda")
    press_release = comments["D4x"]
    assert "Global Money Week" in press_release and "Stoyan Novakovich" in press_release
    assert press_release.rstrip().endswith("talk with Russia!]")
    full = op_ed["full_text"]
    assert "©" not in full and "show comments" not in full.lower()
    assert "Amazon Services LLC Associates Program" not in full
    reasons = {r["reason"] for r in op_ed["removed"]}
    assert {"comment-toggle", "copyright", "affiliate-disclaimer"} <= reasons


def test_comment_spans_point_into_full_text(op_ed):
    full = op_ed["full_text"]
    for comment in op_ed["comments"]:
        assert full[comment["span_start"] : comment["span_end"]] == comment["text"]
        assert comment["language"] in (None, "en") or comment["author"] == "Bankotsu"


def test_news_report_scraped_twice_keeps_each_paragraph_once(workspace):
    run(workspace, [str(NEWS)])
    (listed,) = list_documents(workspace.backend)
    doc = get_document(workspace.backend, listed["id"])
    paragraphs = doc["body"].split("\n\n")
    assert len(paragraphs) == 8
    assert len(set(paragraphs)) == 8
    seed_lines = [tidy(line) for line in NEWS.read_text().splitlines() if line.strip()]
    assert all(seed_lines.count(p) == 2 for p in paragraphs)
    for chrome in ("Leave a review", "Follow us on social networks", "News Line"):
        assert chrome not in doc["body"]
    assert doc["title"].startswith("Afterword to Blinken")
    assert doc["language"] == "en"


def test_ingesting_the_same_file_twice_stores_nothing_new(workspace):
    first = run(workspace, [str(OP_ED), str(NEWS)])
    counts = workspace.backend.query(
        "SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM comments) c"
    )
    second = run(workspace, [str(OP_ED), str(NEWS)])
    assert (first.ingested, second.ingested, second.duplicates) == (2, 0, 2)
    assert second.exit_code == 0
    assert (
        workspace.backend.query(
            "SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM comments) c"
        )
        == counts
    )
