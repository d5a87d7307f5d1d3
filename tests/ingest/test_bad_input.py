"""Bad input: one clear line naming the file (and line), the batch goes on."""

from __future__ import annotations

import contextlib
import gzip

from casework.ingest import IngestConfig, run
from casework.ingest.catalog import list_documents

PAGE = (
    "<html><head><title>Good page</title></head><body><article>"
    + "".join(
        f"<p>Paragraph {i} about detained journalists and the court case.</p>" for i in range(8)
    )
    + "</article></body></html>"
)


def _errors_by_file(report):
    return {line.split(":")[0].rsplit("/", 1)[-1]: line for line in report.errors}


def test_each_bad_file_gets_one_line_and_the_batch_goes_on(workspace, tmp_path):
    (tmp_path / "good.html").write_text(PAGE)
    (tmp_path / "other.html.gz").write_bytes(gzip.compress(PAGE.replace("Good", "Zipped").encode()))
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x01\x02" * 10)
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<html>" + b" " * 5_000_000))
    (tmp_path / "truncated.html.gz").write_bytes(gzip.compress(PAGE.encode())[:-20])
    (tmp_path / "big.html").write_text(PAGE + " " * 2_000_000)
    report = run(workspace, [str(tmp_path)], IngestConfig(max_bytes=1_000_000))
    errors = _errors_by_file(report)
    assert report.ingested == 2 and report.failed == 7
    assert "E101 empty file" in errors["empty.html"]
    assert "E101" in errors["blank.txt"]
    assert "E102 binary file (PNG image)" in errors["image.html"]
    assert "E102" in errors["nul.txt"] and "NUL" in errors["nul.txt"]
    assert "E104" in errors["bomb.html.gz"] and "gzip bomb" in errors["bomb.html.gz"]
    assert "E105" in errors["truncated.html.gz"]
    assert "E103" in errors["big.html"] and "--max-size" in errors["big.html"]
    assert report.exit_code == 0
    assert sorted(d["title"] for d in list_documents(workspace.backend)) == [
        "Good page",
        "Zipped page",
    ]


def test_nothing_ingested_is_a_non_zero_exit(workspace, tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    report = run(workspace, [str(tmp_path / "empty.html"), str(tmp_path / "missing-*.html")])
    assert report.exit_code == 1
    assert any("E106" in line and "missing-*.html" in line for line in report.errors)


def test_legacy_and_mixed_encodings_are_decoded(workspace, tmp_path):
    cyrillic = (
        "<html><head><meta charset='windows-1251'><title>Новости</title></head><body>"
        + ("<p>Журналист был задержан в Баку по обвинению в контрабанде.</p>" * 6)
        + "</body></html>"
    )
    (tmp_path / "cp1251.html").write_bytes(cyrillic.encode("cp1251"))
    mixed = "Title line\n\nA first paragraph in UTF-8 about Əliyev and the ministry.\n".encode()
    mixed += "A second paragraph pasted from Word with “smart quotes” and café.\n".encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(mixed)
    report = run(workspace, [str(tmp_path)])
    assert report.failed == 0 and report.ingested == 2
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in list_documents(workspace.backend)}
    assert docs["cp1251.html"]["title"] == "Новости"
    assert docs["cp1251.html"]["language"] == "ru"
    body = workspace.backend.scalar(
        "SELECT body FROM documents WHERE id = ?", [docs["mixed.txt"]["id"]]
    )
    assert "Əliyev" in body and "“smart quotes” and café" in body
    assert any("mixed encodings" in w and "line" in w for w in report.warnings)


def test_truncated_html_keeps_what_is_there(workspace, tmp_path):
    (tmp_path / "cut.html").write_text(PAGE[: len(PAGE) // 2])
    (tmp_path / "garbage.html").write_text("<html><<<>>></")
    report = run(workspace, [str(tmp_path)])
    errors = _errors_by_file(report)
    assert report.ingested == 1
    assert "E201" in errors["garbage.html"]
    (doc,) = list_documents(workspace.backend)
    assert doc["title"] == "Good page"


def test_interrupted_run_leaves_whole_documents_and_rerun_finishes(
    workspace, tmp_path, monkeypatch
):
    for i in range(5):
        (tmp_path / f"page{i}.html").write_text(
            PAGE.replace("Good page", f"Page {i}").replace("Paragraph", f"Story {i} paragraph")
        )
    from casework.ingest import pipeline

    calls = {"n": 0}
    real_prepare = pipeline.prepare

    def failing_prepare(doc, provenance):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real_prepare(doc, provenance)

    monkeypatch.setattr(pipeline, "prepare", failing_prepare)
    with contextlib.suppress(KeyboardInterrupt):
        run(workspace, [str(tmp_path)], IngestConfig(batch_size=2))
    backend = workspace.backend
    assert backend.scalar("SELECT count(*) FROM documents") == 2  # one whole batch
    assert (
        backend.scalar(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM segments s WHERE s.document_id = d.id)"
        )
        == 0
    )
    monkeypatch.setattr(pipeline, "prepare", real_prepare)
    report = run(workspace, [str(tmp_path)], IngestConfig(batch_size=2))
    assert (report.duplicates, report.ingested) == (2, 3)
    assert backend.scalar("SELECT count(*) FROM documents") == 5
    assert (
        backend.scalar(
            "SELECT count(DISTINCT id) FROM segments s JOIN documents d ON d.id = s.document_id"
        )
        == 5
    )
