import csv
import io
from decimal import Decimal

import pytest
from django.utils import translation

from ludwigsburg_intl.csv_export import csv_number, csv_response, safe_cell


@pytest.mark.parametrize(
    ("language", "value", "places", "expected"),
    [
        ("de", "1200.00", None, "1200"),
        ("de", "12.50", None, "12,5"),
        ("en", "0.25", None, "0.25"),
        ("en", "-3", None, "-3"),
        ("de", "270000", 2, "270000,00"),
        ("en", "270000.5", 2, "270000.50"),
        ("de", None, None, ""),
    ],
)
def test_numbers_use_the_languages_decimal_mark(language, value, places, expected):
    with translation.override(language):
        assert csv_number(None if value is None else Decimal(value), places) == expected


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+49 7141", "-1+1", "@SUM(A1)"])
def test_text_that_excel_would_run_as_a_formula_is_defused(text):
    assert safe_cell(text) == "'" + text


def test_numbers_are_not_defused_even_when_negative():
    with translation.override("en"):
        assert safe_cell(csv_number(Decimal("-3"))) == "-3"
        assert safe_cell(Decimal("-3.5")) == "-3.5"


@pytest.mark.parametrize(("language", "delimiter"), [("de", ";"), ("en", ",")])
def test_response_is_utf8_with_bom_in_the_languages_dialect(language, delimiter):
    with translation.override(language):
        response = csv_response("x.csv", ["Name", "Betrag"], [["Nový Jičín", Decimal("1.5")]])
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=delimiter))
    assert rows == [["Name", "Betrag"], ["Nový Jičín", "1,5" if language == "de" else "1.5"]]
