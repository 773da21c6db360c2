import csv
import io
import re
from decimal import Decimal

import pytest

from network.models import Indicator

from .factories import IndicatorFactory, IndicatorValueFactory


def _indicator_with_values(**kwargs):
    indicator = IndicatorFactory(
        slug="schulen", name_de="Schulkooperationen", name_en="School partnerships", **kwargs
    )
    for year, value, example in [(2021, "2", True), (2022, "3.5", True), (2023, "1250", False)]:
        IndicatorValueFactory(
            indicator=indicator, year=year, value=Decimal(value), is_example=example
        )
    return indicator


def _chart_numbers(body):
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    values = re.findall(r'<text class="chart__value"[^>]*>([^<]*)</text>', svg)
    years = re.findall(r'<text class="chart__year"[^>]*>([^<]*)</text>', svg)
    return list(zip(years, values, strict=True))


def _table_numbers(body):
    table = re.search(r'<table class="indicator-table">.*?</table>', body, re.S).group(0)
    return re.findall(r'<th scope="row">(\d+)</th>\s*<td class="num"[^>]*>([^<]*)</td>', table)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/de/netzwerk/sdg/indikatoren/schulen/",
            [("2021", "2"), ("2022", "3,5"), ("2023", "1.250")],
        ),
        (
            "/en/network/sdg/indicators/schulen/",
            [("2021", "2"), ("2022", "3.5"), ("2023", "1,250")],
        ),
    ],
)
def test_chart_and_table_show_the_same_numbers(client, url, expected):
    _indicator_with_values()
    body = client.get(url).content.decode()
    assert _chart_numbers(body) == expected
    assert _table_numbers(body) == expected
    # No inline styles anywhere in the chart (the CSP forbids them).
    assert "style=" not in body


@pytest.mark.django_db
def test_chart_bar_heights_follow_the_values(client):
    indicator = IndicatorFactory(slug="balken")
    for year, value in [(2020, "10"), (2021, "25"), (2022, "40")]:
        IndicatorValueFactory(indicator=indicator, year=year, value=Decimal(value))
    body = client.get("/de/netzwerk/sdg/indikatoren/balken/").content.decode()
    heights = [
        float(h) for h in re.findall(r'<rect class="chart__bar[^"]*"[^>]*height="([\d.]+)"', body)
    ]
    assert len(heights) == 3
    assert heights[1] / heights[0] == pytest.approx(2.5, rel=0.02)
    assert heights[2] / heights[0] == pytest.approx(4, rel=0.02)


@pytest.mark.django_db
def test_example_values_are_flagged_on_the_page_and_in_the_list(client):
    _indicator_with_values()
    body = client.get("/de/netzwerk/sdg/indikatoren/schulen/").content.decode()
    assert "Beispielwerte:" in body
    assert body.count('class="example-tag"') == 2
    assert body.count("chart__bar--example") == 2
    listing = client.get("/en/network/sdg/indicators/").content.decode()
    assert "Example values:" in listing
    assert "hatched bars are example values" in listing


@pytest.mark.django_db
def test_real_values_carry_no_example_flag(client):
    indicator = IndicatorFactory(slug="echt")
    IndicatorValueFactory(indicator=indicator, year=2022, value=Decimal("7"))
    body = client.get("/de/netzwerk/sdg/indikatoren/echt/").content.decode()
    assert "Beispielwerte:" not in body
    assert "chart__bar--example" not in body


@pytest.mark.django_db
def test_indicator_without_values(client):
    IndicatorFactory(slug="leer", name_de="Faire Beschaffung")
    body = client.get("/de/netzwerk/sdg/indikatoren/leer/").content.decode()
    assert "Für diesen Indikator sind noch keine Werte erfasst." in body
    assert "<svg" not in body


@pytest.mark.django_db
def test_unknown_or_draft_indicator_is_404(client):
    IndicatorFactory(slug="entwurf", status="draft")
    assert client.get("/de/netzwerk/sdg/indikatoren/entwurf/").status_code == 404
    assert client.get("/de/netzwerk/sdg/indikatoren/gibt-es-nicht/").status_code == 404
    assert client.get("/de/netzwerk/sdg/indikatoren/entwurf/werte.csv").status_code == 404


def _csv(response, delimiter):
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    return list(
        csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=delimiter)
    )


@pytest.mark.django_db
def test_indicator_csv_round_trip_in_both_languages(client):
    _indicator_with_values()
    draft = IndicatorFactory(status="draft")
    IndicatorValueFactory(indicator=draft, year=2020, value=Decimal("99"))

    rows = _csv(client.get("/de/netzwerk/sdg/indikatoren/werte.csv"), ";")
    assert [(r["Jahr"], r["Wert"], r["Beispielwert"]) for r in rows] == [
        ("2021", "2", "ja"),
        ("2022", "3,5", "ja"),
        ("2023", "1250", "nein"),
    ]
    assert rows[0]["Indikator"] == "Schulkooperationen"
    # Decimal commas read back to the stored values.
    assert [Decimal(r["Wert"].replace(",", ".")) for r in rows] == [
        Decimal("2"),
        Decimal("3.5"),
        Decimal("1250"),
    ]

    rows = _csv(client.get("/en/network/sdg/indicators/schulen/values.csv"), ",")
    assert [(r["Year"], r["Value"], r["Example value"]) for r in rows] == [
        ("2021", "2", "yes"),
        ("2022", "3.5", "yes"),
        ("2023", "1250", "no"),
    ]
    assert rows[0]["Indicator"] == "School partnerships"


@pytest.mark.django_db
def test_indicator_list_query_count_is_constant(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _indicator_with_values()
    with CaptureQueriesContext(connection) as one:
        client.get("/de/netzwerk/sdg/indikatoren/")
    for i in range(10):
        indicator = IndicatorFactory()
        for year in range(2015, 2024):
            IndicatorValueFactory(indicator=indicator, year=year, value=Decimal(i + year % 7))
    with CaptureQueriesContext(connection) as many:
        client.get("/de/netzwerk/sdg/indikatoren/")
    assert len(many) == len(one)


@pytest.mark.django_db
def test_admin_shows_example_flag(staff_client):
    indicator = _indicator_with_values()
    changelist = staff_client.get("/admin/network/indicator/").content.decode()
    assert "enthält beispielwerte" in changelist.lower()
    change = staff_client.get(f"/admin/network/indicator/{indicator.pk}/change/").content.decode()
    assert "Beispielwert" in change
    assert Indicator.objects.get(pk=indicator.pk).has_example_values
