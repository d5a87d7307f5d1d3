"""Workspaces built once per session for the case file tests.

`hostile` is a corpus written here: one news page naming a (made-up) colonel,
under which three accounts post the same comment carrying `<script>` and an
`onerror=` attribute, so the case file must show markup from a source as text.
`built` is the sample corpus and the seeds with the real lists from ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casework.build import BuildConfig
from casework.build import run as run_build
from casework.store import Workspace
from tests.conftest import EXAMPLES, SEEDS, SHARED
from tests.lists.test_update import mirror  # noqa: F401 (the lists' URLs on 127.0.0.1)

LISTS = SHARED / "data" / "sanctions"
HOSTILE_COMMENT = 'Kalnin is a patriot &lt;script&gt;alert("x")&lt;/script&gt; &lt;img src=x onerror="alert(1)"&gt; do not believe these lies'

_COMMENT = """
<li id="comment-{n}" class="comment depth-1">
<article id="div-comment-{n}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{who}</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-{n}"><time datetime="2025-02-04T10:0{n}:00+00:00">February 4, 2025</time></a></div></footer>
<div class="comment-content"><p>{text}</p></div>
</article></li>
"""
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Karvia colonel accused of ordering journalist's arrest - Test Ledger</title>
<meta property="og:site_name" content="Test Ledger">
<meta property="og:title" content="Karvia colonel accused of ordering journalist's arrest">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2025-02-03T08:00:00+00:00">
<link rel="canonical" href="https://ledger.example.org/2025/02/kalnin">
</head><body>
<article class="post"><h1 class="entry-title">Karvia colonel accused of ordering journalist's arrest</h1>
<div class="entry-content">
<p>Colonel Boris Kalnin, the head of the Karvia State Security Service, ordered the arrest of the journalist Anna Petrova in Karvia on 2 February 2025, her lawyer said.</p>
<p>Petrova was tortured by officers of the State Security Service during interrogation, according to the Free Media Watch, a monitoring group.</p>
<p>"Colonel Kalnin signs every one of these orders," said Lev Orlan, a lawyer for Petrova. Kalnin did not answer questions sent by Test Ledger.</p>
<p>The European Parliament has called for sanctions against Boris Kalnin.</p>
</div></article>
<div id="comments" class="comments-area"><h2 class="comments-title">4 thoughts</h2>
<ol class="comment-list">{comments}</ol></div>
</body></html>
"""


def write_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    comments = "".join(
        _COMMENT.format(n=n, who=who, text=HOSTILE_COMMENT)
        for n, who in enumerate(("Karvia Patriot", "Proud Karvian", "Truth Karvia"), start=1)
    )
    comments += _COMMENT.format(
        n=4, who="Ines Moro", text="Free Anna Petrova. Sanction Boris Kalnin now."
    )
    page = folder / "kalnin.html"
    page.write_text(PAGE.format(comments=comments), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    """(workspace path, output folder) of a build of the hostile page, no lists."""
    base = tmp_path_factory.mktemp("hostile")
    sources = write_hostile(base / "sources")
    out = base / "out"
    with Workspace.open(base / "ws.duckdb") as ws:
        run_build(ws, BuildConfig(sources=(str(sources),), out_dir=out, formats=("html", "json")))
    return base / "ws.duckdb", out


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(workspace path, output folder, build report) for the seeds and the sample
    corpus with the OFAC and UN lists from ../shared."""
    if not LISTS.is_dir() or not SEEDS.is_dir():
        pytest.skip(
            f"../shared with seeds and data/sanctions is not beside the repository ({SHARED})"
        )
    base = tmp_path_factory.mktemp("built")
    out = base / "out"
    with Workspace.open(base / "ws.duckdb") as ws:
        report = run_build(
            ws,
            BuildConfig(sources=(str(SEEDS), str(EXAMPLES)), out_dir=out, lists_dir=LISTS),
        )
    return base / "ws.duckdb", out, report
