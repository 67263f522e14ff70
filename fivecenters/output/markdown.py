"""Grids as Markdown tables, to paste into documents."""

from __future__ import annotations

import re
from collections.abc import Iterable

from fivecenters.core.text import printable
from fivecenters.output.grids import Grid


def markdown(grids: Iterable[Grid], lines: Iterable[str] = ()) -> str:
    parts = []
    for grid in grids:
        parts.append(f"### {_md(grid.title)}\n")
        parts.append("| " + " | ".join(_md(c) for c in grid.columns) + " |")
        parts.append("|" + "|".join("---:" if i in grid.numeric else "---" for i in range(len(grid.columns))) + "|")
        parts.extend("| " + " | ".join(_md(cell.text) for cell in row) + " |" for row in grid.rows)
        if grid.notes:
            parts.append("")
            parts.extend(f"- {_md(note)}" for note in grid.notes)
        parts.append("")
    parts.extend(_md(line) for line in lines)
    return "\n".join(parts).rstrip() + "\n"


# Text from the data file must stay text where Markdown is rendered (a pull-request comment by
# fc diff): no HTML, no @mention that notifies someone, no code span, inline link or table break.
_INERT = str.maketrans({"|": "\\|", "<": "&lt;", ">": "&gt;", "@": "&#64;", "`": "\\`", "\\": "\\\\"})
_LINK = re.compile(r"\](?=\()")


def _md(text: str) -> str:
    """One line of inert table text. Stacked lines sit side by side: they are split before `printable`,
    which would otherwise show each newline as a literal `\\n`."""
    return _LINK.sub(r"\\]", " ".join(printable(line) for line in text.split("\n")).translate(_INERT))
