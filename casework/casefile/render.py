"""Case files as HTML, Markdown, PDF and JSON, from one `CaseFile`.

HTML is one self-contained file: styles inline, no script, no fonts or images
fetched, and a Content-Security-Policy that forbids any request, so opening it
offline or in a newsroom's locked-down browser shows the same page. Everything
that came from a source (names, quotes, comments) is escaped by Jinja's
autoescape; a comment holding `<script>` shows as text. Markdown escapes the
same content for Markdown and HTML both, since Markdown viewers pass HTML through.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from casework.casefile.model import CRITERIA, CaseFile
from casework.errors import CaseworkError, Errors

FORMATS = ("html", "md", "pdf", "json", "ftm")
SUFFIXES = {"html": ".html", "md": ".md", "pdf": ".pdf", "json": ".json", "ftm": ".ftm.json"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~])")


class MarkdownSafe(str):
    """Markdown the template made itself (a macro's output), not to be escaped again."""


def link(url: str | None) -> Markup:
    """A link for http(s) URLs only; anything else (javascript:, data:) as text."""
    if not url:
        return Markup("")
    if re.match(r"^https?://", url, re.I):
        return Markup('<a href="{0}" rel="noreferrer noopener">{0}</a>').format(url)
    return escape(url)


def md_escape(value: Any) -> str:
    """Markdown-safe text: specials backslashed, HTML characters as entities."""
    if value is None:
        return ""
    if isinstance(value, MarkdownSafe):
        return value
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


@cache
def html_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("casework.casefile", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=False,
    )
    env.globals["link"] = link
    env.globals["criteria"] = CRITERIA
    return env


@cache
def _md_env() -> Environment:
    env = Environment(
        loader=PackageLoader("casework.casefile", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_md"] = MarkdownSafe
    env.globals["criteria"] = CRITERIA
    return env


@cache
def stylesheet() -> str:
    return (resources.files("casework.casefile") / "templates" / "casefile.css").read_text("utf-8")


def to_html(case: CaseFile) -> str:
    return (
        html_environment()
        .get_template("casefile.html.j2")
        .render(case=case, sources=case.sources, css=Markup(stylesheet()))
    )


def to_markdown(case: CaseFile) -> str:
    return _md_env().get_template("casefile.md.j2").render(case=case, sources=case.sources)


def to_json(case: CaseFile) -> str:
    return json.dumps(case.as_dict(), ensure_ascii=False, indent=2, default=_plain) + "\n"


def to_pdf(case: CaseFile) -> bytes:
    """The HTML case file laid out for print by WeasyPrint (needs Pango installed)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango or its fonts are missing
        raise CaseworkError(Errors.E701, reason=str(exc).splitlines()[0]) from exc
    return HTML(string=to_html(case)).write_pdf()


def render(case: CaseFile, format: str) -> str | bytes:
    """The case file in one of FORMATS."""
    if format == "html":
        return to_html(case)
    if format == "md":
        return to_markdown(case)
    if format == "json":
        return to_json(case)
    if format == "pdf":
        return to_pdf(case)
    if format == "ftm":
        from casework.casefile.ftm import to_ftm

        return to_ftm(case)
    raise CaseworkError(Errors.E702, format=format, known=", ".join(FORMATS))


def write(case: CaseFile, format: str, path: Path, content: str | bytes | None = None) -> Path:
    """The case file in `format` at `path`, written whole (see write_whole)."""
    return write_whole(path, render(case, format) if content is None else content)


def write_whole(path: Path, content: str | bytes) -> Path:
    """Write atomically: a reader never sees half a file, a crash leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    if isinstance(content, bytes):
        partial.write_bytes(content)
    else:
        partial.write_text(content, encoding="utf-8")
    partial.replace(path)
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
