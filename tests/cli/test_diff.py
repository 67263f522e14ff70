"""fc diff: what changed in the data between two versions, files or git revisions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.run import clean_env, fc, fc_process
from tests.support.sample import make_data
from tests.support.versions import NEW

# --- The command -------------------------------------------------------------------


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old = make_data(tmp_path)
    new = tmp_path / "new.toml"
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_json_lists_exactly_the_changed_records(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = fc("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["old"], document["new"], document["changed"]) == (str(old), str(new), True)
    (figure,) = [row for row in document["changes"] if row["kind"] == "observation" and row["change"] == "changed"]
    assert figure["indicator"] == "gdp" and figure["year"] == 2022 and figure["fields"] == ["value", "source"]
    assert (figure["old"]["value"], figure["new"]["value"]) == (4.47, 4.48)
    assert (figure["old"]["source"], figure["new"]["source"]) == ("port-bulletin", "plan-2021")
    assert figure["unit"] == {"old": "trillion yuan", "new": "trillion yuan"}
    assert len(document["changes"]) == 4


def test_markdown_is_a_pull_request_comment(versions: tuple[Path, Path]) -> None:
    result = fc("diff", *versions, "--format", "markdown")
    assert result.exit_code == 0
    assert "### Observations (1 added, 1 changed)" in result.stdout
    assert "| gdp | 2022 | changed | 4.47 trillion yuan | 4.48 trillion yuan | port-bulletin → plan-2021 |  |" in (
        result.stdout
    )
    assert "| container-throughput | 2025 | removed | at-least 47 million TEU | — | plan-2021 |  |" in result.stdout
    assert result.stdout.rstrip().endswith("4 changes in the data from " + f"{versions[0]} to {versions[1]}.")


def test_exit_code(versions: tuple[Path, Path]) -> None:
    old, new = versions
    assert fc("diff", old, new, "--exit-code").exit_code == 1
    assert fc("diff", old, old, "--exit-code").exit_code == 0
    assert fc("diff", old, new).exit_code == 0


# --- Git revisions -------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, env=clean_env(), check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose data file lives in a sub-folder: paths are relative to the root."""
    folder = tmp_path / "data"
    folder.mkdir()
    make_data(folder)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "old")
    (folder / "indicators.toml").write_text(NEW, encoding="utf-8")
    return tmp_path


def diff_json(repo: Path, *args: str) -> dict:
    process = fc_process("diff", *args, "--format", "json", "--data", "data/indicators.toml", cwd=repo)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def test_by_default_head_against_the_working_file(repo: Path) -> None:
    document = diff_json(repo)
    assert (document["old"], document["new"]) == ("HEAD:data/indicators.toml", "data/indicators.toml")
    assert len(document["changes"]) == 4


def test_two_revisions(repo: Path) -> None:
    git(repo, "commit", "-q", "-am", "new")
    assert diff_json(repo, "HEAD~1", "HEAD")["new"] == "HEAD:data/indicators.toml"
    assert len(diff_json(repo, "HEAD~1", "main")["changes"]) == 4
    assert diff_json(repo)["changes"] == []


@pytest.mark.parametrize("revision", ["--output=escaped.txt", "-p", "HEAD:other.toml", "HEAD x", "HEAD\n"])
def test_a_revision_that_could_be_an_option_or_a_path_is_refused(repo: Path, revision: str) -> None:
    process = fc_process("diff", "--data", "data/indicators.toml", "--", revision, cwd=repo)
    assert process.returncode == 2
    assert "is not a file, nor a revision fc reads" in process.stderr
    assert not (repo / "escaped.txt").exists()


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    process = fc_process("diff", "no-such-branch", "--data", "data/indicators.toml", cwd=repo)
    assert process.returncode == 2
    expected = "fc: error: 'no-such-branch' is not a file, nor a revision that holds data/indicators.toml ("
    assert process.stderr.startswith(expected)


def test_outside_a_repository_a_revision_is_a_usage_error(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    process = fc_process("diff", "HEAD", "--data", data, cwd=tmp_path, GIT_CEILING_DIRECTORIES=str(tmp_path))
    assert process.returncode == 2
    assert "is not in a git repository" in process.stderr


def test_markdown_keeps_data_text_inert(versions: tuple[Path, Path]) -> None:
    """The comment is posted on a pull request: its data may not ping people or carry HTML."""
    old, new = versions
    new.write_text(
        new.read_text(encoding="utf-8").replace(
            "value = 4.48\n", 'value = 4.48\nnote = "<img src=x> cc @maintainers"\n'
        ),
        encoding="utf-8",
    )
    result = fc("diff", old, new, "--format", "markdown")
    assert "note: — → &lt;img src=x&gt; cc &#64;maintainers" in result.stdout
    assert "<img" not in result.stdout and "@maintainers" not in result.stdout
