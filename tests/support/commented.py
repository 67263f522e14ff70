"""A hand-written data file: the sample with a leading comment, a comment before an indicator
and one at the end of a line. It is in canonical form: `fc fmt --check` passes it."""

from __future__ import annotations

from tests.support.sample import SAMPLE

LEADING = "# Curated by the Five Centers desk; figures only with a quote.\n\n"
BEFORE_INDICATOR = "# Shipping: the port's own bulletin is the source of record.\n"
INLINE = "  # the bulletin rounds"


def hand_written() -> str:
    text = LEADING + SAMPLE
    text = text.replace(
        '[[indicators]]\nid = "container-throughput"', BEFORE_INDICATOR + '[[indicators]]\nid = "container-throughput"'
    )
    return text.replace('qualifier = "more-than"\n', f'qualifier = "more-than"{INLINE}\n')


def shuffled(text: str) -> str:
    """The hand-written file out of canonical order: indicators swapped, keys moved, blank lines doubled."""
    head, sources, rest = text.partition("[[indicators]]")
    gdp, _, shipping = rest.partition(BEFORE_INDICATOR)
    shipping = shipping.replace('kind = "flow"\ndirection = "higher"\n', 'direction = "higher"\nkind = "flow"\n', 1)
    return head + BEFORE_INDICATOR + shipping.rstrip("\n") + "\n\n\n" + sources + gdp
