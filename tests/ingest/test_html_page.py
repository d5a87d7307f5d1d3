"""The HTML reader's header fields, on pages written for these tests."""

from __future__ import annotations

from casework.ingest.html_page import parse_html

BODY = "<p>" + " ".join(["The harbour board met on Monday to approve the budget."] * 10) + "</p>"


def _page(byline: str, comments: str = "") -> str:
    return f"""<html><head><title>Harbour budget approved</title></head><body><article>
<h1>Harbour budget approved</h1><div class="meta">{byline}</div>{BODY}</article>
{comments}</body></html>"""


def test_a_visible_byline_names_the_author_when_metadata_does_not():
    doc = parse_html(_page('<span>By <a class="username" href="/u/3">Ines Harrow</a></span>'), "p")
    assert doc.authors == ["Ines Harrow"]


def test_an_author_label_in_another_language():
    doc = parse_html(_page('<span>Müəllif <a href="/u/4">Aytən Quliyeva</a></span>'), "p")
    assert doc.authors == ["Aytən Quliyeva"]


def test_a_commenter_is_never_the_byline():
    comments = """<div class="comments"><div class="comment"><span class="comment-author">
    <span>By Odo Finch</span></span><div class="comment-content"><p>Fine.</p></div></div></div>"""
    doc = parse_html(_page("", comments), "p")
    assert doc.authors == []
