"""Server-rendered bar charts for indicator values (inline SVG, no JavaScript, no styles inline).

The geometry is computed here; the template draws it with presentation attributes and CSS
classes. The page shows the same values as a table, so the chart is decorative for screen
readers beyond its title and description.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 64
MARGIN_RIGHT = 16
MARGIN_TOP = 24
MARGIN_BOTTOM = 40
GRID_STEPS = 4


@dataclass(frozen=True)
class Bar:
    year: int
    value: Decimal
    is_example: bool
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float


@dataclass(frozen=True)
class GridLine:
    value: Decimal
    y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    grid: list[GridLine]
    baseline_y: float
    plot_left: int
    plot_right: int
    axis_label_x: int
    year_label_y: float


def _nice_step(span: Decimal) -> Decimal:
    """A readable grid step (1, 2 or 5 times a power of ten) for the given span."""
    raw = span / GRID_STEPS
    if raw <= 0:
        return Decimal(1)
    exponent = raw.adjusted()
    magnitude = Decimal(10) ** exponent
    for factor in (1, 2, 5, 10):
        step = magnitude * factor
        if step >= raw:
            return step
    return magnitude * 10


def _r(value) -> float:
    return round(float(value), 1)


def bar_chart(values) -> Chart | None:
    """A chart for ``values`` (IndicatorValue-like: year, value, is_example), or None if empty."""
    values = sorted(values, key=lambda v: v.year)
    if not values:
        return None
    low = min(Decimal(0), min(v.value for v in values))
    high = max(Decimal(0), max(v.value for v in values))
    step = _nice_step(high - low if high != low else Decimal(1))
    # Extend the scale to whole grid steps, so grid lines carry round numbers.
    scale_low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    scale_high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if scale_high == scale_low:
        scale_high = scale_low + step
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT

    def y_of(value: Decimal) -> float:
        return MARGIN_TOP + float((scale_high - value) / (scale_high - scale_low)) * plot_height

    slot = plot_width / len(values)
    bar_width = min(slot * 0.6, 80)
    baseline = y_of(Decimal(0))
    bars = []
    for index, item in enumerate(values):
        top = y_of(max(item.value, Decimal(0)))
        bottom = y_of(min(item.value, Decimal(0)))
        x = MARGIN_LEFT + slot * index + (slot - bar_width) / 2
        bars.append(
            Bar(
                year=item.year,
                value=item.value,
                is_example=item.is_example,
                x=_r(x),
                y=_r(top),
                width=_r(bar_width),
                height=_r(max(bottom - top, 1)),
                label_x=_r(x + bar_width / 2),
                label_y=_r(top - 6 if item.value >= 0 else bottom + 16),
            )
        )
    grid = []
    tick = scale_low
    while tick <= scale_high:
        grid.append(GridLine(value=tick, y=_r(y_of(tick))))
        tick += step
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        grid=grid,
        baseline_y=_r(baseline),
        plot_left=MARGIN_LEFT,
        plot_right=WIDTH - MARGIN_RIGHT,
        axis_label_x=MARGIN_LEFT - 8,
        year_label_y=HEIGHT - MARGIN_BOTTOM + 22,
    )
