"""Comment waves: campaigns found by their talking points, on the seed op-ed and the
sample corpus, and the pieces that find them (frames, terms, stance, pseudonyms)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casework.coordination import Settings, detect, load_backgrounds, load_workspace
from casework.coordination.claims import terms_of
from casework.coordination.frames import fold, frames_in, is_critic, opening
from casework.coordination.pseudonyms import pseudonym, pseudonymised, workspace_key
from casework.coordination.store import load, run
from casework.ingest import IngestConfig
from casework.ingest import run as run_ingest
from casework.store import Workspace
from tests.conftest import SHARED, needs_shared

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
SEED = SHARED / "seeds" / "000_adeb39de15d3d52c.txt"
SEED_CAMPAIGN = {
    "Ali Panahov",
    "Abbas Pənahov",
    "Loğman İbra",
    "Vuqar Mirzeyev",
    "Muradov Farid",
    "Famil Rustemli",
    "Fərid Murad",
}
SEED_READERS = {"AnonymoussSoldier", "Bankotsu", "Suzy Dixon", "Fat_Man"}
WAVE_FILES = (
    "html/wordpress-op-ed.html",
    "text/op-ed-dump.txt",
    "posts/posts.jsonl",
    "posts/posts.csv",
)


def _network(paths: list[Path], tmp_path: Path):
    with Workspace.open(tmp_path / "ws.duckdb") as ws:
        run_ingest(ws, [str(p) for p in paths], IngestConfig(jobs=1))
        return detect(load_workspace(ws.backend), Settings(), load_backgrounds(ws.backend))


@pytest.fixture(scope="module")
def corpus_network(tmp_path_factory):
    return _network([CORPUS / f for f in WAVE_FILES], tmp_path_factory.mktemp("waves"))


@needs_shared
def test_seed_wave_is_one_campaign_with_its_talking_points(tmp_path):
    network = _network([SEED], tmp_path)
    holding = [c for c in network.campaigns if SEED_CAMPAIGN & set(c.accounts)]
    assert len(holding) == 1
    campaign = holding[0]
    assert set(campaign.accounts) >= SEED_CAMPAIGN
    assert not set(campaign.accounts) & SEED_READERS
    assert len(campaign.talking_points) >= 2
    assert "posted the same claims" in campaign.reason
    assert "concert" not in campaign.reason
    by_account = {m.account: m for m in campaign.members}
    # every member comes with the messages that put it there
    for account in SEED_CAMPAIGN:
        assert by_account[account].points and by_account[account].messages
    # one name in two spellings is a name variant; a shared family name a weaker sign
    assert "name variant" in by_account["Fərid Murad"].signs
    assert "family name variant" in by_account["Ali Panahov"].signs


def test_sample_corpus_campaigns_are_found_with_exactly_their_accounts(corpus_network):
    found = {frozenset(c.accounts) for c in corpus_network.campaigns}
    for name in WAVE_FILES:
        assert frozenset(EXPECTED[name]["campaign_accounts"]) in found, name
    assert len(corpus_network.campaigns) == len(WAVE_FILES)


def test_no_bystander_is_in_a_campaign(corpus_network):
    members = {a for c in corpus_network.campaigns for a in c.accounts}
    # the hashtag's critic, the reader the pile-on answered, the colleague who
    # defends the reporters, the reader who argues against the wave
    for bystander in ("caspian_notes", "Leyla Karimova", "Ruslan Dadashov", "Nijat Rustamov"):
        assert bystander not in members
    for name in WAVE_FILES:
        for account in EXPECTED[name].get("non_campaign_hashtag_users") or []:
            assert account not in members


def test_claims_pushed_under_several_articles_are_one_corpus_point(corpus_network):
    across = [c for c in corpus_network.claims if c.thread is None]
    assert across  # the foreign-lobby claim is made under two articles
    for point in across:
        here = [c for c in corpus_network.claims if c.label == point.label and c.thread]
        assert len({c.thread for c in here}) >= 2
        assert len(point.messages) == sum(len(c.messages) for c in here)
        assert set(point.accounts) == {a for c in here for a in c.accounts}


def test_copy_burst_says_what_it_shares(corpus_network):
    jsonl = set(EXPECTED["posts/posts.jsonl"]["campaign_accounts"])
    campaign = next(c for c in corpus_network.campaigns if set(c.accounts) == jsonl)
    assert "within 5 minutes" in campaign.reason
    pile_on = set(EXPECTED["posts/posts.csv"]["campaign_accounts"])
    campaign = next(c for c in corpus_network.campaigns if set(c.accounts) == pile_on)
    assert "within 9 minutes" in campaign.reason


def test_frames_meet_two_wordings_of_one_claim_in_three_languages():
    assert "paid" in frames_in(fold("These writers are on somebody's payroll, everyone knows"))
    assert "paid" in frames_in(fold("They were financed by a foundation"))
    assert "foreign_hand" in frames_in(fold("Очередной заказ иностранных кругов"))
    assert "foreign_hand" in frames_in(fold("Bu, xarici qüvvələrin sifarişidir"))
    assert "whataboutism" in frames_in(fold("Where were you when our refugees needed help?"))
    assert "whataboutism" in frames_in(fold("Типичные двойные стандарты Запада"))
    assert not frames_in(fold("The bus contracts story was the best thing I read that year"))


def test_stance_cues():
    assert is_critic(fold("Four of you in ten minutes, all with the same sentence. Who sends you?"))
    assert is_critic(fold("Опять тролли с одной методичкой"))
    assert not is_critic(fold("The authors are paid by foreign foundations"))
    assert opening(fold("Nonsense. The courts here are independent.")) == "disagree"
    assert opening(fold("Exactly, well said")) == "agree"
    assert opening(fold("The courts here are independent.")) is None


def test_terms_are_stems_pairs_and_frames():
    terms = terms_of("The lobbyists are lobbying again for double standards.").terms
    assert "lobbi" in terms  # one stem for both words
    assert "doubl standard" in terms
    assert "frame:whataboutism" in terms
    assert "the" not in terms and "are" not in terms
    russian = terms_of("Журналисты получают гранты из-за границы").terms
    assert "frame:paid" in russian and any(t.startswith("журналист") for t in russian)


def test_pseudonyms_are_stable_keyed_and_linkable(tmp_path, corpus_network):
    key = b"k" * 32
    assert pseudonym("Vusal Karimli", key) == pseudonym("Vusal Karimli", key)
    assert pseudonym("Vusal Karimli", key) != pseudonym("Vusal Karimli", b"j" * 32)
    hidden = pseudonymised(corpus_network, key)
    shown = [a for c in hidden.campaigns for a in c.accounts]
    shown += [m.account for c in hidden.campaigns for m in c.members]
    shown += [m["account"] for c in hidden.campaigns for x in c.members for m in x.messages]
    shown += [a for link in hidden.links for a in (link.a, link.b)]
    shown += [a.id for a in hidden.accounts] + [a.name for a in hidden.accounts]
    assert shown and all(a.startswith("account-") for a in shown)
    variants = [e.detail for link in hidden.links for e in link.evidence if "two ways" in e.detail]
    assert variants and all("Murad" not in d and "Hüseynov" not in d for d in variants)
    # the message ids stay, so the workspace links each pseudonym back
    ids = {m["id"] for c in hidden.campaigns for member in c.members for m in member.messages}
    assert ids == {
        m["id"] for c in corpus_network.campaigns for member in c.members for m in member.messages
    }
    with Workspace.open(tmp_path / "keys.duckdb") as ws:
        first = workspace_key(ws.backend)
        assert workspace_key(ws.backend) == first


def test_campaigns_are_stored_and_read_back(tmp_path):
    with Workspace.open(tmp_path / "ws.duckdb") as ws:
        run_ingest(ws, [str(CORPUS / "posts" / "posts.csv")], IngestConfig(jobs=1))
        network = run(ws.backend, Settings())
        stored = load(ws.backend)
    assert [c.as_dict() for c in stored.campaigns] == [c.as_dict() for c in network.campaigns]
    assert [c.as_dict() for c in stored.claims] == [c.as_dict() for c in network.claims]


def test_cli_prints_campaigns_and_pseudonymises(cli):
    code, output = cli("ingest", str(CORPUS / "posts" / "posts.csv"))
    assert code == 0, output
    code, output = cli("coordination", "--window", "corpus")
    assert code == 0, output
    assert "campaign 0" in output and "posted near-identical texts" not in output.split("\n")[0]
    assert "Ramiz Əsgərov" in output
    code, output = cli("coordination", "--window", "corpus", "--pseudonymise", "--format", "json")
    assert code == 0, output
    body = json.loads(output)
    members = [m["account"] for c in body["campaigns"] for m in c["members"]]
    assert len(members) == 4 and all(m.startswith("account-") for m in members)
    assert "Ramiz Əsgərov" not in json.dumps(body["campaigns"], ensure_ascii=False)
    # the same key next time: the same pseudonyms
    code, again = cli("coordination", "--window", "corpus", "--pseudonymise", "--format", "json")
    assert [m["account"] for c in json.loads(again)["campaigns"] for m in c["members"]] == members


def test_words_made_from_the_articles_names_are_its_words():
    from casework.coordination.claims import ARTICLE_RATE, Background

    article = terms_of("Rights groups say the courts in Azerbaijan serve the government.")
    background = Background(article.terms, article_names=article.names)
    assert background.rate("azerbaijani", ["azerbaijani"], 40) == ARTICLE_RATE
    # a common root is not a name: the governor is not the article's government
    assert background.rate("governor", ["governor"], 40) < ARTICLE_RATE
