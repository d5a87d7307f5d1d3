"""The hand-checked benchmark pages: HTML plus the article body a person selected.

Two sets, both written for Casework: bench/pages (CMS-style pages with their
gold bodies, listed in manifest.json) and the sample corpus's HTML pages
(gold bodies referenced from examples/corpus/expected.json).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_PAGES = ROOT / "bench" / "pages"
CORPUS = ROOT / "examples" / "corpus"


@dataclass(frozen=True)
class GoldPage:
    name: str
    html_path: Path
    gold_body: str
    url: str | None = None


def gold_pages() -> list[GoldPage]:
    pages: list[GoldPage] = []
    manifest = BENCH_PAGES / "manifest.json"
    if manifest.exists():
        for entry in json.loads(manifest.read_text()):
            pages.append(
                GoldPage(
                    entry["page"],
                    BENCH_PAGES / entry["page"],
                    (BENCH_PAGES / entry["gold"]).read_text(encoding="utf-8"),
                    entry.get("url"),
                )
            )
    expected = CORPUS / "expected.json"
    if expected.exists():
        for key, entry in json.loads(expected.read_text())["files"].items():
            gold = entry.get("gold_body")
            if key.endswith(".html") and gold:
                pages.append(
                    GoldPage(key, CORPUS / key, (CORPUS / gold).read_text(encoding="utf-8"))
                )
    return pages
