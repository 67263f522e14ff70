"""Shanghai's standing as plain functions: places, bounds, movements and rank bands."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.model import Edition, RankTarget
from fivecenters.core.standing import BandAssessment, BandStatus, Movement, movement, standing
from fivecenters.core.validate import load_dataset
from tests.support.base import WriteData
from tests.support.benchmark import WITH_BENCHMARK, benchmark, edition, entry


def test_movement_between_places_and_bounds() -> None:
    assert movement(entry(rank=6), entry(rank=3), "E1") == Movement(3, since="E1")
    assert movement(entry(rank=3), entry(rank=6)) == Movement(-3)
    assert movement(entry(rank=4), entry(rank=4)) == Movement(0)
    # From "not in the top five" to 4th: at least 6th before, so up at least 2.
    assert movement(entry(outside_top=5), entry(rank=4)) == Movement(2, at_least=True)
    assert movement(entry(rank=4), entry(outside_top=5)) == Movement(-2, at_least=True)
    # A bound says nothing against a place outside it, nor against another bound.
    assert movement(entry(rank=9), entry(outside_top=5)) is None
    assert movement(entry(outside_top=5), entry(outside_top=10)) is None
    assert movement(None, entry(rank=1)) is None
    assert movement(entry(score=3.0), entry(rank=1)) is None


@given(st.integers(1, 50), st.integers(1, 50), st.integers(1, 60))
def test_a_move_from_a_bound_never_overstates(bound: int, rank: int, hidden: int) -> None:
    """Whatever the true place behind "not in the top N", the reported move is no larger than the true one."""
    true_before = bound + hidden  # any place below the bound
    found = movement(entry(outside_top=bound), entry(rank=rank))
    if found is not None:
        assert found.at_least and 0 < found.places <= true_before - rank
    backwards = movement(entry(rank=rank), entry(outside_top=bound))
    if backwards is not None:
        assert backwards.at_least and rank - true_before <= backwards.places < 0


def test_standing_of_the_test_benchmark(write_data: WriteData) -> None:
    dataset = load_dataset(write_data(WITH_BENCHMARK))
    found = standing(dataset.benchmarks[0])
    assert [s.edition.name for s in found.editions] == ["Clusters 2018", "Clusters 2022", "Clusters 2023"]
    assert [s.entry.city if s.entry else None for s in found.editions] == ["Shanghai"] * 3
    assert [[p.city for p in s.peers] for s in found.editions] == [[], ["Tokyo"], ["Beijing"]]
    # 9th, then "not in the top 5" (no move known), then 5th: up at least 1 since 2022.
    assert [s.change for s in found.editions] == [None, None, Movement(1, True, "Clusters 2022")]
    assert found.latest is found.editions[-1]
    assert found.since_previous == Movement(1, True, "Clusters 2022")
    assert found.over_years == Movement(4, False, "Clusters 2018")
    [band] = found.bands
    assert (band.status, band.places_to_go) == (BandStatus.NOT_YET, 2)
    record = found.to_dict()
    assert record["over_5_years"] == {"places": 4, "at_least": False, "since": "Clusters 2018"}
    assert record["editions"][1]["shanghai"]["outside_top"] == 5
    assert record["targets"][0]["status"] == "not yet"


def test_changes_skip_editions_without_a_place_and_name_the_edition_they_count_from() -> None:
    found = standing(
        benchmark(
            edition(2019, entry(rank=7)),
            edition(2020, entry("Tokyo", rank=1)),
            edition(2021, entry(rank=4)),
        )
    )
    assert [s.change for s in found.editions] == [None, None, Movement(3, since="E2019")]
    assert found.over_years is None  # no edition of 2016


def test_as_of_leaves_out_later_editions() -> None:
    found = standing(benchmark(edition(2019, entry(rank=7)), edition(2021, entry(rank=4))), as_of=2020)
    assert [s.edition.year for s in found.editions] == [2019]
    assert found.latest is not None and found.latest.entry.rank == 7  # type: ignore[union-attr]


def test_rank_bands() -> None:
    def band_of(*editions: Edition, rank: int = 3, deadline: int = 2025) -> BandAssessment:
        target = RankTarget(rank=rank, deadline=deadline, source="s", quote="q")
        return standing(benchmark(*editions, targets=(target,))).bands[0]

    achieved = band_of(edition(2024, entry(rank=3)))
    assert (achieved.status, achieved.places_to_go) == (BandStatus.ACHIEVED, 0)
    assert band_of(edition(2024, entry(rank=5))).status is BandStatus.NOT_YET
    missed = band_of(edition(2025, entry(rank=5)))
    assert (missed.status, missed.places_to_go) == (BandStatus.MISSED, 2)
    # Not in the top 5 is outside a top 3 for sure, but how far is not known.
    outside = band_of(edition(2024, entry(outside_top=5)))
    assert (outside.status, outside.places_to_go) == (BandStatus.NOT_YET, None)
    # Not in the top 2 may still be within a top 3.
    assert band_of(edition(2024, entry(outside_top=2))).status is BandStatus.NO_DATA
    assert band_of(edition(2024, entry("Tokyo", rank=1))).status is BandStatus.NO_DATA
