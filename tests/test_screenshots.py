"""The README's pictures are the current output of `fc`: regenerated, they must not change."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "reading.toml"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def text_of(svg: str) -> list[str]:
    """The terminal text a picture shows, line by line (runs of text joined by a space); styling aside."""
    root = ET.fromstring(svg)
    lines: dict[float, list[str]] = {}
    for text in root.iter("{http://www.w3.org/2000/svg}text"):
        run = "".join(text.itertext()).replace("\xa0", " ").strip()
        if run and (y := text.get("y")):
            lines.setdefault(float(y), []).append(run)
    return [" ".join(runs) for _, runs in sorted(lines.items())]


def has_curated_data() -> bool:
    return SCRIPT.DATA.is_file() and bool(SCRIPT.DATA.read_text(encoding="utf-8").strip())


def test_the_script_pictures_real_output(tmp_path: Path) -> None:
    written = SCRIPT.regenerate(tmp_path, FIXTURE)
    assert sorted(p.name for p in written) == sorted(SCRIPT.SHOTS)
    show = "\n".join(text_of((tmp_path / "fc-show-shipping.svg").read_text(encoding="utf-8")))
    assert "International Shipping Center" in show
    assert "Container throughput" in show and "49.158" in show and "≥53 by 2030" in show
    compare = "\n".join(text_of((tmp_path / "fc-compare-2022-2023.svg").read_text(encoding="utf-8")))
    assert "WIPO cluster rank [red]Shanghai[/red]" in compare, "data text is shown literally, not as markup"
    assert "2022 → 2023: 4 improved" in compare
    progress = (tmp_path / "fc-progress.svg").read_text(encoding="utf-8")
    assert "fc progress" in text_of(progress), "the window is titled with the command"
    assert "on track" in "\n".join(text_of(progress))
    assert 'fill="#' in progress, "the picture is in colour, as on a terminal"


def test_committed_pictures_are_up_to_date() -> None:
    if not has_curated_data():
        pytest.skip("no curated data yet: nothing to picture")
    for name, args in SCRIPT.SHOTS.items():
        committed = SCRIPT.IMAGES / name
        assert committed.is_file(), f"docs/img/{name} is missing: run python scripts/screenshots.py"
        fresh = text_of(SCRIPT.shoot(args))
        assert text_of(committed.read_text(encoding="utf-8")) == fresh, (
            f"docs/img/{name} no longer shows what `fc {' '.join(args)}` prints: run python scripts/screenshots.py"
        )


def test_pictures_are_linked_and_links_resolve() -> None:
    pictures = (ROOT / "docs" / "pictures.md").read_text(encoding="utf-8")
    for name in SCRIPT.SHOTS:
        assert f"](img/{name})" in pictures
    if not has_curated_data():
        return  # the pictures are drawn once the curated data exists
    for page in (ROOT / "README.md", ROOT / "docs" / "pictures.md"):
        for link in re.findall(r"!\[[^\]]*\]\(([^)\s]+\.svg)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / link).is_file(), f"{page.name} shows a missing picture: {link}"
