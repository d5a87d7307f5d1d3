"""The screening index kept in the workspace, the symbol book, batches in workers,
and a root command that loads no verb it is not running."""

from __future__ import annotations

import csv
import subprocess
import sys

from casework.lists import load
from casework.names import analyze
from casework.names.analyze import SymbolBook, use_symbol_book
from casework.screen import Screener, ScreenQuery, stored
from casework.screen.batch import screen_file
from casework.screen.session import ScreeningSession
from tests.conftest import WATCHLIST, write_jsonl


def _ranked(screener: Screener, name: str) -> list[tuple[str, float]]:
    return [(r.entity_id, round(r.score, 6)) for r in screener.screen(ScreenQuery(name))]


def test_the_stored_index_answers_as_the_built_one(workspace, watchlist, tmp_path):
    load(workspace, [str(watchlist)])
    backend = workspace.backend
    built = Screener.from_workspace(backend)  # builds it and keeps it
    key = stored.fingerprint(backend)
    kept = stored.load(backend, key)
    assert kept is not None and len(kept.index) == len(built.index)
    reopened = Screener.from_workspace(backend)
    assert reopened.keys == built.keys and not reopened.all_read  # entries read as needed
    for name in ("Ильхам Алиев", "Fərid Murad", "Pasha Holding", "Mehman Aliyev", "Nobody"):
        assert _ranked(reopened, name) == _ranked(built, name)
    # Loading a list changes what the index was built for: it is built again.
    more = tmp_path / "more.ftm.json"
    write_jsonl(more, [{"id": "m1", "schema": "Person", "properties": {"name": ["Ruslan Qaraev"]}}])
    load(workspace, [str(more)])
    assert stored.fingerprint(backend) != key
    assert stored.load(backend, stored.fingerprint(backend)) is None
    assert _ranked(Screener.from_workspace(backend), "Ruslan Qaraev")[0][0] == "m1"


def test_the_symbol_book_analyses_as_the_tagger_does():
    names = [e["properties"]["name"][0] for e in WATCHLIST if e["schema"] == "Person"] + [
        "Əli Həsənov",
        "Abdul Rahman ibn Said 12",
        "J. R. Smith",
    ]
    use_symbol_book(None)
    tagged = [analyze.__wrapped__(n, "Person") for n in names]
    book = SymbolBook()
    use_symbol_book(book)
    try:
        first = [analyze.__wrapped__(n, "Person") for n in names]  # learns every word
        assert book.learned > 0
        again = SymbolBook.from_bytes(book.to_bytes())
        use_symbol_book(again)
        from_book = [analyze.__wrapped__(n, "Person") for n in names]
        assert again.learned == 0  # every word was in the book: no tagger
    finally:
        use_symbol_book(None)
    assert first == tagged and from_book == tagged
    assert any(p.symbols for name in from_book for p in name.parts)


def test_a_batch_in_workers_gives_the_results_of_one_process(workspace, watchlist, tmp_path):
    load(workspace, [str(watchlist)])
    names = tmp_path / "names.csv"
    rows = ["Ilham Aliyev", "Fərid Murad", "Pasha Holding", "Nobody Here", "Mehman Aliyev"]
    with names.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name"])
        writer.writerows([name] for name in rows * 60)  # above PARALLEL_MIN
    session = ScreeningSession.open(workspace.backend, eager=True, record=False)
    assert session.in_memory
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    screen_file(session, names, one, 0.6, 5, jobs=1)
    screen_file(session, names, two, 0.6, 5, jobs=2)
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert one.read_text(encoding="utf-8").count("wl-aliyev") >= 60


def test_the_root_command_loads_no_verb():
    code = (
        "import sys; from casework.cli import app; import typer.main;"
        "typer.main.get_command(app);"
        "heavy = [m for m in ('followthemoney', 'spacy', 'pyarrow', 'casework.build',"
        " 'casework.screen', 'casework.ingest.pipeline') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
