"""The conduct gold set (bench/conduct_gold) is well formed and speaks the extractor's
vocabulary: act kinds, modes, reply kinds and parts are the ones Casework produces."""

from __future__ import annotations

from bench import conduct_gold_data as cg
from casework.casefile.model import MODE_LABELS
from casework.casefile.parts import PARTS
from casework.extract.involvement import MODES
from casework.extract.replies import KINDS as REPLY_KINDS
from casework.extract.triggers import CATEGORIES


def test_every_label_uses_the_extractors_vocabulary():
    docs = cg.load()
    assert len(docs) >= 40
    assert set(cg.ACT_KINDS) <= set(CATEGORIES)
    assert set(cg.MODES) == set(MODES) == set(MODE_LABELS)  # each mode has its words
    assert set(cg.REPLY_KINDS) <= set(REPLY_KINDS)
    assert set(cg.PARTS) <= set(PARTS)
    for doc in docs:
        for act in doc["acts"]:
            assert act["kind"] in cg.ACT_KINDS and act["sentence"] in doc["text"], doc["id"]
            assert act["mode"] is None or act["mode"] in MODES


def test_the_two_splits_are_apart_and_balanced():
    docs = cg.load()
    by_split = {s: [d["id"] for d in docs if cg.split(d["id"]) == s] for s in cg.SPLITS}
    assert not set(by_split["development"]) & set(by_split["test"])
    assert abs(len(by_split["development"]) - len(by_split["test"])) <= 1


def test_the_gold_set_passes_its_own_checker():
    assert cg.check(cg.load(), cg.load_entities()) == []
