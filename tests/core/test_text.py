"""Text made safe to show: printable and json_safe escape what hides text or forges lines."""

from __future__ import annotations

import json

import pytest

from fivecenters.core.text import json_safe, printable


@pytest.mark.parametrize("character", ["\x1b", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\udcff"])
def test_printable_and_json_safe_escape_what_hides_or_forges(character: str) -> None:
    assert character not in printable(f"a{character}b")
    assert character not in json_safe(json.dumps(f"a{character}b", ensure_ascii=False))
    assert json.loads(json_safe(json.dumps(f"a{character}b", ensure_ascii=False))) == f"a{character}b"
