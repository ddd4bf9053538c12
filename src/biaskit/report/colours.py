"""One colour per dimension, the same in the HTML report, its legend and the terminal.

The core knows no dimension, so colours are not tied to names: dimensions take the palette in
the order of their names (the run's chosen dimensions when the writer knows them), which keeps
a dimension's colour stable across every report of one run. The first eight come from the
Okabe-Ito palette, chosen to stay distinct for readers with colour-vision deficiencies; the
yellow is left out because it cannot be read as text on white.
"""

from __future__ import annotations

from collections.abc import Iterable

PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#8B6C42",  # brown
    "#666666",  # grey
)


def _extra(index: int) -> str:
    """Colours past the palette: hues spread by the golden angle, mid lightness."""
    import colorsys

    hue = (index * 0.381966) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.42, 0.65)
    return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


class Colours:
    """Dimension name -> hex colour, assigned in name order and stable once given."""

    def __init__(self, dimensions: Iterable[str] = ()) -> None:
        self._map: dict[str, str] = {}
        self.add(dimensions)

    def add(self, dimensions: Iterable[str]) -> None:
        for name in sorted(set(dimensions) - set(self._map)):
            i = len(self._map)
            self._map[name] = PALETTE[i] if i < len(PALETTE) else _extra(i)

    def __getitem__(self, dimension: str) -> str:
        if dimension not in self._map:
            self.add([dimension])
        return self._map[dimension]

    def items(self) -> list[tuple[str, str]]:
        return list(self._map.items())


def rgba(hex_colour: str, alpha: float) -> str:
    """``#RRGGBB`` as a CSS ``rgba()`` with the given opacity."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:.2f})"
