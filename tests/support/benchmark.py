"""A small valid benchmark to append to the base dataset, and the problem codes its checks add.

`fixtures/base-benchmark.toml` cites both sources of the base dataset: the
quotes of its 5th place and of its rank target are in the base document.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fivecenters.core.model import Benchmark, Edition, Entry, RankTarget
from tests.support import FIXTURES
from tests.support.base import BASE_TOML
from tests.support.defects import Expect

BENCHMARK_TOML = (FIXTURES / "base-benchmark.toml").read_text(encoding="utf-8")
WITH_BENCHMARK = BASE_TOML + BENCHMARK_TOML

NEXT_YEAR = dt.date.today().year + 1
CLUSTER_QUOTE = 'quote = "The Shanghai cluster ranked 5th among global science and technology clusters."'
# (name, edit of WITH_BENCHMARK as (old, new) pairs, the problems expected): one case at least per code.
EMPTY_AFTER = 'quote = "The city aims to rank among the top 3 clusters by 2030."'
EMPTY_EDITION = '[[benchmarks.editions]]\nname = "Clusters 2024"\nyear = 2024'
EMPTY_BENCHMARK = (
    "\n".join(
        ("[[benchmarks]]", 'id = "clusters"', 'name = "E"', 'producer = "P"', 'ranks = "r"', 'centers = ["trade"]')
    )
    + '\nfrequency = "yearly"'
)
BENCHMARK_CASES: list[tuple[str, list[tuple[str, str]], list[Expect]]] = [
    (
        "name-zh-not-in-its-quote",
        [('name_zh = "科技集群排名"', 'name_zh = "全球科技集群"')],
        [Expect("chinese-name-not-in-quote", 'name_zh_quote = "上海科技集群排名升至全球第五"')],
    ),
    (
        "rank-zero",
        [("rank = 9\n", "rank = 0\n")],
        [Expect("invalid-rank", "rank = 0"), Expect("rank-not-in-quote", 'quote = "Shanghai came ninth"')],
    ),
    (
        "bound-zero",
        [("outside_top = 5", "outside_top = 0")],
        [Expect("invalid-rank", "outside_top = 0")],
    ),
    (
        "duplicate-edition",
        [('name = "Clusters 2022"', 'name = "Clusters 2018"')],
        [Expect("duplicate-edition", 'name = "Clusters 2018"', occurrence=-1)],
    ),
    (
        "duplicate-entry",
        [('city = "Beijing"', 'city = "Shanghai"')],
        [Expect("duplicate-entry", 'city = "Shanghai"', occurrence=-1)],
    ),
    (
        "unknown-source",
        [
            (
                'source = "shipping-plan"\nquote = "Shanghai came ninth"',
                'source = "nowhere"\nquote = "Shanghai came ninth"',
            )
        ],
        [Expect("unknown-source", 'source = "nowhere"')],
    ),
    (
        "quote-not-in-document",
        [("The Shanghai cluster ranked 5th among", "The Shanghai cluster came 5th among")],
        [Expect("quote-not-in-document", "The Shanghai cluster came 5th")],
    ),
    (
        "rank-not-in-quote",
        [('quote = "Shanghai came ninth"', 'quote = "Shanghai came eighth"')],
        [Expect("rank-not-in-quote", "Shanghai came eighth")],
    ),
    (
        "rank-read-from-order-needs-saying-so",
        [("outside_top = 5\nfrom_order = true\n", "outside_top = 5\n")],
        [Expect("rank-not-in-quote", 'San Jose."')],
    ),
    (
        "score-not-in-quote",
        [("score = 80.5", "score = 85.0")],
        [Expect("score-not-in-quote", "Beijing third with 80.5")],
    ),
    (
        "score-in-another-sentence",
        [
            (
                'score = 80.5\nsource = "shipping-plan"\nquote = "Beijing third with 80.5 points"',
                'score = 80.5\nsource = "shipping-plan"\nquote = "Beijing third"\nscore_quote = "with 80.5 points"',
            )
        ],
        [],
    ),
    (
        "score-quote-checked-in-document",
        [(CLUSTER_QUOTE, f'score = 47.3\n{CLUSTER_QUOTE}\nscore_quote = "handled 47.3 million TEUs in 2022"')],
        [Expect("quote-not-in-document", 'score_quote = "handled 47.3')],
    ),
    (
        "score-quote-without-score",
        [('quote = "Shanghai came ninth"', 'quote = "Shanghai came ninth"\nscore_quote = "ninth"')],
        [Expect("score-quote-without-score", 'score_quote = "ninth"')],
    ),
    (
        "rank-and-bound",
        [("rank = 9\n", "rank = 9\noutside_top = 5\n")],
        [Expect("rank-and-bound", "rank = 9", table=True), Expect("rank-not-in-quote", "Shanghai came ninth")],
    ),
    (
        "entry-without-standing",
        [("rank = 9\n", "")],
        [Expect("entry-without-standing", 'quote = "Shanghai came ninth"', table=True)],
    ),
    (
        "data-year-after-edition",
        [("data_year = 2022", "data_year = 2024")],
        [Expect("edition-years-inconsistent", "data_year = 2024")],
    ),
    (
        "published-before-edition-year",
        [('published = "2018-07"', 'published = "2017-12"')],
        [Expect("edition-years-inconsistent", 'published = "2017-12"')],
    ),
    (
        "editions-out-of-order",
        [('published = "2022-09"', 'published = "2024-01"')],
        [Expect("editions-out-of-order", "published = 2023-09-27")],
    ),
    (
        "published-in-future",
        [("published = 2023-09-27", f"published = {NEXT_YEAR}-01-01")],
        [Expect("date-in-future", f"published = {NEXT_YEAR}-01-01")],
    ),
    (
        "edition-year-out-of-range",
        [("year = 2018\n", "year = 1800\n")],
        [Expect("year-out-of-range", "year = 1800")],
    ),
    (
        "invalid-month",
        [('published = "2018-07"', 'published = "2018-13"')],
        [Expect("invalid-value", 'published = "2018-13"')],
    ),
    (
        "unknown-center",
        [('centers = ["innovation"]', 'centers = ["science"]')],
        [Expect("unknown-center", 'centers = ["science"]')],
    ),
    (
        "a-benchmark-bears-on-a-center-at-least",
        [('centers = ["innovation"]', "centers = []")],
        [Expect("wrong-type", "centers = []")],
    ),
    (
        "invalid-frequency",
        [('frequency = "yearly"', 'frequency = "annual"')],
        [Expect("invalid-value", 'frequency = "annual"')],
    ),
    (
        "target-rank-and-deadline",
        [("rank = 3\ndeadline = 2030", "rank = 0\ndeadline = 2101")],
        [Expect("invalid-rank", "rank = 0"), Expect("year-out-of-range", "deadline = 2101")],
    ),
    (
        "edition-without-entries",
        [
            (
                "[[benchmarks.targets]]",
                '[[benchmarks.editions]]\nname = "Clusters 2024"\nyear = 2024\n\n[[benchmarks.targets]]',
            )
        ],
        [Expect("no-entries", 'name = "Clusters 2024"', table=True)],
    ),
    (
        "benchmark-without-editions-and-a-duplicate-id",
        [(EMPTY_AFTER, f"{EMPTY_AFTER}\n\n{EMPTY_BENCHMARK}")],
        [Expect("no-editions", 'name = "E"', table=True), Expect("duplicate-id", 'id = "clusters"', occurrence=-1)],
    ),
]


def entry(city: str = "Shanghai", **place: Any) -> Entry:
    return Entry(city=city, source="s", quote="q", **place)


def benchmark(*editions: Edition, targets: tuple[RankTarget, ...] = (), **extra: Any) -> Benchmark:
    """A benchmark built in code, for the functions that read one."""
    return Benchmark(
        id="b",
        name="B",
        producer="P",
        ranks="cities",
        centers=["shipping"],
        frequency="yearly",
        editions=list(editions),
        targets=list(targets),
        **extra,
    )


def edition(year: int, *entries: Entry, name: str | None = None) -> Edition:
    return Edition(name=name or f"E{year}", year=year, entries=list(entries))
