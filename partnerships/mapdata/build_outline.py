"""Build ``outline.json``, the land outline behind the partner-city map.

Source: the ``world-atlas`` npm package (ISC licence, see LICENSE-world-atlas.txt), which
derives from Natural Earth (public domain). Only land is drawn, no country borders: the map
shows where the cities lie, not where borders run (some are disputed).

Run again only to change the frames in ``partnerships/map.py``:

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    .venv/bin/python partnerships/mapdata/build_outline.py /tmp/package/land-50m.json
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partnerships.map import FRAMES, OUTLINE_FILE  # noqa: E402

TOLERANCE = 0.7  # simplification tolerance in map units (the frames are 400–800 units wide)
MARGIN = 1.0  # degrees outside the frame kept so that coasts do not end at the edge


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def land_rings(topology):
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                yield ring_points(ring, arcs)


def clip(points, west, south, east, north):
    """Sutherland–Hodgman clipping of a closed ring against a longitude/latitude box."""
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    return points


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points, tolerance):
    """Douglas–Peucker simplification."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5
    best, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if length == 0:
            dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        else:
            dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
        if dist > best:
            best, index = dist, i
    if best <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def area(points):
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2


def frame_path(frame, rings):
    parts = []
    box = (frame.west - MARGIN, frame.south - MARGIN, frame.east + MARGIN, frame.north + MARGIN)
    for ring in rings:
        clipped = clip(ring, *box)
        if len(clipped) < 3:
            continue
        projected = [frame.project(lon, lat) for lon, lat in clipped]
        # Split the closed ring in two so that Douglas–Peucker keeps its far side.
        half = len(projected) // 2
        simple = (
            simplify(projected[: half + 1], TOLERANCE)[:-1]
            + simplify(projected[half:] + projected[:1], TOLERANCE)[:-1]
        )
        deduped = [p for i, p in enumerate(simple) if i == 0 or p != simple[i - 1]]
        if len(deduped) < 3 or area(deduped) < 4:
            continue
        coords = " ".join(f"{x:g},{y:g}" for x, y in deduped)
        parts.append(f"M{coords}Z")
    return "".join(parts)


def main(source):
    with open(source, encoding="utf-8") as fh:
        topology = json.load(fh)
    rings = list(land_rings(topology))
    frames = {}
    for frame in FRAMES:
        frames[frame.key] = {
            "bbox": [frame.west, frame.south, frame.east, frame.north],
            "width": frame.width,
            "height": frame.height,
            "path": frame_path(frame, rings),
        }
    data = {
        "source": "world-atlas 2.0.2 land-50m.json (Natural Earth, public domain; ISC licence)",
        "frames": frames,
    }
    OUTLINE_FILE.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{k}: {len(v['path'])} chars" for k, v in frames.items())
    print(f"Wrote {OUTLINE_FILE} ({sizes})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/land-50m.json")
