"""HTML case files and the report in headless Chromium (Debian's chromium, driven by
Playwright): no console errors, no request leaves the file, markup from a source
shows as text and runs nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bench.renderers import CHROMIUM_FLAGS  # one offline launch, shared with the dump bench

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# `make test` installs chromium and sets this, so there a missing browser fails.
REQUIRED = os.environ.get("CASEWORK_REQUIRE_BROWSER") == "1"

if not Path(CHROMIUM).is_file() and not REQUIRED:
    pytest.skip(
        "chromium is not installed (apt-get install chromium; `make test` does this)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        yield launched
        launched.close()


def _open(browser, path: Path):
    """Load a file; return the page and what it logged, requested and popped up."""
    page = browser.new_page()
    seen = {"console": [], "errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: seen["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    return page, seen


def test_hostile_comment_shows_as_text(browser, hostile):
    _, out = hostile
    path = next((out / "casefiles").glob("boris-kalnin-*.html"))
    page, seen = _open(browser, path)
    assert seen["console"] == [] and seen["errors"] == [] and seen["dialogs"] == []
    assert all(url.startswith("file://") for url in seen["requests"])
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("[onerror]").count() == 0
    shown = page.locator("blockquote", has_text='<script>alert("x")</script>')
    # the three accounts' comments, as text, under their campaign and their talking point
    assert shown.count() == 6
    assert 'onerror="alert(1)"' in shown.first.inner_text()
    assert page.locator("h2", has_text="Submission draft").count() == 1
    page.close()


def test_every_case_file_and_the_report_render_cleanly(browser, hostile):
    _, out = hostile
    pages = [*sorted((out / "casefiles").glob("*.html")), out / "report.html"]
    assert len(pages) > 3
    for path in pages:
        page, seen = _open(browser, path)
        problems = [c for c in seen["console"] if c[0] in ("error", "warning")]
        assert problems == [] and seen["errors"] == [], (path.name, problems, seen["errors"])
        assert all(url.startswith("file://") for url in seen["requests"]), path.name
        assert page.locator("h1").count() == 1
        page.close()


def test_report_links_open_case_files(browser, hostile):
    _, out = hostile
    page, _ = _open(browser, out / "report.html")
    link = page.locator("a", has_text="Boris Kalnin").first
    link.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "Case file: Boris Kalnin"
    page.close()
