"""The `fc` command and `python -m fivecenters`.

`fc --version` is answered here, before the command line is imported:
importing typer alone takes longer than the whole answer should.
"""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from fivecenters import __version__

        print(f"fc {__version__}")
        return
    from fivecenters.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
