"""CSV downloads that open correctly in Excel, for every area.

UTF-8 with a byte-order mark (so Excel reads the umlauts), and the dialect of the page's language:
German Excel expects ';' between cells and a decimal comma, English Excel ',' and a point. Text
that Excel would read as a formula (a leading = + - @) is prefixed with an apostrophe.
"""

import csv
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import get_language


class CsvNumber(str):
    """A number already written for the CSV dialect: never treated as a formula."""


def is_german() -> bool:
    return (get_language() or "de").startswith("de")


def csv_number(value, places: int | None = None) -> CsvNumber:
    """A number with the language's decimal mark; ``places`` fixes the decimals (money: 2),
    otherwise trailing zeros are dropped. ``None`` is an empty cell."""
    if value is None or value == "":
        return CsvNumber("")
    value = Decimal(value)
    if places is not None:
        text = f"{value:.{places}f}"
    else:
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return CsvNumber(text.replace(".", "," if is_german() else "."))


def safe_cell(value):
    """A cell value as written: numbers in the dialect, text guarded against formulas."""
    if isinstance(value, CsvNumber):
        return value
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return csv_number(value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_response(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if is_german() else ",")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response
