"""The tools people copy a web page's text with, run on our HTML pages.

A text dump reaching Casework was made by one of these: a text browser's
dump (`lynx -dump`, `w3m -dump`), a converter (Debian's `html2text`,
`pandoc -t plain`), or a browser's copy, which is what Chromium's
`innerText` gives. Each renderer here is the real program, run as its users
run it, so the text-dump reader is tested on the layouts it will meet rather
than on layouts we imagine.

    python -m bench.renderers PAGE.html [RENDERER]   (prints one render)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RENDER_TIMEOUT_S = 60
# Chromium reads local files only: any other request is refused, so a page
# renders the same offline and leaks nothing.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@dataclass(frozen=True)
class Renderer:
    """One way of turning an HTML file into the text a person would save."""

    name: str
    program: str
    package: str  # the Debian package that provides `program`
    render_many: Callable[[Renderer, list[Path]], list[str]]
    args: tuple[str, ...] = ()

    def executable(self) -> str | None:
        return shutil.which(self.program) or (
            f"/usr/bin/{self.program}" if Path(f"/usr/bin/{self.program}").is_file() else None
        )

    def available(self) -> bool:
        return self.executable() is not None and (self.program != "chromium" or _has_playwright())

    def missing_reason(self) -> str:
        if self.executable() is None:
            return (
                f"{self.program} is not installed "
                f"(apt-get install {self.package}; `make renderers` does this)"
            )
        return "playwright is not installed (pip install playwright)"


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def _run_command(renderer: Renderer, paths: list[Path]) -> list[str]:
    """One process per page, the way a person runs the tool on a saved file."""
    program = renderer.executable()
    assert program is not None, renderer.missing_reason()
    return [
        subprocess.run(
            [program, *renderer.args, str(path)],
            capture_output=True,
            check=True,
            timeout=RENDER_TIMEOUT_S,
        ).stdout.decode("utf-8", errors="replace")
        for path in paths
    ]


def _run_chromium(renderer: Renderer, paths: list[Path]) -> list[str]:
    """`document.body.innerText` of each page: what select-all and copy gives.

    One browser serves every page; launching one per page would cost a second each.
    """
    from playwright.sync_api import Route, sync_playwright

    def local_only(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    texts: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=renderer.executable(), args=list(CHROMIUM_FLAGS)
        )
        try:
            for path in paths:
                page = browser.new_page()
                page.route("**/*", local_only)
                page.goto(path.resolve().as_uri(), wait_until="load")
                texts.append(page.evaluate("document.body.innerText"))
                page.close()
        finally:
            browser.close()
    return texts


RENDERERS: tuple[Renderer, ...] = (
    Renderer(
        "lynx",
        "lynx",
        "lynx",
        _run_command,
        ("-dump", "-assume_charset=utf-8", "-display_charset=utf-8"),
    ),
    Renderer(
        "lynx-nolist",
        "lynx",
        "lynx",
        _run_command,
        ("-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"),
    ),
    Renderer(
        "w3m",
        "w3m",
        "w3m",
        _run_command,
        ("-dump", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html"),
    ),
    Renderer("html2text", "html2text", "html2text", _run_command, ("-utf8", "-nobs")),
    Renderer("pandoc", "pandoc", "pandoc", _run_command, ("-f", "html", "-t", "plain")),
    Renderer("chromium", "chromium", "chromium", _run_chromium),
)
BY_NAME = {renderer.name: renderer for renderer in RENDERERS}


@cache
def _renders(name: str, paths: tuple[Path, ...]) -> tuple[str, ...]:
    renderer = BY_NAME[name]
    return tuple(renderer.render_many(renderer, list(paths)))


def render_all(name: str, paths: Iterable[Path]) -> dict[Path, str]:
    """Every page rendered by one renderer, cached for the process (tests and bench share it)."""
    ordered = tuple(sorted(Path(p).resolve() for p in paths))
    return dict(zip(ordered, _renders(name, ordered), strict=True))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip())
        return 2
    path = Path(argv[0])
    names = argv[1:] or [r.name for r in RENDERERS if r.available()]
    for name in names:
        print(f"===== {name}")
        print(render_all(name, [path])[path.resolve()])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
