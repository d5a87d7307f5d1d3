"""WARC archives written with warcio: HTML responses become documents."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casework.ingest import run
from casework.ingest.catalog import list_documents

PAGE = (
    "<html><head><title>{title}</title></head><body><article>"
    + "<p>{title}: the prosecutor asked for nine years in prison for the editor.</p>" * 8
    + "</article></body></html>"
)


def _write_warc(path, records):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_html_responses_become_documents_with_uri_and_capture_time(workspace, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _write_warc(
        path,
        [
            (
                "https://news.example/a",
                "text/html; charset=utf-8",
                PAGE.format(title="First").encode(),
            ),
            ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
            ("https://news.example/b", "text/html", PAGE.format(title="Second").encode()),
            ("https://mirror.example/a", "text/html", PAGE.format(title="First").encode()),
        ],
    )
    report = run(workspace, [str(path)])
    assert report.ingested == 1 and report.documents == 2 and report.duplicate_records == 1
    docs = list_documents(workspace.backend)
    assert [(d["title"], d["source_url"], d["format"]) for d in docs] == [
        ("First", "https://news.example/a", "warc"),
        ("Second", "https://news.example/b", "warc"),
    ]
    captured = workspace.backend.query("SELECT captured_at FROM documents")
    assert all(row["captured_at"] is not None for row in captured)


def test_broken_warc_is_reported(workspace, tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    report = run(workspace, [str(path)])
    assert report.failed == 1 and report.exit_code == 1
    assert "broken.warc" in report.errors[0]
