"""The `fc` and `fivecenters` commands, and `python -m fivecenters`.

`--version` is answered here, before the command line is imported:
importing typer alone takes longer than the whole answer should. `shell-init`
too, before typer parses anything (its parsing imports pydantic): it runs at
every shell start.

The programs run `run`: `main`, then an end without the interpreter's teardown.
"""

import atexit
import gc
import os
import sys

# The status the process ends with once the command is done (see `run`); None until it is, and for an
# ending the interpreter reports itself (a traceback, an interrupt).
_status: int | None = None


def main() -> None:
    # A run is short and makes few reference cycles, but importing typer, pydantic and rich makes
    # hundreds of thousands of objects, which the collector's default passes (every 700 allocations)
    # walk again and again: collect rarely, not never.
    gc.set_threshold(100_000, 10, 10)
    args = sys.argv[1:]
    if args == ["--version"]:
        from fivecenters import __version__, program_name

        print(f"{program_name()} {__version__}")
        return
    if len(args) == 2 and args[0] == "shell-init":
        from fivecenters.cli.shell import answer_early

        if answer_early(args[1]):
            return
    from fivecenters.cli import main as cli_main

    cli_main()


def run() -> None:
    """`main`, then the process ends as soon as its output is out.

    The interpreter's teardown frees every module and object one by one (some 11 M instructions, more
    than `fc report` spends on a chart) only for the exit to free the memory at once. The end is an atexit
    function registered before the command runs, so it runs after every one the command's libraries
    register; it ends the process with the status the interpreter would give (`sys.exit`'s), and leaves
    a traceback or an interrupt to the interpreter. `main` alone returns, for callers that go on.
    """
    global _status
    atexit.register(_end)
    try:
        main()
    except SystemExit as stop:
        code = stop.code
        _status = 0 if code is None else code if isinstance(code, int) else 1  # a message: printed, status 1
        raise
    _status = 0


def _end() -> None:
    if _status is None:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a stream that fails now: the interpreter reports it, as it would have
        return
    os._exit(_status & 0xFF)


if __name__ == "__main__":
    run()
