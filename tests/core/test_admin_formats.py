"""Money and dates in the admin's lists look as on the site: 270.000 €, 14.06.2023."""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.translation import override

from climate.models import Project, StatusReport
from europe.models import FundingApplication, FundingCall, InterestSubmission
from ludwigsburg_intl.admin import LocalFormatsMixin
from ludwigsburg_intl.models import Event
from partnerships.models import AnnualProgramme
from tests.climate.factories import ProjectFactory, StatusReportFactory
from tests.core.test_admin_actions import BUILDERS
from tests.europe.factories import FundingApplicationFactory, FundingCallFactory
from tests.factories import EventFactory
from tests.partnerships.factories import AnnualProgrammeFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def changelist(client, model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_money_in_admin_lists_is_written_as_on_the_site(staff_client):
    project = ProjectFactory(grant_amount=Decimal("270000.00"))
    html = changelist(staff_client, Project)
    assert "270.000\u00a0€" in html
    assert "270000,00" not in html and "270.000,00" not in html
    # Cents where the amount has them.
    FundingApplicationFactory(amount_granted=Decimal("12500.50"))
    assert "12.500,50\u00a0€" in changelist(staff_client, FundingApplication)
    AnnualProgrammeFactory(budget=Decimal("70000"))
    assert "70.000\u00a0€" in changelist(staff_client, AnnualProgramme)
    # An amount not known stays the admin's "-", not "0 €".
    project.grant_amount = None
    project.save()
    assert "\u00a0€" not in changelist(staff_client, Project)


def test_dates_in_admin_lists_are_written_as_on_the_site(staff_client):
    StatusReportFactory(reported_on=datetime.date(2023, 6, 14))
    html = changelist(staff_client, StatusReport)
    assert "14.06.2023" in html and "14. Juni 2023" not in html
    FundingCallFactory(deadline=datetime.date(2031, 3, 5), opens_on=datetime.date(2031, 1, 2))
    html = changelist(staff_client, FundingCall)
    assert "05.03.2031" in html and "02.01.2031" in html
    # A moment in Berlin time, as the site's calendar has it.
    EventFactory(starts_at=datetime.datetime(2030, 6, 14, 16, 30, tzinfo=datetime.UTC))
    html = changelist(staff_client, Event)
    assert "14.06.2030 18:30" in html and "14. Juni 2030" not in html


def test_formatted_columns_keep_their_header_sorting_and_class(staff_client):
    ProjectFactory(title_de="Klein", grant_amount=Decimal("9000"))
    ProjectFactory(title_de="Groß", grant_amount=Decimal("270000"))
    html = changelist(staff_client, Project)
    assert 'class="sortable column-grant_amount' in html
    assert 'class="field-grant_amount' in html
    index = admin.site._registry[Project].list_display.index("grant_amount") + 1
    html = changelist(staff_client, Project, o=f"-{index}")
    assert html.index("270.000\u00a0€") < html.index("9.000\u00a0€")


def test_english_admin_lists_would_write_british_money_and_dates(rf, admin_user):
    report = StatusReportFactory(reported_on=datetime.date(2023, 6, 14))
    model_admin = admin.site._registry[StatusReport]
    request = rf.get("/")
    request.user = admin_user
    column = next(c for c in model_admin.get_list_display(request) if callable(c))
    with override("en"):
        assert column(report) == "14/06/2023"
    project_admin = admin.site._registry[Project]
    money = next(
        c
        for c in project_admin.get_list_display(request)
        if getattr(c, "__name__", "") == "grant_amount"
    )
    with override("en"):
        assert money(ProjectFactory(grant_amount=Decimal("270000"))) == "€270,000"


def test_a_date_in_the_first_column_links_to_the_object(staff_client):
    submission = BUILDERS["europe.InterestSubmission"]()
    InterestSubmission.objects.filter(pk=submission.pk).update(
        created_at=datetime.datetime(2023, 6, 14, 8, 5, tzinfo=BERLIN)
    )
    html = changelist(staff_client, InterestSubmission)
    url = reverse("admin:europe_interestsubmission_change", args=[submission.pk])
    assert re.search(rf'<a href="{re.escape(url)}[^"]*">14\.06\.2023 08:05</a>', html)


def test_every_date_and_money_column_of_every_admin_is_written_as_on_the_site():
    """A new admin with a date or an amount in its list uses the shared formats."""
    problems = []
    for model, model_admin in admin.site._registry.items():
        for name in model_admin.list_display:
            if not isinstance(name, str):
                continue
            try:
                field = model._meta.get_field(name)
            except Exception:
                continue
            label = f"{model._meta.label}.{name}"
            if isinstance(field, models.DateField) and not isinstance(
                model_admin, LocalFormatsMixin
            ):
                problems.append(f"{label}: a date, the admin lacks LocalFormatsMixin")
            with override("en"):
                is_money = "euro" in str(field.verbose_name).lower() or "EUR" in str(
                    field.verbose_name
                )
            if isinstance(field, models.DecimalField) and is_money:
                if name not in getattr(model_admin, "money_fields", ()):
                    problems.append(f"{label}: an amount of money, not in money_fields")
        for name in getattr(model_admin, "money_fields", ()):
            field = model._meta.get_field(name)
            if not isinstance(field, models.DecimalField):
                problems.append(f"{model._meta.label}.{name}: in money_fields, not an amount")
    assert not problems, "\n".join(problems)
