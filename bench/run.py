"""Benchmark fc against the floor its libraries set and against its peers, at 1x to 1000x the shipped data.

    python bench/run.py            # the full run; prints the goals, writes bench/RESULTS.md
    python bench/run.py --quick    # the shipped data, 1x and 10x, fewer runs; prints, writes nothing

Run it with the Python of the environment where fc is installed
(`pip install -e '.[test]'`, which brings check-toml, check-jsonschema and
frictionless). Standard library only, plus tomli-w (a dependency of fc) to
write the synthetic files. Each command runs in a fresh process, started with
posix_spawn and reaped with os.wait4, which gives the peak resident memory of
that one child.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import datetime as dt
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
import tomllib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# bench/ is not a package
import synth
from results import (
    FC_COMMANDS,
    FLOOR_CODE,
    GOAL_GROWTH,
    GOAL_OBSERVATIONS,
    LARGE_COMMANDS,
    SHIPPED_ONLY,
    TYPER_APP_CODE,
    TYPER_COERCION_CODE,
    DataFile,
    Run,
    Sample,
    goals,
    growth_per_tenfold,
    render,
)

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "RESULTS.md"
SCALES = (1, 10, 100, 1000)
FIXTURE = ROOT / "tests" / "fixtures" / "reading.toml"
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
import json, os, signal, sys, time
devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
child = 0

def stop(signum, frame):
    try:
        os.kill(child, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass

signal.signal(signal.SIGALRM, stop)
for line in sys.stdin:
    argv, limit = json.loads(line)
    start = time.perf_counter()
    child = os.posix_spawn(argv[0], argv, os.environ, file_actions=devnull)
    if limit:
        signal.setitimer(signal.ITIMER_REAL, limit)
    _, status, usage = os.wait4(child, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)
    elapsed = time.perf_counter() - start
    stopped = bool(limit) and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps([elapsed, cpu, usage.ru_maxrss, code, stopped]), flush=True)
"""


class Launcher:
    """Runs commands with their output discarded, each in a fresh process reaped with os.wait4."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def spawn(self, argv: list[str], limit: float | None = None) -> tuple[float, float, float, int, bool]:
        """(wall seconds, CPU seconds, peak RSS in MiB, exit code, whether it was stopped at `limit` seconds)."""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps([argv, limit]) + "\n")
        self.process.stdin.flush()
        elapsed, cpu, maxrss, code, stopped = json.loads(self.process.stdout.readline())
        # ru_maxrss is in KiB on Linux and in bytes on macOS.
        return elapsed, cpu, maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024), code, stopped

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def measure(
    launcher: Launcher,
    argvs: dict[str, list[str]],
    repeats: int,
    warm_up: bool,
    limits: dict[str, float] | None = None,
) -> dict[str, Sample]:
    """Rounds of one run of each command in turn (a warm-up round first): side by side, so that what else
    the machine does slows them all alike. A failing run stops the benchmark; a run that outlasts its
    limit is stopped, and so is that command on this file."""
    samples = {name: Sample() for name in argvs}
    for run in range(0 if warm_up else 1, repeats + 1):
        for name, argv in argvs.items():
            if samples[name].stopped_after:
                continue
            limit = (limits or {}).get(name)
            elapsed, cpu, peak, code, stopped = launcher.spawn(argv, limit)
            if stopped:
                samples[name].stopped_after = limit
                print(f"bench: stopped {' '.join(argv)} after {limit:,.0f} s", file=sys.stderr)
                continue
            if code != 0:
                result = subprocess.run(argv, capture_output=True, text=True, check=False)
                die(f"{' '.join(argv)} exited {code}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
            if run:
                samples[name].times.append(elapsed)
                samples[name].cpu.append(cpu)
                samples[name].peaks.append(peak)
    return samples


def limits_at(previous: DataFile | None, data: DataFile) -> dict[str, float]:
    """Time limits on the scales: twice what linear growth from the scale below would take (at least a
    minute), so that a superlinear command (already over the growth goal) does not take the benchmark hours."""
    if previous is None:
        return {}
    ratio = data.counts["observations"] / previous.counts["observations"]
    return {
        name: max(60.0, 2 * ratio * sample.median_ms / 1000)
        for name, sample in previous.samples.items()
        if name.startswith("fc ") and sample.times
    }


CONFIRMING_RUNS = 3  # a step over the growth goal is judged on the median of this many runs at least


def confirm_growth(launcher: Launcher, argvs: dict[str, list[str]], previous: DataFile, data: DataFile) -> None:
    """Runs again, up to CONFIRMING_RUNS in all, each fc command that seems to grow faster than linearly:
    a large file is timed once, and one run slowed by the machine would read as superlinear growth."""
    over = {
        name: argv
        for name, argv in argvs.items()
        if name.startswith("fc ")
        and data.samples[name].times
        and previous.samples[name].times
        and len(data.samples[name].times) < CONFIRMING_RUNS
        and growth_per_tenfold(previous, data, name) > GOAL_GROWTH
    }
    if not over:
        return
    print(f"bench: {data.label}: timing {', '.join(over)} again, to confirm its growth", file=sys.stderr)
    runs = CONFIRMING_RUNS - min(len(data.samples[name].times) for name in over)
    again = measure(launcher, over, runs, warm_up=False, limits=limits_at(previous, data))
    for name, sample in again.items():
        data.samples[name].times += sample.times
        data.samples[name].cpu += sample.cpu
        data.samples[name].peaks += sample.peaks
        data.samples[name].stopped_after = data.samples[name].stopped_after or sample.stopped_after


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
    if command == "validate":
        return [str(fc), "validate", str(data.path)]  # as pre-commit passes it
    arguments = {
        "compare": [*map(str, data.years)],
        "info": [data.indicator],
        "chart": [data.indicator],
        "report": ["--output", str(WORK / "out" / f"{data.slug}.html")],
    }
    return [str(fc), *command.split(), *arguments.get(command, []), "--data", str(data.path)]


def plan(observations: int, base: int) -> tuple[int, bool]:
    """Timed runs and whether to warm up first: fewer on large files, so that the benchmark takes minutes.

    A large file needs no warm-up run: its check with fc validate has just read it, and
    a run of seconds does not notice what a warm-up would save.
    """
    if observations > 50_000:
        return 1, False
    if observations > 5_000:
        return max(3, base // 5), True
    if observations > 1_000:
        return max(5, base // 3), True
    return base, True


def floor_argvs(path: str) -> dict[str, list[str]]:
    """The floor, and what typer costs above it (see results.py), on the file at `path`."""
    return {
        "floor": [sys.executable, "-c", FLOOR_CODE, path],
        "typer coercion": [sys.executable, "-c", TYPER_COERCION_CODE, path],
        "typer app": [sys.executable, "-c", TYPER_APP_CODE, "validate", path],
    }


class Peers:
    """The commands fc is compared with, and why any of them is not measured."""

    def __init__(self, fc: Path) -> None:
        self.fc = fc
        self.missing: dict[str, str] = {}
        self.check_toml = self._script("check-toml", "pre-commit-hooks")
        self.jsonschema = self._script("check-jsonschema", "check-jsonschema")
        self.frictionless = self._script("frictionless", "frictionless")
        self.schema: Path | None = None
        if self.jsonschema:
            result = subprocess.run([str(fc), "schema"], capture_output=True, text=True, check=False)
            if result.returncode == 0 and result.stdout.lstrip().startswith("{"):
                self.schema = WORK / "schema.json"
                self.schema.write_text(result.stdout, encoding="utf-8")
            else:
                self.missing["check-jsonschema"] = "fc schema missing"

    def _script(self, name: str, package: str) -> Path | None:
        path = script(name)
        if path is None:
            self.missing[name] = f"{name} not installed (`pip install {package}`, or `pip install -e '.[test]'`)"
        return path

    def argvs(self, data: DataFile) -> dict[str, list[str]]:
        """The peers measured on `data`, by name."""
        path = str(data.path)
        argvs: dict[str, list[str]] = {}
        if "floor" in data.peers:
            argvs |= floor_argvs(path)
        if "check-toml" in data.peers and self.check_toml:
            argvs["check-toml"] = [str(self.check_toml), path]
        if "check-jsonschema" in data.peers and self.jsonschema and self.schema:
            argvs["check-jsonschema"] = [str(self.jsonschema), "--schemafile", str(self.schema), path]
        if "frictionless" in data.peers and self.frictionless:
            package = WORK / "packages" / data.slug
            package.parent.mkdir(parents=True, exist_ok=True)
            export = [str(self.fc), "export", "--format", "datapackage", "--output", str(package), "--data", path]
            if (result := subprocess.run(export, capture_output=True, text=True, check=False)).returncode:
                die(f"{' '.join(export)} exited {result.returncode}:\n{result.stderr[-2000:]}")
            argvs["frictionless"] = [str(self.frictionless), "validate", str(package / "datapackage.json")]
        return argvs


# -- instructions -----------------------------------------------------------------------


def count_instructions(argvs: dict[str, list[str]]) -> tuple[dict[str, int], str | None]:
    """Instructions each command executes (valgrind's callgrind), and why none were counted if so.

    A start-up of ~200 ms that mostly imports modules swings by ±15% in wall and CPU time between runs
    on a shared machine; the count of instructions is the same in every run, whatever else the machine
    does, so the start-up goals are judged on it."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}, "valgrind not installed (Debian's valgrind package)"
    counts: dict[str, int] = {}
    for name, argv in argvs.items():
        command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        collected = re.search(r"Collected : (\d+)", result.stderr)
        if result.returncode or collected is None:
            return counts, f"callgrind failed on {' '.join(argv)}: {result.stderr.strip()[-300:]}"
        counts[name] = int(collected[1])
    return counts, None


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


# -- main -------------------------------------------------------------------------------


def data_files(fc: Path, quick: bool, base: int) -> tuple[str, list[DataFile]]:
    """The shipped file, the scales, and (full runs) the files made for the goal of GOAL_OBSERVATIONS."""
    ref_label, ref_path, profile = reference(fc)
    print(f"bench: reference {ref_label}: {profile}", file=sys.stderr)
    files = []
    all_peers = ("floor", "check-toml", "check-jsonschema", "frictionless")
    if ref_path is not None:
        counts = dataclasses.asdict(profile)
        years, indicator = _facts_of(ref_path)
        # fmt --check exits 1 on a file not in canonical form, which would stop the benchmark.
        canonical = subprocess.run([str(fc), "fmt", "--check", str(ref_path)], capture_output=True, check=False)
        commands = FC_COMMANDS + tuple(c for c in SHIPPED_ONLY if c != "fmt --check" or not canonical.returncode)
        files.append(DataFile("shipped", ref_path, counts, years, indicator, base, commands=commands, peers=all_peers))
    # The scales; then, for the goal alone, the smallest file with GOAL_OBSERVATIONS observations in
    # two shapes: the shipped file's (more indicators and sources), and DENSE_YEARS years per indicator.
    plans = [(profile, scale, f"{scale}x", FC_COMMANDS) for scale in (SCALES[:2] if quick else SCALES)]
    if not quick:
        dense = dataclasses.replace(profile, observations=profile.indicators * DENSE_YEARS)
        for shape, what in ((profile, "shipped shape"), (dense, f"{DENSE_YEARS} years each")):
            scale = next(k for k in range(1, 10**6) if synth.observations_at(shape, k) >= GOAL_OBSERVATIONS)
            plans.append((shape, scale, f"{scale}x, {what}", LARGE_COMMANDS))
    peers_at = {1: ("floor", "check-toml"), 10: all_peers, 100: all_peers[1:]}
    for shape, scale, label, commands in plans:
        path, counts = synth.generate(shape, scale, WORK, name=label.replace(", ", "-").replace(" ", "-"))
        ok, output = validates(fc, path)
        if not ok or "0 errors, 0 warnings" not in output:  # a warning would have every run locate and print it
            die(f"generated {path} does not validate cleanly:\n{output[-3000:]}")
        repeats, warm_up = plan(counts["observations"], base)
        if commands == LARGE_COMMANDS:
            repeats = max(repeats, 2)
        peers = peers_at.get(scale, ("check-toml",)) if commands == FC_COMMANDS else ("check-toml",)
        years = synth.compare_years(shape)
        files.append(DataFile(label, path, counts, years, "indicator-000000", repeats, warm_up, commands, peers))
        print(f"bench: generated {label}: {counts}", file=sys.stderr)
    return ref_label, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, 5 runs; print instead of writing")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs on small files (default 15)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the results")
    options = parser.parse_args()
    started, clock = dt.datetime.now(dt.UTC), time.perf_counter()
    load = [os.getloadavg()[0]]

    if importlib.util.find_spec("fivecenters") is None or (fc := script("fc")) is None:
        die(f"fc is not installed for {sys.executable}: run `pip install -e '.[test]'` in the checkout first")
    # As an install does: with PYTHONDONTWRITEBYTECODE set, an editable checkout would otherwise
    # compile every module of fc from source in every run.
    spec = importlib.util.find_spec("fivecenters")
    for location in (spec and spec.submodule_search_locations) or ():
        compileall.compile_dir(location, quiet=1)
    (WORK / "out").mkdir(parents=True, exist_ok=True)
    base = 5 if options.quick else options.repeats
    ref_label, files = data_files(fc, options.quick, base)
    peers = Peers(fc)
    for name, why in peers.missing.items():
        print(f"bench: not measuring {name}: {why}", file=sys.stderr)

    python = sys.executable
    launcher = Launcher()
    floors = ("import typer", "import typer, pydantic.main", "import typer, pydantic.main, rich.table")
    baselines = measure(
        launcher,
        {
            "`python -c pass`": [python, "-c", "pass"],
            "`fc --version`": [str(fc), "--version"],
            **{f"`python -c '{code}'`": [python, "-c", code] for code in floors},
        },
        base,
        warm_up=True,
    )
    previous = None
    for f in files:
        argvs = {f"fc {command}": fc_argv(fc, command, f) for command in f.commands} | peers.argvs(f)
        f.samples = measure(launcher, argvs, f.repeats, f.warm_up, limits_at(previous, f) if f.scale else None)
        if f.scale and previous is not None:
            confirm_growth(launcher, argvs, previous, f)
        previous = f if f.scale else previous
        load.append(os.getloadavg()[0])
        measured = {name: s for name, s in f.samples.items() if s.times}
        summary = ", ".join(f"{name} {s.median_ms:,.0f} ms/{s.peak_mb:.0f} MiB" for name, s in measured.items())
        print(f"bench: {f.label}: {summary}", file=sys.stderr)
    launcher.close()

    shipped = files[0]
    startup = floor_argvs(str(shipped.path)) | {f"fc {c}": fc_argv(fc, c, shipped) for c in shipped.commands}
    instructions, why_not = count_instructions(startup)
    if why_not:
        peers.missing["instructions"] = why_not
        print(f"bench: not counting instructions: {why_not}", file=sys.stderr)
    imports = {"--version": import_breakdown(python, ["--version"])}
    for command in shipped.commands:
        imports[command] = import_breakdown(python, fc_argv(fc, command, shipped)[1:])
    load.append(os.getloadavg()[0])
    run = Run(ref_label, files, baselines, imports, peers.missing, started, load, instructions)
    run.seconds = time.perf_counter() - clock
    print("\n".join(goals(run)))
    if not options.quick:
        options.output.write_text(render(run), encoding="utf-8")
        print(f"bench: wrote {options.output}", file=sys.stderr)


def _facts_of(path: Path) -> tuple[tuple[int, int], str]:
    """For `fc compare` on a real file, its two latest years with data; for `fc info` and `fc chart`, its
    first indicator."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    indicators = data.get("indicators", [])
    years = sorted({o["year"] for i in indicators for o in i.get("observations", [])})
    return (years[-2], years[-1]) if len(years) >= 2 else (years[0], years[0]), indicators[0]["id"]


if __name__ == "__main__":
    main()
