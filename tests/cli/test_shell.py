"""`fivecenters shell-init`, run in real interactive bash, zsh and fish as a user's rc file runs it.

Each shell gets a home of its own whose rc file holds (or does not hold) the
documented line, and a history file; `fc` then has to reach this tool for its
commands and the shell's history editor for everything else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from fivecenters import __version__
from fivecenters.cli import app
from fivecenters.cli.shell import Shell, shell_init
from tests.support.run import clean_env, require_program

BIN = Path(sys.executable).parent  # where pip put the fc and fivecenters scripts
HISTORY = ["echo one-marker", "echo two-marker", "echo three-marker"]
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]

# What a user puts in the rc file, and how each shell loads the test's history file.
RC_FILE = {"bash": ".bashrc", "zsh": ".zshrc"}
INIT_LINE = {
    "bash": 'eval "$(fivecenters shell-init bash)"',
    "zsh": 'autoload -Uz compinit && compinit -u\neval "$(fivecenters shell-init zsh)"',
}
LOAD_HISTORY = {"bash": 'history -r "$HOME/history"', "zsh": 'fc -R "$HOME/history"'}

# The builtin's own forms: list, ranges, re-run with or without substitution, edit (FCEDIT=true
# leaves the command as it is) and re-run, a command's prefix as the event.
BUILTIN_FORMS = [
    "fc -l",
    "fc -l 1 2",
    "fc -ln -1",
    "fc -s echo",
    "fc -s marker=swapped echo",
    "fc -e - echo",
    "fc",
    "fc echo",
]


def interactive(shell: str, script: str, home: Path, init: bool) -> subprocess.CompletedProcess[str]:
    """`SHELL -i -c SCRIPT` with a fresh home whose rc file has the init line or not."""
    home.mkdir(exist_ok=True)
    (home / "history").write_text("\n".join(HISTORY) + "\n", encoding="utf-8")
    (home / RC_FILE[shell]).write_text((INIT_LINE[shell] if init else "") + "\n", encoding="utf-8")
    env = clean_env(
        HOME=str(home),
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        FCEDIT="true",
        EDITOR="true",
        VISUAL="true",
        NO_COLOR="1",
    )
    env.pop("ZDOTDIR", None)
    return subprocess.run(
        [require_program(shell, needed_for=f"the {shell} tests of shell-init"), "-i", "-c", script],
        cwd=home,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_fc_commands_reach_the_tool_after_shell_init(shell: str, tmp_path: Path) -> None:
    script = "fc show shipping; echo status=$?; fc --version; fc --help"
    without = interactive(shell, script, tmp_path / "plain", init=False)
    assert "International Shipping Center" not in without.stdout  # the builtin took it: the clash itself
    other_name = interactive(shell, "fivecenters show shipping", tmp_path / "plain", init=False)
    assert "International Shipping Center" in other_name.stdout, other_name.stderr  # no shell shadows this one

    process = interactive(shell, script, tmp_path / "init", init=True)
    assert "International Shipping Center" in process.stdout, process.stderr
    assert "Air passenger" in process.stdout
    assert "status=0" in process.stdout
    assert f"fivecenters {__version__}\n" in process.stdout
    assert "Usage: fivecenters [OPTIONS] COMMAND" in process.stdout
    assert "Traceback" not in process.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_builtins_own_forms_still_reach_the_history_editor(shell: str, tmp_path: Path) -> None:
    script = "\n".join([LOAD_HISTORY[shell], *(f"echo '== {form}'; {form}" for form in BUILTIN_FORMS)])
    plain = interactive(shell, script, tmp_path / "plain", init=False)
    process = interactive(shell, script, tmp_path / "init", init=True)
    assert process.stdout == plain.stdout
    listed = process.stdout.split("== fc -l 1 2")[0]
    assert all(command in listed for command in HISTORY), process.stdout  # fc -l listed the history
    assert "-swapped\n" in process.stdout  # fc -s old=new ran the substituted command
    assert "fivecenters" not in process.stdout + process.stderr


def test_completion_in_bash(tmp_path: Path) -> None:
    complete = 'COMP_WORDS=({words}); COMP_CWORD={index}; {function} {program}; printf "<%s>\\n" "${{COMPREPLY[@]}}"'
    script = "; ".join(
        [
            complete.format(words="fc sho", index=1, function="_fc_completion", program="fc"),
            complete.format(
                words='fivecenters shell-init ""', index=2, function="_fivecenters_completion", program="fivecenters"
            ),
            "complete -p fc fivecenters",
        ]
    )
    process = interactive("bash", script, tmp_path, init=True)
    assert process.stdout.splitlines() == [
        "<show>",
        *(f"<{shell}>" for shell in Shell),
        "complete -o default -F _fc_completion fc",
        "complete -o default -F _fivecenters_completion fivecenters",
    ], process.stderr


def test_completion_in_zsh_registers_both_names(tmp_path: Path) -> None:
    process = interactive("zsh", "print -r -- $_comps[fc] $_comps[fivecenters]", tmp_path, init=True)
    assert process.stdout == "_fc_completion _fivecenters_completion\n", process.stderr


def test_zsh_without_compinit_gets_the_function_and_no_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    process = interactive("zsh", 'eval "$(fivecenters shell-init zsh)"; whence -w fc', home, init=False)
    assert process.stdout == "fc: function\n"
    assert "compdef" not in process.stderr


@pytest.mark.parametrize("program", ["fc", "fivecenters"])
def test_each_name_answers_its_own_zsh_completion_request(program: str) -> None:
    """What the zsh script asks of the program on PATH (zsh's widgets cannot run outside a terminal)."""
    env = clean_env(_TYPER_COMPLETE_ARGS=f"{program} sho", **{f"_{program.upper()}_COMPLETE": "complete_zsh"})
    process = subprocess.run([BIN / program], env=env, capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stderr
    assert "show" in process.stdout and "validate" not in process.stdout


def test_fish_completes_both_names(tmp_path: Path) -> None:
    fish = require_program("fish", needed_for="the fish test of shell-init")
    script = 'fivecenters shell-init fish | source; complete -C "fc sho"; complete -C "fivecenters val"; type -t fc'
    env = clean_env(HOME=str(tmp_path), PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    process = subprocess.run([fish, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert process.returncode == 0, process.stderr
    candidates = [line.split("\t")[0] for line in process.stdout.splitlines()]
    assert candidates == ["show", "validate", "file"]  # fish has no fc of its own: the program is `fc`


@pytest.mark.parametrize("shell", list(Shell))
def test_the_code_is_valid_and_routes_exactly_the_commands(shell: Shell) -> None:
    code = shell_init(shell)
    if shell is Shell.FISH:
        assert "fc()" not in code and "function fc" not in code
    else:
        routed = code.split('case "${1-}" in\n', 1)[1].split(")", 1)[0].strip()
        assert routed.split("|") == [*COMMANDS, "--help", "--version"]
        assert 'builtin fc "$@"' in code
        syntax = subprocess.run(["bash", "-n"], input=code, capture_output=True, text=True, check=False)
        assert syntax.returncode == 0, syntax.stderr
    assert code.count("_FC_COMPLETE=") >= 1 and code.count("_FIVECENTERS_COMPLETE=") >= 1


def test_an_unknown_shell_is_a_usage_error() -> None:
    process = subprocess.run([BIN / "fivecenters", "shell-init", "tcsh"], capture_output=True, text=True, timeout=60)
    assert process.returncode == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish'" in process.stderr


def test_the_command_line_prints_the_same_code_and_takes_any_case() -> None:
    """`python -m fivecenters.cli shell-init` and odd spellings go through typer, not the early answer."""
    result = CliRunner().invoke(app, ["shell-init", "ZSH"])
    assert result.exit_code == 0
    assert result.output == shell_init(Shell.ZSH)
