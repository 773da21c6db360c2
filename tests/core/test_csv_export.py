import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
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


DANGEROUS = [
    '=HYPERLINK("x")',
    "+49 7141",
    "-1+1",
    "@SUM(A1)",
    # OWASP: tab, carriage return and line feed are ways in of their own
    "\t=1+1",
    "\tanything",
    "\r=1+1",
    "\ranything",
    "\n=1+1",
    "\nanything",
    "\x00=1+1",  # ASVS 1.2.10
    # blanks before the formula character (spreadsheets skip them)
    " =1+1",
    "   +1+1",
    " -1+1",
    "  @SUM(A1)",
    "\u00a0=1+1",  # no-break space
    "\u3000=1+1",  # ideographic space
    "\u200b=1+1",  # zero-width space
    " \u200b \ufeff =1+1",
    # the full-width forms
    '＝HYPERLINK("x")',
    "＋1＋1",
    "－1＋1",
    "＠SUM(A1)",
    " ＝1+1",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_a_spreadsheet_would_run_as_a_formula_is_defused(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "text",
    [
        "Nový Jičín",
        "E-Mail an info@example.org",
        "a=b",
        "2 + 2",
        " Ludwigsburg",
        "Kongoussi – Ambato",
        "'quoted already",
        "",
        "1999",
    ],
)
def test_ordinary_text_is_unchanged(text):
    assert safe_cell(text) == text


@pytest.mark.parametrize("language", ["de", "en"])
def test_numbers_are_not_defused_even_when_negative(language):
    with translation.override(language):
        assert safe_cell(csv_number(Decimal("-3"))) == "-3"
        assert safe_cell(csv_number(Decimal("-1250.5"), places=2)) == (
            "-1250,50" if language == "de" else "-1250.50"
        )
        assert safe_cell(Decimal("-3.5")) == ("-3,5" if language == "de" else "-3.5")
        assert safe_cell(-7) == "-7"
        assert safe_cell(None) == ""


def _read(response, delimiter):
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.django_db
def test_the_climate_briefing_csv_defuses_every_dangerous_cell(client):
    from tests.climate.factories import MeetingFactory, ProjectFactory, StatusReportFactory

    project = ProjectFactory(
        title_de=' =HYPERLINK("https://example.org")',
        title_en="＝1+1",
        traffic_light_reason_de="\t=1+1",
        traffic_light_reason_en="\t=1+1",
        grant_amount=Decimal("270000.50"),
    )
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 1, 5))
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    with translation.override("de"):
        path = reverse("climate:briefing-csv", kwargs={"pk": meeting.pk})
    header, row = _read(client.get(path), ";")
    cells = dict(zip(header, row, strict=True))
    assert cells["Projekt"] == '\' =HYPERLINK("https://example.org")'
    assert cells["Begründung"] == "'\t=1+1"
    assert cells["Fördersumme (EUR)"] == "270000,50"
    with translation.override("en"):
        path = reverse("climate:briefing-csv", kwargs={"pk": meeting.pk})
    header, row = _read(client.get(path), ",")
    assert dict(zip(header, row, strict=True))["Project"] == "'＝1+1"


@pytest.mark.django_db
def test_a_network_download_defuses_text_and_keeps_negative_numbers(client):
    from tests.network.factories import IndicatorFactory, IndicatorValueFactory

    indicator = IndicatorFactory(slug="co2", name_de="\r=1+1", name_en="CO2")
    IndicatorValueFactory(
        indicator=indicator, year=2023, value=Decimal("-12.5"), note_de="  @SUM(A1)"
    )
    header, row = _read(client.get("/de/netzwerk/sdg/indikatoren/co2/werte.csv"), ";")
    cells = dict(zip(header, row, strict=True))
    assert cells["Indikator"] == "'\r=1+1"
    assert cells["Anmerkung"] == "'  @SUM(A1)"
    assert cells["Wert"] == "-12,5"  # a number the spreadsheet can add up, not text
    header, row = _read(client.get("/en/network/sdg/indicators/co2/values.csv"), ",")
    assert dict(zip(header, row, strict=True))["Value"] == "-12.5"


@pytest.mark.parametrize(("language", "delimiter"), [("de", ";"), ("en", ",")])
def test_response_is_utf8_with_bom_in_the_languages_dialect(language, delimiter):
    with translation.override(language):
        response = csv_response("x.csv", ["Name", "Betrag"], [["Nový Jičín", Decimal("1.5")]])
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=delimiter))
    assert rows == [["Name", "Betrag"], ["Nový Jičín", "1,5" if language == "de" else "1.5"]]
