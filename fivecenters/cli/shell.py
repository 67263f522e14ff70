"""`fivecenters shell-init`: `fc` where people type it, beside the shell's own `fc`.

bash and zsh have a builtin `fc` (the history editor) that wins over any
program on PATH. The function printed here sends `fc COMMAND …`, `fc --help`
and `fc --version` to this tool and every other use of `fc` (alone, `-l`,
`-e`, `-s`, numbers, a command's prefix) to the builtin. fish has no `fc`, so
it gets the completion alone. Only typer is imported: this runs at every
shell start, and typer's parsing of any parameter would import pydantic, so
`fivecenters shell-init SHELL` is answered from `__main__` before the
command line parses anything.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from typer.completion import get_completion_script
from typer.main import get_command

from fivecenters.cli.app import app

# The tool's own name for `fc`: the function calls it, and scripts should too.
TOOL = "fivecenters"
ROOT_OPTIONS = ("--help", "--version")

FUNCTION = """\
# fc COMMAND … runs {tool}; fc alone, fc -l, fc -e, fc -s and fc NUMBER stay the history editor.
fc() {{
    case "${{1-}}" in
        {words}) command {tool} "$@" ;;
        *) builtin fc "$@" ;;
    esac
}}
"""


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


def completion(shell: Shell, program: str) -> str:
    """Typer's completion script for one program name; it asks the program on PATH, never the builtin."""
    variable = f"_{program.upper()}_COMPLETE"
    script = get_completion_script(prog_name=program, complete_var=variable, shell=shell.value)
    if shell is Shell.ZSH:  # compdef exists only once compinit has run: without it, no completion, no error
        return f"if (( $+functions[compdef] )); then\n{script}\nfi"
    return script


def commands() -> list[str]:
    return sorted(get_command(app).commands)  # type: ignore[attr-defined]


def shell_init(shell: Shell) -> str:
    parts = [] if shell is Shell.FISH else [FUNCTION.format(tool=TOOL, words="|".join([*commands(), *ROOT_OPTIONS]))]
    parts += [completion(shell, program) for program in (TOOL, "fc")]
    return "\n".join(parts) + "\n"


def answer_early(shell_name: str) -> bool:
    """Print the code for a known shell, before any parsing; anything else is left to the command line."""
    if shell_name not in set(Shell):
        return False
    sys.stdout.write(shell_init(Shell(shell_name)))
    return True


@app.command("shell-init")
def shell_init_command(
    shell: Annotated[Shell, typer.Argument(help="The shell to print the code for.", case_sensitive=False)],
) -> None:
    """Print shell code that lets `fc COMMAND` reach this tool in bash and zsh, and completes both names.

    bash and zsh run their own `fc` (the history editor) before any program:
    add `eval "$(fivecenters shell-init bash)"` to ~/.bashrc (zsh: the same
    with zsh in ~/.zshrc, after compinit; fish: `fivecenters shell-init fish |
    source` in config.fish). `fc` alone, `fc -l`, `fc -e`, `fc -s` and
    numbers still reach the history editor. Scripts and CI should call
    `fivecenters`.
    """
    typer.echo(shell_init(shell), nl=False)
