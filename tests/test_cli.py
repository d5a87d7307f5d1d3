"""The `casework` command, in-process, against a temp workspace."""

from __future__ import annotations

import json

from tests.conftest import EXAMPLES, ROOT, SEEDS, needs_shared


@needs_shared
def test_ingest_documents_show_round_trip(cli):
    code, output = cli("ingest", str(SEEDS / "000_adeb39de15d3d52c.txt"), "--report", "json")
    assert code == 0
    assert json.loads(output)["comments"] == 16
    code, output = cli("documents", "--format", "json")
    (doc,) = json.loads(output)
    assert doc["title"] == "Getting Tough with Aliyev" and len(doc["comments"]) == 16
    code, output = cli("show", doc["id"][:12], "--format", "json")
    shown = json.loads(output)
    assert shown["id"] == doc["id"] and shown["bios"][0]["name"] == "David Kramer"
    code, output = cli("show", doc["id"][:12])
    assert code == 0 and "Getting Tough with Aliyev" in output and "    Bankotsu" in output


def test_ingest_reports_failures_and_exit_code(cli, tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    code, output = cli("ingest", str(tmp_path / "empty.html"))
    assert code == 1
    assert "empty.html: E101 empty file" in output
    assert "0 ingested, 0 skipped as duplicate, 1 failed" in output


def test_show_unknown_id(cli):
    code, output = cli("show", "doc-nope")
    assert code == 1 and "no document has an id starting with 'doc-nope'" in output


def test_sample_corpus_ingests_cleanly(cli):
    code, output = cli("ingest", str(EXAMPLES), "--report", "json")
    report = json.loads(output)
    assert code == 0 and report["failed"] == 0 and report["record_errors"] == 0
    assert report["groups"] >= 1


def _verbs():
    """Every verb and sub-verb, from the real commands (each module imported)."""
    from casework.cli.app import VERBS, load_verb

    for name in VERBS:
        command = load_verb(name)
        yield name, command
        for sub in getattr(command, "commands", {}).values():
            yield f"{name} {sub.name}", sub


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    commands = [name for name, _ in _verbs()]
    assert "lists load" in commands and "screen" in commands
    for name in commands:
        assert f"casework {name}" in readme, f"`casework {name}` is not in the README"


def test_the_root_help_lines_are_the_verbs_own():
    """The light root lists each verb with a line of help, kept here equal to the
    verb's docstring, so `casework --help` imports none of them."""
    from casework.cli.app import VERBS

    for name, command in _verbs():
        if name in VERBS:
            own = " ".join((command.help or "").split("\n\n")[0].split())
            assert VERBS[name][2] == own, name
