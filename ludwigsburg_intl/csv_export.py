"""CSV downloads that open correctly in Excel, for every area.

UTF-8 with a byte-order mark (so Excel reads the umlauts), and the dialect of the page's language:
German Excel expects ';' between cells and a decimal comma, English Excel ',' and a point.

Text that a spreadsheet would read as a formula is prefixed with an apostrophe, following OWASP's
CSV-injection rules: a cell that starts with = + - @, tab, carriage return or line feed (ASVS adds
the NUL character), also when blanks come first (Excel and Calc skip leading spaces before a
formula) and in the full-width forms ＝ ＋ － ＠ that some spreadsheets read as the ASCII ones.
Numbers written through ``csv_number`` (negative amounts included) stay numbers.
"""

import csv
import re
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


# What makes a cell a formula when it comes first (after any blanks).
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# Control characters that are themselves a way in (OWASP: tab, CR, LF; ASVS: NUL).
DANGEROUS_FIRST_CHARACTERS = frozenset("\t\r\n\x00")
# What a spreadsheet may skip before the formula: any whitespace (spaces, no-break and
# ideographic spaces, …) and the invisible zero-width characters, in any mix.
_LEADING_BLANKS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet run (or start to parse) this text as a formula?"""
    if text[:1] in DANGEROUS_FIRST_CHARACTERS:
        return True
    first = _LEADING_BLANKS.match(text).end()
    return text[first : first + 1] in FORMULA_STARTS


def safe_cell(value):
    """A cell value as written: numbers in the dialect, text guarded against formulas."""
    if isinstance(value, CsvNumber):
        return value
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return csv_number(value)
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def csv_response(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if is_german() else ",")
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response
