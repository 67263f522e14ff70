"""`fc report`: one self-contained HTML page of the five centers, checked in headless Chromium.

It reads everywhere: a phone's width without sideways scrolling, CJK fonts, contents, folded lists,
print and dark styles; measured in headless Chromium at 1280 and 390 px."""

from __future__ import annotations

import html
import json
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fivecenters.core import progress
from fivecenters.core.centers import Center
from fivecenters.core.model import Indicator, Target
from fivecenters.core.validate import load_dataset
from fivecenters.output import html_page
from fivecenters.output.html_page import FOLD, report_html
from tests.support import ROOT
from tests.support.devtools import rendered_fonts
from tests.support.reading import READING, fc_reading, reading_dataset
from tests.support.run import require_program, unavailable

DATASET = reading_dataset()
SVG = "{http://www.w3.org/2000/svg}"
CURATED = ROOT / "indicators.toml"
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
        assert center.full_name in page.content
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
    hostile_source = replace(DATASET.sources[1], title="<script>alert(1)</script>", url="javascript:alert(2)")
    hostile_indicator = replace(DATASET.indicators[0], name='<img src="http://evil.example/x.png">')
    dataset = replace(DATASET, sources=[DATASET.sources[0], hostile_source], indicators=[hostile_indicator])
    html = report_html(dataset, "hostile.toml")
    assert "<script>" not in html and "<img" not in html and 'href="javascript' not in html
    page = Page(html)
    assert "<script>alert(1)</script>" in page.content
    assert not any((attrs.get("href") or "").startswith("javascript") for _, attrs in page.tags)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://tjj.sh.gov.cn/tjgb/index.html", True),
        ("HTTP://example.org", True),
        ("javascript:alert(1)", False),
        ("JavaScript://%0aalert(1)", False),
        (" https://example.org", False),  # a browser strips the space; fc shows the URL, unlinked
        ("\thttps://example.org", False),
        ("https:example.org", False),
        ("ftp://example.org", False),
        ("data:text/html,<script>", False),
        ("", False),
        (None, False),
    ],
)
def test_only_urls_starting_with_http_or_https_become_links(url: str | None, linked: bool) -> None:
    assert html_page.web(url) is linked


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


def test_the_template_engine_reads_only_the_templates_folder() -> None:
    """The loader is asked for names the templates give (`include`): none reaches outside their folder."""
    assert html_page._template("report.css") == (html_page.TEMPLATES / "report.css").read_text(encoding="utf-8")
    for name in ("../html_page.py", "/etc/passwd", "..", "templates/report.css", "missing.j2"):
        assert html_page._template(name) is None, name


def test_every_name_the_template_reads_is_given() -> None:
    """The environment is strict: a name the template reads but the code does not give fails the render
    instead of printing nothing, so renaming a field cannot quietly empty a column."""
    import minijinja

    with pytest.raises(minijinja.TemplateError, match="undefined"):
        html_page.environment().render_str("{{ missing.name }}")


def test_observations_are_listed_by_year_the_superseded_revision_before_the_value_used() -> None:
    indicator = next(i for i in DATASET.indicators if any(not o.used for o in i.observations))
    shown = html_page.in_order(reversed(indicator.observations))
    assert [(o.year, o.used) for o in shown] == sorted((o.year, o.used) for o in indicator.observations)
    revised = next(o.year for o in shown if not o.used)
    assert [o.used for o in shown if o.year == revised] == [False, True]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def chromium() -> str:
    return require_program("chromium", "chromium-browser", needed_for="the headless rendering tests")


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    flags = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
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
        heading = f'<h2>{center.full_name} <span lang="zh">{center.full_name_zh}</span></h2>'
        assert heading in dom, f"{center.full_name} was not rendered with its Chinese name"
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


# Headless Chromium keeps its window at least 500 px wide, so a phone is an iframe of its width.
# The page stays untouched (it has no script); the frame around it measures it once it has loaded.
MEASURE = """<!DOCTYPE html><html><head><style>body{{margin:0}}iframe{{border:0;display:block}}</style></head>
<body><iframe id="page" style="width:{width}px;height:{height}px" srcdoc="{page}"></iframe><script>
const frame = document.getElementById("page");
frame.addEventListener("load", () => {{
  const root = frame.contentDocument.documentElement;
  const fonts = getComputedStyle(frame.contentDocument.body).fontFamily;
  document.body.setAttribute("data-measure", JSON.stringify(
    {{scrollWidth: root.scrollWidth, viewport: frame.contentWindow.innerWidth, height: root.scrollHeight, fonts}}));
}});
</script></body></html>"""


def report_of(data: Path, directory: Path) -> Path:
    path = directory / f"{data.stem}.html"
    result = fc_reading("report", "--output", str(path), data=data)
    assert result.exit_code == 0, result.output
    return path


def measure(page: Path, width: int, tmp_path: Path) -> dict[str, object]:
    frame = tmp_path / f"measure-{width}.html"
    frame.write_text(
        MEASURE.format(width=width, height=900, page=html.escape(page.read_text(encoding="utf-8"))),
        encoding="utf-8",
    )
    flags = [
        chromium(),
        *CHROMIUM_FLAGS,
        "--virtual-time-budget=10000",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1300,950",
    ]
    dom = subprocess.run(
        [*flags, "--dump-dom", frame.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    found = re.search(r'data-measure="([^"]+)"', dom)
    assert found, "the page did not load in Chromium"
    shot = tmp_path / f"shot-{width}.png"
    subprocess.run([*flags, f"--screenshot={shot}", frame.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000, "the screenshot is nearly empty"
    return json.loads(html.unescape(found[1]))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_never_scrolls_sideways(width: int, tmp_path: Path) -> None:
    """On the curated data (long names, Chinese quotes, 100 sources) where there is some, else the fixture."""
    data = CURATED if CURATED.is_file() and CURATED.read_text(encoding="utf-8").strip() else READING
    measured = measure(report_of(data, tmp_path), width, tmp_path)
    assert measured["viewport"] == width
    assert measured["scrollWidth"] <= width, f"the page is {measured['scrollWidth']} px wide in a {width} px window"


def test_wide_tables_scroll_in_their_own_box(tmp_path: Path) -> None:
    page = report_of(READING, tmp_path).read_text(encoding="utf-8")
    tables = page.count("<table")
    assert tables and page.count('<div class="scroll"><table') == tables


def test_the_font_stack_names_the_cjk_fonts_of_every_common_system(tmp_path: Path) -> None:
    page = report_of(READING, tmp_path).read_text(encoding="utf-8")
    stack = re.search(r"--font:([^;]+);", page)
    assert stack
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"):
        assert f'"{font}"' in stack[1]
    assert stack[1].strip().endswith("sans-serif")
    # A Chinese name in a heading moves to the next line whole rather than leave a character behind.
    assert 'h2 [lang|="zh"], h3 [lang|="zh"] { word-break: keep-all; }' in page


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LEGIBLE = "the test that the report's Chinese is legible"


def fonts_with_glyphs(text: str) -> set[str]:
    """The installed font families that have a glyph for every Chinese character of `text`, as fontconfig
    (which Chromium asks on Linux) sees them."""
    fc_list = require_program("fc-list", needed_for=LEGIBLE)
    charset = " ".join(f"{ord(c):x}" for c in sorted(set(HAN.findall(text))))
    listed = subprocess.run([fc_list, f":charset={charset}", "family"], capture_output=True, text=True, check=True)
    return {family.strip() for line in listed.stdout.splitlines() for family in line.split(",")}


def stack_of(page: str, name: str) -> set[str]:
    """The families a custom property of the page's stylesheet names (`--font`, `--font-hant`)."""
    stack = re.search(rf"{name}:([^;]+);", page)
    assert stack, f"the stylesheet has no {name}"
    return {font.strip().strip('"') for font in stack[1].split(",")}


def test_the_chinese_is_drawn_in_fonts_that_have_its_glyphs(tmp_path: Path) -> None:
    """Legible, not only present: each Chinese name in a heading, and each quote of a Traditional Chinese
    source, is drawn by headless Chromium in a font that has its characters (without one, Chromium draws
    the same DOM as empty boxes), one the page's font stack for that script names."""
    browser = chromium()
    if not fonts_with_glyphs("国际"):
        unavailable("a Chinese font (Debian: fonts-noto-cjk)", LEGIBLE)
    curated = CURATED.is_file() and bool(CURATED.read_text(encoding="utf-8").strip())
    page = report_of(CURATED if curated else READING, tmp_path)
    html = page.read_text(encoding="utf-8")
    stacks = {"zh": stack_of(html, "--font"), "zh-Hant": stack_of(html, "--font-hant")}
    command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900"]
    unfold = "document.querySelectorAll('details').forEach(d => d.open = true)"
    rendered = rendered_fonts(command, page.as_uri(), 'h2 [lang="zh"], h3 [lang="zh"], q[lang="zh-Hant"]', unfold)

    expected = {center.full_name_zh for center in Center}
    if curated:
        dataset = load_dataset(CURATED)
        expected |= {i.name_zh for i in dataset.indicators if i.name_zh}
        expected |= {b.name_zh for b in dataset.benchmarks if b.name_zh}
        assert any(r.lang == "zh-Hant" for r in rendered), "the curated data quotes Traditional Chinese sources"
    assert expected <= {r.text for r in rendered if r.lang == "zh"}, "every Chinese name has its heading"
    for element in rendered:
        characters = len(HAN.findall(element.text))
        able = fonts_with_glyphs(element.text) & stacks[element.lang]
        drawn = sum(count for family, count in element.fonts.items() if family in able)
        assert drawn >= characters, (
            f"{element.text[:40]} is drawn in {sorted(element.fonts)}, not in a font of its stack that has its "
            "characters: the reader sees boxes, or the other script's glyph forms"
        )


def test_contents_list_every_center_and_indicator(tmp_path: Path) -> None:
    page = report_of(READING, tmp_path).read_text(encoding="utf-8")
    contents = page[page.index('<nav class="contents"') : page.index("</nav>", page.index('<nav class="contents"'))]
    dataset = DATASET
    for indicator in dataset.indicators:
        assert f'href="#indicator-{indicator.id}"' in contents
        assert f'id="indicator-{indicator.id}"' in page
    assert contents.count('href="#center-') == 5


def test_long_observation_lists_are_folded(tmp_path: Path) -> None:
    dataset = DATASET
    gdp = dataset.indicators[0]
    many = [replace(gdp.observations[-1], year=2000 + n) for n in range(FOLD + 3)]
    short = gdp.observations[:FOLD]
    data = replace(dataset, indicators=[replace(gdp, observations=many), replace(gdp, id="short", observations=short)])
    page = report_html(data, "test.toml")
    assert f"<details>\n<summary>Observations ({FOLD + 3})</summary>" in page, "a long list starts folded"
    assert f"<details open>\n<summary>Observations ({len(short)})</summary>" in page, "a short one starts open"


def test_the_page_has_dark_and_print_styles(tmp_path: Path) -> None:
    page = report_of(READING, tmp_path).read_text(encoding="utf-8")
    dark = page[page.index("@media (prefers-color-scheme: dark)") :]
    assert "--bg:" in dark[: dark.index("}\n}")] and "--ink:" in dark[: dark.index("}\n}")]
    printing = page[page.index("@media print") :]
    assert "nav.centers, nav.contents { display: none; }" in printing
    assert "break-inside: avoid" in printing and "details::details-content" in printing


def test_each_center_shows_a_rank_chart_per_benchmark_with_shanghais_place_and_sources(tmp_path: Path) -> None:
    from fivecenters.core.standing import standings_for
    from fivecenters.core.validate import load_dataset

    curated = load_dataset(CURATED)
    page = report_of(CURATED, tmp_path).read_text(encoding="utf-8")
    sections = dict(re.findall(r'<section class="center" id="center-(\w+)">(.*?)</section>', page, re.S))
    for center in Center:
        expected = standings_for(curated, center)
        articles = re.findall(
            r'<article class="benchmark" id="benchmark-[\w-]+?-([\w-]+)">(.*?)</article>', sections[center.value], re.S
        )
        assert [a[0] for a in articles] == [s.benchmark.id for s in expected], center
        for (_, body), standing in zip(articles, expected, strict=True):
            assert standing.latest is not None
            assert f" in {html.escape(standing.latest.edition.name)}</strong>" in body, "Shanghai's latest place"
            chart = ET.fromstring(body[body.index("<svg") : body.index("</svg>") + 6])
            credit = " ".join(t.text or "" for t in chart.iter(f"{SVG}text") if t.get("class") == "credit")
            assert credit.startswith("Source: ")
            subject = [g for g in chart.iter(f"{SVG}g") if g.get("class") == "series subject"]
            assert len(subject) == 1 and subject[0].get("data-city") == "Shanghai"


def test_official_chinese_names_stand_beside_the_english_ones(tmp_path: Path) -> None:
    from fivecenters.core.validate import load_dataset

    curated = load_dataset(CURATED)
    page = report_of(CURATED, tmp_path).read_text(encoding="utf-8")
    for center in Center:
        assert f'<h2>{center.full_name} <span lang="zh">{center.full_name_zh}</span></h2>' in page
    named = [i for i in curated.indicators if i.name_zh]
    assert named, "the curated data names some indicators in Chinese"
    for indicator in named:
        card = page[page.index(f'id="indicator-{indicator.id}"') :]
        heading = card[card.index("<h3>") : card.index("</h3>")]
        assert f'<span lang="zh">{indicator.name_zh}</span>' in heading
