"""The partner-city map: a bundled land outline and markers projected on the server.

No tile server and no JavaScript: ``mapdata/outline.json`` holds the land outline of each
frame as SVG path data (generated once by ``mapdata/build_outline.py`` from Natural Earth via
the world-atlas package), and the city markers are projected here with the same projection.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

OUTLINE_FILE = Path(__file__).parent / "mapdata" / "outline.json"


@dataclass(frozen=True)
class Frame:
    """A map section: a longitude/latitude box drawn ``width`` units wide.

    Equirectangular projection with the x axis scaled by the cosine of the middle latitude,
    which keeps shapes recognisable at the scale of a continent.
    """

    key: str
    label: object
    west: float
    south: float
    east: float
    north: float
    width: int

    @property
    def _kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        return self.width / ((self.east - self.west) * self._kx)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) * self._kx * self.scale
        y = (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


# Europe holds five of the six partner cities and Ludwigsburg; St. Charles gets its own frame.
FRAMES = (
    Frame("europe", _("Europe"), west=-11.0, south=36.0, east=40.0, north=59.0, width=800),
    Frame(
        "north_america",
        _("North America"),
        west=-125.0,
        south=24.0,
        east=-66.0,
        north=50.0,
        width=400,
    ),
)

LUDWIGSBURG = (9.1919, 48.8975)  # longitude, latitude


@cache
def outline_paths() -> dict[str, str]:
    with OUTLINE_FILE.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {key: frame["path"] for key, frame in data["frames"].items()}


@dataclass
class Marker:
    x: float
    y: float
    label: str
    city: object = None
    is_home: bool = False
    # Labels go left of the marker near the right edge so that they stay inside the frame,
    # or when another marker sits just right of it.
    label_left: bool = False

    @property
    def label_x(self) -> float:
        return round(self.x - 10 if self.label_left else self.x + 10, 1)

    @property
    def label_y(self) -> float:
        return round(self.y + 5, 1)

    @property
    def text_anchor(self) -> str:
        return "end" if self.label_left else "start"


@dataclass
class MapPanel:
    frame: Frame
    path: str
    markers: list


def build_panels(cities, home_label: str) -> list[MapPanel]:
    """The map panels that contain at least one city, with the markers of those cities.

    ``cities`` are objects with ``latitude``, ``longitude`` and ``name``; cities without
    coordinates are left out (the text list next to the map still names them).
    """
    paths = outline_paths()
    panels = []
    for frame in FRAMES:
        markers = []
        for city in cities:
            if city.latitude is None or city.longitude is None:
                continue
            lon, lat = float(city.longitude), float(city.latitude)
            if frame.contains(lon, lat):
                x, y = frame.project(lon, lat)
                markers.append(Marker(x, y, str(city.name), city=city))
        if not markers:
            continue
        if frame.contains(*LUDWIGSBURG):
            x, y = frame.project(*LUDWIGSBURG)
            markers.insert(0, Marker(x, y, home_label, is_home=True))
        for marker in markers:
            marker.label_left = marker.x > frame.width * 0.7 or any(
                0 < other.x - marker.x < 80 and abs(other.y - marker.y) < 40 for other in markers
            )
        panels.append(MapPanel(frame, paths[frame.key], markers))
    return panels
