"""Regenerate the README's pictures from the real output of `fc`.

Runs `fc show shipping`, `fc compare 2022 2023`, `fc progress` and
`fc chart rd-ratio` on the curated data, records what they print on a 100-column colour terminal, and
saves each as an SVG in docs/img/ (rich draws the terminal). Run it whenever
the data or the output changes:

    python scripts/screenshots.py

tests/test_screenshots.py fails while the committed pictures differ from
what these commands print now.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "img"
DATA = ROOT / "indicators.toml"
WIDTH = 100
# Picture file name -> the fc command it shows.
SHOTS = {
    "fc-show-shipping.svg": ["show", "shipping"],
    "fc-compare-2022-2023.svg": ["compare", "2022", "2023"],
    "fc-progress.svg": ["progress"],
    "fc-chart-rd-ratio.svg": ["chart", "rd-ratio"],
}


def shoot(args: list[str], data: Path = DATA) -> str:
    """What `fc ARGS` prints on a terminal, as an SVG picture."""
    import typer.main
    from rich.console import Console

    from fivecenters.cli import app

    recorder = Console(
        file=io.StringIO(),
        record=True,
        width=WIDTH,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,  # pictures do not depend on the caller's NO_COLOR
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    command = typer.main.get_command(app)
    # The recorder is a terminal, and fc must draw for one (off a terminal it draws without rich).
    terminal = mock.patch.dict("os.environ", {"TTY_COMPATIBLE": "1"})
    with terminal, mock.patch("fivecenters.output.terminal.console", lambda file=None: recorder):
        code = command.main([*args, "--data", str(data)], prog_name="fc", standalone_mode=False)
    if code:
        raise SystemExit(f"screenshots: fc {' '.join(args)} failed (exit {code}); fix the data first")
    return recorder.export_svg(title="fc " + " ".join(args))


def regenerate(into: Path = IMAGES, data: Path = DATA) -> list[Path]:
    from fivecenters.core.store import write_text

    into.mkdir(parents=True, exist_ok=True)
    written = []
    for name, args in SHOTS.items():
        write_text(into / name, shoot(args, data))
        written.append(into / name)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="data file (default: the curated indicators.toml)")
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the pictures (default: docs/img)")
    options = parser.parse_args(argv)
    for path in regenerate(options.out, options.data):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", file=sys.stderr)


if __name__ == "__main__":
    main()
