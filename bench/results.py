"""What bench/run.py measured, as Markdown: the goals of issue 16 with their ratios, then the tables.

Every goal is a ratio of median wall times of commands run side by side (their
runs interleaved, so that a busy machine slows all of them alike); the CPU-time
ratio stands beside it, since other processes disturb CPU time less.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import itertools
import os
import platform
import statistics
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

FC_COMMANDS = ("validate", "show", "compare", "progress", "info", "sources", "chart", "export", "report")
# Measured on the shipped data alone: the synthetic files rank no city and are not in canonical form.
SHIPPED_ONLY = ("rank", "fmt --check")
LARGE_COMMANDS = ("validate", "show")  # on the files made for the goal of GOAL_OBSERVATIONS observations
# The least any fc command can cost: what typer and pydantic cost to import, and a bare parse of the file.
FLOOR_CODE = "import sys, tomllib, typer, pydantic.main; tomllib.loads(open(sys.argv[1], encoding='utf-8').read())"
# What typer costs beyond its import: a one-command app that parses the file and does nothing else.
# typer 0.29 coerces every argument through a pydantic TypeAdapter, which imports pydantic's fields and
# types and its plugin loader (with importlib.metadata): costs no typer command escapes, outside the floor.
# The floor and the modules typer 0.29 imports to coerce any argument that is not a flag (pydantic.types,
# annotated_types, and through pydantic's plugin loader importlib.metadata): what every fc command pays,
# since each takes a path or a choice, before typer has built one adapter or fc has imported a module.
TYPER_COERCION_CODE = FLOOR_CODE + "; import typer._adapters, pydantic.plugin._loader"
TYPER_APP_CODE = """
import tomllib
from pathlib import Path
from typing import Annotated
import typer
app = typer.Typer(add_completion=False)
@app.callback()
def root() -> None: ...
@app.command()
def validate(path: Annotated[Path, typer.Argument()]) -> None:
    tomllib.loads(path.read_text(encoding="utf-8"))
app()
"""

# The goals of issue 16 (measured here, never asserted in tests).
GOAL_VALIDATE_VS_FLOOR = 1.15
GOAL_READING_VS_FLOOR = 1.35  # every other command, which also draws tables or writes files
GOAL_OBSERVATIONS = 100_000
GOAL_LARGE_VALIDATE_VS_CHECK_TOML = 1.0  # faster than a bare parse of the same file
GOAL_LARGE_SHOW_VS_CHECK_TOML = 1.5
GOAL_LARGE_MB = 250
GOAL_GROWTH = 12.0  # linear: 10x the data in at most 12x the time


@dataclass
class Sample:
    """Runs of one command line: wall times in seconds and peak memory in MiB."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    peaks: list[float] = field(default_factory=list)
    stopped_after: float | None = None  # seconds: a run outlasted its limit and was stopped

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def spread_ms(self) -> tuple[float, float]:
        return min(self.times) * 1000, max(self.times) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000

    @property
    def peak_mb(self) -> float:
        return max(self.peaks)


@dataclass
class DataFile:
    label: str
    path: Path
    counts: dict[str, int]
    years: tuple[int, int]
    indicator: str  # for fc info and fc chart
    repeats: int
    warm_up: bool = True
    commands: tuple[str, ...] = FC_COMMANDS
    peers: tuple[str, ...] = ("check-toml",)
    samples: dict[str, Sample] = field(default_factory=dict)  # "fc validate", "check-toml", ...

    @property
    def scale(self) -> int | None:
        """The scale of the 1x-1000x files; None for the shipped file and the goal files."""
        return int(self.label[:-1]) if self.label.endswith("x") and self.label[:-1].isdigit() else None

    @property
    def slug(self) -> str:
        return self.label.replace(", ", "-").replace(" ", "-")

    def ratio(self, name: str, versus: str) -> tuple[float, float] | None:
        """Wall-time and CPU-time ratios of two of this file's samples, when both were measured."""
        a, b = self.samples.get(name), self.samples.get(versus)
        return (a.median_ms / b.median_ms, a.cpu_ms / b.cpu_ms) if a and b and a.times and b.times else None


@dataclass
class Run:
    """Everything one benchmark run measured."""

    reference: str
    files: list[DataFile]
    baselines: dict[str, Sample]  # label -> sample, for commands that read no data
    imports: dict[str, dict[str, float]]
    missing: dict[str, str]  # peer -> why it was not measured
    started: dt.datetime
    load: list[float]  # 1-minute load averages, sampled through the run
    instructions: dict[str, int] = field(default_factory=dict)  # on the shipped data, by command; see run.py
    seconds: float = 0.0

    def counted(self, name: str) -> float | None:
        """`name`'s instructions as a multiple of the floor's, when both were counted."""
        if name in self.instructions and "floor" in self.instructions:
            return self.instructions[name] / self.instructions["floor"]
        return None

    @property
    def shipped(self) -> DataFile:
        return self.files[0]

    @property
    def scales(self) -> list[DataFile]:
        return [f for f in self.files if f.scale]

    @property
    def busy(self) -> bool:
        """Other processes competed for the cores at some point of the run."""
        return max(self.load) > (os.cpu_count() or 1)

    def goal_files(self) -> list[DataFile]:
        return [f for f in self.files if f.commands == LARGE_COMMANDS]


def ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def duration(milliseconds: float) -> str:
    return f"{milliseconds / 1000:.2f} s" if milliseconds >= 1000 else f"{ms(milliseconds)} ms"


def verdict(met: bool) -> str:
    return "holds" if met else "**does not hold**"


def _ratio_row(goal: str, ratios: tuple[float, float] | None, limit: float, by_cpu: bool, strict: bool = False) -> str:
    if ratios is None:
        return f"| {goal} | not measured | |"
    wall, cpu = ratios
    judged = cpu if by_cpu else wall
    met = judged < limit if strict else judged <= limit
    return f"| {goal} | {wall:.2f}× (CPU {cpu:.2f}×) | {verdict(met)} |"


def _startup_ratios(run: Run, name: str, ratios: tuple[float, float] | None) -> str:
    parts = [f"{counted:.2f}× in instructions"] if (counted := run.counted(name)) is not None else []
    parts += [f"wall {ratios[0]:.2f}×, CPU {ratios[1]:.2f}×"] if ratios else []
    return "; ".join(parts) or "not measured"


def _startup_row(run: Run, goal: str, name: str, limit: float, by_cpu: bool) -> str:
    """A goal on the shipped data: judged on instructions when they were counted, else on times."""
    ratios = run.shipped.ratio(name, "floor")
    if (counted := run.counted(name)) is None:
        return _ratio_row(goal, ratios, limit, by_cpu)
    return f"| {goal} | {_startup_ratios(run, name, ratios)} | {verdict(counted <= limit)} |"


def goals(run: Run) -> list[str]:
    """The issue's goals, each with its measured ratio and whether it holds."""
    shipped, cpu = run.shipped, run.busy
    basis = (
        "CPU-time ratios: the machine was busy (load above its cores), which inflates wall times"
        if cpu
        else "wall-time ratios"
    )
    rows = [
        "## Goals",
        "",
        "The floor: one process that imports typer and pydantic.main and parses the file with tomllib "
        f'(`python -c "{FLOOR_CODE}" FILE`), what any fc command that uses typer pays before fc does anything '
        "of its own. The goals on the shipped data are judged on instructions executed (valgrind's callgrind), "
        "the same in every run: wall and CPU times of these ~200 ms runs, beside them, swing by ±15% between runs "
        f"on a shared machine. The others are judged on {basis}"
        + (f" (instructions not counted: {run.missing['instructions']})." if "instructions" in run.missing else "."),
        "",
        "| goal | measured | |",
        "|---|---|---|",
    ]
    floor = "the floor"
    for name in shipped.commands:
        limit = GOAL_VALIDATE_VS_FLOOR if name == "validate" else GOAL_READING_VS_FLOOR
        goal = f"`fc {name}` on the shipped data ≤ {limit:g}× {floor}"
        rows.append(_startup_row(run, goal, f"fc {name}", limit, cpu))
    for name, what in (
        ("typer coercion", "the floor and the modules typer imports to coerce any argument that is not a flag"),
        ("typer app", "a one-command typer app that only parses the file, for scale"),
    ):
        if (ratios := shipped.ratio(name, "floor")) or run.counted(name):
            rows.append(f"| (not a goal: {what}) | {_startup_ratios(run, name, ratios)} the floor | |")
    if not run.goal_files():
        rows.append(f"| the goals at {GOAL_OBSERVATIONS:,} observations | not measured (--quick) | |")
    for f in run.goal_files():
        what = f"{f.counts['observations']:,} observations ({f.label})"
        rows.append(
            _ratio_row(
                f"`fc validate` on {what} faster than `check-toml`",
                f.ratio("fc validate", "check-toml"),
                GOAL_LARGE_VALIDATE_VS_CHECK_TOML,
                cpu,
                strict=True,
            )
        )
        if sample := f.samples.get("fc validate"):
            megabytes = sample.peak_mb * 1.048576
            rows.append(
                f"| … its peak memory ≤ {GOAL_LARGE_MB} MB | {megabytes:.0f} MB ({sample.peak_mb:.0f} MiB) "
                f"| {verdict(megabytes <= GOAL_LARGE_MB)} |"
            )
        rows.append(
            _ratio_row(
                f"`fc show` on {what} ≤ {GOAL_LARGE_SHOW_VS_CHECK_TOML:g}× `check-toml`",
                f.ratio("fc show", "check-toml"),
                GOAL_LARGE_SHOW_VS_CHECK_TOML,
                cpu,
            )
        )
    for peer, against in (("check-jsonschema", "`fc schema`'s JSON Schema"), ("frictionless", "the exported package")):
        measured = [f for f in run.files if peer in f.samples]
        if not measured:
            rows.append(f"| `fc validate` faster than `{peer}` ({against}) | not measured: {run.missing[peer]} | |")
        for f in measured:
            rows.append(
                _ratio_row(
                    f"`fc validate` faster than `{peer}` on {f.label} ({against})",
                    f.ratio("fc validate", peer),
                    1.0,
                    cpu,
                    strict=True,
                )
            )
    rows += _growth(run, cpu)
    return rows


def growth_per_tenfold(small: DataFile, large: DataFile, name: str, by_cpu: bool = False) -> float:
    """How many times as long `name` took on the larger file, for 10x the data (the goal: GOAL_GROWTH)."""
    a, b = small.samples[name], large.samples[name]
    ratio = (b.cpu_ms / a.cpu_ms) if by_cpu else (b.median_ms / a.median_ms)
    return ratio / (large.counts["observations"] / small.counts["observations"]) * 10


def _growth(run: Run, by_cpu: bool) -> list[str]:
    """Linear in the file's size: each step of 10x the data in at most GOAL_GROWTH times the time."""
    scales = run.scales
    if len(scales) < 2:
        return [f"| linear growth, 10× the data in ≤ {GOAL_GROWTH:g}× the time | not measured (--quick) | |"]

    def time_of(sample: Sample) -> float:
        return sample.cpu_ms if by_cpu else sample.median_ms

    rows = []
    for name in FC_COMMANDS:
        first = scales[0].samples[f"fc {name}"]
        steps, worst = [f"{scales[0].label} {duration(time_of(first))}"], 0.0
        for small, large in itertools.pairwise(scales):
            a, b = small.samples[f"fc {name}"], large.samples[f"fc {name}"]
            if b.stopped_after:
                steps.append(f"{large.label} stopped after {b.stopped_after:,.0f} s, twice the linear time")
                worst = float("inf")
                break
            worst = max(worst, growth_per_tenfold(small, large, f"fc {name}", by_cpu))
            steps.append(f"{large.label} {duration(time_of(b))} ({time_of(b) / time_of(a):.1f}×)")
        rows.append(
            f"| `fc {name}` linear: 10× the data in ≤ {GOAL_GROWTH:g}× the {'CPU ' if by_cpu else ''}time "
            f"| {', '.join(steps)} | {verdict(worst <= GOAL_GROWTH)} |"
        )
    return rows


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    optimised = "--enable-optimizations" in (sysconfig.get_config_var("CONFIG_ARGS") or "")
    versions = ", ".join(f"{name} {_version(name)}" for name in ("typer", "pydantic", "pydantic-core", "rich", "tomli"))
    return (
        f"{cores} cores ({cpu}), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{'a PGO build' if optimised else 'built without --enable-optimizations'}); {versions}"
    )


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def render(run: Run) -> str:
    load = run.load
    out = [
        "# fc benchmark",
        "",
        f"Written by `python bench/run.py` on {run.started:%Y-%m-%d at %H:%M} UTC in {run.seconds:.0f} s.",
        "",
        f"- Machine: {machine()}.",
        f"- Load average (1 min), sampled through the run: {load[0]:.1f} at the start, {max(load):.1f} at most, "
        f"{load[-1]:.1f} at the end, on {os.cpu_count()} cores"
        + (
            " — the machine was busy: wall times are inflated, the ratios of commands run side by side less so."
            if run.busy
            else "."
        ),
        f"- Shipped data (the 1x reference): {run.reference}.",
        "- Each command runs as a whole process (spawned, output discarded). The commands of one file run in "
        "turn, one run of each per round: a warm-up round (not on the largest files, just read by their check), "
        "then the timed rounds. Wall time is the median and the min–max of those runs; CPU is the median user + "
        "system time; peak memory is the largest max RSS of one process.",
        "",
        *goals(run),
        "",
        "## Files",
        "",
        "| file | sources | indicators | observations | targets | size | timed runs |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for f in run.files:
        c = f.counts
        out.append(
            f"| {f.label} | {c['sources']:,} | {c['indicators']:,} | {c['observations']:,} | {c['targets']:,} "
            f"| {f.path.stat().st_size / 1024:,.0f} KiB | {f.repeats}{' after a warm-up' if f.warm_up else ''} |"
        )
    out += [
        "",
        "## Commands that read no data",
        "",
        "What the floor is made of: starting Python, importing typer (which imports pydantic to coerce "
        "arguments) and rich, which the tables need.",
        "",
        "| command | median ms | min–max ms | CPU ms | peak MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, sample in run.baselines.items():
        low, high = sample.spread_ms
        times = f"{ms(sample.median_ms)} | {ms(low)}–{ms(high)} | {ms(sample.cpu_ms)}"
        out.append(f"| {label} | {times} | {sample.peak_mb:.0f} |")
    out += [
        "",
        "## Commands on each file",
        "",
        "`floor`: see the goals; `typer coercion`: the floor and the modules typer imports to coerce an argument; "
        "`typer app`: a one-command typer app that only parses the file (tomllib). "
        "`check-jsonschema` validates the file against `fc schema`'s JSON Schema; `frictionless validate` the "
        "package `fc export --format datapackage` wrote.",
        "",
        "| file | command | median ms | min–max ms | CPU ms | peak MiB | × floor | × check-toml |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for f in run.files:
        for name, sample in f.samples.items():
            if sample.stopped_after:
                out.append(f"| {f.label} | `{name}` | stopped after {sample.stopped_after:,.0f} s | | | | | |")
                continue
            low, high = sample.spread_ms
            cells = []
            for versus in ("floor", "check-toml"):
                ratio = f.ratio(name, versus) if name != versus else None
                cells.append(f"{ratio[0]:.2f}" if ratio else "")
            out.append(
                f"| {f.label} | `{name}` | {ms(sample.median_ms)} | {ms(low)}–{ms(high)} | {ms(sample.cpu_ms)} "
                f"| {sample.peak_mb:.0f} | {' | '.join(cells)} |"
            )
    if run.instructions:
        out += [
            "",
            "## Instructions on the shipped data",
            "",
            "Each command run once under `valgrind --tool=callgrind` (its count varies by less than 0.1% between runs, "
            "with hash randomisation).",
            "",
            "| command | instructions | × floor |",
            "|---|---:|---:|",
        ]
        for name, count in run.instructions.items():
            out.append(f"| `{name}` | {count / 1e6:,.0f} M | {run.counted(name):.2f} |")
    out += ["", *breakdown(run)]
    return "\n".join(out) + "\n"


GROUP_ORDER = ("typer", "pydantic", "rich", "fivecenters", "other")


def breakdown(run: Run) -> list[str]:
    rows = [
        "## Where the time goes on the shipped data",
        "",
        "Import time by package (`python -X importtime`, median of 5 runs, in ms). A module counts for the "
        "nearest enclosing import of a listed package, so `pydantic` includes the standard-library modules "
        "pydantic imports, and `typer` what typer imports, pydantic aside; `other` is the rest, mostly the "
        "interpreter's own start-up. importtime adds overhead of its own, and the import time of a package "
        "imported inside a command is not the whole cost of using it (pydantic then builds validators).",
        "",
        "| command | wall ms | " + " | ".join(GROUP_ORDER) + " | imports in all |",
        "|---|---:|" + "---:|" * (len(GROUP_ORDER) + 1),
    ]
    for command, groups in run.imports.items():
        sample = run.baselines["`fc --version`"] if command == "--version" else run.shipped.samples[f"fc {command}"]
        cells = " | ".join(ms(groups.get(g, 0.0)) for g in GROUP_ORDER)
        rows.append(f"| `fc {command}` | {ms(sample.median_ms)} | {cells} | {ms(sum(groups.values()))} |")
    return rows
