"""Across documents: spellings, scripts, homonyms, generic bodies, surnames alone."""

from __future__ import annotations

from bench.resolve_speed import generate
from casework.resolve import Decision, resolve
from casework.resolve.local import similarity
from tests.resolve.helpers import mentions, same


def test_typos_and_transliterations_join_across_documents():
    refs = mentions(
        [("PERSON", "Richard Kauzlarich")],
        [("PERSON", "Richard Kozlarich")],
        [("PERSON", "Ilham Aliyev")],
        [("PERSON", "İlham Əliyev")],
        [("PERSON", "Ильхам Алиев")],
        [("PERSON", "Ilham Aliye")],
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d1-000")
    assert all(same(res, refs, "d2-000", f"d{d}-000") for d in (3, 4, 5))
    joined = res.joins[1]
    assert joined.how == "similar name" and "kauzlarich~kozlarich phonetic" in joined.detail


def test_homonyms_stay_apart_even_through_a_chain_of_similar_names():
    refs = mentions(
        [("PERSON", "Ilham Aliyev")],
        [("PERSON", "Mehman Aliyev")],
        [("PERSON", "Ilham Aliye")],
        [("PERSON", "Mehman Aliye")],
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d2-000")
    assert same(res, refs, "d1-000", "d3-000")
    assert not same(res, refs, "d0-000", "d1-000")


def test_a_generic_body_is_one_per_country():
    refs = mentions(
        [("PLACE", "Moldova"), ("ORG", "Interior Ministry"), ("PLACE", "Moldova")],
        [("PLACE", "Armenia"), ("ORG", "Interior Ministry")],
        [("ORG", "Interior Ministry"), ("PLACE", "Moldova")],
        [("ORG", "Transparency Watch"), ("PLACE", "Armenia")],
        [("ORG", "Transparency Watch"), ("PLACE", "Moldova")],
    )
    res = resolve(refs)
    assert same(res, refs, "d0-001", "d2-000")
    assert not same(res, refs, "d0-001", "d1-001")
    assert same(res, refs, "d3-000", "d4-000")  # a named body is one wherever it is


def test_a_generic_body_placed_by_its_capital_or_not_at_all_is_the_one_body():
    refs = mentions(
        [("PLACE", "Baku"), ("ORG", "Interior Ministry")],
        [("ORG", "Interior Ministry"), ("PLACE", "Azerbaijan")],
        [("ORG", "Interior Ministry")],  # the sources do not say where
    )
    res = resolve(refs)
    assert same(res, refs, "d0-001", "d1-000") and same(res, refs, "d0-001", "d2-000")
    # Two countries' ministries named: one with no country joins neither.
    refs = mentions(
        [("PLACE", "Moldova"), ("ORG", "Interior Ministry")],
        [("PLACE", "Armenia"), ("ORG", "Interior Ministry")],
        [("ORG", "Interior Ministry")],
    )
    res = resolve(refs)
    assert not same(res, refs, "d2-000", "d0-001") and not same(res, refs, "d2-000", "d1-001")


def test_a_surname_alone_joins_the_one_person_it_fits_only_with_a_title_in_common():
    refs = mentions(
        [("PERSON", "Nadia Orlikova", "Judge ")], [("PERSON", "Orlikova", "said Judge ")]
    )
    res = resolve(refs)
    assert same(res, refs, "d0-000", "d1-000")
    assert res.joins[1].how == "surname only" and "judge" in res.joins[1].detail
    assert [r.reason for r in res.review] == ["joined on a surname alone"]


def test_a_surname_alone_without_corroboration_goes_to_review():
    refs = mentions([("PERSON", "Nadia Orlikova")], [("PERSON", "Orlikova")])
    res = resolve(refs)
    assert not same(res, refs, "d0-000", "d1-000")
    assert [r.reason for r in res.review] == ["a surname alone, uncorroborated"]


def test_a_surname_alone_that_fits_two_people_stays_apart_for_review():
    refs = mentions(
        [("PERSON", "Nadia Orlikova")], [("PERSON", "Irina Orlikova")], [("PERSON", "Orlikova")]
    )
    res = resolve(refs)
    assert not same(res, refs, "d2-000", "d0-000")
    assert not same(res, refs, "d2-000", "d1-000")
    reasons = {(res.entities[r.right].name, r.reason) for r in res.review}
    assert reasons == {("Orlikova", "a surname that fits several")}
    assert len(res.review) == 2


def test_decisions_are_honoured():
    refs = mentions(
        [("PERSON", "Samir Tagiyev")],
        [("PERSON", "Samir Tagiev")],
        [("PERSON", "Samira Tagieva")],
    )
    assert same(resolve(refs), refs, "d0-000", "d1-000")
    apart = resolve(refs, [Decision("d0-000", "d1-000", "different")])
    assert not same(apart, refs, "d0-000", "d1-000")
    together = resolve(refs, [Decision("d2-000", "d0-000", "same")])
    assert same(together, refs, "d0-000", "d2-000")
    assert together.joins[2].how == "decision"


def test_ids_are_the_same_on_every_run():
    refs = mentions([("PERSON", "Samir Tagiyev")], [("PERSON", "Samir Tagiev")])
    assert [e.id for e in resolve(refs).entities] == [e.id for e in resolve(refs).entities]


def test_comparisons_grow_near_linearly_with_mentions():
    """Blocking: doubling the mentions about doubles the name comparisons made."""
    calls = []
    for size in (20_000, 40_000):
        similarity.cache_clear()
        refs, _ = generate(size, seed=3)
        resolve(refs)
        info = similarity.cache_info()
        calls.append(info.hits + info.misses)
    assert calls[1] / calls[0] < 2.4, calls
