import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from climate.models import CommitteeMeeting, Project

from .factories import (
    ComponentFactory,
    FunderFactory,
    MeetingFactory,
    MilestoneFactory,
    PartnershipFactory,
    ProjectFactory,
    StatusReportFactory,
)

pytestmark = pytest.mark.django_db


def url(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def test_url_words_in_both_languages():
    assert url("de", "climate:status-overview") == "/de/klimapartnerschaften/stand/"
    assert url("en", "climate:status-overview") == "/en/climate-partnerships/status/"
    assert url("de", "climate:project-detail", slug="x") == "/de/klimapartnerschaften/projekte/x/"
    assert url("en", "climate:briefing", pk=3) == "/en/climate-partnerships/briefings/3/"
    assert url("de", "climate:briefing", pk=3) == "/de/klimapartnerschaften/sitzungen/3/"


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("climate:index", {}),
        ("climate:partnership-detail", {"slug": "kongoussi"}),
        ("climate:partnership-detail", {"slug": "ambato"}),
        ("climate:project-detail", {"slug": "kongoussi-solarenergie-wasser-2023-2026"}),
        ("climate:status-overview", {}),
        ("climate:meeting-list", {}),
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_public_pages_answer_without_cookies(client, demo_content, name, kwargs, language):
    response = client.get(url(language, name, **kwargs))
    assert response.status_code == 200
    assert not response.cookies
    assert f'<html lang="{language}">' in response.content.decode()


def test_demo_facts_in_both_languages(client, demo_content):
    de = client.get(url("de", "climate:status-overview")).content.decode()
    en = client.get(url("en", "climate:status-overview")).content.decode()
    assert "270.000\xa0€" in de and "€270,000" in en
    assert "97.000\xa0€" in de and "€97,000" in en
    # "Ambato en Bici": the sources give 260,000 € but neither status nor funder, so no grant
    # is recorded and the totals count only the two known amounts.
    assert "260.000\xa0€" not in de and "€260,000" not in en
    assert "367.000\xa0€" in de and "€367,000" in en
    assert "627.000\xa0€" not in de and "€627,000" not in en
    assert "Beantragt" in de and "Applied for" in en
    detail = client.get(url("en", "climate:partnership-detail", slug="ambato")).content.decode()
    assert "9 project outlines" in detail
    kongoussi = client.get(
        url("de", "climate:partnership-detail", slug="kongoussi")
    ).content.decode()
    assert "Zweiter Militärputsch" in kongoussi
    assert (
        "Delegation aus Kongoussi zu Gast in Ludwigsburg" in kongoussi
    )  # the visit from the calendar


def test_demo_briefing_of_the_economic_committee(client, demo_content):
    meeting = CommitteeMeeting.objects.get(date=datetime.date(2023, 6, 14))
    response = client.get(url("de", "climate:briefing", pk=meeting.pk))
    assert not response.cookies
    de = response.content.decode()
    en = client.get(url("en", "climate:briefing", pk=meeting.pk)).content.decode()
    assert "Wirtschaftsausschuss, 14. Juni 2023" in de
    assert "14 June 2023" in en and "June 14" not in en
    assert "Sicherheitslage" in de and "security situation" in en
    assert "erste erfasste Sitzung" in de
    assert "first recorded meeting" in en


def test_drafts_are_hidden_from_the_public(staff_client):
    client = Client()  # anonymous; staff_client is a separate, logged-in client
    partnership = PartnershipFactory(slug="sichtbar")
    ProjectFactory(
        partnership=partnership, title_de="Öffentliches Projekt", grant_amount=Decimal("10.00")
    )
    draft = ProjectFactory(
        partnership=partnership,
        title_de="Geheimer Entwurf",
        grant_amount=Decimal("99.00"),
        status="draft",
    )
    hidden = PartnershipFactory(slug="versteckt", status="draft")
    ProjectFactory(
        partnership=hidden,
        title_de="Projekt einer Entwurfspartnerschaft",
        grant_amount=Decimal("7.00"),
    )
    public = ProjectFactory(partnership=partnership, title_de="Mit Berichtsentwurf")
    StatusReportFactory(
        project=public,
        text_de="Unveröffentlichter Bericht",
        status="draft",
        reported_on=datetime.date(2024, 1, 1),
    )
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    draft_meeting = MeetingFactory(date=datetime.date(2024, 3, 1), status="draft")

    for name, kwargs in [
        ("climate:status-overview", {}),
        ("climate:index", {}),
        ("climate:briefing", {"pk": meeting.pk}),
    ]:
        page = client.get(url("de", name, **kwargs)).content.decode()
        assert "Geheimer Entwurf" not in page
        assert "Entwurfspartnerschaft" not in page
        assert "Unveröffentlichter Bericht" not in page
        assert "99\xa0€" not in page and "117\xa0€" not in page
    overview = client.get(url("de", "climate:status-overview")).content.decode()
    assert "10\xa0€" in overview
    csv_text = client.get(url("de", "climate:briefing-csv", pk=meeting.pk)).content.decode(
        "utf-8-sig"
    )
    assert "Geheimer Entwurf" not in csv_text and "Unveröffentlichter Bericht" not in csv_text
    project_page = client.get(
        url("de", "climate:project-detail", slug=public.slug)
    ).content.decode()
    assert "Unveröffentlichter Bericht" not in project_page

    assert client.get(url("de", "climate:project-detail", slug=draft.slug)).status_code == 404
    assert client.get(url("de", "climate:partnership-detail", slug="versteckt")).status_code == 404
    assert client.get(url("de", "climate:briefing", pk=draft_meeting.pk)).status_code == 404
    assert client.get(url("de", "climate:briefing-csv", pk=draft_meeting.pk)).status_code == 404
    # Staff preview drafts, with the draft banner.
    response = staff_client.get(url("de", "climate:project-detail", slug=draft.slug))
    assert response.status_code == 200
    assert "draft-banner" in response.content.decode()


def test_unknown_addresses_give_404(client):
    assert client.get(url("de", "climate:project-detail", slug="gibt-es-nicht")).status_code == 404
    assert client.get(url("en", "climate:partnership-detail", slug="nowhere")).status_code == 404
    assert client.get(url("de", "climate:briefing", pk=999999)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "partnership=zzz",
        "project_status=%3Cscript%3Ealert(1)%3C/script%3E",
        "funder=nobody",
        "year=abc",
        "year=99999999999999999999",
        "year=-5",
        "partnership=a&partnership=b&year=1.5",
        "%ff%fe=%00",
    ],
)
def test_nonsense_filter_values_show_the_page_with_a_message(client, query):
    ProjectFactory(title_de="Ein Projekt", title_en="A project")
    response = client.get(url("en", "climate:status-overview") + "?" + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "A project" in page  # the list stays, unfiltered
    if "%ff" not in query:
        assert "Some filter values could not be used" in page


def test_filters(client):
    a = PartnershipFactory(slug="kongoussi")
    b = PartnershipFactory(slug="ambato")
    ProjectFactory(
        partnership=a,
        title_de="Brunnen",
        start_year=2023,
        end_year=2026,
        project_status="applied",
        grant_amount=Decimal("270000"),
    )
    ProjectFactory(
        partnership=b,
        title_de="Fahrrad",
        start_year=2023,
        end_year=2025,
        project_status="approved",
        grant_amount=Decimal("260000"),
    )
    ProjectFactory(
        partnership=b,
        title_de="Frueher",
        start_year=2019,
        end_year=2022,
        project_status="completed",
        grant_amount=Decimal("97000"),
    )
    overview = url("de", "climate:status-overview")

    page = client.get(overview + "?partnership=ambato").content.decode()
    assert "Fahrrad" in page and "Frueher" in page and "Brunnen" not in page
    assert "357.000\xa0€" in page  # totals follow the filter
    page = client.get(overview + "?year=2026").content.decode()
    assert "Brunnen" in page and "Fahrrad" not in page
    page = client.get(overview + "?project_status=completed").content.decode()
    assert "Frueher" in page and "Brunnen" not in page
    Project.objects.filter(title_de="Brunnen").update(funder=FunderFactory(slug="bmz"))
    page = client.get(overview + "?funder=bmz").content.decode()
    assert "Brunnen" in page and "Fahrrad" not in page
    page = client.get(overview + "?funder=null").content.decode()
    assert "Brunnen" not in page and "Fahrrad" in page and "Frueher" in page


def _many_projects(n):
    partnership = PartnershipFactory()
    for i in range(n):
        project = ProjectFactory(partnership=partnership, grant_amount=Decimal(i))
        ComponentFactory(project=project)
        MilestoneFactory(project=project, due_date=datetime.date(2024, 3, 1))
        StatusReportFactory(project=project, reported_on=datetime.date(2024, 1, 20))
        StatusReportFactory(project=project, reported_on=datetime.date(2023, 1, 20))


def _count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    "name", ["climate:status-overview", "climate:briefing", "climate:briefing-csv", "climate:index"]
)
def test_query_count_does_not_grow_with_projects(client, name):
    MeetingFactory(date=datetime.date(2023, 6, 1))
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    kwargs = {"pk": meeting.pk} if "briefing" in name else {}
    path = url("de", name, **kwargs)
    _many_projects(5)
    few = _count(client, path)
    _many_projects(95)
    assert Project.objects.count() == 100
    assert _count(client, path) == few


def test_briefing_csv_opens_in_excel(client):
    project = ProjectFactory(
        title_de="=Brunnen mit Pumpe", title_en="Well", grant_amount=Decimal("270000.50")
    )
    StatusReportFactory(
        project=project, reported_on=datetime.date(2024, 1, 5), text_de="Bericht; mit Semikolon"
    )
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    response = client.get(url("de", "climate:briefing-csv", pk=meeting.pk))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="wirtschaftsausschuss-2024-02-01.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Klimapartnerschaft;Projekt;Projektstatus")
    assert "270000,50" in lines[1]
    assert "'=Brunnen mit Pumpe" in lines[1]  # no formula injection
    assert '"05.01.2024: Bericht; mit Semikolon"' in lines[1]
    english = (
        client.get(url("en", "climate:briefing-csv", pk=meeting.pk))
        .content.decode("utf-8-sig")
        .splitlines()
    )
    assert english[0].startswith("Climate partnership,Project,Project status")
    assert "270000.50" in english[1]


def test_briefing_print_stylesheet_repeats_meeting_on_every_page(client):
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    page = client.get(url("de", "climate:briefing", pk=meeting.pk)).content.decode()
    css_url = url("de", "climate:briefing-print-css", pk=meeting.pk)
    assert f'href="{css_url}" media="print"' in page
    css = client.get(css_url)
    assert css["Content-Type"].startswith("text/css")
    text = css.content.decode()
    assert "@top-left" in text and "counter(pages)" in text
    assert "Wirtschaftsausschuss, 1" in text
    assert 'content: "' in text and '"<' not in text


def test_home_page_lists_latest_projects(client, demo_content):
    page = client.get("/de/").content.decode()
    assert "Solarstrom, Wasser und Ausbildung für Kongoussi" in page


def test_kongoussi_is_carried_together_with_montbeliard(client, demo_content):
    from climate.models import ClimatePartnership

    kongoussi = ClimatePartnership.objects.select_related("partner_city").get(slug="kongoussi")
    assert kongoussi.partner_city.slug == "montbeliard"
    page = client.get(url("de", "climate:partnership-detail", slug="kongoussi")).content.decode()
    assert f'href="{kongoussi.partner_city.get_absolute_url()}"' in page
    assert "Freundeskreis Burkina Faso" in page


def test_demo_content_loads_twice_without_duplicates_or_history(demo_content):
    from django.core.management import call_command

    from climate.models import Component, Milestone, ProjectChange, StatusReport

    counts = [m.objects.count() for m in (Project, Component, Milestone, StatusReport)]
    call_command("load_demo_content", verbosity=0)
    assert [m.objects.count() for m in (Project, Component, Milestone, StatusReport)] == counts
    assert not ProjectChange.objects.exists()


def test_project_and_partnership_pages_query_count_does_not_grow(client):
    project = ProjectFactory()
    paths = [
        url("de", "climate:project-detail", slug=project.slug),
        url("de", "climate:partnership-detail", slug=project.partnership.slug),
    ]

    def add(n):
        for _ in range(n):
            ComponentFactory(project=project)
            MilestoneFactory(project=project)
            StatusReportFactory(project=project)
            ProjectFactory(partnership=project.partnership)

    add(1)
    few = [_count(client, path) for path in paths]
    add(30)
    assert [_count(client, path) for path in paths] == few


def test_tables_written_in_python_escape_text_and_mark_german_fallback(client):
    # The overview's and the briefing's rows are written in Python (``climate/table_html.py``):
    # text entered by staff is escaped, the German text standing in for a missing English one is
    # marked as German, and missing values say so.
    partnership = PartnershipFactory(name_de="Partnerschaft <Süd>", name_en="")
    project = ProjectFactory(
        partnership=partnership,
        title_de="Solar & Wasser <script>alert(1)</script>",
        title_en="",
        grant_amount=None,
        risks_de="Risiko <b>hoch</b>",
    )
    ComponentFactory(project=project, title_de="Brunnen <1>", target=Decimal("3"))
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 1, 15))
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    for name, kwargs in (("climate:status-overview", {}), ("climate:briefing", {"pk": meeting.pk})):
        de = client.get(url("de", name, **kwargs)).content.decode()
        en = client.get(url("en", name, **kwargs)).content.decode()
        for page in (de, en):
            assert "<script>alert(1)</script>" not in page
            assert "Solar &amp; Wasser &lt;script&gt;alert(1)&lt;/script&gt;" in page
            assert "Partnerschaft &lt;Süd&gt;" in page
        assert '<span lang="de">Solar &amp; Wasser' in en
        assert '<span lang="de">Solar' not in de
        assert '<span class="note">nicht bekannt</span>' in de
        assert '<span class="note">not known</span>' in en
    briefing = client.get(url("de", "climate:briefing", pk=meeting.pk)).content.decode()
    # The table links the project to its section, the section to the project's page.
    assert f'<a href="#project-{project.pk}">' in briefing
    assert f'<h2 id="project-{project.pk}"><a href="{project.get_absolute_url()}">' in briefing
    assert "<li>Brunnen &lt;1&gt;: " in briefing
    assert "Risiko &lt;b&gt;hoch&lt;/b&gt;" in briefing
    assert "Bericht Nummer" in briefing
