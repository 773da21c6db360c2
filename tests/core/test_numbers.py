from decimal import Decimal

import pytest
from django.utils import formats, translation

from ludwigsburg_intl.numbers import grouped

VALUES = [
    "0",
    "0.004",
    "-0.004",
    "-0.5",
    "7",
    "999",
    "1000",
    "12345.678",
    "270000",
    "1234567.25",
    "-1234567.99",
    "100000000000.10",
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("decimal_pos", [0, 2])
@pytest.mark.parametrize("value", VALUES)
def test_grouped_writes_numbers_as_django_does(language, decimal_pos, value):
    with translation.override(language):
        expected = formats.number_format(
            Decimal(value), decimal_pos, use_l10n=True, force_grouping=True
        )
        assert grouped(Decimal(value), decimal_pos) == expected


def test_grouped_uses_the_languages_separators():
    with translation.override("de"):
        assert grouped(Decimal("1234567.5"), 2) == "1.234.567,50"
    with translation.override("en"):
        assert grouped(Decimal("1234567.5"), 2) == "1,234,567.50"


def test_a_language_given_holds_for_numbers_python_cannot_group_too():
    # An int or a float goes Django's way; the language given is still the one used.
    with translation.override("de"):
        assert grouped(1234567, 0, "en") == "1,234,567"
        assert grouped(Decimal("1234567"), 0, "en") == "1,234,567"
        assert grouped(1234567, 0) == "1.234.567"
