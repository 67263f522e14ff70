"""The published hooks, run by the real pre-commit on a data repository, as a user would.

A temporary "hook repo" holds a copy of this project; a temporary "data repo"
uses it by path and commit. pre-commit installs the hook's environment once for
the module (PRE_COMMIT_HOME in a temporary directory); each test then runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from fivecenters.core.canonical import format_text
from tests.support import ROOT
from tests.support.base import BASE_TOML, DOCUMENT, DOCUMENT_NAME, line_of, replace_once
from tests.support.run import clean_env

HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "indicators.toml")
HOOK_DIRS = ("fivecenters", "seeds")
DATA_NAME = "indicators.toml"
HOOKS = ("fc-validate", "fc-fmt", "fc-fmt-check")
# The base dataset in canonical form, with a comment before a record and one at the end of a line.
CANONICAL = format_text(BASE_TOML, DATA_NAME)
COMMENTED = replace_once(
    CANONICAL, '[[indicators]]\nid = "rd-intensity"', '# R&D: the bureau\'s figure\n[[indicators]]\nid = "rd-intensity"'
)
COMMENTED = replace_once(COMMENTED, 'unit = "place"\n', 'unit = "place"  # 1 is best\n')


def git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=fc tests", "-c", "user.email=fc-tests@example.org", "-c", "commit.gpgsign=false"]
    process = subprocess.run(
        ["git", *identity, *args], cwd=repo, env=clean_env(), capture_output=True, text=True, check=True
    )
    return process.stdout.strip()


def new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    return path


def make_hook_repo(path: Path) -> Path:
    repo = new_repo(path)
    for name in HOOK_FILES:
        source = ROOT / name
        if source.is_file() and source.read_text(encoding="utf-8").strip():
            shutil.copy2(source, repo / name)
        elif name == "README.md":  # the build needs a readme; this copy is the test's own
            (repo / name).write_text("# fivecenters (test copy)\n", encoding="utf-8")
    for name in HOOK_DIRS:
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hook repo")
    return repo


@dataclass
class DataRepo:
    path: Path
    home: Path

    def write(self, text: str) -> None:
        (self.path / DATA_NAME).write_text(text, encoding="utf-8")

    def read(self) -> str:
        return (self.path / DATA_NAME).read_text(encoding="utf-8")

    def run(self, hook: str = "fc-validate") -> subprocess.CompletedProcess[str]:
        return pre_commit(self, "run", hook, "--all-files", "--color", "never")


def pre_commit(repo: DataRepo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo.path,
        env=clean_env(PRE_COMMIT_HOME=str(repo.home), PRE_COMMIT_COLOR="never"),
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def data_repo(tmp_path_factory: pytest.TempPathFactory) -> DataRepo:
    root = tmp_path_factory.mktemp("precommit")
    hooks = make_hook_repo(root / "hook-repo")
    repo = DataRepo(new_repo(root / "data-repo"), root / "pre-commit-home")
    repo.write(BASE_TOML)
    document = repo.path / DOCUMENT_NAME
    document.parent.mkdir(parents=True)
    document.write_text(DOCUMENT, encoding="utf-8")
    revision = git(hooks, "rev-parse", "HEAD")
    config = {"repos": [{"repo": str(hooks), "rev": revision, "hooks": [{"id": hook} for hook in HOOKS]}]}
    (repo.path / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    git(repo.path, "add", "-A")
    git(repo.path, "commit", "-q", "-m", "data")
    installed = pre_commit(repo, "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


def test_hook_passes_on_valid_data(data_repo: DataRepo) -> None:
    data_repo.write(BASE_TOML)
    process = data_repo.run()
    assert process.returncode == 0, process.stdout + process.stderr
    assert "fc validate" in process.stdout and "Passed" in process.stdout


def test_hook_fails_on_broken_data_naming_file_and_line(data_repo: DataRepo) -> None:
    text = replace_once(BASE_TOML, "value = 47.3\n", "vlaue = 47.3\n")
    data_repo.write(text)
    try:
        process = data_repo.run()
    finally:
        data_repo.write(BASE_TOML)
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert "Failed" in output
    assert f"{DATA_NAME}:{line_of(text, 'vlaue = 47.3')}:1: error unknown-key: unknown key 'vlaue'" in output
    assert "Traceback" not in output


def test_fc_fmt_is_a_published_pre_commit_hook() -> None:
    published = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert published["fc-fmt"]["entry"] == "fc fmt"
    assert published["fc-fmt-check"]["entry"] == "fc fmt --check"
    assert published["fc-fmt"]["files"] == published["fc-validate"]["files"]
    local = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert "fc-fmt" in {h["id"] for repo in local["repos"] for h in repo["hooks"]}


# --- fc-fmt and fc-fmt-check ---------------------------------------------------------------


def test_a_canonical_file_with_comments_passes_every_hook(data_repo: DataRepo) -> None:
    data_repo.write(COMMENTED)
    process = pre_commit(data_repo, "run", "--all-files", "--color", "never")
    assert process.returncode == 0, process.stdout + process.stderr
    assert process.stdout.count("Passed") == len(HOOKS)
    assert data_repo.read() == COMMENTED


def test_fc_fmt_rewrites_keeping_the_comments_and_the_check_only_reports(data_repo: DataRepo) -> None:
    spread = COMMENTED.replace("\n\n", "\n\n\n")
    data_repo.write(spread)
    checked = data_repo.run("fc-fmt-check")
    assert checked.returncode == 1
    assert f"{DATA_NAME} is not in canonical form" in checked.stdout + checked.stderr
    assert data_repo.read() == spread
    formatted = data_repo.run("fc-fmt")
    assert formatted.returncode == 1
    assert "files were modified by this hook" in formatted.stdout
    assert data_repo.read() == COMMENTED


@pytest.mark.parametrize("hook", ["fc-fmt", "fc-fmt-check"])
def test_a_file_with_errors_is_left_to_fc_validate(data_repo: DataRepo, hook: str) -> None:
    broken = replace_once(COMMENTED, "value = 47.3\n", "vlaue = 47.3\n").replace("\n\n", "\n\n\n")
    data_repo.write(broken)
    try:
        process = data_repo.run(hook)
        after = data_repo.read()
    finally:
        data_repo.write(BASE_TOML)
    assert after == broken
    output = process.stdout + process.stderr
    assert process.returncode == 1
    assert f"fc: {DATA_NAME} does not pass fc validate (2 errors); not formatted" in output
    assert "canonical" not in output and "---" not in output
