"""All five centers on one self-contained HTML page, for readers who would rather look than query.

The page loads nothing: CSS is inline, charts are inline SVG, there is no
script. The only URLs are links to the sources, and only http(s) ones become
links. The page is a jinja2 template (templates/report.html.j2) with
autoescaping on, so every piece of text from the data is escaped unless the
code marks it safe, as it does for the charts, which escape their own text.

jinja2 turns a template into Python before it renders it: a third of the
command's own time. `scripts/report_template.py` does that once, into
templates/compiled/, which is used while it was made from these templates by
this jinja2; otherwise the templates are compiled as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from fivecenters import __version__
from fivecenters.core.centers import Center
from fivecenters.core.model import Citation, Dataset, Indicator, Source
from fivecenters.core.progress import Status
from fivecenters.core.snapshot import CenterOverview, overview
from fivecenters.core.standing import BenchmarkStanding, standings_for
from fivecenters.core.state import IndicatorState
from fivecenters.output.charts.geometry import plot_of
from fivecenters.output.charts.ranking import RankPlot, rank_plot
from fivecenters.output.charts.svg import line_chart, rank_chart
from fivecenters.output.formatting import (
    NOT_COMPARABLE,
    STATUS_STYLES,
    change_cell,
    observed,
    spelled_unit,
    status_text,
    target_text,
    when,
)

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

TEMPLATES = Path(__file__).with_name("templates")
COMPILED = TEMPLATES / "compiled"  # written by scripts/report_template.py
MADE_FROM = COMPILED / "made-from.txt"  # the `made_from()` of what COMPILED was compiled from
TEMPLATE = "report.html.j2"
FOLD = 4  # observation lists longer than this start folded


class Link(NamedTuple):
    """What a citation of `source_id` links to: the source's page (http(s) only), else its entry in the list of
    sources; `source` is None for an id no source has (the id is shown, unlinked)."""

    source_id: str
    source: Source | None
    href: str


def report_html(dataset: Dataset, data_name: str) -> str:
    """The whole page; `data_name` says which data file it was made from."""
    from markupsafe import Markup

    def link_of(source_id: str) -> Link:
        source = dataset.source(source_id)
        if source is None:
            return Link(source_id, None, "")
        return Link(source_id, source, source.url if source.url and web(source.url) else f"#source-{source.id}")

    def cited(citations: Iterable[Citation]) -> list[tuple[Link, str]]:
        """Each citation's link and quote, worked out here: a template's calls cost more than Python's."""
        return [(link_of(c.source), c.quote) for c in citations]

    def chart_of(state: IndicatorState) -> Markup | None:
        plot = plot_of(state, dataset)
        return Markup(line_chart(plot, standalone=False)) if plot else None  # the SVG escapes its own text

    def rankings_of(center: Center) -> list[tuple[BenchmarkStanding, RankPlot | None, Markup | None]]:
        """Each benchmark bearing on the center: its standing, its rank chart and the chart's SVG."""
        ranked = []
        for standing in standings_for(dataset, center):
            plot = rank_plot(standing, dataset)
            ranked.append((standing, plot, Markup(rank_chart(plot, standalone=False)) if plot else None))
        return ranked

    counts = (
        f"{len(dataset.indicators)} indicators, "
        f"{sum(len(i.observations) for i in dataset.indicators)} observations, "
        f"{sum(len(i.targets) for i in dataset.indicators)} targets, {len(dataset.sources)} sources"
    )
    context: dict[str, Any] = {
        "centers": overview(dataset).centers,
        "sources": sorted(dataset.sources, key=lambda s: s.id),
        "counts": counts,
        "version": __version__,
        "data_name": data_name,
        "fold": FOLD,
        "link_of": link_of,
        "cited": cited,
        "web": web,
        "outlook": outlook,
        "unit": unit,
        "chart_of": chart_of,
        "rankings_of": rankings_of,
        "observed": observed,
        "change_cell": change_cell,
        "not_comparable": NOT_COMPARABLE,
        "when": when,
        "status_text": status_text,
        "target_text": target_text,
        "percent_of": percent_of,
        "status_style": status_style,
    }
    return environment(_loader()).get_template(TEMPLATE).render(context)


def environment(loader: BaseLoader) -> Environment:
    """The templates' environment, for rendering them and for compiling them ahead (the same settings)."""
    from jinja2 import Environment, StrictUndefined

    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def made_from() -> str:
    """The jinja2 version and a digest of every template, which decide what compiling them gives."""
    import hashlib

    import jinja2

    digest = hashlib.sha256()
    for path in sorted(p for p in TEMPLATES.iterdir() if p.is_file()):
        text = path.read_bytes()
        digest.update(f"{path.name}\0{len(text)}\0".encode() + text)
    return f"jinja2 {jinja2.__version__} sha256 {digest.hexdigest()}\n"


def _loader() -> BaseLoader:
    """The compiled templates while they are those of the templates and this jinja2; else the templates."""
    from jinja2 import FileSystemLoader, ModuleLoader

    try:
        current = MADE_FROM.read_text(encoding="utf-8") == made_from()
    except (OSError, UnicodeError):
        current = False
    return ModuleLoader(COMPILED) if current else FileSystemLoader(TEMPLATES)


def outlook(center: CenterOverview) -> str:
    if not any(center.outlook.values()):
        return "No targets recorded"
    return "Targets: " + " · ".join(f"{n} {name}" for name, n in center.outlook.items() if n)


def unit(indicator: Indicator) -> str:
    return spelled_unit(indicator) or indicator.unit


def percent_of(share: float | None) -> int | None:
    """How far along, as a whole percentage from 0 to 100, for the progress bar."""
    return None if share is None else round(max(0.0, min(1.0, share)) * 100)


def status_style(status: Status) -> str:
    return STATUS_STYLES[status]


def web(url: str | None) -> bool:
    """Only http(s) URLs become links: a `javascript:` URL in the data must not."""
    return bool(url) and urlsplit(url or "").scheme in ("http", "https")
