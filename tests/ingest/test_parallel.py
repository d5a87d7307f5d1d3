"""Worker processes change the speed of ingest, never its result."""

from __future__ import annotations

from casework.ingest import IngestConfig, run
from casework.ingest.pipeline import PARALLEL_MIN_SOURCES
from casework.store import Workspace

PAGE = """<html><head><title>Report {i}</title></head><body><article>
<p>Report {i}: prosecutors in the capital opened case number {i} against an editor.</p>
<p>The editor's lawyer said the charges in case {i} were brought to punish reporting.</p>
</article><div class="comments"><div class="comment"><span class="comment-author">Reader {i}</span>
<div class="comment-text">Comment on report {i}, which deserves attention.</div></div></div>
</body></html>"""


def _snapshot(path):
    with Workspace.open(path) as ws:
        docs = ws.backend.query("SELECT id, title, body, full_text FROM documents ORDER BY id")
        comments = ws.backend.query(
            "SELECT id, document_id, author, text, span_start FROM comments ORDER BY id"
        )
        groups = ws.backend.query("SELECT * FROM document_groups ORDER BY document_id")
    return docs, comments, groups


def test_parallel_and_sequential_ingest_store_the_same(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    count = PARALLEL_MIN_SOURCES + 4
    for i in range(count):
        (folder / f"p{i:02d}.html").write_text(PAGE.format(i=i))
    (folder / "empty.html").write_text("")
    reports = {}
    for jobs in (1, 2):
        with Workspace.open(tmp_path / f"j{jobs}.duckdb") as ws:
            reports[jobs] = run(ws, [str(folder)], IngestConfig(jobs=jobs))
    assert reports[1].documents == reports[2].documents == count
    assert reports[1].failed == reports[2].failed == 1
    assert _snapshot(tmp_path / "j1.duckdb") == _snapshot(tmp_path / "j2.duckdb")
