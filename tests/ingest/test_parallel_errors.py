"""A file that fails inside a parsing worker is reported like any other bad file."""

from __future__ import annotations

from casework.ingest import IngestConfig, run
from casework.ingest.pipeline import PARALLEL_MIN_SOURCES

PAGE = """<html><head><title>Report {i}</title></head><body><article>
<p>Report {i}: the court heard case number {i} against an editor of a weekly paper.</p>
<p>The editor's lawyer said the charges in case {i} were brought to punish reporting.</p>
</article></body></html>"""
GOOD = max(20, PARALLEL_MIN_SOURCES)


def test_a_broken_file_among_good_ones_in_workers_is_named_and_the_rest_ingested(
    workspace, tmp_path
):
    for i in range(GOOD):
        (tmp_path / f"report{i:02d}.html").write_text(PAGE.format(i=i))
    # Parsed (and failed) in a worker: well-formed bytes, no document in them.
    (tmp_path / "broken.jsonl").write_text('{"text": "cut off\n')
    report = run(workspace, [str(tmp_path)], IngestConfig(jobs=2))
    assert report.documents == GOOD
    (error,) = report.errors
    assert error.startswith(str(tmp_path / "broken.jsonl")) and " E2" in error
    assert report.exit_code == 0


def test_the_ingest_command_with_two_jobs_names_the_broken_file_and_exits(cli, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for i in range(GOOD):
        (folder / f"report{i:02d}.html").write_text(PAGE.format(i=i))
    (folder / "broken.jsonl").write_text('{"text": "cut off\n')
    code, output = cli("ingest", str(folder), "--jobs", "2")
    assert code == 0
    assert f"{folder / 'broken.jsonl'}" in output
    assert f"{GOOD} ingested" in output and "1 failed" in output
