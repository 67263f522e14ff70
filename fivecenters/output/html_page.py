"""All five centers on one self-contained HTML page, for readers who would rather look than query.

The page loads nothing: CSS is inline, charts are inline SVG, there is no
script. The only URLs are links to the sources, and only http(s) ones become
links. Every piece of text from the data goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

from fivecenters import __version__
from fivecenters.core.centers import Center
from fivecenters.core.model import Dataset, Indicator, Observation
from fivecenters.core.progress import Assessment
from fivecenters.core.snapshot import CenterOverview, overview
from fivecenters.core.state import IndicatorState
from fivecenters.output.charts.geometry import plot_of
from fivecenters.output.charts.svg import line_chart
from fivecenters.output.formatting import DASH, STATUS_STYLES, change_cell, observed, spelled_unit, target_text

CSS = """
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #f6f8fa; --accent: #0969da;
  --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: var(--ink);
  background: #fff; }
header.page { background: #0d2b4e; color: #fff; padding: 28px 40px 22px; }
header.page h1 { margin: 0 0 4px; font-size: 28px; }
header.page p { margin: 0; color: #c9d7e8; }
nav { margin-top: 14px; display: flex; flex-wrap: wrap; gap: 8px; }
nav a { color: #fff; text-decoration: none; border: 1px solid #5a7ba3; border-radius: 14px; padding: 2px 12px;
  font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 40px 40px; }
.summary { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 24px 0 8px; }
.summary div { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--bg); }
.summary strong { display: block; font-size: 14px; }
.summary span { font-size: 13px; color: var(--muted); }
section.center { border-top: 3px solid #0d2b4e; margin-top: 36px; padding-top: 6px; }
section.center > h2 { font-size: 22px; margin: 8px 0 2px; }
p.outlook, p.lede { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top;
  overflow-wrap: break-word; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th.num { white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; }
article.indicator { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; min-width: 0; }
article.indicator h3 { margin: 0; font-size: 17px; }
article.indicator .unit { color: var(--muted); font-weight: 400; font-size: 14px; }
article.indicator p.description { margin: 2px 0 6px; color: var(--muted); font-size: 13.5px; }
h4 { margin: 10px 0 0; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
figure { margin: 6px 0; }
figure svg { width: 100%; max-width: 640px; height: auto; display: block; }
.good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); } .muted { color: var(--muted); }
.status { font-weight: 600; white-space: nowrap; }
.bar { display: inline-block; width: 90px; height: 9px; background: #eaeef2; border-radius: 5px; overflow: hidden;
  vertical-align: middle; margin-right: 6px; }
.bar span { display: block; height: 100%; background: var(--accent); }
q, .quote { color: #3d444d; font-size: 12.5px; }
a { color: var(--accent); }
ol.sources li { margin-bottom: 6px; }
footer { color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); margin-top: 40px; padding-top: 12px; }
@media print { header.page { background: none; color: var(--ink); } nav { display: none; } }
"""


def report_html(dataset: Dataset, data_name: str) -> str:
    """The whole page; `data_name` says which data file it was made from."""
    centers = overview(dataset).centers
    counts = (
        f"{len(dataset.indicators)} indicators, "
        f"{sum(len(i.observations) for i in dataset.indicators)} observations, "
        f"{sum(len(i.targets) for i in dataset.indicators)} targets, {len(dataset.sources)} sources"
    )
    body = [
        '<header class="page">',
        "<h1>Shanghai's Five Centers</h1>",
        f"<p>Economic, financial, trade, shipping and sci-tech innovation: {escape(counts)}. "
        "Every figure cites its source and quotes it.</p>",
        "<nav>" + "".join(f'<a href="#center-{c.value}">{escape(c.title)}</a>' for c in Center),
        '<a href="#sources">Sources</a></nav>',
        "</header>",
        "<main>",
        '<div class="summary">' + "".join(_summary(c) for c in centers) + "</div>",
        *(_center(dataset, c) for c in centers),
        _sources(dataset),
        f"<footer>Made by fc {escape(__version__)} from {escape(data_name)}. Target statuses follow the "
        "Statistics Canada / Open SDG progress method: achieved, on track (R ≥ 0.95), moderate (R ≥ 0.60), "
        "limited (R ≥ 0), deterioration, missed, or not assessable.</footer>",
        "</main>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Shanghai's Five Centers — indicators and targets</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _summary(center: CenterOverview) -> str:
    return (
        f'<div><a href="#center-{center.center.value}"><strong>{escape(center.center.title)}</strong></a>'
        f"<span>{escape(_outlook(center))}</span></div>"
    )


def _outlook(center: CenterOverview) -> str:
    if not any(center.outlook.values()):
        return "No targets recorded"
    return "Targets: " + " · ".join(f"{n} {name}" for name, n in center.outlook.items() if n)


def _center(dataset: Dataset, center: CenterOverview) -> str:
    parts = [
        f'<section class="center" id="center-{center.center.value}">',
        f"<h2>{escape(center.center.title)}</h2>",
        f'<p class="outlook">{escape(_outlook(center))}</p>',
    ]
    if not center.states:
        parts.append('<p class="lede">No indicators recorded for this center yet.</p></section>')
        return "\n".join(parts)
    parts += [
        "<h4>Headline indicators</h4>",
        _table(
            ["Indicator", _num("Latest"), _num("Year"), "Change on the year before", "Source"],
            _headline_rows(dataset, center),
        ),
        '<div class="cards">',
        *(_indicator(dataset, s) for s in center.states),
        "</div></section>",
    ]
    return "\n".join(parts)


def _headline_rows(dataset: Dataset, center: CenterOverview) -> Iterable[list[str]]:
    for state in center.headlines:
        yield [
            f'<a href="#indicator-{state.indicator.id}">{escape(state.indicator.name)}</a>',
            _num(observed(state.indicator, state.latest, with_unit=True)),
            _num(str(state.latest.year) if state.latest else DASH),
            _change(state),
            _cite(dataset, state.latest.source) if state.latest else DASH,
        ]


def _change(state: IndicatorState) -> str:
    cell = change_cell(state.change)
    return f'<span class="{cell.style or ""}">{escape(cell.text)}</span>'


def _indicator(dataset: Dataset, state: IndicatorState) -> str:
    indicator = state.indicator
    unit = spelled_unit(indicator) or indicator.unit
    plot = plot_of(state, dataset)
    parts = [
        f'<article class="indicator" id="indicator-{indicator.id}">',
        f'<h3>{escape(indicator.name)} <span class="unit">({escape(unit)})</span></h3>',
        f'<p class="description">{escape(indicator.description)}</p>',
        f"<figure>{line_chart(plot, standalone=False)}</figure>" if plot else "",
    ]
    if state.assessments:
        parts += [
            "<h4>Targets</h4>",
            _table(["Target", "Progress", "Status", "Source"], (_target_row(dataset, a) for a in state.by_deadline)),
        ]
    observations = sorted(indicator.observations, key=lambda o: (o.year, o.used))
    parts += [
        "<h4>Observations</h4>",
        _table(
            [_num("Year"), _num("Value"), "Source and quote"],
            (_observation_row(dataset, indicator, o) for o in observations),
        ),
        "</article>",
    ]
    return "\n".join(p for p in parts if p)


def _target_row(dataset: Dataset, assessment: Assessment) -> list[str]:
    target = assessment.target
    label = f' <span class="muted">{escape(target.label)}</span>' if target.label else ""
    share = assessment.share
    progress = DASH
    if share is not None:
        percent = max(0.0, min(1.0, share)) * 100
        progress = f'<span class="bar"><span style="width:{percent:.0f}%"></span></span>{percent:.0f}%'
    status = assessment.status
    reason = f' <span class="muted">({escape(assessment.reason)})</span>' if assessment.reason else ""
    return [
        escape(target_text(assessment)) + label,
        progress,
        f'<span class="status {STATUS_STYLES[status]}">{escape(status.value)}</span>{reason}',
        f"{_cite(dataset, target.source)}<br><q>{escape(target.quote)}</q>",
    ]


def _observation_row(dataset: Dataset, indicator: Indicator, obs: Observation) -> list[str]:
    notes = [obs.status.value] if obs.status.value != "final" else []
    if not obs.used:
        notes.append("superseded revision, not used")
    flag = f' <span class="muted">({escape(", ".join(notes))})</span>' if notes else ""
    return [
        _num(str(obs.year)),
        Num(escape(observed(indicator, obs, with_unit=True)) + flag),
        f"{_cite(dataset, obs.source)}<br><q>{escape(obs.quote)}</q>",
    ]


def _cite(dataset: Dataset, source_id: str) -> str:
    """The source by title, linked to it where it is online, else to its entry in the source list."""
    source = dataset.source(source_id)
    if source is None:
        return escape(source_id)
    if _web(source.url):
        return f'<a href="{escape(source.url or "")}">{escape(source.title)}</a>'
    return f'<a href="#source-{source.id}">{escape(source.title)}</a>'


def _web(url: str | None) -> bool:
    """Only http(s) URLs become links: a `javascript:` URL in the data must not."""
    return bool(url) and urlsplit(url or "").scheme in ("http", "https")


def _sources(dataset: Dataset) -> str:
    items = []
    for source in sorted(dataset.sources, key=lambda s: s.id):
        title = escape(source.title)
        if _web(source.url):
            title = f'<a href="{escape(source.url or "")}">{title}</a>'
        where = [escape(source.publisher)]
        if source.published:
            where.append(source.published.isoformat())
        if source.document:
            where.append(f"local copy: {escape(source.document)}")
        if source.url and not _web(source.url):
            where.append(escape(source.url))
        reliability = f' <span class="muted">{escape(source.reliability)}</span>' if source.reliability else ""
        items.append(f'<li id="source-{source.id}">{title} — {", ".join(where)}.{reliability}</li>')
    return '<section id="sources"><h2>Sources</h2><ol class="sources">' + "".join(items) + "</ol></section>"


def _table(headers: list[str], rows: Iterable[list[str]]) -> str:
    """Cells are HTML already escaped by the caller; headers are plain text."""
    head = "".join(f'<th class="num">{h}</th>' if isinstance(h, Num) else f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class Num(str):
    """A cell of HTML holding a number: right-aligned."""


def _num(text: str) -> Num:
    return Num(escape(text))


def _td(cell: str) -> str:
    return f'<td class="num">{cell}</td>' if isinstance(cell, Num) else f"<td>{cell}</td>"
