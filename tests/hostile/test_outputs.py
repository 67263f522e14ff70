"""No `fc` output can damage a file it did not mean to write: devices, FIFOs, symlinks, what fc reads."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from fivecenters.core.tables import PACKAGE_FILES
from tests.support.base import DOCUMENT_NAME, WriteData
from tests.support.run import fc

Writer = Callable[[Path, Path], list[str]]

WRITERS: dict[str, Writer] = {
    "export-csv": lambda data, out: ["export", "--output", str(out), "--data", str(data)],
    "export-json": lambda data, out: ["export", "-f", "json", "-o", str(out), "--data", str(data)],
    "export-xlsx": lambda data, out: ["export", "-f", "xlsx", "-o", str(out), "--data", str(data)],
    "export-sqlite": lambda data, out: ["export", "-f", "sqlite", "-o", str(out), "--data", str(data)],
    "chart-svg": lambda data, out: ["chart", "container-throughput", "--svg", str(out), "--data", str(data)],
    "report": lambda data, out: ["report", "--output", str(out), "--data", str(data)],
}


def refused(args: list[str], reason: str) -> None:
    result = fc(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("fc: error: refusing to write ") and reason in result.stderr


@pytest.mark.parametrize("writer", WRITERS)
def test_a_fifo_is_refused_without_hanging(write_data: WriteData, tmp_path: Path, writer: str) -> None:
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    refused(WRITERS[writer](write_data(), fifo), "device, FIFO or socket")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_a_device_stays_a_device(write_data: WriteData, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    refused(WRITERS["export-csv"](write_data(), null), "device, FIFO or socket")
    assert stat.S_ISCHR(os.lstat(null).st_mode)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_symlink_is_refused_and_its_target_untouched(write_data: WriteData, tmp_path: Path, writer: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(victim)
    refused(WRITERS[writer](write_data(), link), "symlink")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert link.is_symlink()


@pytest.mark.parametrize("writer", WRITERS)
def test_the_data_file_is_never_an_output(write_data: WriteData, writer: str) -> None:
    data = write_data()
    before = data.read_bytes()
    refused(WRITERS[writer](data, data), "fc reads it")
    assert data.read_bytes() == before


@pytest.mark.parametrize("writer", WRITERS)
def test_a_cited_document_is_never_an_output(write_data: WriteData, writer: str) -> None:
    data = write_data()
    document = write_data.directory / DOCUMENT_NAME
    before = document.read_bytes()
    refused(WRITERS[writer](data, document), "fc reads it")
    assert document.read_bytes() == before


def test_a_hard_link_to_the_data_file_is_refused(write_data: WriteData, tmp_path: Path) -> None:
    data = write_data()
    alias = tmp_path / "alias.csv"
    os.link(data, alias)
    refused(WRITERS["export-csv"](data, alias), "fc reads it")


def test_a_regular_file_is_still_replaced(write_data: WriteData, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old\n", encoding="utf-8")
    assert fc(*WRITERS["export-csv"](write_data(), out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("center,")


# --- the data package replaces only the files it writes -------------------------------------------


def package(write_data: WriteData, out: Path) -> list[str]:
    return ["export", "-f", "datapackage", "-o", str(out), "--data", str(write_data())]


def test_a_folder_named_like_a_package_file_is_kept(write_data: WriteData, tmp_path: Path) -> None:
    out = tmp_path / "package"
    precious = out / "observations.csv" / "precious.txt"
    precious.parent.mkdir(parents=True)
    precious.write_text("mine\n", encoding="utf-8")
    result = fc(*package(write_data, out))
    assert result.exit_code == 2
    assert "did not write (observations.csv)" in result.stderr
    assert precious.read_text(encoding="utf-8") == "mine\n"


def test_a_link_named_like_a_package_file_is_kept(write_data: WriteData, tmp_path: Path) -> None:
    out = tmp_path / "package"
    out.mkdir()
    (out / "sources.csv").symlink_to(tmp_path)
    assert fc(*package(write_data, out)).exit_code == 2
    assert (out / "sources.csv").is_symlink()


def test_a_linked_package_folder_is_refused(write_data: WriteData, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "package").symlink_to(real)
    refused(package(write_data, tmp_path / "package"), "symlink")


def test_a_previous_package_is_replaced(write_data: WriteData, tmp_path: Path) -> None:
    out = tmp_path / "package"
    assert fc(*package(write_data, out)).exit_code == 0
    assert fc(*package(write_data, out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(PACKAGE_FILES)
