"""The admin: German for every editor, list filters and search everywhere, nothing from a CDN."""

import pytest
from django.contrib import admin
from django.urls import reverse

from ludwigsburg_intl.models import ContactPerson, Event, Office, SDGGoal, SitePage
from tests.core.crawl import is_other_host, parse_html
from tests.factories import DRAFT, EventFactory, SitePageFactory

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"ludwigsburg_intl", "partnerships", "climate", "europe", "network"}
SHARED_MODELS = [SDGGoal, Office, ContactPerson, Event, SitePage]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_project_model_admin_has_list_filter_and_search():
    missing = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        if not model_admin.list_filter:
            missing.append(f"{model._meta.label}: no list_filter")
        if not model_admin.search_fields:
            missing.append(f"{model._meta.label}: no search_fields")
    assert not missing, "\n".join(missing)


def test_admin_is_german_whatever_the_browser_asks(staff_client):
    response = staff_client.get(reverse("admin:index"), headers={"Accept-Language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Abmelden" in html  # Django's own German "Log out"


@pytest.mark.parametrize("model", SHARED_MODELS, ids=lambda m: m.__name__)
def test_shared_model_admin_pages_work_and_load_nothing_from_elsewhere(staff_client, model):
    EventFactory()
    SitePageFactory()
    for url, params in (
        (admin_url(model, "changelist"), {}),
        (admin_url(model, "changelist"), {"q": "Ludwigsburg"}),
        (admin_url(model, "add"), {}),
    ):
        response = staff_client.get(url, params)
        assert response.status_code == 200, url
        parsed = parse_html(response.content.decode())
        external = [(what, src) for what, src in parsed.resources if is_other_host(src)]
        assert not external, f"{url} loads from another host: {external}"


def test_translated_admin_uses_the_vendored_jquery_ui(staff_client):
    html = staff_client.get(admin_url(SitePage, "add")).content.decode()
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert "code.jquery.com" not in html and "ajax.googleapis.com" not in html


def test_publish_and_unpublish_actions(staff_client):
    drafts = [SitePageFactory(status=DRAFT), SitePageFactory(status=DRAFT)]
    url = admin_url(SitePage, "changelist")
    response = staff_client.post(
        url, {"action": "publish", "_selected_action": [p.pk for p in drafts]}
    )
    assert response.status_code == 302
    assert set(SitePage.objects.published()) >= set(drafts)
    staff_client.post(url, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    drafts[0].refresh_from_db()
    assert drafts[0].status == DRAFT


def test_editor_can_create_an_event_in_german_only(staff_client):
    response = staff_client.post(
        admin_url(Event, "add"),
        {
            "title_de": "Stadtführung für Gäste aus Montbéliard",
            "title_en": "",
            "description_de": "",
            "description_en": "",
            "area": "partnerships",
            "url": "",
            "starts_at_0": "12.05.2031",
            "starts_at_1": "14:00:00",
            "ends_at_0": "",
            "ends_at_1": "",
            "precision": "time",
            "time_zone": "Europe/Berlin",
            "place_de": "",
            "place_en": "",
            "status": "draft",
            "publish_from_0": "",
            "publish_from_1": "",
            "publish_until_0": "",
            "publish_until_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(title_de="Stadtführung für Gäste aus Montbéliard")
    assert event.status == DRAFT and event.uid


def test_event_without_german_title_is_refused(staff_client):
    response = staff_client.post(
        admin_url(Event, "add"),
        {
            "title_de": "",
            "title_en": "English only",
            "area": "partnerships",
            "starts_at_0": "12.05.2031",
            "starts_at_1": "14:00:00",
            "precision": "time",
            "time_zone": "Europe/Berlin",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert not Event.objects.filter(title_en="English only").exists()


def test_translated_models_use_the_tabbed_translation_admin():
    from modeltranslation.admin import TabbedTranslationAdmin
    from modeltranslation.translator import translator

    translated = set(translator.get_registered_models(abstract=False))
    wrong = [
        f"{model._meta.label}: {type(model_admin).__name__}"
        for model, model_admin in admin.site._registry.items()
        if model in translated
        and model._meta.app_label in PROJECT_APPS
        and not isinstance(model_admin, TabbedTranslationAdmin)
    ]
    assert not wrong, "translated models without TabbedTranslationAdmin:\n" + "\n".join(wrong)


def test_every_field_with_simple_markup_shows_the_one_help_text():
    """Editors read the same rules for '## ' headings and '- ' lists wherever they apply."""
    from django.apps import apps
    from django.utils.translation import override

    from ludwigsburg_intl.plain_text import PLAIN_TEXT_HELP

    with override("en"):
        fields = [
            field
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if "Plain text" in str(getattr(field, "help_text", ""))
        ]
    assert len(fields) >= 6
    assert all(field.help_text == PLAIN_TEXT_HELP for field in fields), fields
