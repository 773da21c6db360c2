"""Grouped numbers in the page's language, for tables with hundreds of amounts.

``formats.number_format()`` looks up three formats and groups the digits one character at a
time (about 15 µs); a briefing with 500 projects formats some 1,500 numbers. ``grouped()`` gives
the same text for Decimals with Python's own formatting and the language's separators.
"""

from decimal import ROUND_DOWN, Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import get_language, override

_separators: dict = {}


def _separator_table(language):
    try:
        return _separators[language]
    except KeyError:
        pass
    table = None
    # Python groups by three digits: other groupings go the long way.
    if formats.get_format("NUMBER_GROUPING", language) == 3:
        table = str.maketrans(
            {
                ",": formats.get_format("THOUSAND_SEPARATOR", language),
                ".": formats.get_format("DECIMAL_SEPARATOR", language),
            }
        )
    _separators[language] = table
    return table


def grouped(value, decimal_pos: int, language: str | None = None) -> str:
    """``formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=True)``;
    ``language``: the active one, given by code that formats many."""
    table = _separator_table(language or get_language())
    if table is not None and isinstance(value, Decimal) and value.is_finite():
        # As Django does: decimals beyond decimal_pos are cut off, not rounded, and a number
        # too small to show in decimal_pos places is written as zero.
        cutoff = Decimal("0." + "1".rjust(decimal_pos, "0"))
        number = Decimal(0) if abs(value) < cutoff else value
        try:
            number = number.quantize(Decimal(1).scaleb(-decimal_pos), rounding=ROUND_DOWN)
        except InvalidOperation:
            pass
        else:
            return f"{number:,f}".translate(table)
    if language is None:
        return formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=True)
    with override(language):
        return formats.number_format(value, decimal_pos, use_l10n=True, force_grouping=True)


def euro(amount, decimals=None, language: str | None = None) -> str:
    """An amount of money the local way: "270.000 €" in German, "€270,000" in English.

    Cents are shown only where the amount has them (or when ``decimals`` is given). The site's
    ``euro`` filter and the admin's lists use it.
    """
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if decimals is None:
        decimals = 0 if value == value.to_integral_value() else 2
    language = language or get_language() or "de"
    number = grouped(value, int(decimals), language)
    if language.startswith("en"):
        return f"-€{number[1:]}" if number.startswith("-") else f"€{number}"
    return f"{number}\u00a0€"
