"""Body quality: Casework's article bodies vs bare trafilatura.extract on the same pages.

Both are scored by 4-gram shingle precision and recall against hand-checked
gold bodies (bench/pages and the sample corpus). Casework runs its real
ingest (comments split out, boilerplate and repeats dropped) into a temporary
workspace; trafilatura runs with its defaults, and once more with
include_comments=False, the fairest setting for an article-body comparison.

    python -m bench.ingest_quality        (or: make bench)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import trafilatura

from bench.metrics import Score
from bench.pages import gold_pages
from casework.ingest import run
from casework.store import Workspace

SYSTEMS = ("casework", "trafilatura", "trafilatura-no-comments")
RECALL_TOLERANCE = 0.005


def casework_bodies(paths: list[Path]) -> dict[Path, str]:
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "q.duckdb") as ws:
        report = run(ws, [str(p) for p in paths])
        if report.failed:
            raise SystemExit(f"casework failed on: {report.errors}")
        rows = ws.backend.query("SELECT source, body FROM documents")
    return {Path(row["source"]).resolve(): row["body"] for row in rows}


def main() -> int:
    pages = gold_pages()
    if not pages:
        print("no benchmark pages found (bench/pages/manifest.json, examples/corpus)")
        return 1
    ours = casework_bodies([p.html_path for p in pages])
    totals = {system: Score() for system in SYSTEMS}
    print(f"{'page':42} {'system':24} {'P':>6} {'R':>6} {'F1':>6}")
    for page in pages:
        html = page.html_path.read_text(encoding="utf-8")
        outputs = {
            "casework": ours[page.html_path.resolve()],
            "trafilatura": trafilatura.extract(html) or "",
            "trafilatura-no-comments": trafilatura.extract(html, include_comments=False) or "",
        }
        for system in SYSTEMS:
            score = Score.of(outputs[system], page.gold_body)
            totals[system] += score
            print(
                f"{page.name[:42]:42} {system:24} "
                f"{score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
            )
    print()
    print(f"micro-average over {len(pages)} pages")
    print(f"{'system':24} {'P':>6} {'R':>6} {'F1':>6}  {'F1 ratio vs casework':>20}")
    for system in SYSTEMS:
        total = totals[system]
        ratio = totals["casework"].f1 / total.f1 if total.f1 else float("inf")
        print(
            f"{system:24} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f}  {ratio:20.3f}"
        )
    ours = totals["casework"]
    # "Must not cost article text": no lower F1, and recall within half a point.
    worse = [
        s
        for s in SYSTEMS[1:]
        if ours.f1 < totals[s].f1 or ours.recall < totals[s].recall - RECALL_TOLERANCE
    ]
    print("\nverdict:", "casework scores no lower" if not worse else f"casework lower than {worse}")
    return 0 if not worse else 1


if __name__ == "__main__":
    sys.exit(main())
