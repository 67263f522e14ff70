"""Text made safe to show (printable, json_safe escape what hides text or forges lines), and as the checks read it."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fivecenters.core.text import json_safe, nfkc, printable


@pytest.mark.parametrize("character", ["\x1b", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\udcff"])
def test_printable_and_json_safe_escape_what_hides_or_forges(character: str) -> None:
    assert character not in printable(f"a{character}b")
    assert character not in json_safe(json.dumps(f"a{character}b", ensure_ascii=False))
    assert json.loads(json_safe(json.dumps(f"a{character}b", ensure_ascii=False))) == f"a{character}b"


# Chinese text with its full-width marks, and what makes NFKC more than a mapping of them: marks
# that combine with what precedes them, other full-width and compatibility characters.
chinese = st.lists(
    st.sampled_from(
        ["，", "：", "；", "（", "）", "％", "达到", "亿元", "１２", "ｍ", "\u0301", "\u0338", "＜", "e", "ﬁ", "가"]
    )
).map("".join)


@given(st.one_of(chinese, st.text()))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)
