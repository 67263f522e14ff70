"""Compile the report's templates (fivecenters/output/templates/) to Python, into templates/compiled/.

jinja2 lexes, parses and compiles a template before it renders it, which took a third of `fc report`'s
own time; the compiled templates are imported instead while they are current. Run it whenever a
template changes or jinja2 is upgraded:

    python scripts/report_template.py

Until then `fc report` compiles the templates as they are (the same page, more slowly), and
tests/cli/test_report.py fails.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def compile_into(target: Path) -> None:
    """Every template as a module that jinja2's ModuleLoader imports, and what they were made from."""
    from jinja2 import FileSystemLoader

    from fivecenters.output.html_page import MADE_FROM, TEMPLATES, environment, made_from

    target.mkdir(parents=True)
    templates = environment(FileSystemLoader(TEMPLATES))
    # The templates themselves: not what an earlier run compiled into their folder.
    templates.compile_templates(target, filter_func=lambda name: "/" not in name, zip=None, ignore_errors=False)
    (target / MADE_FROM.name).write_text(made_from(), encoding="utf-8")


def main() -> None:
    from fivecenters.output.html_page import COMPILED

    with tempfile.TemporaryDirectory() as scratch:
        compile_into(Path(scratch) / "compiled")
        shutil.rmtree(COMPILED, ignore_errors=True)
        shutil.copytree(Path(scratch) / "compiled", COMPILED)
    print(f"wrote {COMPILED}")


if __name__ == "__main__":
    main()
