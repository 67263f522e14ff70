"""`fc rank` end to end, on the shipped data and on small files, and the line it adds to `fc show`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from fivecenters.output.formatting import ordinal
from tests.support import ROOT
from tests.support.base import WriteData, replace_once
from tests.support.benchmark import WITH_BENCHMARK
from tests.support.reading import READING, fc_reading

SHIPPED = ROOT / "indicators.toml"
WIDE = {"COLUMNS": "250"}


def ok(*args: str, data: Path = SHIPPED) -> str:
    result = fc_reading(*args, data=data, env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def as_json(*args: str, data: Path = SHIPPED) -> Any:
    return json.loads(ok(*args, "--format", "json", data=data))


def test_rank_financial_shows_every_gfci_edition_with_its_peers() -> None:
    [gfci] = as_json("rank", "financial")
    assert gfci["benchmark"] == "gfci" and gfci["name_zh"] == "全球金融中心指数"
    years = {e["year"] for e in gfci["editions"] if e["shanghai"]}
    assert set(range(2016, 2026)) <= years
    by_name = {e["edition"]: e for e in gfci["editions"]}
    assert by_name["GFCI 28"]["shanghai"]["rank"] == 3
    assert [p["city"] for p in by_name["GFCI 28"]["peers"]][:2] == ["New York", "London"]
    assert gfci["latest"]["edition"] == "GFCI 38"
    table = ok("rank", "financial")
    assert "Global Financial Centres Index (全球金融中心指数)" in table
    for text in ("GFCI 20", "16th", "GFCI 38", "8th", "New York 1st", "Latest: 8th in GFCI 38"):
        assert text in table


def test_rank_shipping_has_the_shipping_benchmarks_with_peer_scores() -> None:
    found = {b["benchmark"]: b for b in as_json("rank", "shipping")}
    assert {"xinhua-baltic", "menon-maritime-cities", "container-ports", "aci-cargo-airports"} <= set(found)
    xinhua = {e["year"]: e for e in found["xinhua-baltic"]["editions"]}
    assert set(range(2019, 2026)) <= set(xinhua)
    assert xinhua[2022]["shanghai"]["score"] == 82.79
    assert {p["city"]: p.get("score") for p in xinhua[2024]["peers"]}["London"] == 82.5
    assert found["xinhua-baltic"]["over_5_years"] == {"places": 0, "at_least": False, "since": "ISCDI 2020"}
    # Menon 2019 states only that Shanghai was not in the top five: the move to 4th is a lower bound.
    assert found["menon-maritime-cities"]["since_previous"] == {
        "places": 2,
        "at_least": True,
        "since": "Leading Maritime Capitals 2019",
    }


def test_one_benchmark_by_id_or_chinese_name() -> None:
    assert [b["benchmark"] for b in as_json("rank", "gii-clusters")] == ["gii-clusters"]
    assert [b["benchmark"] for b in as_json("rank", "全球金融中心指数")] == ["gfci"]
    assert len(as_json("rank")) == 8


def test_csv_is_one_row_per_city_and_edition() -> None:
    rows = list(csv.DictReader(io.StringIO(ok("rank", "xinhua-baltic", "--format", "csv"))))
    shanghai = [r for r in rows if r["city"] == "Shanghai"]
    assert [r["edition"] for r in shanghai] == [f"ISCDI {y}" for y in range(2019, 2026)]
    assert [r["rank"] for r in shanghai] == ["4", "3", "3", "3", "3", "3", "3"]
    assert shanghai[1]["change"] == "1" and shanghai[0]["change"] == ""
    assert all(r["source"] and r["quote"] for r in rows)
    assert len(rows) > len(shanghai) * 3


def test_markdown_table_per_benchmark() -> None:
    text = ok("rank", "innovation", "--format", "markdown")
    assert text.count("### ") == 2
    assert "| Edition (published) | Shanghai | Change |" in text
    assert "| GII 2021 (2021-09) | 8th | — |" in text


def test_unknown_name_is_a_usage_error() -> None:
    result = fc_reading("rank", "gfcj", data=SHIPPED)
    assert result.exit_code == 2
    assert "neither a benchmark nor a center" in result.stderr and "Did you mean 'gfci'?" in result.stderr


def test_a_file_without_benchmarks() -> None:
    result = fc_reading("rank", "shipping", data=READING)
    assert result.exit_code == 0
    assert "No benchmarks recorded for the International Shipping Center." in result.stdout
    assert json.loads(fc_reading("rank", "--format", "json", data=READING).stdout) == []


def test_show_adds_a_row_per_benchmark(write_data: WriteData) -> None:
    text = ok("show", "shipping")
    peers = text[text.index("Among its peers (fc rank)") :]
    [(_, body)] = tables(peers)
    assert [cells[0] for cells in body if cells[0]] == [
        "World airports by cargo volume",
        "World container ports by throughput",
        "The Leading Maritime Cities of the World",
        "Xinhua-Baltic International Shipping Centre Development Index",
    ]
    xinhua = next(i for i, cells in enumerate(body) if cells[0].startswith("Xinhua"))
    assert [cells[1:] for cells in body[xinhua : xinhua + 2]] == [
        ["3rd", "→ unchanged"],
        ["in ISCDI 2025", "since ISCDI 2024"],
    ]
    # The records of fc show stay the indicators' own.
    assert all("indicator" in r or "id" in r for r in as_json("show", "shipping"))
    as_of = ok("show", "innovation", "--year", "2022", data=write_data(WITH_BENCHMARK))
    [(_, body)] = tables(as_of[as_of.index("Among its peers") :])
    assert body[:2] == [
        # 9th, then "not in the top 5": anywhere from up 3 to down, and not the first place either.
        ["Science and technology clusters", "not in top 5", "change not known"],
        ["", "in Clusters 2022", ""],
    ]


def test_data_text_is_shown_literally(write_data: WriteData) -> None:
    text = replace_once(WITH_BENCHMARK, 'city = "Beijing"', 'city = "[red]Beijing[/red]"')
    shown = ok("rank", "clusters", data=write_data(text))
    assert "[red]Beijing[/red] 3rd (80.5)" in shown


def tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each ASCII table of the output: its column headings (stacked lines joined) and its body lines' cells."""
    found: list[tuple[list[str], list[list[str]]]] = []
    rules = 0
    for line in text.splitlines():
        if line.startswith("+"):
            rules = rules % 3 + 1  # above the heading, under it, under the body
            if rules == 1:
                found.append(([], []))
            continue
        if not line.startswith("|") or not found:
            continue
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        headings, body = found[-1]
        if rules == 1:
            found[-1] = ([f"{h} {c}".strip() for h, c in zip(headings or [""] * len(cells), cells, strict=True)], body)
        else:
            body.append(cells)
    return found


def test_at_80_columns_every_edition_place_and_whole_peer_shows_and_no_id_is_cut_inside_a_word() -> None:
    standings = as_json("rank")
    ids = {e["source"] for b in standings for ed in b["editions"] for e in [ed["shanghai"] or {}, *ed["peers"]] if e}
    result = fc_reading("rank", data=SHIPPED, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    drawn = tables(result.stdout)
    assert len(drawn) == len(standings)
    for (headings, body), benchmark in zip(drawn, standings, strict=True):
        assert headings[0] == "Edition (published)" and headings[1] in ("Shanghai", "Shanghai (score)")
        assert headings[2:] == ["Change", "Peers the sources name", "Source"], "every column shows at 80 columns"
        column = {name: [cells[i] for cells in body] for i, name in enumerate(headings)}
        editions = " ".join(column["Edition (published)"])
        at = 0
        for edition in benchmark["editions"]:
            at = editions.index(edition["edition"], at)  # every edition, whole, in order
        places = [c for c in column[headings[1]] if re.fullmatch(r"\d+(st|nd|rd|th)|—|not in", c)]
        assert places == [place(e["shanghai"]) for e in benchmark["editions"]]
        peers = " ".join(" ".join(column["Peers the sources name"]).split())
        for edition in benchmark["editions"]:
            for peer in edition["peers"]:
                assert peer["city"] in peers, f"{peer['city']} is cut inside a word"
        for piece in filter(None, column["Source"]):
            whole = piece in ids
            starts = any(i.startswith(piece) and piece.endswith("-") for i in ids)
            ends = any(i.endswith(piece) and i[: -len(piece)].endswith("-") for i in ids)
            assert whole or starts or ends, f"{piece!r} is a source id cut inside a word"
    peers_width = min(len(line.split("|")[4]) - 2 for line in lines if line.startswith("| Edition"))
    assert peers_width >= 15, "the peers keep room enough for a city and its place"


def place(shanghai: dict[str, Any] | None) -> str:
    if not shanghai or (shanghai.get("rank") is None and shanghai.get("outside_top") is None):
        return "—"
    return "not in" if shanghai.get("rank") is None else ordinal(shanghai["rank"])
