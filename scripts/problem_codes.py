"""Write docs/problems.md, the table of every problem code, from the registry in fivecenters/core/codes.py.

Run it whenever a code is added or its wording changes:

    python scripts/problem_codes.py

tests/test_codes.py fails while the committed page differs from what this writes.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "problems.md"

HEADER = """\
# Problem codes

<!-- Generated from fivecenters/core/codes.py by scripts/problem_codes.py: edit those, not this page. -->

Every problem `fc validate` can report, grouped by what it checks. Each is
reported as `PATH:LINE:COL: SEVERITY CODE: message` (see the README), and as
an object with the same fields under `--format json`. Codes are stable:
scripts may match on them.

An **error** fails `fc validate`; the reading commands refuse the file, and
the writing commands refuse a change that would leave one. A **warning** is
reported but fails only `fc validate --strict`. The codes from
`file-not-found` to `toml-syntax` end validation: a file that cannot be read
or parsed has nothing else to check. The rules of the format are in
[format.md](format.md).

| Code | Severity | Problem | What it means |
|---|---|---|---|
"""


def page() -> str:
    """The Markdown page for the registry as it is now."""
    from fivecenters.core.codes import Code

    rows = [(f"`{code.value}`", code.severity.value, code.label, code.description) for code in Code]
    return HEADER + "".join("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |\n" for row in rows)


def main() -> None:
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
