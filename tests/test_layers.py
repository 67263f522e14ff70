"""The layers stay apart: the core draws nothing, the output layer parses no command line.

Read from the source (every import statement, lazy ones inside functions
included), so a violation fails here whichever command would have run it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fivecenters"
FORBIDDEN = {
    "core": ("typer", "rich", "click", "fivecenters.output", "fivecenters.cli"),
    "output": ("typer", "click", "fivecenters.cli"),
}


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in imported_modules(path):
            if any(module == banned or module.startswith(f"{banned}.") for banned in FORBIDDEN[layer]):
                found.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_above_it(layer: str) -> None:
    assert (PACKAGE / layer).is_dir()
    assert violations(layer) == []


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from rich.text import Text\n    import fivecenters.output.grids\n")
    assert {"rich.text", "rich.text.Text", "fivecenters.output.grids"} <= imported_modules(module)


def test_top_level_holds_only_the_entry_points() -> None:
    """New modules go into a layer's folder, not beside them."""
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]
