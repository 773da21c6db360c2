"""The site search: what a visitor finds, in which language, and what they never find."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from climate.models import Project
from ludwigsburg_intl import search
from ludwigsburg_intl.models import Event, SDGGoal
from tests.climate.factories import PartnershipFactory, ProjectFactory
from tests.core.crawl import crawl
from tests.factories import DRAFT, EventFactory, SitePageFactory
from tests.partnerships.factories import ActivityFactory, PartnerCityFactory

pytestmark = pytest.mark.django_db


def search_url(language="de"):
    with translation.override(language):
        return reverse("search")


def results(client, language="de", **params):
    response = client.get(search_url(language), params)
    assert response.status_code == 200
    return response


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["hits"]]


def test_the_search_pages_have_translated_addresses():
    assert search_url("de") == "/de/suche/"
    assert search_url("en") == "/en/search/"


# --- The demo content --------------------------------------------------------------------------


def test_solar_on_the_german_search_finds_the_kongoussi_solar_project(client, demo_content):
    response = results(client, q="Solar")
    project = Project.objects.get(slug="kongoussi-solarenergie-wasser-2023-2026")
    assert project.title_de in titles(response)
    html = response.content.decode()
    assert f'href="{project.get_absolute_url()}"' in html
    assert "<mark>Solar</mark>" in html  # the snippet highlights the word
    assert re.search(r"\d+ Treffer für „Solar“", html)


def test_bicycles_on_the_english_search_finds_ambato_en_bici(client, demo_content):
    translation.activate("en")
    response = results(client, "en", q="bicycles")
    assert any("Ambato en Bici" in title for title in titles(response))
    hit = next(hit for hit in response.context["hits"] if "Ambato en Bici" in hit.title)
    assert hit.url == "/en/climate-partnerships/projects/ambato-en-bici/"


def test_a_typo_gets_the_right_word_as_a_link(client, demo_content):
    response = results(client, q="Kongusi")
    assert response.context["page_obj"].paginator.count == 0
    html = response.content.decode()
    assert 'href="?q=Kongoussi"' in html
    assert "Kongoussi" in titles(results(client, q="Kongoussi"))[0]


def test_results_come_from_every_area_and_the_shared_pages(client, demo_content):
    kinds = {
        hit.kind
        for word in ("Kongoussi", "Montbéliard", "Europa", "Hunger", "Barrierefreiheit")
        for hit in search.search(word, "de", limit=100)[0]
    }
    assert {"Klimaprojekt", "Klimapartnerschaft", "Partnerstadt", "Seite"} <= {
        str(k) for k in kinds
    }
    goal = SDGGoal.objects.get(number=2)
    hits = search.search("Hunger", "de", kind="sdg")[0]
    assert [hit.url for hit in hits] == [f"/de/netzwerk/sdg/{goal.number}/"]


# --- Languages ---------------------------------------------------------------------------------


def test_german_text_standing_in_for_english_is_searched_as_german(client):
    EventFactory(title_de="Besuch in den Partnerstädten", title_en="", description_en="")
    translation.activate("en")
    response = results(client, "en", q="Partnerstadt")  # German stemming: städten → stadt
    assert titles(response) == ["Besuch in den Partnerstädten"]
    assert 'lang="de"' in response.content.decode()  # the German title is marked as German


def test_english_pages_stem_english_and_german_pages_german(client):
    EventFactory(title_de="Radfahren für alle", title_en="Cycling for everyone")
    assert titles(results(client, "en", q="cycles")) == ["Cycling for everyone"]
    assert titles(results(client, "de", q="Radfahren")) == ["Radfahren für alle"]
    assert titles(results(client, "de", q="cycles")) == []


def test_titles_weigh_more_than_summaries_and_bodies(client):
    SitePageFactory(title_de="Allgemeines", summary_de="", body_de="Es geht um Wasserstoff.")
    SitePageFactory(title_de="Wasserstoff", summary_de="", body_de="Text.")
    SitePageFactory(title_de="Übersicht", summary_de="Wasserstoff im Überblick", body_de="Text.")
    assert titles(results(client, q="Wasserstoff")) == [
        "Wasserstoff",
        "Übersicht",
        "Allgemeines",
    ]


# --- Publication -------------------------------------------------------------------------------


def test_a_drafts_unique_word_is_never_found_nor_suggested(client, staff_client):
    EventFactory(title_de="Xylophonkonzert im Rathaus", status=DRAFT)
    ProjectFactory(title_de="Xylophonwerkstatt", partnership=PartnershipFactory(status=DRAFT))
    for user_client in (client, staff_client):
        response = results(user_client, q="Xylophonkonzert")
        assert titles(response) == []
        assert "Xylophon" not in response.context["suggestion"]
        assert titles(results(user_client, q="Xylophonwerkstatt")) == []
    assert search.suggest("Xylophonkonzer", "de") == ""


def test_what_leaves_publication_leaves_the_results_at_once(client):
    now = timezone.now()
    EventFactory(title_de="Zitronenfest", publish_until=now + datetime.timedelta(hours=1))
    assert titles(results(client, q="Zitronenfest")) == ["Zitronenfest"]
    Event.objects.update(publish_until=now - datetime.timedelta(seconds=1))
    assert titles(results(client, q="Zitronenfest")) == []
    EventFactory(title_de="Orangenfest", publish_until=now - datetime.timedelta(minutes=1))
    assert titles(results(client, q="Orangenfest")) == []


def test_a_bulk_update_of_a_title_is_found_at_once(client):
    city = PartnerCityFactory(name_de="Altstadt")
    assert titles(results(client, q="Neustadtheim")) == []
    type(city).objects.filter(pk=city.pk).update(name_de="Neustadtheim")
    assert titles(results(client, q="Neustadtheim")) == ["Neustadtheim"]


# --- Filters, pagination, number of hits --------------------------------------------------------


def test_filters_by_area_and_by_kind(client):
    city = PartnerCityFactory(name_de="Fischerdorf")
    ActivityFactory(city=city, title_de="Fischerdorf-Austausch")
    EventFactory(title_de="Fischerdorf-Abend", area="climate")
    everything = results(client, q="Fischerdorf")
    assert everything.context["page_obj"].paginator.count == 3
    assert sorted(titles(results(client, q="Fischerdorf", area="partnerships"))) == [
        "Fischerdorf",
        "Fischerdorf-Austausch",
    ]
    # An event belongs to the area it names.
    assert titles(results(client, q="Fischerdorf", area="climate")) == ["Fischerdorf-Abend"]
    activity = results(client, q="Fischerdorf", kind="activity")
    assert titles(activity) == ["Fischerdorf-Austausch"]
    assert activity.context["hits"][0].url == f"{city.get_absolute_url()}#activity-" + str(
        city.activities.get().pk
    )
    html = activity.content.decode()
    assert '<label for="id_area">' in html and '<label for="id_kind">' in html
    # An unknown area or kind is reported and ignored.
    wrong = results(client, q="Fischerdorf", area="mars", kind="ufo")
    assert wrong.context["page_obj"].paginator.count == 3
    assert "form-errors" in wrong.content.decode()


def test_pagination_counts_and_pages(client):
    for number in range(23):
        EventFactory(title_de=f"Seifenkistenrennen {number}")
    first = results(client, q="Seifenkistenrennen")
    assert first.context["page_obj"].paginator.count == 23
    assert len(first.context["hits"]) == 10
    html = first.content.decode()
    assert "23 Treffer" in html
    assert 'href="?q=Seifenkistenrennen&amp;page=2"' in html
    third = results(client, q="Seifenkistenrennen", page=3)
    assert len(third.context["hits"]) == 3
    seen = {
        hit.url
        for page in (1, 2, 3)
        for hit in results(client, q="Seifenkistenrennen", page=page).context["hits"]
    }
    assert len(seen) == 23  # no hit twice, none left out
    beyond = results(client, q="Seifenkistenrennen", page=99)
    assert beyond.context["page_obj"].number == 3
    assert "letzte Seite" in beyond.content.decode()
    nonsense = results(client, q="Seifenkistenrennen", page="x")
    assert nonsense.context["page_obj"].number == 1
    assert "nicht verstanden" in nonsense.content.decode()


def test_the_query_count_does_not_grow_with_the_hits(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    EventFactory(title_de="Kürbisfest 0")
    with CaptureQueriesContext(connection) as few:
        results(client, q="Kürbisfest")
    for number in range(1, 40):
        EventFactory(title_de=f"Kürbisfest {number}", area="climate")
        SitePageFactory(title_de=f"Kürbisfest Seite {number}")
    with django_assert_max_num_queries(len(few)):
        response = results(client, q="Kürbisfest")
    assert response.context["page_obj"].paginator.count == 79


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"Ambato en',
        "& | ! :* ( ) <-> \\",
        "'; DROP TABLE x; --",
        "Solar\x00strom",
        "\u202eSolar\u200f",  # right-to-left override and mark
        "🌞☀️ Solar",
        "Montbe\u0301liard",  # e with a combining acute accent
        "-",
        "or",
        "x" * 5000,
    ],
)
def test_bad_input_gives_a_page_with_a_message(client, query):
    EventFactory(title_de="Solarstrom für Montbéliard")
    response = results(client, q=query)
    html = response.content.decode()
    assert "<h1>" in html
    assert "site-search-q" in html


def test_a_long_query_is_shortened_with_a_message(client):
    response = results(client, q="Solar " * 400)
    assert "nur nach den ersten 200 Zeichen" in response.content.decode()
    assert len(response.context["query"]) <= search.MAX_QUERY_LENGTH


def test_an_empty_query_explains_what_to_enter(client):
    assert "Geben Sie ein oder mehrere Wörter ein" in results(client).content.decode()
    assert "keine Wörter" in results(client, q="\x00\u200f").content.decode()


def test_control_characters_and_combining_marks_are_normalised(client):
    EventFactory(title_de="Besuch aus Montbéliard")
    assert titles(results(client, q="Montbe\u0301liard")) == ["Besuch aus Montbéliard"]
    assert titles(results(client, q="Montb\x00éliard\u200f")) == []  # split, not an error


def test_snippets_are_escaped_and_only_the_markers_become_mark(client):
    EventFactory(
        title_de="Sicherheitstest",
        description_de='<script>alert("x")</script> Ananas \ue000 & \ue001 Ende',
    )
    html = results(client, q="Ananas").content.decode()
    assert "<script>alert" not in html
    assert "&lt;" not in html or "alert(&quot;x&quot;)" in html or "alert" not in html
    snippet = re.search(r'class="search-result__snippet"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert snippet.count("<mark>") == snippet.count("</mark>") == 1
    assert "<mark>Ananas</mark>" in snippet


def test_highlight_balances_any_marker_sequence():
    start, stop = search.MARK_START, search.MARK_STOP
    assert search.highlight(f"a{start}<b>{stop}{stop}c{start}") == (
        "a<mark>&lt;b&gt;</mark>c<mark></mark>"
    )


# --- The frame and the cache -------------------------------------------------------------------


def test_every_page_has_the_search_field_in_its_header(client, demo_content):
    pages = crawl(client, one_per_view=True).one_per_view()
    assert len(pages) >= 14
    for path in pages.values():
        html = client.get(path).content.decode()
        language = path.split("/")[1]
        assert f'action="{search_url(language)}"' in html, path
        assert '<label class="visually-hidden" for="site-search-q">' in html, path
        assert 'name="q"' in html, path


def test_search_pages_are_cached_per_query_and_never_stale(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = SitePageFactory(title_de="Mangoernte")
    EventFactory(title_de="Papayamarkt")
    assert titles(results(client, q="Mangoernte")) == ["Mangoernte"]
    # A second query is not served the first one's page (the key holds the query string).
    second = client.get(search_url(), {"q": "Papayamarkt"})
    assert "Papayamarkt" in second.content.decode()
    assert "Mangoernte" not in second.content.decode()
    cached = client.get(search_url(), {"q": "Mangoernte"})
    assert cached["Cache-Control"] == "no-cache, public"
    type(page).objects.filter(pk=page.pk).update(status=DRAFT)
    again = client.get(search_url(), {"q": "Mangoernte"})
    assert "Mangoernte</a>" not in again.content.decode()


def _setting(name):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_the_planner_settings_stay_inside_the_search(demo_content):
    """The search turns scans and JIT off for its own query only, also inside a transaction
    begun elsewhere (where its own is a savepoint, whose settings would last to the end)."""
    from django.db import transaction

    with transaction.atomic():
        hits, total = search.search("Partnerschaft", "de")
        assert total
        for name in search.PLANNER_SETTINGS:
            assert _setting(name) != search.PLANNER_SETTINGS[name] or name == "jit", name
        assert _setting("enable_indexscan") == "on" and _setting("enable_seqscan") == "on"
