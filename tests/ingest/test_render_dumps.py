"""Every HTML page, rendered by every installed text renderer, read back as a dump.

The HTML reader's reading of the page is the reference (bench.render_dumps):
title, date, authors, body (4-gram shingle F1 >= 0.95) and comment thread
(authors in order, parent of each). One test per (page, renderer), so a
failure names both; a renderer that is not installed skips with the command
that installs it. What does not hold yet is pinned in
bench/render_dumps_gaps.json: a pinned gap that closes fails too, so the pin
only ever tightens, and loosening it is a visible change to that file.
"""

from __future__ import annotations

import pytest

from bench.render_dumps import ASPECTS, Check, Reading, html_pages, pinned_gaps, reference
from bench.renderers import RENDERERS, render_all
from casework.ingest.text_dump import parse_text_dump

PAGES = html_pages()
GAPS = pinned_gaps()

pytestmark = pytest.mark.skipif(not PAGES, reason="no HTML pages in bench/pages or examples")


@pytest.fixture(scope="session")
def renders():
    """Each renderer runs once over all pages per session (Chromium starts once)."""
    cache: dict[str, dict] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = render_all(name, PAGES)
        return cache[name]

    return get


@pytest.mark.parametrize("renderer", RENDERERS, ids=lambda r: r.name)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_dump_reads_like_the_page(page, renderer, renders):
    if not renderer.available():
        pytest.skip(renderer.missing_reason())
    text = renders(renderer.name)[page.resolve()]
    check = Check(page.name, renderer.name, reference(page), Reading.of(parse_text_dump(text)))
    key = (page.name, renderer.name)
    regressed = [a for a in ASPECTS if not check.holds(a) and key not in GAPS[a]]
    closed = [a for a in ASPECTS if check.holds(a) and key in GAPS[a]]
    assert not regressed, _explain(check, regressed)
    assert not closed, f"{closed} now hold: re-pin with `python -m bench.render_dumps --write-gaps`"


def _explain(check: Check, aspects: list[str]) -> str:
    ref, dump = check.reference, check.dump
    shown = {
        "title": (ref.title, dump.title),
        "authors": (ref.authors, dump.authors),
        "date": (ref.published, dump.published),
        "body": (f"F1 {check.body_f1:.3f}", ""),
        "thread": (ref.thread, dump.thread),
    }
    return "; ".join(f"{a}: page {shown[a][0]!r} dump {shown[a][1]!r}" for a in aspects)
