"""`fc report`: one self-contained HTML page of the five centers, checked in headless Chromium."""

from __future__ import annotations

import re
import struct
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fivecenters.core import progress
from fivecenters.core.centers import Center
from fivecenters.core.model import Indicator, Target
from fivecenters.output.html_page import report_html
from tests.support.reading import fc_reading, reading_dataset
from tests.support.run import require_program

DATASET = reading_dataset()
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Page(HTMLParser):
    """The page's visible text, and every tag with its attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    @property
    def content(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = fc_reading("report", "--output", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_report_loads_nothing_from_outside(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe|object|embed|audio|video|source)\b", html, re.I)
    assert not re.search(r"\bsrc\s*=|url\(|@import", html, re.I)
    page = Page(html)
    hrefs = [attrs.get("href") or "" for tag, attrs in page.tags if "href" in attrs]
    assert all(tag == "a" for tag, attrs in page.tags if "href" in attrs)
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    anchors = {attrs["id"] for _, attrs in page.tags if attrs.get("id")}
    assert {h[1:] for h in hrefs if h.startswith("#")} <= anchors, "every in-page link has its target"


def test_report_shows_every_center_indicator_and_source(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    page = Page(html)
    for center in Center:
        assert center.title in page.content
    for source in DATASET.sources:
        assert source.title in page.content
    assert "https://example.org/page" in [attrs.get("href") for _, attrs in page.tags]
    assert sum(tag == "svg" for tag, _ in page.tags) == len(DATASET.indicators), "one chart per indicator"
    assert sum(tag == "article" for tag, _ in page.tags) == len(DATASET.indicators)
    for indicator in DATASET.indicators:
        assert indicator.name in page.content
        for obs in indicator.observations:
            assert obs.quote in page.content, "every figure is shown with its source's words"
    assert "No indicators recorded for this center yet." in page.content, "the trade center has no data"
    assert "on track" in page.content and "achieved" in page.content
    assert 'style="width:60%"' in html, "GDP has come 60% of the way from its baseline to its target"


def test_report_escapes_data_and_links_only_web_urls() -> None:
    hostile_source = DATASET.sources[1].model_copy(
        update={"title": "<script>alert(1)</script>", "url": "javascript:alert(2)"}
    )
    hostile_indicator = DATASET.indicators[0].model_copy(update={"name": '<img src="http://evil.example/x.png">'})
    dataset = DATASET.model_copy(
        update={"sources": [DATASET.sources[0], hostile_source], "indicators": [hostile_indicator]}
    )
    html = report_html(dataset, "hostile.toml")
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    page = Page(html)
    assert "<script>alert(1)</script>" in page.content
    assert not any((attrs.get("href") or "").startswith("javascript") for _, attrs in page.tags)


def test_report_assesses_each_target_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The outlook, the headline table, the targets table and the chart markers share one assessment."""
    calls: Counter[tuple[str, int]] = Counter()
    real = progress.baseline_for

    def counted(indicator: Indicator, target: Target) -> progress.Point | None:
        calls[(indicator.id, id(target))] += 1
        return real(indicator, target)

    # Every assessment asks for its baseline once, however `assess` was imported.
    monkeypatch.setattr(progress, "baseline_for", counted)
    report_html(DATASET, "reading.toml")
    targets = [(i.id, id(t)) for i in DATASET.indicators for t in i.targets]
    assert len(targets) >= 3
    assert calls == Counter(targets)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    chromium = require_program("chromium", "chromium-browser", needed_for="the headless rendering test")
    flags = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "shot.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1280,4000", report.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert png_size(shot) == (1280, 4000)
    assert shot.stat().st_size > 50_000, "the screenshot is nearly empty"

    dom = subprocess.run(
        [*flags, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    rendered = Page(dom)
    for center in Center:
        assert f"<h2>{center.title}</h2>" in dom, f"{center.title} was not rendered"
    assert sum(tag == "svg" for tag, _ in rendered.tags) == len(DATASET.indicators)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("report", "--output", "/nonexistent-dir/report.html"), 2, "does not exist"),
        (("report", "--output", "/"), 2, "is a directory"),
    ],
)
def test_errors_are_one_line(args: tuple[str, ...], code: int, message: str) -> None:
    result = fc_reading(*args)
    assert result.exit_code == code
    assert message in result.stderr and result.stderr.count("\n") == 1
