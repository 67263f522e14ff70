"""Where everything on a chart goes, in pixels: the plot area, and every piece of text placed once.

The geometry (`geometry.py`, `ranking.py`) decides what a chart shows; this decides where it goes on the
page, so that the SVG only draws and the rules can be checked without it: no text covers another text or
a mark, none runs off the page. A value label with no free place beside its point is dropped (its words
stay in the point's tooltip), a city's name too long for the margin is shortened with "…", a legend that
would cover the axis title takes a row of its own, and a long title, unit or credit wraps.

Text widths are estimated, never measured: `text_width` errs wide (DejaVu Sans, the widest of the usual
system fonts, is its yardstick), so that text fits whichever font a browser picks.
"""

import functools
import itertools
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import field
from typing import NamedTuple, Protocol

from fivecenters.core.standing import SUBJECT
from fivecenters.core.structs import struct
from fivecenters.output.charts.geometry import AROUND, OBSERVED, SUPERSEDED, UP, Axis, Mark, Plot
from fivecenters.output.charts.ranking import RankPlot

WIDTH, HEIGHT = 640, 300  # the page, before titles, units, legend rows and credit lines add to its height
PAD = 8  # between the page's edge and text
RIGHT = 24  # right of the plot area
NAMES = 150  # right of a rank chart's plot area, where each line ends with its city's name: at least
MAX_NAMES = 0.35  # at most, as a share of the width; a longer name is shortened
MIN_LEFT = 40  # left of the plot area, at least: more when the y ticks are wide
TICK_GAP = 8  # between a y tick's text and the plot area
TOP, BOTTOM = 20, 46  # the plot area's height is what these leave of HEIGHT (and a title line less)
INSET = 12  # keeps the first and last marks off the axes
SIDE_BY_SIDE = 9  # pixels between the marks of one year (a used value and the revisions it replaced)
FONT_SIZE = 12
TITLE_SIZE, TITLE_LINE = 15, 20
UNIT_LINE = 16
LEGEND_ROW = 18
CREDIT_SIZE, CREDIT_LINE = 11, 15
VALUE_SIZE = 11
NAME_SIZE, NAME_LINE = 10.5, 13
RADIUS = 4  # a point's circle
DIAMOND = 7  # a target's half-diagonal
ARROW = 14  # a hedged point's arrow, from its centre
# Roles of text, which the SVG draws each in its own style.
TITLE, UNIT, TICK, AXIS_TITLE, LEGEND, VALUE, NAME, CREDIT, NOTE = (
    "title",
    "unit",
    "tick",
    "axis-title",
    "legend",
    "value",
    "name",
    "credit",
    "note",
)
ASCENT, DESCENT = 0.9, 0.25  # of a line of text, in ems above and below its baseline
# Glyph widths in hundredths of an em, generous: narrow glyphs, most, capitals, and the widest; East Asian
# wide characters count double, as in a terminal (`formatting.cell_width`). Whole numbers, so that a text's
# width is the same however its parts are added up.
NARROW, GLYPH, CAPITAL, BROAD = 42, 62, 75, 100
NARROW_GLYPHS = frozenset(" .,:;'|!ijlrtf()[]/-")
BROAD_GLYPHS = frozenset("mwMW%@—…&")
BOLD = 1.12


@functools.cache
def _glyph_width(character: str) -> int:
    if unicodedata.east_asian_width(character) in "WF":
        return 2 * GLYPH
    if character in BROAD_GLYPHS:
        return BROAD
    if character in NARROW_GLYPHS:
        return NARROW
    return CAPITAL if character.isupper() else GLYPH


# Each ASCII character's width, as a table for `bytes.translate`: most text on a chart is ASCII, and is
# measured in C, not with a call per character (a report measures some 17,000 characters in 650 texts).
_ASCII_WIDTHS = bytes(_glyph_width(chr(code)) for code in range(128)) + bytes(128)


@functools.lru_cache(maxsize=4096)  # a report measures the same years, units, names and words again and again
def _ems(text: str) -> float:
    if text.isascii():
        return sum(text.encode().translate(_ASCII_WIDTHS)) / 100
    return sum(map(_glyph_width, text)) / 100


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width in pixels of `text` at `size` pixels: every check and placement uses this one."""
    return _ems(text) * size * (BOLD if bold else 1.0)


class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: "Box") -> bool:
        """The boxes share some area (touching edges do not count)."""
        return self.meets_any((other,))

    def meets_any(self, others: Iterable["Box"]) -> bool:
        """Any of `others` shares some area with the box: a loop, not `any(self.meets(o) …)`, since every
        placement asks it of everything placed before (some 5,600 boxes in a report)."""
        left, top, right, bottom = self
        for other_left, other_top, other_right, other_bottom in others:
            if left < other_right and other_left < right and top < other_bottom and other_top < bottom:
                return True
        return False

    def within(self, other: "Box") -> bool:
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.top >= other.top
            and self.bottom <= other.bottom
        )

    def crossed(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """The straight line from `a` to `b` runs through the box (Liang–Barsky clipping)."""
        (x0, y0), (x1, y1) = a, b
        low, high = 0.0, 1.0
        for step, room in (
            (x0 - x1, x0 - self.left),
            (x1 - x0, self.right - x0),
            (y0 - y1, y0 - self.top),
            (y1 - y0, self.bottom - y0),
        ):
            low, high = _clip(step, room, low, high)
        return low < high


def _clip(step: float, room: float, low: float, high: float) -> tuple[float, float]:
    """The part (`low` to `high`, in fractions of the line) left inside one edge of a box."""
    if step == 0:
        return (low, high) if room > 0 else (1.0, 0.0)
    ratio = room / step
    return (max(low, ratio), high) if step < 0 else (low, min(high, ratio))


def around(cx: float, cy: float, half: float) -> Box:
    return Box(cx - half, cy - half, cx + half, cy + half)


_ANCHORED = {"start": 0.0, "middle": 0.5, "end": 1.0}  # the share of its width a label has left of its x


class _Text(NamedTuple):
    """A label's fields; see `Label`."""

    role: str
    text: str
    x: float
    y: float
    size: float
    anchor: str
    key: str  # what it names: a legend entry, a city
    whole: str  # the text in full, where `text` was shortened to fit
    box: Box  # where it is drawn


class Label(_Text):
    """A line of text: `x` is where its `anchor` (start, middle or end) lies, `y` its baseline.

    A tuple, whose box is worked out as it is made: every placement asks for the box of every label placed
    before it. A report makes some 1,300 labels, and a dataclass instance took a third longer to make.
    """

    __slots__ = ()

    def __new__(
        cls,
        role: str,
        text: str,
        x: float,
        y: float,
        size: float = FONT_SIZE,
        anchor: str = "start",
        key: str = "",
        whole: str = "",
    ) -> "Label":
        width = text_width(text, size, role == TITLE)
        start = x - width * _ANCHORED[anchor]
        box = Box(start, y - ASCENT * size, start + width, y + DESCENT * size)
        return tuple.__new__(cls, (role, text, x, y, size, anchor, key, whole, box))


class Swatch(NamedTuple):
    """A legend entry's shape, drawn centred at (x, y)."""

    key: str
    x: float
    y: float


class Leader(NamedTuple):
    """A short line from the height of a city's last place to its name, where the name had to move."""

    key: str
    start: tuple[float, float]
    end: tuple[float, float]


class Framed(Protocol):
    """What the frame of a chart needs: a line chart's `Plot` or a benchmark's `RankPlot`."""

    @property
    def title(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def credit(self) -> str: ...
    @property
    def x(self) -> Axis: ...
    @property
    def y(self) -> Axis: ...
    @property
    def inverted(self) -> bool: ...

    def tick_text(self, value: float) -> str: ...


@struct
class Page:
    """A chart's page: its size, the plot area within it, and its text, placed in the order it was decided.

    Built by `line_page` and `rank_page`; `place` refuses text that would cover what is already there.
    """

    plot: Framed
    width: int
    left: float  # the plot area
    top: float
    right: float
    base: float
    height: int = 0  # set once the rows under the plot are known
    labels: list[Label] = field(default_factory=list)
    swatches: list[Swatch] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    marks: list[Box] = field(default_factory=list)  # where the data is drawn: points, targets, arrows
    # The boxes of every label and mark so far, in one list: what `free` checks a new box against.
    taken: list[Box] = field(init=False, repr=False, compare=False)
    # The plot area's scales: where each starts, its axis's low end and span (in halves, as `Axis.fraction`
    # takes them), its length in pixels; and whether the y axis is upside down. Worked out once: a chart asks
    # `x` and `y` some fifty times, each of which went through two or three of the plot's and axes' methods.
    x_scale: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)
    y_scale: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)
    inverted: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.taken = [label.box for label in self.labels] + self.marks
        x, y = self.plot.x, self.plot.y
        self.x_scale = (self.left + INSET, x.low / 2, x.high / 2 - x.low / 2, self.right - self.left - 2 * INSET)
        self.y_scale = (self.top, y.low / 2, y.high / 2 - y.low / 2, self.base - self.top)
        self.inverted = self.plot.inverted

    def x(self, year: float, offset: int = 0) -> float:
        """`year` on the plot area, moved `offset` places aside."""
        start, low, span, length = self.x_scale
        return start + (year / 2 - low) / span * length + offset * SIDE_BY_SIDE

    def y(self, value: float) -> float:
        """`value` on the plot area: the plot's `height_of`, measured down from the top."""
        top, low, span, length = self.y_scale
        fraction = (value / 2 - low) / span
        height = 1 - fraction if self.inverted else fraction
        return top + (1 - height) * length

    def free(self, box: Box) -> bool:
        """Nothing placed so far, text or mark, covers any of `box`."""
        return not box.meets_any(self.taken)

    def put(self, label: Label) -> None:
        """Adds the label wherever it is: text that the page must show, placed where nothing else is yet."""
        self.labels.append(label)
        self.taken.append(label.box)

    def mark(self, boxes: Iterable[Box]) -> None:
        """Where data is drawn, which no text may cover."""
        boxes = list(boxes)
        self.marks += boxes
        self.taken += boxes

    def place(self, label: Label) -> bool:
        """Adds the label where it is free and within the page's width; else leaves it out."""
        box = label.box
        if box.left >= 0 and box.right <= self.width and self.free(box):
            self.put(label)
            return True
        return False


def line_page(plot: Plot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> Page:
    """Where a line chart's pieces go: the frame, its points' and targets' marks, the legend, value labels."""
    page = _frame(plot, width, height, standalone, RIGHT)
    page.mark(around(page.x(p.year, p.offset), page.y(p.value), RADIUS + 1.5) for p in plot.points)
    page.mark(around(page.x(t.year), page.y(t.value), DIAMOND + 0.5) for t in plot.targets)
    page.mark(_arrow_box(page, p, plot.inverted) for p in plot.points if pointing(p, plot.inverted))
    _legend_and_credit(page, _line_legend(plot))
    if not plot.points:  # in the middle of the plot, or as near it as the targets leave free
        middle = (page.top + page.base) / 2
        for dy in (0, -LEGEND_ROW, LEGEND_ROW, -2 * LEGEND_ROW, 2 * LEGEND_ROW):
            note = Label(NOTE, "no observations yet", (page.left + page.right) / 2, middle + dy, anchor="middle")
            if page.place(note):
                break
    _value_labels(plot, page)
    return page


def rank_page(plot: RankPlot, width: int = WIDTH, height: int = HEIGHT, standalone: bool = True) -> Page:
    """Where a rank chart's pieces go: the frame, the legend, and each city's name in the right margin."""
    widest = max(text_width(s.city, NAME_SIZE) for s in plot.series)
    page = _frame(plot, width, height, standalone, min(max(NAMES, math.ceil(widest) + 10), int(width * MAX_NAMES)))
    entries = ["Shanghai"]
    if any(not s.subject for s in plot.series):
        entries.append("peers")
    if any(p.bounded for s in plot.series for p in s.places):
        entries.append("not in the top N")
    _legend_and_credit(page, entries)
    _names(plot, page)
    return page


def pointing(mark: Mark, inverted: bool) -> int:
    """Which way a hedged value's arrow points on the page: -1 up, 1 down, 0 for none ("about")."""
    hedge = mark.hedge
    if hedge is None or hedge == AROUND:
        return 0
    return -1 if (hedge == UP) != inverted else 1


def _arrow_box(page: Page, mark: Mark, inverted: bool) -> Box:
    cx, cy, down = page.x(mark.year, mark.offset), page.y(mark.value), pointing(mark, inverted)
    tip, root = cy + down * ARROW, cy + down * RADIUS
    return Box(cx - 4, min(tip, root) - 1, cx + 4, max(tip, root) + 1)


def _frame(plot: Framed, width: int, height: int, standalone: bool, right: int) -> Page:
    """The title and unit above the plot area, and the y ticks left of it: the area's height stays that of
    `height` less a title line, whatever the wrapping; the area starts right of the widest tick."""
    ticks = [(tick, plot.tick_text(tick)) for tick in plot.y.ticks]
    left = max(MIN_LEFT, PAD + max(text_width(t, FONT_SIZE) for _, t in ticks) + TICK_GAP)
    headings = _lines(plot.title, width - 2 * PAD, TITLE_SIZE, bold=True) if standalone else []
    units = _lines(plot.unit, width - 2 * PAD, FONT_SIZE)
    labels = [Label(TITLE, line, PAD, 22 + TITLE_LINE * i, TITLE_SIZE) for i, line in enumerate(headings)]
    below_title = (22 + TITLE_LINE * (len(headings) - 1) + 6) if headings else 0
    labels += [Label(UNIT, line, PAD, below_title + 14 + UNIT_LINE * i) for i, line in enumerate(units)]
    top = labels[-1].y + 14 if labels else TOP
    inner_h = height - TOP - BOTTOM - (TITLE_LINE + 2 if standalone else 0)
    page = Page(plot, width, left, top, width - right, top + inner_h, labels=labels)
    for tick, text in ticks:
        page.place(Label(TICK, text, left - TICK_GAP, page.y(tick) + 4, anchor="end"))
    for tick in plot.x.ticks:  # a year whose text would run into its neighbour's is left unwritten
        page.place(Label(TICK, str(int(tick)), page.x(tick), page.base + 19, anchor="middle"))
    page.put(Label(AXIS_TITLE, "year", (page.left + page.right) / 2, page.base + 40, anchor="middle"))
    return page


LEGEND_ORDER = ("observed", "hedged", "provisional", "superseded", "target")


def _line_legend(plot: Plot) -> list[str]:
    """The kinds of mark the chart shows, in the legend's order."""
    shown: set[str] = set()
    for point in plot.points:  # one pass: a report asks this of some 250 points
        if point.kind == SUPERSEDED:
            shown.add("superseded")
        elif point.kind == OBSERVED:
            shown.add("observed")
            if point.hedge is not None:
                shown.add("hedged")
            if point.provisional:
                shown.add("provisional")
    if plot.targets:
        shown.add("target")
    return [entry for entry in LEGEND_ORDER if entry in shown]


SWATCH = 15  # a legend entry's shape and the gap before its name
ENTRY_GAP = 12
APART = 48  # between the axis title and a legend on its row, so that neither reads as part of the other


def _entry_width(name: str) -> float:
    return SWATCH + text_width(name, FONT_SIZE)


def _legend_and_credit(page: Page, legend: Sequence[str]) -> None:
    """The legend, on the axis title's row when it fits right of it, else on rows of its own under it; then
    the source credit, and the page's height."""
    title = next(label for label in page.labels if label.role == AXIS_TITLE)
    total = sum(_entry_width(name) for name in legend) + ENTRY_GAP * (len(legend) - 1)
    end = page.width - RIGHT
    rows: list[list[str]] = [[]]
    if end - total >= title.box.right + APART:
        rows[0] = list(legend)
    else:
        rows.append([])
        for name in legend:
            used = sum(_entry_width(n) + ENTRY_GAP for n in rows[-1])
            if rows[-1] and used + _entry_width(name) > end - PAD:
                rows.append([])
            rows[-1].append(name)
    for row, names in enumerate(rows):
        baseline, at = title.y + LEGEND_ROW * row, float(end)
        for name in reversed(names):
            at -= text_width(name, FONT_SIZE)
            page.put(Label(LEGEND, name, at, baseline, key=name))
            page.swatches.append(Swatch(name, at - 9, baseline - 4))
            at -= SWATCH + ENTRY_GAP
    last = title.y + LEGEND_ROW * (len(rows) - 1)
    credit = _lines(page.plot.credit, page.width - 2 * PAD, CREDIT_SIZE)
    for i, line in enumerate(credit):
        page.put(Label(CREDIT, line, PAD, last + CREDIT_LINE * (i + 1), CREDIT_SIZE))
    page.height = math.ceil(last + CREDIT_LINE * len(credit) + 6)


def _value_labels(plot: Plot, page: Page) -> None:
    """A hedged value's words beside its point, the latest first: on the side with more room, above, else on
    the other side, else below, else level with it, else a line further off; never over text or a mark, over
    a line only where nothing else is free; dropped where nothing is (the words stay in the point's tooltip)."""
    line = plot.line
    hedged = [mark for mark in reversed(line) if mark.hedge is not None]
    if not hedged:  # most charts: then the lines need not be worked out
        return
    pairs = [pair for run in plot.segments for pair in itertools.pairwise(run)]
    segments = [((page.x(a.year), page.y(a.value)), (page.x(b.year), page.y(b.value))) for a, b in pairs]
    start = (page.x(line[-1].year), page.y(line[-1].value))
    segments += [(start, (page.x(t.year), page.y(t.value))) for t in plot.ahead]
    for mark in hedged:
        cx, cy = page.x(mark.year), page.y(mark.value)
        sides = [1, -1] if cx <= (page.left + page.right) / 2 else [-1, 1]
        above, below = -6, RADIUS + 1 + ASCENT * VALUE_SIZE
        spots = (
            Label(VALUE, mark.text, cx + side * (DIAMOND + 2), cy + dy, VALUE_SIZE, "start" if side > 0 else "end")
            for dy in (above, below, VALUE_SIZE * 0.35, above - LEGEND_ROW, below + LEGEND_ROW)
            for side in sides
        )
        # Within the plot area, or half a line above or below it, where no text is; not left of the y axis.
        room = Box(page.left, page.top - VALUE_SIZE / 2, page.width - PAD / 2, page.base + VALUE_SIZE / 2)
        fitting = (s for s in spots if s.box.within(room) and page.free(s.box))
        first = None
        for spot in fitting:  # the first spot clear of the lines, else the first that fits
            if not any(spot.box.crossed(a, b) for a, b in segments):
                first = spot
                break
            first = first or spot
        if first:
            page.put(first)


def _names(plot: RankPlot, page: Page) -> None:
    """Each city's name right of the plot, at the height of its last place; names that would overprint
    each other are spread apart, with a leader from that height, Shanghai's staying where it can; where the margin
    cannot hold them all, the peers with the worst best places go unnamed (their places keep their tooltips)."""
    x = page.right + 4
    room = page.width - PAD / 2 - x
    anchors = {s.city: page.y(s.places[-1].rank) + NAME_SIZE * 0.35 for s in plot.series}
    highest = page.top - 8 + ASCENT * NAME_SIZE
    lowest = page.base + 4 - DESCENT * NAME_SIZE
    named = [s.city for s in plot.series]  # Shanghai first, then the peers by their best place
    while named and (lowest - highest) < NAME_LINE * (len(named) - 1):
        named.pop()
    for city, y in _spread([(c, anchors[c]) for c in named], SUBJECT, highest, lowest):
        text = _shortened(city, room, NAME_SIZE)
        page.put(Label(NAME, text, x, y, NAME_SIZE, key=city, whole=city if text != city else ""))
        if abs(y - anchors[city]) > NAME_LINE / 2:
            centre = NAME_SIZE * 0.35
            page.leaders.append(Leader(city, (page.right - 5, anchors[city] - centre), (x - 2, y - centre)))


def _spread(anchors: list[tuple[str, float]], pinned: str, highest: float, lowest: float) -> list[tuple[str, float]]:
    """Baselines a line apart at least, in the order of their anchors, within the bounds: names that would
    overprint each other move apart as a block, centred on their anchors, or keeping `pinned` at its own."""
    blocks: list[list[tuple[str, float]]] = []
    starts: list[float] = []  # each block's first baseline
    for name in sorted(anchors, key=lambda a: a[1]):
        blocks.append([name])
        starts.append(name[1])
        while True:
            block = blocks[-1]
            wanted = [y - i * NAME_LINE for i, (city, y) in enumerate(block) if city == pinned]
            start = wanted[0] if wanted else sum(y - i * NAME_LINE for i, (_, y) in enumerate(block)) / len(block)
            starts[-1] = min(max(start, highest), lowest - NAME_LINE * (len(block) - 1))
            if len(blocks) < 2 or starts[-2] + NAME_LINE * len(blocks[-2]) <= starts[-1]:
                break
            merged = blocks.pop()
            blocks[-1] += merged
            starts.pop()
    return [
        (city, start + i * NAME_LINE)
        for block, start in zip(blocks, starts, strict=True)
        for i, (city, _) in enumerate(block)
    ]


def _lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` in lines at most `width` pixels wide, broken between words, or inside a word too wide for a line.

    Each line's width is added up word by word as it grows, instead of measuring the whole line again for
    each word it might take (which took most of a report's chart layout); a text that fits is measured once.
    """
    words = text.split()
    whole = " ".join(words)
    if text_width(whole, size, bold) <= width:  # most units and credits: one line, measured as one
        return [whole] if words else []
    lines: list[str] = []
    last = 0.0  # the last line's width, as added up
    space = text_width(" ", size, bold)
    for word in words:
        measured = text_width(word, size, bold)
        grown = last + space + measured
        if lines and _fits(f"{lines[-1]} {word}", grown, width, size, bold):
            lines[-1] += f" {word}"
            last = grown
            continue
        if measured <= width:  # then so is every part of it (each glyph adds some width): no need to try each
            lines.append(word)
            last = measured
            continue
        lines.append("")
        last = 0.0
        for character in word:
            glyph = text_width(character, size, bold)
            if lines[-1] and not _fits(lines[-1] + character, last + glyph, width, size, bold):
                lines.append("")
                last = 0.0
            lines[-1] += character
            last += glyph
    return lines


NEAR = 1e-6  # pixels: far more than rounding makes of the difference between two sums of a line's widths


def _fits(text: str, added: float, width: float, size: float, bold: bool) -> bool:
    """`text_width(text, size, bold) <= width`, knowing `added`, the text's width added up in pieces.

    Floats added in another order can differ in the last bits (and `sum` adds them otherwise from
    Python 3.12 on): where that could decide, the text is measured as every other check measures it.
    """
    if abs(added - width) > NEAR:
        return added <= width
    return text_width(text, size, bold) <= width


def _shortened(text: str, width: float, size: float) -> str:
    """`text`, or as much of it as fits in `width` pixels followed by "…"."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
