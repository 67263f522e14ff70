"""Benchmark fc: whole-process wall time and peak memory at 1x to 1000x the shipped data.

    python bench/run.py            # the full run; writes bench/RESULTS.md
    python bench/run.py --quick    # 1x and 10x only, fewer runs; prints, writes nothing

Run it with the Python of the environment where fc is installed
(`pip install -e '.[test]'`). Standard library only, plus tomli-w (a
dependency of fc) to write the synthetic files. Each command runs in a fresh
process, started with posix_spawn and reaped with os.wait4, which gives the
peak resident memory of that one child.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # bench/ is not a package

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "RESULTS.md"
SCALES = (1, 10, 100, 1000)
FIXTURE = ROOT / "tests" / "fixtures" / "reading.toml"
FC_COMMANDS = ("validate", "show", "compare", "progress")
# Goals from the issue (measured here, never asserted in tests).
GOAL_COMMAND_MS = 100
GOAL_VERSION_MS = 60
GOAL_VS_CHECK_TOML = 3.0
GOAL_GROWTH = 12.0  # 10x the data may cost at most 12x the time
GOAL_LARGE_OBSERVATIONS = 100_000
GOAL_LARGE_S = 2.0
GOAL_LARGE_MB = 250
DENSE_YEARS = 30  # 1995-2024: the goal's other shape, more years rather than more indicators
# Import-time groups: a module counts for the nearest enclosing import of one of these packages.
GROUPS = {
    "fivecenters": "fivecenters",
    "typer": "typer",
    "click": "typer",
    "shellingham": "typer",
    "annotated_doc": "typer",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic",
    "annotated_types": "pydantic",
    "typing_inspection": "pydantic",
    "rich": "rich",
    "markdown_it": "rich",
    "mdurl": "rich",
    "pygments": "rich",
}
GROUP_ORDER = ("typer", "pydantic", "rich", "fivecenters", "other")


@dataclass
class Sample:
    """Runs of one command line: wall times in seconds and peak memory in MiB."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    peaks: list[float] = field(default_factory=list)

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
    repeats: int
    warm_up: bool = True
    commands: tuple[str, ...] = FC_COMMANDS
    samples: dict[str, Sample] = field(default_factory=dict)


def die(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    raise SystemExit(1)


def script(name: str) -> Path | None:
    """A console script of this Python's environment."""
    path = Path(sysconfig.get_path("scripts")) / name
    return path if path.is_file() else None


# Started once, small, to start every measured command: Linux carries the spawning process's
# high-water memory mark into a child's max RSS at exec, and this script grows while it writes
# the large files. The launcher stays a few MiB, below any command measured.
LAUNCHER = """
import json, os, sys, time
devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
for line in sys.stdin:
    argv = json.loads(line)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=devnull)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps([elapsed, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""


class Launcher:
    """Runs commands with their output discarded, each in a fresh process reaped with os.wait4."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def spawn(self, argv: list[str]) -> tuple[float, float, float, int]:
        """(wall seconds, CPU seconds, peak RSS in MiB, exit code) of one run."""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(argv) + "\n")
        self.process.stdin.flush()
        elapsed, cpu, maxrss, code = json.loads(self.process.stdout.readline())
        # ru_maxrss is in KiB on Linux and in bytes on macOS.
        return elapsed, cpu, maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024), code

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def measure(launcher: Launcher, argv: list[str], repeats: int, warm_up: bool = True) -> Sample:
    """A warm-up run, then `repeats` timed runs; a failing run stops the benchmark."""
    sample = Sample()
    for run in range(0 if warm_up else 1, repeats + 1):
        elapsed, cpu, peak, code = launcher.spawn(argv)
        if code != 0:
            result = subprocess.run(argv, capture_output=True, text=True, check=False)
            die(f"{' '.join(argv)} exited {code}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        if run:
            sample.times.append(elapsed)
            sample.cpu.append(cpu)
            sample.peaks.append(peak)
    return sample


def validates(fc: Path, path: Path) -> tuple[bool, str]:
    result = subprocess.run([str(fc), "validate", str(path)], capture_output=True, text=True, check=False)
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def reference(fc: Path) -> tuple[str, Path | None, synth.Profile]:
    """The shipped data file: the repository's indicators.toml when it is there and valid."""
    notes = []
    for path in (ROOT / "indicators.toml", FIXTURE):
        if not path.is_file() or not path.read_text(encoding="utf-8").strip():
            notes.append(f"{path.relative_to(ROOT)} is missing or empty")
            continue
        ok, output = validates(fc, path)
        if ok:
            return str(path.relative_to(ROOT)), path, synth.profile_of(path)
        notes.append(f"{path.relative_to(ROOT)} does not validate ({output.splitlines()[-1]})")
    print(f"bench: {'; '.join(notes)}: using a built-in profile", file=sys.stderr)
    return f"built-in profile ({'; '.join(notes)})", None, synth.DEFAULT_PROFILE


def fc_argv(fc: Path, command: str, data: DataFile) -> list[str]:
    path = str(data.path)
    if command == "validate":
        return [str(fc), "validate", path]  # as pre-commit passes it
    if command == "compare":
        return [str(fc), "compare", *map(str, data.years), "--data", path]
    return [str(fc), command, "--data", path]


def plan(observations: int, base: int) -> tuple[int, bool]:
    """Timed runs and whether to warm up first: fewer on large files, so that the benchmark takes minutes.

    A large file needs no warm-up run: its check with fc validate has just read it, and
    a run of seconds does not notice what a warm-up would save.
    """
    if observations > 50_000:
        return 1, False
    if observations > 5_000:
        return max(3, base // 5), True
    return base, True


# -- import time ------------------------------------------------------------------------


def import_breakdown(python: str, args: list[str], runs: int = 5) -> dict[str, float]:
    """Milliseconds of import time by package group (median of runs), from `python -X importtime`."""
    code = "import sys; sys.argv[0] = 'fc'; from fivecenters.__main__ import main; main()"
    totals: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs + 1):
        result = subprocess.run(
            [python, "-X", "importtime", "-c", code, *args], capture_output=True, text=True, check=False
        )
        for group, micros in _group_import_times(result.stderr).items():
            totals[group].append(micros / 1000)
    return {group: statistics.median(values[1:] or values) for group, values in totals.items()}


def _group_import_times(stderr: str) -> dict[str, float]:
    """Self times summed by group; stdlib and unknown modules count for their importer's group."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, _cumulative, name = line.split("|", 2)
        level = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((level, int(head.split(":", 1)[1]), name.strip()))
    totals: dict[str, float] = defaultdict(float)
    owners: list[str] = []  # the group at each level of the current branch
    for level, self_us, name in reversed(rows):  # importtime prints children first
        del owners[level:]
        root = name.split(".")[0]
        group = GROUPS.get(root) or (owners[-1] if owners else "other")
        owners.append(group)
        totals[group] += self_us
    return totals


# -- the report -------------------------------------------------------------------------


@dataclass
class Run:
    """Everything one benchmark run measured."""

    reference: str
    files: list[DataFile]
    baselines: dict[str, Sample]  # label -> sample, for commands that read no data
    imports: dict[str, dict[str, float]]
    has_check_toml: bool
    started: dt.datetime
    load: tuple[float, float]
    seconds: float = 0.0

    @property
    def python_pass(self) -> Sample:
        return self.baselines["`python -c pass`"]

    @property
    def version(self) -> Sample:
        return self.baselines["`fc --version`"]


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
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}" for name in ("typer", "pydantic", "pydantic-core", "rich")
    )
    return (
        f"{cores} cores ({cpu}), {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}, "
        f"{'a PGO build' if optimised else 'built without --enable-optimizations'}); {versions}"
    )


def ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def render(run: Run) -> str:
    out = [
        "# fc benchmark",
        "",
        f"Written by `python bench/run.py` on {run.started:%Y-%m-%d at %H:%M} UTC in {run.seconds:.0f} s.",
        "",
        f"- Machine: {machine()}.",
        f"- Load average (1 min) when the run started and ended: {run.load[0]:.2f} and {run.load[1]:.2f}.",
        f"- Shipped data (the 1x reference): {run.reference}.",
        "- Each command runs as a whole process (spawned, output discarded): a warm-up run (not on the largest "
        "files, just read by their check), then the timed runs. Wall time is the median and the min–max of those "
        "runs; CPU is the median user + system time, which other processes on the machine disturb less; peak "
        "memory is the largest max RSS of one process.",
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
        "The floor: starting Python, and importing what every fc command with arguments imports (typer "
        "coerces arguments with pydantic) and what the tables need (rich).",
        "",
        "| command | median ms | min–max ms | CPU ms | peak MiB | × python -c pass |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, sample in run.baselines.items():
        low, high = sample.spread_ms
        out.append(
            f"| {label} | {ms(sample.median_ms)} | {ms(low)}–{ms(high)} | {ms(sample.cpu_ms)} "
            f"| {sample.peak_mb:.0f} | {sample.median_ms / run.python_pass.median_ms:.1f} |"
        )
    out += [
        "",
        "## Commands on each file",
        "",
        "| file | command | median ms | min–max ms | CPU ms | peak MiB | × check-toml | × python -c pass |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for f in run.files:
        check = f.samples.get("check-toml")
        for name, sample in f.samples.items():
            low, high = sample.spread_ms
            vs_check = f"{sample.median_ms / check.median_ms:.2f}" if check and name != "check-toml" else ""
            label = "`check-toml`" if name == "check-toml" else f"`fc {name}`"
            out.append(
                f"| {f.label} | {label} | {ms(sample.median_ms)} | {ms(low)}–{ms(high)} | {ms(sample.cpu_ms)} "
                f"| {sample.peak_mb:.0f} | {vs_check} | {sample.median_ms / run.python_pass.median_ms:.1f} |"
            )
    out += ["", *goals(run), "", *breakdown(run), "", *obstacles(run)]
    return "\n".join(out) + "\n"


def goals(run: Run) -> list[str]:
    shipped = run.files[0]
    by_label = {f.label: f for f in run.files}
    rows = ["## Goals", "", "| goal | measured | |", "|---|---|---|"]
    for name in FC_COMMANDS:
        value = shipped.samples[name].median_ms
        rows.append(
            f"| `fc {name}` on the shipped data ≤ {GOAL_COMMAND_MS} ms | {ms(value)} ms "
            f"| {verdict(value <= GOAL_COMMAND_MS)} |"
        )
    version = run.version.median_ms
    rows.append(f"| `fc --version` ≤ {GOAL_VERSION_MS} ms | {ms(version)} ms | {verdict(version <= GOAL_VERSION_MS)} |")
    if run.has_check_toml:
        ratio = shipped.samples["validate"].median_ms / shipped.samples["check-toml"].median_ms
        rows.append(
            f"| `fc validate` ≤ {GOAL_VS_CHECK_TOML:g}× `check-toml` on the shipped data | {ratio:.2f}× "
            f"| {verdict(ratio <= GOAL_VS_CHECK_TOML)} |"
        )
    for name in ("validate", "show"):
        for small, large in (("10x", "100x"), ("100x", "1000x")):
            if small in by_label and large in by_label:
                a, b = by_label[small], by_label[large]
                growth = b.samples[name].median_ms / a.samples[name].median_ms
                data = b.counts["observations"] / a.counts["observations"]
                rows.append(
                    f"| `fc {name}` {small} → {large}: {data:.0f}× the data in ≤ {GOAL_GROWTH:g}× the time "
                    f"| {growth:.1f}× | {verdict(growth <= GOAL_GROWTH)} |"
                )
    for f in goal_files(run):
        sample = f.samples["validate"]
        seconds, megabytes = sample.median_ms / 1000, sample.peak_mb * 1.048576
        rows += [
            f"| `fc validate` on {f.counts['observations']:,} observations ({f.label}) < {GOAL_LARGE_S:g} s "
            f"| {seconds:.2f} s | {verdict(seconds < GOAL_LARGE_S)} |",
            f"| … with peak memory < {GOAL_LARGE_MB} MB | {megabytes:.0f} MB ({sample.peak_mb:.0f} MiB) "
            f"| {verdict(megabytes < GOAL_LARGE_MB)} |",
        ]
    return rows


def breakdown(run: Run) -> list[str]:
    shipped = run.files[0]
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
        wall = run.version.median_ms if command == "--version" else shipped.samples[command].median_ms
        cells = " | ".join(ms(groups.get(g, 0.0)) for g in GROUP_ORDER)
        rows.append(f"| `fc {command}` | {ms(wall)} | {cells} | {ms(sum(groups.values()))} |")
    return rows


def goal_files(run: Run) -> list[DataFile]:
    """The files measured for the goal of GOAL_LARGE_OBSERVATIONS observations: made for it, else the smallest."""
    large = [f for f in run.files if f.counts["observations"] >= GOAL_LARGE_OBSERVATIONS]
    made = [f for f in large if f.commands != FC_COMMANDS]
    return made or sorted(large, key=lambda f: f.counts["observations"])[:1]


FLOOR = "`python -c 'import typer, pydantic.main'`"
FLOOR_RICH = "`python -c 'import typer, pydantic.main, rich.table'`"


def obstacles(run: Run) -> list[str]:
    """What stands in the way of the goals, from this run's numbers."""
    shipped = run.files[0]
    floor, floor_rich = run.baselines[FLOOR].median_ms, run.baselines[FLOOR_RICH].median_ms
    validate, show = shipped.samples["validate"].median_ms, shipped.samples["show"].median_ms
    imports = run.imports.get("validate", {})
    typer_version = importlib.metadata.version("typer")
    typer_uses_pydantic = any(r.startswith("pydantic") for r in importlib.metadata.requires("typer") or ())
    why = (
        f"Every fc command that takes arguments pays for pydantic even before it validates anything: typer "
        f"{typer_version} coerces arguments through pydantic TypeAdapters, one built per parameter, and building "
        "them imports pydantic's plugin loader and with it `importlib.metadata`. "
        if typer_uses_pydantic
        else ""
    )
    check = shipped.samples.get("check-toml")
    versus = (
        f"`check-toml` ({ms(check.median_ms)} ms) imports nothing but tomllib, so no command that loads typer and "
        "pydantic can come within 3× of it on a small file. "
        if check
        else ""
    )
    rows = [
        "## What stands in the way",
        "",
        f"- **Commands on the shipped data (≤ {GOAL_COMMAND_MS} ms) and `fc validate` against `check-toml`.** "
        f"Importing typer and pydantic takes {ms(floor)} ms ({FLOOR}), {floor / GOAL_COMMAND_MS:.0%} of the "
        f"budget, before fc reads a byte; with rich for the tables {ms(floor_rich)} ms. {why}Above that floor, "
        f"`fc validate` spends {ms(validate - floor)} ms and `fc show` {ms(show - floor_rich)} ms: typer's "
        "argument handling, fc's models (built once per process), its own modules "
        f"({ms(imports.get('fivecenters', 0.0))} ms of imports under importtime, with the standard-library "
        f"modules they are first to import), reading, checking and drawing. {versus}What would remove the floor: "
        "a command line that does not import typer for the hot commands (argparse), and reading commands that "
        "do not import pydantic (a cache of the validated data as plain JSON, keyed by the file's hash and fc's "
        "version); both mean giving up or working around the chosen dependencies, so neither is done here.",
    ]
    parsed = [f for f in goal_files(run) if "check-toml" in f.samples]
    if parsed:
        cases = "; ".join(
            f"{f.label}, {f.path.stat().st_size / 2**20:,.0f} MiB of TOML: `check-toml` "
            f"{f.samples['check-toml'].median_ms / 1000:.2f} s and {f.samples['check-toml'].peak_mb:.0f} MiB, "
            f"`fc validate` {f.samples['validate'].median_ms / 1000:.2f} s and {f.samples['validate'].peak_mb:.0f} MiB"
            for f in parsed
        )
        rows.append(
            f"- **{GOAL_LARGE_OBSERVATIONS:,} observations in under {GOAL_LARGE_S:g} s and {GOAL_LARGE_MB} MB.** "
            f"tomllib alone, parsing the file and nothing else, takes most of fc's time and memory ({cases}). "
            "tomllib is pure Python, and its tables of Python objects take several times the size of the text. "
            "A compiled parser would remove most of the parsing time: tomli's mypyc-compiled wheel (the same "
            "parser as tomllib) parses 2.4–2.5× as fast in the same memory, rtoml faster still in 2.7× the "
            "memory (bench/README.md); a dependency, so not done here. The memory is that of the Python objects "
            "any parser must make. The checks after parsing are linear (see the growth goals) and take the rest."
        )
    return rows


# -- main -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, 5 runs; print instead of writing")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs on small files (default 15)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    options = parser.parse_args()
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    load_at_start = os.getloadavg()[0]

    if importlib.util.find_spec("fivecenters") is None or (fc := script("fc")) is None:
        die(f"fc is not installed for {sys.executable}: run `pip install -e '.[test]'` in the checkout first")
    check_toml = script("check-toml")
    if check_toml is None:
        print(
            "bench: check-toml not found: `pip install pre-commit-hooks` (or `pip install -e '.[test]'`) "
            "to compare fc with a bare TOML parser; going on without it",
            file=sys.stderr,
        )
    # As an install does: with PYTHONDONTWRITEBYTECODE set, an editable checkout would otherwise
    # compile every module of fc from source in every run.
    spec = importlib.util.find_spec("fivecenters")
    for location in (spec and spec.submodule_search_locations) or ():
        compileall.compile_dir(location, quiet=1)
    scales = SCALES[:2] if options.quick else SCALES
    base = 5 if options.quick else options.repeats

    ref_label, ref_path, profile = reference(fc)
    print(f"bench: reference {ref_label}: {profile}", file=sys.stderr)
    files = []
    if ref_path is not None:
        counts = {
            "sources": profile.sources,
            "indicators": profile.indicators,
            "observations": profile.observations,
            "targets": profile.targets,
        }
        files.append(DataFile("shipped", ref_path, counts, _years_of(ref_path), base))
    # The scales; then, for the goal alone, the smallest file with GOAL_LARGE_OBSERVATIONS observations in
    # two shapes: the shipped file's (more indicators and sources), and DENSE_YEARS years per indicator.
    dense = dataclasses.replace(profile, observations=profile.indicators * DENSE_YEARS)
    plans = [(profile, scale, f"{scale}x", FC_COMMANDS) for scale in scales]
    if not options.quick:
        for shape, what in ((profile, "shipped shape"), (dense, f"{DENSE_YEARS} years each")):
            scale = next(k for k in range(1, 10**6) if synth.observations_at(shape, k) >= GOAL_LARGE_OBSERVATIONS)
            plans.append((shape, scale, f"{scale}x, {what}", ("validate",)))
    for shape, scale, label, commands in plans:
        path, counts = synth.generate(shape, scale, WORK, name=label.replace(", ", "-").replace(" ", "-"))
        ok, output = validates(fc, path)
        if not ok or "0 errors" not in output:
            die(f"generated {path} does not validate:\n{output[-3000:]}")
        repeats, warm_up = plan(counts["observations"], base)
        if commands != FC_COMMANDS:
            repeats = max(repeats, 2)
        files.append(DataFile(label, path, counts, synth.compare_years(shape), repeats, warm_up, commands))
        print(f"bench: generated {label}: {counts}", file=sys.stderr)

    python = sys.executable
    launcher = Launcher()
    floors = ("import typer", "import typer, pydantic.main", "import typer, pydantic.main, rich.table")
    baselines = {
        "`python -c pass`": measure(launcher, [python, "-c", "pass"], base),
        "`fc --version`": measure(launcher, [str(fc), "--version"], base),
        **{f"`python -c '{code}'`": measure(launcher, [python, "-c", code], base) for code in floors},
    }
    for f in files:
        for command in f.commands:
            f.samples[command] = measure(launcher, fc_argv(fc, command, f), f.repeats, f.warm_up)
        if check_toml:
            f.samples["check-toml"] = measure(launcher, [str(check_toml), str(f.path)], f.repeats, f.warm_up)
        print(
            f"bench: {f.label}: "
            + ", ".join(f"{name} {s.median_ms:,.0f} ms/{s.peak_mb:.0f} MiB" for name, s in f.samples.items()),
            file=sys.stderr,
        )

    launcher.close()
    imports = {"--version": import_breakdown(python, ["--version"])}
    for command in FC_COMMANDS:
        imports[command] = import_breakdown(python, fc_argv(fc, command, files[0])[1:])

    run = Run(ref_label, files, baselines, imports, check_toml is not None, started, (load_at_start, 0.0))
    run.load = (load_at_start, os.getloadavg()[0])
    run.seconds = time.perf_counter() - clock
    text = render(run)
    if options.quick:
        print(text)
    else:
        options.output.write_text(text, encoding="utf-8")
        print(f"bench: wrote {options.output}", file=sys.stderr)


def _years_of(path: Path) -> tuple[int, int]:
    """Two years for `fc compare` on a real file: the two latest years with data."""
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    years = sorted({o["year"] for i in data.get("indicators", []) for o in i.get("observations", [])})
    return (years[-2], years[-1]) if len(years) >= 2 else (years[0], years[0])


if __name__ == "__main__":
    main()
