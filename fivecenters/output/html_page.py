"""All five centers on one self-contained HTML page, for readers who would rather look than query.

The page loads nothing: CSS is inline, charts are inline SVG, there is no
script. The only URLs are links to the sources, and only http(s) ones become
links. The page is a Jinja template (templates/report.html.j2) rendered by
MiniJinja, the Rust implementation of Jinja by jinja2's author, with
autoescaping on: every piece of text from the data is escaped unless the code
marks it safe, as it does for the charts, which escape their own text.

MiniJinja rather than jinja2 for speed: importing jinja2 took 97 M of `fc
report`'s instructions and rendering through its Python runtime ~85 M;
MiniJinja imports in ~6 M and renders in Rust (bench/README.md).
MiniJinja reads a Python object's attributes, but sees a tuple (a NamedTuple
too) as a list and an enum of strings as its string: what the template reads
by name is a struct here, and a center's id and names are worked out here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fivecenters import __version__
from fivecenters.core.model import Dataset, Indicator, Observation, Source, Target
from fivecenters.core.progress import Status
from fivecenters.core.snapshot import CenterOverview, overview
from fivecenters.core.standing import BenchmarkStanding, standings_for
from fivecenters.core.state import IndicatorState
from fivecenters.core.structs import struct
from fivecenters.output.charts.geometry import plot_of
from fivecenters.output.charts.ranking import rank_plot
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
    import minijinja

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "report.html.j2"
FOLD = 4  # observation lists longer than this start folded


@struct(frozen=True)
class Link:
    """What a citation of `source_id` links to: the source's page (http(s) only), else its entry in the list of
    sources; `source` is None for an id no source has (the id is shown, unlinked)."""

    source_id: str
    source: Source | None
    href: str


@struct(frozen=True)
class Ranking:
    """A benchmark bearing on a center: Shanghai's standing, its latest place in words, the rank chart's SVG."""

    standing: BenchmarkStanding
    latest: str
    chart: str | None  # marked safe (`minijinja.safe`)


@struct(frozen=True)
class Section:
    """One center's part of the page."""

    id: str
    name: str
    name_zh: str
    outlook: str
    states: list[IndicatorState]
    headlines: list[IndicatorState]
    rankings: list[Ranking]


def report_html(dataset: Dataset, data_name: str) -> str:
    """The whole page; `data_name` says which data file it was made from."""
    import minijinja

    @functools.cache  # a source is cited some twice on average
    def link_of(source_id: str) -> Link:
        source = dataset.source(source_id)
        if source is None:
            return Link(source_id, None, "")
        return Link(source_id, source, source.url if source.url and web(source.url) else f"#source-{source.id}")

    def cited(record: Observation | Target) -> list[tuple[Link, str]]:
        """The link and words of each source stating the record's value: worked out here, as a template's calls
        cost more than Python's."""
        return [(link_of(c.source), c.quote) for c in record.citations()]

    def chart_of(state: IndicatorState) -> str | None:
        plot = plot_of(state, dataset)
        return minijinja.safe(line_chart(plot, standalone=False)) if plot else None  # the SVG escapes its own text

    def ranking(standing: BenchmarkStanding) -> Ranking:
        plot = rank_plot(standing, dataset)
        if plot is None:
            return Ranking(standing, "not placed in any edition", None)
        return Ranking(standing, plot.latest, minijinja.safe(rank_chart(plot, standalone=False)))

    def section(center: CenterOverview) -> Section:
        rankings = [ranking(standing) for standing in standings_for(dataset, center.center)]
        kind = center.center
        return Section(
            kind.value, kind.full_name, kind.full_name_zh, outlook(center), center.states, center.headlines, rankings
        )

    counts = (
        f"{len(dataset.indicators)} indicators, "
        f"{sum(len(i.observations) for i in dataset.indicators)} observations, "
        f"{sum(len(i.targets) for i in dataset.indicators)} targets, {len(dataset.sources)} sources"
    )
    context: dict[str, Any] = {
        "centers": [section(center) for center in overview(dataset).centers],
        "sources": sorted(dataset.sources, key=lambda s: s.id),
        "counts": counts,
        "version": __version__,
        "data_name": data_name,
        "fold": FOLD,
        "link_of": link_of,
        "cited": cited,
        "web": web,
        "unit": unit,
        "chart_of": chart_of,
        "observed": observed,
        "change_cell": change_cell,
        "not_comparable": NOT_COMPARABLE,
        "when": when,
        "status_text": status_text,
        "target_text": target_text,
        "percent_of": percent_of,
        "status_style": status_style,
        "in_order": in_order,
    }
    return environment().render_template(TEMPLATE, **context)


def environment() -> minijinja.Environment:
    """The templates' environment: autoescaped, and an error for any name the template does not get.
    minijinja is imported here, so that importing this module does not."""
    import minijinja

    return minijinja.Environment(
        loader=_template,
        auto_escape_callback=lambda name: "html" if name.endswith(".j2") else "none",
        undefined_behavior="strict",
        keep_trailing_newline=True,
    )


def _template(name: str) -> str | None:
    """A template's text, by name: only the files of the templates folder."""
    path = TEMPLATES / name
    return path.read_text(encoding="utf-8") if path.parent == TEMPLATES and path.is_file() else None


def in_order(observations: Iterable[Observation]) -> list[Observation]:
    """By year; within a year the superseded revisions before the value used."""
    return sorted(observations, key=lambda o: (o.year, o.used))


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
    """Only http(s) URLs become links: a `javascript:` URL in the data must not. The URL must start with its
    scheme, in any case, as browsers read it: no leading space or control character to strip first."""
    return url is not None and url[:8].lower().startswith(("http://", "https://"))
