import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from climate.history import changes_of
from climate.models import Component, Project

from .factories import PartnershipFactory, ProjectFactory, StatusReportFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/climate/project/add/"


def project_form(partnership, **overrides):
    data = {
        "title_de": "Solarstrom für Schulen",
        "title_en": "",
        "slug": "solarstrom-schulen",
        "partnership": partnership.pk,
        "summary_de": "",
        "project_status": "applied",
        "traffic_light": "",
        "traffic_light_reason_de": "",
        "funder": "",
        "funding_programme_de": "",
        "grant_amount": "270000.00",
        "own_share": "",
        "start_year": "2023",
        "end_year": "2026",
        "risks_de": "",
        "sort_order": "0",
        "status": "published",
        "publish_from_0": "",
        "publish_from_1": "",
        "publish_until_0": "",
        "publish_until_1": "",
    }
    for prefix in ("components", "milestones", "reports"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def errors_of(response):
    text = response.content.decode()
    assert response.status_code == 200, "the form should be shown again"
    return text


def test_admin_accepts_a_valid_project(staff_client):
    partnership = PartnershipFactory()
    response = staff_client.post(ADD_URL, project_form(partnership))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Project.objects.get().grant_amount == Decimal("270000.00")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"grant_amount": "-1.00"}, "Ein Geldbetrag darf nicht negativ sein."),
        ({"own_share": "-0.01"}, "Ein Geldbetrag darf nicht negativ sein."),
        ({"grant_amount": "100.123"}, "höchstens 2 Dezimalstellen"),
        (
            {"start_year": "2026", "end_year": "2023"},
            "Das letzte Jahr darf nicht vor dem ersten Jahr liegen.",
        ),
        (
            {"traffic_light": "delayed"},
            "Begründung an, wenn ein Projekt gefährdet oder verzögert ist",
        ),
    ],
)
def test_admin_refuses_bad_project_input(staff_client, overrides, message):
    partnership = PartnershipFactory()
    response = staff_client.post(ADD_URL, project_form(partnership, **overrides))
    assert message in errors_of(response)
    assert not Project.objects.exists()


def test_admin_refuses_progress_beyond_target(staff_client):
    partnership = PartnershipFactory()
    data = project_form(
        partnership,
        **{
            "components-TOTAL_FORMS": "1",
            "components-0-title_de": "Solar-Home-Systems",
            "components-0-title_en": "",
            "components-0-target": "500",
            "components-0-unit_de": "Stück",
            "components-0-unit_en": "",
            "components-0-progress": "501",
            "components-0-sort_order": "0",
        },
    )
    response = staff_client.post(ADD_URL, data)
    assert "Der Fortschritt (501) darf das Ziel (500) nicht übersteigen." in errors_of(response)
    assert not Component.objects.exists()

    data["components-0-progress"] = "500"
    assert staff_client.post(ADD_URL, data).status_code == 302
    assert Component.objects.get().progress == 500


def test_status_change_in_the_admin_is_recorded(staff_client):
    partnership = PartnershipFactory()
    staff_client.post(ADD_URL, project_form(partnership))
    project = Project.objects.get()
    change_url = reverse("admin:climate_project_change", args=[project.pk])
    data = project_form(partnership, project_status="approved", traffic_light="on_track")
    assert staff_client.post(change_url, data).status_code == 302
    changes = changes_of(project)
    assert sorted((c.kind, c.old_value, c.new_value) for c in changes) == [
        ("status", "applied", "approved"),
        ("traffic_light", "", "on_track"),
    ]


def test_needs_report_filter(staff_client):
    fresh = ProjectFactory(title_de="Frisch berichtet")
    ProjectFactory(title_de="Lange still")
    StatusReportFactory(
        project=fresh, reported_on=datetime.date.today() - datetime.timedelta(days=10)
    )
    page = staff_client.get("/admin/climate/project/?needs_report=yes").content.decode()
    assert "Lange still" in page and "Frisch berichtet" not in page
    page = staff_client.get("/admin/climate/project/?needs_report=no").content.decode()
    assert "Frisch berichtet" in page and "Lange still" not in page


@pytest.mark.parametrize(
    "path",
    [
        "/admin/climate/climatepartnership/add/",
        "/admin/climate/project/",
        "/admin/climate/statusreport/add/",
        "/admin/climate/committeemeeting/add/",
        "/admin/climate/committee/add/",
        "/admin/climate/funder/add/",
        "/admin/climate/projectchange/",
    ],
)
def test_admin_pages_open(staff_client, path):
    assert staff_client.get(path).status_code == 200
