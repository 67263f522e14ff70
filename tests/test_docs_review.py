"""The review workflow documented in docs/editing.md: shipped as a file, and its commands work as written."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import yaml

from tests.support import ROOT
from tests.support.run import clean_env, fc_process
from tests.support.sample import make_data
from tests.support.versions import NEW

WORKFLOW = ROOT / "docs" / "workflows" / "fivecenters.yml"
EDITING = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")


def commands() -> list[list[str]]:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["data"]["steps"]
    return [shlex.split(step["run"].split(">")[0]) for step in steps if step.get("run", "").startswith("fivecenters ")]


def test_the_documented_workflow_is_the_shipped_file() -> None:
    assert "```yaml\n" + WORKFLOW.read_text(encoding="utf-8") + "```" in EDITING
    assert commands() == [
        ["fivecenters", "validate", "--format", "github"],
        ["fivecenters", "diff", "origin/main", "--format", "markdown"],
    ]


def test_its_commands_work_as_written(tmp_path: Path) -> None:
    """In a checkout whose origin/main holds the old data and whose working file the new."""
    data = make_data(tmp_path)
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q", "-b", "work"], ["add", "-A"], ["commit", "-q", "-m", "old"], ["branch", "origin/main"]):
        subprocess.run(["git", *identity, *args], cwd=tmp_path, env=clean_env(), check=True, capture_output=True)
    data.write_text(NEW.replace("value = 4.48\n", "value = 4.48\nvlaue = 1\n"), encoding="utf-8")
    validate, diff = commands()
    checked = fc_process(*validate[1:], cwd=tmp_path)
    assert checked.returncode == 1
    assert (
        "::error file=indicators.toml,line=" in checked.stdout
        and "title=unknown-key::unknown key 'vlaue'" in checked.stdout
    )
    compared = fc_process(*diff[1:], cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    assert compared.stdout.startswith("### ")
    assert "| gdp | 2022 | changed | 4.47 trillion yuan | 4.48 trillion yuan |" in compared.stdout
