import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from ludwigsburg_intl.models import Area, Event
from partnerships.models import Activity, AnnualProgramme

from .factories import ActivityFactory, AnnualProgrammeFactory, AwardFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def test_url_words_in_both_languages():
    with translation.override("de"):
        assert reverse("partnerships:index") == "/de/partnerstaedte/"
        assert reverse("partnerships:city-detail", kwargs={"slug": "novy-jicin"}) == (
            "/de/partnerstaedte/novy-jicin/"
        )
    with translation.override("en"):
        assert reverse("partnerships:index") == "/en/partner-cities/"
        assert reverse("partnerships:city-detail", kwargs={"slug": "montbeliard"}) == (
            "/en/partner-cities/montbeliard/"
        )


def test_overview_in_german(client, partnerships_demo_content):
    response = client.get("/de/partnerstaedte/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for name in [
        "Montbéliard",
        "Caerphilly",
        "Jevpatorija",
        "St. Charles",
        "Nový Jičín",
        "Bergamo",
    ]:
        assert name in html
    assert "nicht bekannt" in html  # Bergamo's start year
    assert "ruht" in html  # Jevpatorija
    assert "70.000 Euro im Jahr" in html  # per year, not this year's budget
    assert "70.000\xa0€" not in html
    assert "noch nicht entschieden" in html  # focus cities of this year
    assert '<svg class="city-map__panel' in html
    assert '<caption id="cities-caption">' in html and 'scope="col"' in html
    assert "Adenauer-de-Gaulle-Preis" in html
    assert not response.cookies


def test_overview_in_english(client, partnerships_demo_content):
    response = client.get("/en/partner-cities/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Yevpatoria" in html and ">suspended</strong>" in html
    assert ">resting<" not in html and "been resting" not in html
    assert "not known" in html
    assert "70,000 euros a year" in html and "€70,000" not in html
    assert "not yet decided" in html
    assert 'href="/en/partner-cities/montbeliard/"' in html


def test_map_markers_are_projected_from_coordinates(client, partnerships_demo_content):
    html = client.get("/en/partner-cities/").content.decode()
    # St. Charles gets its own North America panel; numbers never use a decimal comma.
    assert "city-map__panel--north_america" in html
    assert ">St. Charles</text>" in html
    de_html = client.get("/de/partnerstaedte/").content.decode()
    import re

    for cx in re.findall(r'cx="([^"]+)"', de_html):
        float(cx)


def test_city_page_in_both_languages(client, partnerships_demo_content):
    de = client.get("/de/partnerstaedte/montbeliard/")
    assert de.status_code == 200
    html = de.content.decode()
    assert "<h1>Montbéliard</h1>" in html
    assert "Mömpelgard" in html
    assert "Gemeinsam gegen Lebensmittelverschwendung" in html
    assert "Foodsharing" in html
    assert "Christine Süß" in html
    assert 'hreflang="en" href="http://testserver/en/partner-cities/montbeliard/"' in html

    en = client.get("/en/partner-cities/montbeliard/")
    html = en.content.decode()
    assert "Working together against food waste" in html
    assert "Adenauer-de Gaulle Prize" in html
    assert "year not known" in html


def test_resting_city_shows_its_reason_prominently(client, partnerships_demo_content):
    html = client.get("/en/partner-cities/jevpatorija/").content.decode()
    assert "The partnership is suspended" in html
    assert "annexation of Crimea" in html
    assert 'class="state-box state-box--resting"' in html


def test_unknown_city_is_404(client, partnerships_demo_content):
    assert client.get("/de/partnerstaedte/atlantis/").status_code == 404
    assert client.get("/en/partner-cities/no-such-city/").status_code == 404


def test_draft_city_only_for_staff(staff_client):
    from django.test import Client

    client = Client()  # staff_client logs in the default client
    PartnerCityFactory(slug="entwurf", status="draft")
    assert client.get("/de/partnerstaedte/entwurf/").status_code == 404
    assert "entwurf" not in client.get("/de/partnerstaedte/").content.decode()
    response = staff_client.get("/de/partnerstaedte/entwurf/")
    assert response.status_code == 200
    assert "draft-banner" in response.content.decode()


def test_filter_by_pillar_and_year(client):
    city = PartnerCityFactory(slug="filterstadt")
    ActivityFactory(city=city, title_de="Delegation 2022", pillar="delegation", year=2022)
    ActivityFactory(city=city, title_de="Austausch 2023", pillar="school", year=2023)
    ActivityFactory(city=city, title_de="Projekt 2023", pillar="project", year=2023)

    html = client.get("/de/partnerstaedte/filterstadt/?pillar=school").content.decode()
    assert "Austausch 2023" in html and "Delegation 2022" not in html

    html = client.get("/de/partnerstaedte/filterstadt/?year=2023").content.decode()
    assert "Austausch 2023" in html and "Projekt 2023" in html and "Delegation 2022" not in html

    html = client.get("/de/partnerstaedte/filterstadt/?pillar=project&year=2022").content.decode()
    assert "Keine Aktivitäten passen zu diesem Filter." in html


def test_the_year_filter_offers_the_years_with_published_activities(client):
    city = PartnerCityFactory(slug="jahrstadt")
    ActivityFactory(city=city, year=2021)
    ActivityFactory(city=city, year=2023)
    ActivityFactory(city=city, year=2023, pillar="school")
    ActivityFactory(city=None, year=2019)  # for all partner cities
    ActivityFactory(city=city, year=None)
    ActivityFactory(city=city, year=2015, status="draft")
    ActivityFactory(city=PartnerCityFactory(), year=2017)
    for query in ("", "?pillar=school", "?year=2021"):
        html = client.get(f"/de/partnerstaedte/jahrstadt/{query}").content.decode()
        select = html[
            html.index('<select name="year"') : html.index(
                "</select>", html.index('<select name="year"')
            )
        ]
        assert re.findall(r'<option value="([^"]*)"', select) == ["", "2023", "2021", "2019"]


@pytest.mark.parametrize(
    "query",
    [
        "pillar=%3Cscript%3Ealert(1)%3C/script%3E",
        "year=%3Cb%3E1999%3C/b%3E",
        "year=99999999999999999999",
        "year=-1&pillar=",
        "pillar=delegation&pillar=x&year=abc",
        "year=%00",
        "%%%=&&=",
    ],
)
def test_nonsense_filter_values_give_a_message(client, query):
    city = PartnerCityFactory(slug="robust")
    ActivityFactory(
        city=city, title_de="Sichtbar trotzdem", title_en="Sichtbar trotzdem", year=2023
    )
    for prefix in ("/de/partnerstaedte/", "/en/partner-cities/"):
        response = client.get(f"{prefix}robust/?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert" not in html and "<b>1999" not in html
        assert "Sichtbar trotzdem" in html  # the list stays, unfiltered


def test_invalid_filter_message_is_in_the_page_language(client):
    PartnerCityFactory(slug="sprache")
    de = client.get("/de/partnerstaedte/sprache/?pillar=%3Cscript%3E").content.decode()
    assert "Einige Filterwerte konnten nicht verwendet werden" in de
    assert "&lt;script&gt;" in de
    en = client.get("/en/partner-cities/sprache/?pillar=nonsense").content.decode()
    assert "Some filter values could not be used" in en


def test_events_of_the_city_from_the_calendar(client):
    city = PartnerCityFactory(slug="mit-terminen")
    now = timezone.now()
    city.events.add(
        Event.objects.create(
            title_de="Besuch kommt",
            area=Area.PARTNERSHIPS,
            starts_at=now + datetime.timedelta(days=10),
            status="published",
        )
    )
    city.events.add(
        Event.objects.create(
            title_de="Besuch war",
            area=Area.PARTNERSHIPS,
            starts_at=now - datetime.timedelta(days=10),
            status="published",
        )
    )
    city.events.add(
        Event.objects.create(
            title_de="Entwurfstermin",
            area=Area.PARTNERSHIPS,
            starts_at=now + datetime.timedelta(days=5),
            status="draft",
        )
    )
    html = client.get("/de/partnerstaedte/mit-terminen/").content.decode()
    upcoming, past = (
        html.split("<h3>Vergangene</h3>") if "<h3>Vergangene</h3>" in html else (html, "")
    )
    assert "Besuch kommt" in upcoming and "Besuch war" in past
    assert "Entwurfstermin" not in html


def test_focus_city_of_this_year(client):
    city = PartnerCityFactory(slug="schwerpunkt", name_de="Schwerpunktstadt")
    programme = AnnualProgrammeFactory(year=timezone.localdate().year)
    programme.focus_cities.set([city])
    html = client.get("/de/partnerstaedte/schwerpunkt/").content.decode()
    assert "Schwerpunktstadt des Jahresprogramms" in html
    overview = client.get("/de/partnerstaedte/").content.decode()
    assert "noch nicht entschieden" not in overview


def test_programme_notes_are_said_once(client):
    """The annual programme's text is what staff write; the template adds no copy of it."""
    AnnualProgrammeFactory(
        year=timezone.localdate().year,
        budget=None,
        notes_de="Für die Städtepartnerschaften stehen 70.000 Euro im Jahr zur Verfügung.",
        notes_en="The partnerships have a budget of 70,000 euros a year.",
    )
    german = client.get("/de/partnerstaedte/").content.decode()
    english = client.get("/en/partner-cities/").content.decode()
    assert german.count("70.000 Euro") == 1
    assert english.count("70,000 euros") == 1

    # Staff change the text: the page says what they wrote, and nothing of the old sum.
    programme = AnnualProgramme.objects.get()
    programme.notes_de = "Das Budget wird im Herbst beschlossen."
    programme.notes_en = "The budget will be decided in the autumn."
    programme.save()
    german = client.get("/de/partnerstaedte/").content.decode()
    english = client.get("/en/partner-cities/").content.decode()
    assert "Das Budget wird im Herbst beschlossen." in german and "70.000" not in german
    assert "decided in the autumn" in english and "70,000" not in english


def test_demo_programme_notes_appear_once(client, partnerships_demo_content):
    programme = AnnualProgramme.objects.get(year=timezone.localdate().year)
    for language, notes in (("de", programme.notes_de), ("en", programme.notes_en)):
        with translation.override(language):
            html = client.get(reverse("partnerships:index")).content.decode()
        sentences = [s.strip() for s in notes.replace("\n", " ").split(". ") if s.strip()]
        assert sentences
        for sentence in sentences:
            assert html.count(escape(sentence.rstrip("."))) == 1, (language, sentence)


def test_focus_city_box_only_on_the_focus_citys_page(client):
    PartnerCityFactory(slug="andere", name_de="Andere Stadt")
    focus = PartnerCityFactory(slug="schwerpunkt", name_de="Schwerpunktstadt")
    AnnualProgrammeFactory(year=timezone.localdate().year).focus_cities.set([focus])
    html = client.get("/de/partnerstaedte/andere/").content.decode()
    assert "Schwerpunktstadt des Jahresprogramms" not in html


def test_a_draft_city_is_no_focus_city_even_in_the_preview(staff_client):
    draft = PartnerCityFactory(slug="entwurfsstadt", status="draft")
    AnnualProgrammeFactory(year=timezone.localdate().year).focus_cities.set([draft])
    html = staff_client.get("/de/partnerstaedte/entwurfsstadt/").content.decode()
    assert "draft-banner" in html
    assert "Schwerpunktstadt des Jahresprogramms" not in html


def _make_city_with(n_activities):
    city = PartnerCityFactory(slug=f"stadt-mit-{n_activities}")
    for i in range(n_activities):
        activity = ActivityFactory(city=city, year=2000 + i % 20, pillar=Activity.Pillar.PROJECT)
        activity.sdg_goals.set([1, 2])
    return city


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_city_page_query_count_does_not_grow(client):
    few = _make_city_with(1)
    many = _make_city_with(50)
    first = _count_queries(client, few.get_absolute_url())
    second = _count_queries(client, many.get_absolute_url())
    assert first == second
    # Filtered, the year filter's choices cannot come from the list shown: one query more.
    filtered = many.get_absolute_url() + "?pillar=project&year=2005"
    assert _count_queries(client, filtered) == second + 1


def test_overview_query_count_does_not_grow(client):
    ActivityFactory(city=PartnerCityFactory(slug="eins"), year=2001)
    ActivityFactory(city=None)
    first = _count_queries(client, "/de/partnerstaedte/")
    for i in range(49):
        ActivityFactory(city=PartnerCityFactory(slug=f"mehr-{i}"), year=2001)
        ActivityFactory(city=None)
    assert _count_queries(client, "/de/partnerstaedte/") == first


def test_gallery_uses_stored_renditions_with_srcset(client, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from partnerships.models import CityImage

    settings.MEDIA_ROOT = tmp_path
    city = PartnerCityFactory(slug="mit-bild")
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(buffer, "JPEG")
    CityImage.objects.create(
        city=city,
        image=SimpleUploadedFile("platz.jpg", buffer.getvalue()),
        alt_text_de="Der Marktplatz",
        alt_text_en="The market square",
        credit="Foto: Stadt Ludwigsburg",
    )
    html = client.get("/en/partner-cities/mit-bild/").content.decode()
    assert 'alt="The market square"' in html
    assert "-320w.webp 320w" in html and "-1200w.webp 1200w" in html
    assert 'width="1200" height="800"' in html
    assert "Foto: Stadt Ludwigsburg" in html
    assert 'lang="de"' not in html.split('alt="The market square"')[1].split(">")[0]

    # Without an English alt text the English page gives the German one, marked as German.
    CityImage.objects.filter(city=city).update(alt_text_en="")
    html = client.get("/en/partner-cities/mit-bild/").content.decode()
    assert 'alt="Der Marktplatz" lang="de"' in html


def test_city_page_lists_awards_links_and_goals_in_order_and_language(client):
    from partnerships.models import CityLink

    city = PartnerCityFactory(slug="listenstadt")
    AwardFactory(city=city, name_de="Späterer Preis", name_en="Later prize", year=2001)
    AwardFactory(city=city, name_de="Preis ohne Jahr", name_en="", year=None)
    AwardFactory(city=city, name_de="Früher Preis", name_en="Early prize", year=1970)
    CityLink.objects.create(
        city=city, label_de="Zweiter", label_en="", url="https://example.org/2", sort_order=2
    )
    CityLink.objects.create(
        city=city, label_de="Erster", label_en="First", url="https://example.org/1", sort_order=1
    )
    city.sdg_goals.set([13, 4])
    german = client.get("/de/partnerstaedte/listenstadt/").content.decode()
    english = client.get("/en/partner-cities/listenstadt/").content.decode()
    assert (
        german.index("Früher Preis")
        < german.index("Späterer Preis")
        < german.index("Preis ohne Jahr")
    )
    assert english.index("Early prize") < english.index("Later prize")
    assert '<span lang="de">Preis ohne Jahr</span>' in english  # the German name stands in
    assert german.index("https://example.org/1") < german.index("https://example.org/2")
    assert '<a href="https://example.org/2"><span lang="de">Zweiter</span></a>' in english
    assert german.index('class="sdg sdg-4"') < german.index('class="sdg sdg-13"')


def test_city_page_names_the_climate_partnerships_it_carries(client, demo_content):
    """Montbéliard and Ludwigsburg stand together for Kongoussi (seed 002)."""
    from climate.models import ClimatePartnership

    response = client.get(reverse("partnerships:city-detail", kwargs={"slug": "montbeliard"}))
    kongoussi = ClimatePartnership.objects.get(partner_city__slug="montbeliard")
    assert kongoussi.get_absolute_url() in response.content.decode()

    kongoussi.status = "draft"
    kongoussi.save()
    response = client.get(reverse("partnerships:city-detail", kwargs={"slug": "montbeliard"}))
    assert kongoussi.get_absolute_url() not in response.content.decode()


def test_a_draft_organiser_is_neither_named_nor_linked(client):
    """The activity stays; only the draft organiser's name and link go."""
    from tests.network.factories import ActorFactory

    city = PartnerCityFactory()
    draft = ActorFactory(name_de="Entwurfsverein Weltladen", name_en="Draft world shop club")
    public = ActorFactory(name_de="Öffentlicher Verein", name_en="Public club")
    hidden_until_tomorrow = ActorFactory(
        name_de="Geplanter Verein",
        name_en="Scheduled club",
        publish_from=timezone.now() + datetime.timedelta(days=1),
    )
    draft.status = "draft"
    draft.save()
    own = ActivityFactory(city=city, title_de="Delegationsreise mit Vereinen")
    own.organisers.set([draft, public, hidden_until_tomorrow])
    general = ActivityFactory(city=None, title_de="Treffen aller Partnerstädte")
    general.organisers.set([draft, hidden_until_tomorrow])

    for language in ("de", "en"):
        with translation.override(language):
            urls = [city.get_absolute_url(), reverse("partnerships:index")]
        for url in urls:
            html = client.get(url).content.decode()
            for actor in (draft, hidden_until_tomorrow):
                assert actor.name_de not in html and actor.name_en not in html, url
                assert actor.get_absolute_url() not in html, url
    with translation.override("de"):
        html = client.get(city.get_absolute_url()).content.decode()
        public_url = public.get_absolute_url()
        index = client.get(reverse("partnerships:index")).content.decode()
    assert "Delegationsreise mit Vereinen" in html
    assert public.name_de in html and public_url in html
    assert "Treffen aller Partnerstädte" in index
    # Without a public organiser the activity shows no "organised by" at all.
    assert index.count('class="facts activity__facts"') == 0
