import datetime

import pytest
from django.core.exceptions import ValidationError

from ludwigsburg_intl.models import SDGGoal
from partnerships import teasers
from partnerships.models import Activity, AnnualProgramme, PartnerCity

from .factories import ActivityFactory, AnnualProgrammeFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def test_resting_and_active_cities():
    active = PartnerCityFactory(slug="aktiv")
    resting = PartnerCityFactory(
        slug="ruhend",
        partnership_status=PartnerCity.PartnershipStatus.RESTING,
        status_reason_de="Die Aktivitäten ruhen.",
    )
    assert resting.is_resting and not active.is_resting


def test_resting_city_needs_a_public_reason():
    city = PartnerCityFactory.build(
        slug="ohne-grund", partnership_status=PartnerCity.PartnershipStatus.RESTING
    )
    with pytest.raises(ValidationError) as exc:
        city.full_clean()
    assert "status_reason" in exc.value.message_dict


def test_unknown_start_year_sorts_last():
    PartnerCityFactory(slug="unbekannt", name_de="Aaa", partnership_since=None)
    PartnerCityFactory(slug="alt", name_de="Zzz", partnership_since=1950)
    PartnerCityFactory(slug="neu", name_de="Mmm", partnership_since=2012)
    slugs = [c.slug for c in PartnerCity.objects.in_order_of_partnership()]
    assert slugs == ["alt", "neu", "unbekannt"]


def test_coordinates_come_in_pairs():
    city = PartnerCityFactory.build(slug="halb", latitude="47.5", longitude=None)
    with pytest.raises(ValidationError):
        city.full_clean()


def test_activity_filters_by_pillar_year_and_city():
    city = PartnerCityFactory(slug="a")
    other = PartnerCityFactory(slug="b")
    delegation = ActivityFactory(city=city, pillar=Activity.Pillar.DELEGATION, year=2022)
    school = ActivityFactory(city=city, pillar=Activity.Pillar.SCHOOL_EXCHANGE, year=2023)
    span = ActivityFactory(
        city=city,
        pillar=Activity.Pillar.PROJECT,
        year=2021,
        starts_on=datetime.date(2021, 5, 1),
        ends_on=datetime.date(2023, 4, 30),
    )
    general = ActivityFactory(city=None, pillar=Activity.Pillar.CLUBS, year=None)
    elsewhere = ActivityFactory(city=other, year=2022)
    ActivityFactory(city=city, year=2022, status="draft")

    published = Activity.objects.published()
    assert set(published.in_year(2022)) == {delegation, span, elsewhere}
    assert set(published.for_city(city)) == {delegation, school, span, general}
    assert list(published.for_city(city).years()) == [2023, 2022, 2021]


def test_activity_year_follows_start_date():
    activity = ActivityFactory.build(
        city=PartnerCityFactory(), year=None, starts_on=datetime.date(2019, 3, 1)
    )
    activity.full_clean()
    assert activity.year == 2019

    activity.year = 2020
    with pytest.raises(ValidationError) as exc:
        activity.full_clean()
    assert "year" in exc.value.message_dict


def test_activity_end_not_before_start():
    activity = ActivityFactory.build(
        city=PartnerCityFactory(),
        starts_on=datetime.date(2023, 5, 2),
        ends_on=datetime.date(2023, 5, 1),
    )
    with pytest.raises(ValidationError) as exc:
        activity.full_clean()
    assert "ends_on" in exc.value.message_dict


def test_funding_amount_needs_programme_and_is_decimal():
    activity = ActivityFactory.build(city=PartnerCityFactory(), funding_amount="1000.50")
    with pytest.raises(ValidationError) as exc:
        activity.full_clean()
    assert "funding_programme" in exc.value.message_dict
    activity = ActivityFactory(funding_programme_de="Programm", funding_amount="1000.50")
    activity.refresh_from_db()
    assert str(activity.funding_amount) == "1000.50"


def test_public_activities_hide_those_of_draft_cities():
    draft_city = PartnerCityFactory(slug="entwurf", status="draft")
    hidden = ActivityFactory(city=draft_city)
    shown = ActivityFactory()
    general = ActivityFactory(city=None)
    assert set(Activity.objects.published()) == {shown, general}
    # published() itself honours Activity.publication_requires: a draft city hides its activities.
    assert hidden not in Activity.objects.published()


def test_current_programme_is_this_years_published_one():
    AnnualProgrammeFactory(year=2026)
    AnnualProgrammeFactory(year=2027)
    assert AnnualProgramme.objects.current(today=datetime.date(2026, 6, 1)).year == 2026
    assert AnnualProgramme.objects.current(today=datetime.date(2028, 6, 1)) is None


def test_at_most_two_focus_cities_in_the_admin_form():
    from partnerships.admin import AnnualProgrammeForm

    cities = [PartnerCityFactory(slug=f"s{i}") for i in range(3)]
    form = AnnualProgrammeForm(
        data={
            "year": 2032,
            "budget": "70000",
            "focus_cities": [c.pk for c in cities],
            "notes_de": "",
            "status": "published",
        }
    )
    assert not form.is_valid()
    assert "focus_cities" in form.errors


def test_latest_and_sdg_teasers_registered(django_assert_max_num_queries):
    from ludwigsburg_intl import areas
    from ludwigsburg_intl.models import Area

    goal = SDGGoal.objects.get(number=12)
    city = PartnerCityFactory(slug="mit-ziel")
    city.sdg_goals.add(goal)
    activity = ActivityFactory(city=city, year=2024)
    activity.sdg_goals.add(goal)
    ActivityFactory(city=PartnerCityFactory(slug="versteckt", status="draft"), year=2025)

    section = areas.get(Area.PARTNERSHIPS)
    assert section.latest is teasers.latest
    with django_assert_max_num_queries(1):
        latest = section.latest(3)
    assert [t.title for t in latest] == [activity.title_de]
    assert latest[0].url == f"{city.get_absolute_url()}#activity-{activity.pk}"
    with django_assert_max_num_queries(2):
        tagged = section.tagged_with_sdg(goal)
    assert {t.url for t in tagged} == {city.get_absolute_url(), activity.get_absolute_url()}


def test_demo_content_follows_the_seeds(partnerships_demo_content):
    cities = {c.slug: c for c in PartnerCity.objects.published()}
    assert set(cities) == {
        "montbeliard",
        "caerphilly",
        "jevpatorija",
        "st-charles",
        "novy-jicin",
        "bergamo",
    }
    assert {s: c.partnership_since for s, c in cities.items()} == {
        "montbeliard": 1950,
        "caerphilly": 1960,
        "jevpatorija": 1990,
        "st-charles": 1996,
        "novy-jicin": 2012,
        "bergamo": None,
    }
    assert [slug for slug, city in cities.items() if city.is_resting] == ["jevpatorija"]
    assert "Annexion der Krim" in cities["jevpatorija"].status_reason_de
    award = cities["montbeliard"].awards.get()
    assert (award.name_de, award.year) == ("Adenauer-de-Gaulle-Preis", 1988)
    programme = AnnualProgramme.objects.current()
    # The seeds give 70,000 € a year, not this year's budget: the programme leaves it empty and
    # states the general rule in its notes.
    assert programme.budget is None
    assert (
        "70.000 Euro im Jahr" in programme.notes_de and "nur mit zwei Städten" in programme.notes_de
    )
    assert programme.focus_cities.count() == 0  # not in the seeds: never invented
    for city in cities.values():
        assert (
            city.name_en
            and city.summary_en
            and city.contact_persons.filter(name="Christine Süß").exists()
        )
    # Idempotent.
    from partnerships import demo

    demo.load()
    assert PartnerCity.objects.count() == 6
    assert Activity.objects.count() == 4
