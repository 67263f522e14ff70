"""The `fc` and `fivecenters` commands, and `python -m fivecenters`.

`--version` is answered here, before the command line is imported:
importing typer alone takes longer than the whole answer should. `shell-init`
too, before typer parses anything (its parsing imports pydantic): it runs at
every shell start.
"""

import gc
import sys


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


if __name__ == "__main__":
    main()
