import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ludwigsburg_intl import areas
from ludwigsburg_intl.areas import AreaSection, Teaser
from ludwigsburg_intl.models import SDGGoal
from network import teasers as sdg

from .factories import (
    ActorFactory,
    CoordinationItemFactory,
    EventFactory,
    IndicatorFactory,
    ProgrammeFactory,
)


def _tag_network_items(goal, n=1):
    for _ in range(n):
        ActorFactory().sdg_goals.add(goal)
        ProgrammeFactory().sdg_goals.add(goal)
        IndicatorFactory().sdg_goals.add(goal)
        CoordinationItemFactory().sdg_goals.add(goal)
        EventFactory().sdg_goals.add(goal)


@pytest.mark.django_db
def test_overview_lists_all_17_goals_in_both_languages(client):
    de = client.get("/de/netzwerk/sdg/").content.decode()
    en = client.get("/en/network/sdg/").content.decode()
    for number in range(1, 18):
        assert f'href="/de/netzwerk/sdg/{number}/"' in de
        assert f'href="/en/network/sdg/{number}/"' in en
    assert "Keine Armut" in de
    assert "No Poverty" in en


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["0/", "18/", "99/", "abc/", "-1/", "12/gibt-es-nicht/", "18/export.csv"]
)
def test_unknown_goal_is_404(client, path):
    assert client.get(f"/de/netzwerk/sdg/{path}").status_code == 404


@pytest.mark.django_db
def test_network_helper_lists_published_items_of_all_kinds_in_one_query(
    goal, django_assert_num_queries
):
    actor = ActorFactory(name_de="Foodsharing")
    actor.sdg_goals.add(goal)
    ActorFactory(name_de="Entwurf", status="draft").sdg_goals.add(goal)
    ActorFactory(name_de="Anderes Ziel").sdg_goals.add(SDGGoal.objects.get(number=1))
    ProgrammeFactory(name_de="Nachhaltigkeitstage").sdg_goals.add(goal)
    IndicatorFactory(name_de="Faire Beschaffung").sdg_goals.add(goal)
    CoordinationItemFactory(title_de="Faire Beschaffung in der Verwaltung").sdg_goals.add(goal)
    CoordinationItemFactory(title_de="Referat", kind="cooperation").sdg_goals.add(goal)
    with django_assert_num_queries(1):
        teasers = sdg.tagged_with_sdg(goal)
    titles = {t.title for t in teasers}
    assert titles == {
        "Foodsharing",
        "Nachhaltigkeitstage",
        "Faire Beschaffung",
        "Faire Beschaffung in der Verwaltung",
    }
    assert all(isinstance(t, Teaser) for t in teasers)
    assert {t.url for t in teasers} >= {
        actor.get_absolute_url(),
        "/de/netzwerk/koordinierungsstelle/",
    }


@pytest.mark.django_db
def test_helper_marks_german_fallback(goal):
    from django.utils import translation

    ActorFactory(name_de="Nur deutsch", name_en="").sdg_goals.add(goal)
    ActorFactory(name_de="Zweisprachig", name_en="Bilingual").sdg_goals.add(goal)
    with translation.override("en"):
        teasers = {t.title: t for t in sdg.tagged_with_sdg(goal)}
    assert teasers["Nur deutsch"].lang == "de"
    assert teasers["Bilingual"].lang is None


@pytest.mark.django_db
def test_goal_page_aggregates_all_areas_and_the_calendar(client, goal, monkeypatch):
    """Every registered area's helper is asked; None-helpers are skipped; calendar events too."""
    calls = []

    def other_area(asked_goal):
        calls.append(asked_goal)
        return [
            Teaser(
                title="Ein Projekt aus einem anderen Bereich", url="/de/anderswo/", kind="Projekt"
            )
        ]

    monkeypatch.setitem(
        areas._sections,
        "test-area",
        AreaSection(
            key="test-area",
            title="Testbereich",
            description="",
            index_url_name="home",
            order=99,
            tagged_with_sdg=other_area,
        ),
    )
    monkeypatch.setitem(
        areas._sections,
        "returns-none",
        AreaSection(
            key="returns-none",
            title="Gibt None zurück",
            description="",
            index_url_name="home",
            order=97,
            tagged_with_sdg=lambda goal: None,
        ),
    )
    monkeypatch.setitem(
        areas._sections,
        "silent-area",
        AreaSection(
            key="silent-area",
            title="Ohne Helfer",
            description="",
            index_url_name="home",
            order=98,
        ),
    )
    ActorFactory(name_de="Foodsharing").sdg_goals.add(goal)
    EventFactory(title_de="Tauschbörse").sdg_goals.add(goal)
    EventFactory(title_de="Entwurfstermin", status="draft").sdg_goals.add(goal)

    response = client.get("/de/netzwerk/sdg/12/")
    body = response.content.decode()
    assert response.status_code == 200
    assert calls == [goal]
    assert "Ein Projekt aus einem anderen Bereich" in body
    assert "area-test-area" in body
    assert "area-silent-area" not in body
    assert "area-returns-none" not in body
    assert "Foodsharing" in body
    assert "Tauschbörse" in body
    assert "Entwurfstermin" not in body


@pytest.mark.django_db
def test_goal_page_includes_climate_projects(client, goal):
    """The climate area registers its helper; a tagged project shows up on the goal page."""
    from climate.models import ClimatePartnership, Project

    if not any(f.name == "sdg_goals" for f in Project._meta.get_fields()):
        pytest.skip("climate projects have no SDG goals yet")
    partnership = ClimatePartnership.objects.create(
        slug="kp", name_de="Kongoussi", status="published"
    )
    project = Project.objects.create(
        slug="solar",
        title_de="Solaranlagen für Schulen",
        partnership=partnership,
        status="published",
    )
    project.sdg_goals.add(goal)
    body = client.get("/de/netzwerk/sdg/12/").content.decode()
    assert "Solaranlagen für Schulen" in body


@pytest.mark.django_db
def test_goal_page_query_count_is_constant(client, goal):
    _tag_network_items(goal, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/de/netzwerk/sdg/12/").status_code == 200
    _tag_network_items(goal, 30)
    with CaptureQueriesContext(connection) as many:
        client.get("/de/netzwerk/sdg/12/")
    assert len(many) == len(one)


@pytest.mark.django_db
def test_empty_goal_says_so(client):
    body = client.get("/en/network/sdg/14/").content.decode()
    assert "Nothing on this portal is linked to this goal yet." in body
    assert "<h1" in body and "Goal 14" in body


@pytest.mark.django_db
def test_goal_csv_parses(client, goal):
    ActorFactory(name_de="Foodsharing", name_en="Foodsharing").sdg_goals.add(goal)
    EventFactory(title_de="Tauschbörse", title_en="Swap meet").sdg_goals.add(goal)
    response = client.get("/en/network/sdg/12/export.csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {(r["Kind"], r["Title"]) for r in rows} >= {
        ("Stakeholder", "Foodsharing"),
        ("Event", "Swap meet"),
    }
    assert all(r["SDG goal"] == "12" for r in rows)
    german = client.get("/de/netzwerk/sdg/12/export.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(german), delimiter=";"))
    assert {r["Titel"] for r in rows} >= {"Foodsharing", "Tauschbörse"}


@pytest.mark.django_db
def test_area_registration():
    section = areas.get("network")
    assert section.tagged_with_sdg is sdg.tagged_with_sdg
    assert section.latest is sdg.latest
    assert section.url == "/de/netzwerk/"


@pytest.mark.django_db
def test_latest_is_newest_published_actors_in_one_query(django_assert_num_queries):
    ActorFactory(name_de="Alt")
    ActorFactory(name_de="Neu")
    ActorFactory(name_de="Entwurf", status="draft")
    with django_assert_num_queries(1):
        teasers = sdg.latest(3)
    assert [t.title for t in teasers] == ["Neu", "Alt"]
