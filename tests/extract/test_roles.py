"""Titles and roles: apposition, titles before a name, and author bios."""

from __future__ import annotations

from casework.extract.entities import mentions
from casework.extract.model import Segment
from casework.extract.nlp import load
from casework.extract.roles import positions
from casework.store import Workspace
from tests.conftest import needs_shared


def _roles(text: str) -> list[tuple[str, str, str | None, str]]:
    nlp = load()
    segment = Segment("doc-test", 0, "body", None, 100, text, "en")
    doc = nlp(text)
    found = positions(doc, segment, mentions(doc, segment, "test"))
    for p in found:  # spans index full_text: the segment starts at 100 here
        said = text[p.start - 100 : p.end - 100]
        # A role said with a verb ("who directs Y") is held as a noun ("director of Y").
        assert said == p.role or (
            p.pattern == "relative" and p.role.endswith(said.split(" ", 1)[1])
        )
    return [(p.person, p.role, p.organisation, p.pattern) for p in found]


def test_appositions_give_one_role_each():
    roles = _roles(
        "Anna Petrova, an investigative journalist, director of the Caspian Press Centre, "
        "said the charges were invented."
    )
    assert ("Anna Petrova", "investigative journalist", None, "apposition") in roles
    assert (
        "Anna Petrova",
        "director of the Caspian Press Centre",
        "Caspian Press Centre",
        "apposition",
    ) in roles


def test_titles_before_the_name():
    roles = _roles("Deputy Prosecutor General Samir Tagiyev rejected the appeal on Friday.")
    assert roles == [("Samir Tagiyev", "Deputy Prosecutor General", None, "title")]
    assert _roles("Mr Tagiyev rejected the appeal.") == []  # "Mr" is no role


def test_bios_split_into_roles_with_their_organisation():
    roles = _roles(
        "Richard Kauzlarich is a Distinguished Visiting Professor at George Mason University "
        "and former U.S. Ambassador to Azerbaijan."
    )
    assert roles == [
        (
            "Richard Kauzlarich",
            "Distinguished Visiting Professor at George Mason University",
            "George Mason University",
            "copula",
        ),
        ("Richard Kauzlarich", "former U.S. Ambassador to Azerbaijan", "Azerbaijan", "copula"),
    ]


def test_what_is_not_a_role():
    assert _roles("Anar Mammadli is a criminal, his critics say.") == []


@needs_shared
def test_seed_roles(seed_workspace):
    with Workspace.open(seed_workspace) as ws:
        seeds = ws.backend.query("SELECT person, role, organisation, pattern FROM positions")
    gasimly = {(r["role"], r["organisation"]) for r in seeds if r["person"] == "Azer Gasimly"}
    assert (
        "head of the Institute of Political Management",
        "Institute of Political Management",
    ) in gasimly
    kramer = {
        r["role"] for r in seeds if r["person"] == "David Kramer" and r["pattern"] == "copula"
    }
    assert any(
        role.startswith("senior fellow at Florida International University") for role in kramer
    )
    assert any(role.startswith("former Assistant Secretary of State") for role in kramer)


def test_conjoined_names_share_the_title_before_them():
    roles = _roles("A letter by Senators Miller and Brennan reached the court.")
    people = {(person, role) for person, role, *_ in roles}
    assert ("Miller", "Senators") in people and ("Brennan", "Senators") in people


def test_a_role_said_in_a_relative_clause():
    assert _roles(
        "Jelena Vuksan, who directs the human rights group Kelmora Watch, said it had acted."
    ) == [
        (
            "Jelena Vuksan",
            "director of the human rights group Kelmora Watch",
            "Kelmora Watch",
            "relative",
        )
    ]
    assert not _roles("Ana Berg, who visited the Kelmora Watch office, said it was closed.")
