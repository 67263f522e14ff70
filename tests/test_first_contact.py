"""What a new user pastes: the README's set-up line on a fresh clone, the CI examples in
docs/ci.md, and the release's version wherever the documents pin it.

bash runs its builtin `fc` before any program, so every line here that a shell
runs must call `fivecenters`; the tests run them in bash, as users and CI do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from fivecenters import __version__
from fivecenters.core.centers import Center
from tests.support import ROOT as PROJECT_ROOT
from tests.support.run import clean_env, require_program

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CI_DOC = (PROJECT_ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
FC_AS_A_COMMAND = re.compile(r"(?:^|[;&|(]\s*|\$\(\s*)fc\s")  # `fc` where a shell would run it


def code_blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def setup_line() -> str:
    (block,) = code_blocks(section(README, "## Set up"), "sh")[:1]
    return block.strip()


def ci_commands() -> list[str]:
    """Every command line of docs/ci.md's jobs and script, as the runner's shell gets it."""
    yaml_lines = [line for block in code_blocks(CI_DOC, "yaml") for line in block.splitlines()]
    commands = [m[1] for line in yaml_lines if (m := re.match(r"\s*- (?:run: )?(\S.*)", line))]
    commands = [c for c in commands if not re.match(r"(uses|name|path|report\.html)\b", c)]
    return commands + [line for block in code_blocks(CI_DOC, "sh") for line in block.splitlines()]


@pytest.mark.slow
def test_the_readme_setup_line_works_pasted_into_bash_on_a_fresh_clone(tmp_path: Path) -> None:
    """The committed project, plus any change to its tracked files not committed yet."""
    require_program("git", needed_for="the test of the README's set-up line")
    clone = tmp_path / "fivecenters"
    git = ["git", "-c", "advice.detachedHead=false"]
    subprocess.run([*git, "clone", "--quiet", str(PROJECT_ROOT), str(clone)], env=clean_env(), check=True)
    changes = subprocess.run(
        ["git", "diff", "HEAD", "--binary"], cwd=PROJECT_ROOT, env=clean_env(), capture_output=True, check=True
    ).stdout
    if changes:
        subprocess.run([*git, "apply", "--whitespace=nowarn"], cwd=clone, input=changes, env=clean_env(), check=True)

    env = {k: v for k, v in clean_env().items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "FC_DATA")}
    process = subprocess.run(
        ["bash", "-c", setup_line()], cwd=clone, env=env, capture_output=True, text=True, timeout=600
    )
    assert process.returncode == 0, process.stdout[-3000:] + process.stderr[-3000:]
    assert re.search(r"^ok: indicators\.toml: 0 errors, 0 warnings \(\d+ sources", process.stdout, re.MULTILINE)
    for center in Center:
        assert center.full_name in process.stdout, f"the overview lacks {center.full_name}"
    assert (clone / ".venv" / "bin" / "fivecenters").is_file()


def test_the_setup_line_calls_the_name_no_shell_shadows() -> None:
    line = setup_line()
    assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . && ")
    assert "fivecenters validate" in line and not FC_AS_A_COMMAND.search(line)


def test_the_readme_shows_the_init_line_the_shell_tests_run() -> None:
    from tests.cli.test_shell import INIT_LINE

    assert INIT_LINE["bash"] in README


def test_ci_examples_call_fivecenters_never_fc() -> None:
    commands = ci_commands()
    assert sum("fivecenters validate" in c for c in commands) >= 3
    for command in commands:
        assert not FC_AS_A_COMMAND.search(command), f"docs/ci.md runs the shell's fc: {command}"


def test_ci_example_commands_pass_on_the_shipped_data(tmp_path: Path) -> None:
    """Each command the examples run, but the install, in a data repository like the user's."""
    require_program("git", needed_for="the test of docs/ci.md")
    shutil.copy2(PROJECT_ROOT / "indicators.toml", tmp_path / "indicators.toml")
    shutil.copytree(PROJECT_ROOT / "seeds", tmp_path / "seeds")
    identity = ["-c", "user.name=fc tests", "-c", "user.email=fc-tests@example.org", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "-A"], [*identity, "commit", "-q", "-m", "data"]):
        subprocess.run(["git", *args], cwd=tmp_path, env=clean_env(), check=True)
    env = clean_env(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for command in ci_commands():
        if command.startswith("pip install") or command == "set -e":
            continue
        process = subprocess.run(["bash", "-ec", command], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert process.returncode == 0, f"{command}\n{process.stdout}{process.stderr}"
    assert (tmp_path / "report.html").stat().st_size > 10_000


def test_the_documents_pin_the_release_being_made() -> None:
    tag = f"v{__version__}"
    assert re.search(rf"^\s+rev: {re.escape(tag)}\b", README, re.MULTILINE), f"the pre-commit example pins no {tag}"
    installs = [c for c in ci_commands() if c.startswith("pip install")]
    assert installs and all(c.endswith(f'@{tag}"') for c in installs)
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\d+\.\d+\.\d+)", changelog, re.MULTILINE)[0] == __version__


def test_the_licence_file_is_the_declared_licence() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (PROJECT_ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert {"Source", "Issues", "Changelog"} <= set(project["urls"])
    assert project["scripts"] == {"fc": "fivecenters.__main__:run", "fivecenters": "fivecenters.__main__:run"}
