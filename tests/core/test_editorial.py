"""What the admin tells an editor needs doing: English missing or out of date, content due for
review, scheduled and expired publication, and the start page that collects it all."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from climate.models import Project
from europe.models import InterestSubmission
from ludwigsburg_intl import editorial
from ludwigsburg_intl.models import SitePage
from partnerships.models import CityLink, PartnerCity
from tests.climate import factories as climate
from tests.europe import factories as europe
from tests.factories import DRAFT, PUBLISHED, SitePageFactory
from tests.partnerships.factories import PartnerCityFactory

pytestmark = pytest.mark.django_db


def changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return url, params


def listed(client, model, **params):
    url, params = changelist(model, **params)
    response = client.get(url, params)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def status(obj):
    model = type(obj)
    queryset = model.objects.filter(pk=obj.pk)
    if queryset.filter(editorial.missing_q(model)).exists():
        return "missing"
    if queryset.filter(editorial.stale_q(model)).exists():
        return "stale"
    return "current"


def form_data(response):
    """What the admin's change form would post back unchanged."""
    data = {}
    for bound in response.context["adminform"].form:
        value = bound.value()
        if value is None or value is False:
            continue
        if isinstance(value, list):
            for index, part in enumerate(value):
                if part is not None:
                    data[f"{bound.html_name}_{index}"] = part
            continue
        data[bound.html_name] = True if value is True else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    return data


def edit_in_admin(client, obj, **changes):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return obj


# --- Translation status -----------------------------------------------------------------------


def test_english_missing_when_a_field_has_german_but_no_english():
    page = SitePageFactory()
    assert status(page) == "current"
    page.summary_en = ""
    page.save()
    assert status(page) == "missing"
    # Nothing in German, nothing to translate.
    assert status(SitePageFactory(summary_de="", summary_en="")) == "current"


def test_changing_the_german_makes_the_english_stale_until_the_english_is_saved():
    page = SitePageFactory()
    page.body_de = "Der neue deutsche Text."
    page.save()  # as a command or the shell would: the stored row is compared
    assert status(page) == "stale"
    page.save()  # saving again without changing the English does not clear it
    assert status(page) == "stale"
    page.body_en = "The new English text."
    page.save()
    assert status(page) == "current"


def test_german_and_english_changed_together_are_current():
    page = SitePageFactory()
    page.title_de, page.title_en = "Neuer Titel", "New title"
    page.save()
    assert status(page) == "current"


def test_a_save_of_other_fields_only_does_not_touch_the_translation_state():
    page = SitePageFactory(status=DRAFT)
    page.status = PUBLISHED
    page.save(update_fields=["status"])
    assert status(page) == "current"


def test_mark_checked_clears_stale_with_permission_and_admin_log(staff_client):
    stale, current = SitePageFactory(), SitePageFactory()
    stale.body_de = "Geändert."
    stale.save()
    url, _params = changelist(SitePage)
    response = staff_client.post(
        url,
        {"action": "mark_translation_checked", "_selected_action": [stale.pk, current.pk]},
    )
    assert response.status_code == 302
    assert status(stale) == "current"
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SitePage), action_flag=CHANGE
    )
    assert [entry.object_id for entry in entries] == [str(stale.pk)]
    assert "Englisch" in entries[0].get_change_message()
    # The German changes again: stale again.
    stale.body_de = "Noch einmal geändert."
    stale.save()
    assert status(stale) == "stale"


def test_mark_checked_is_not_offered_without_the_change_permission(client):
    page = SitePageFactory()
    page.body_de = "Geändert."
    page.save()
    user = User.objects.create_user("lesen", is_staff=True)
    user.user_permissions.add(
        *ContentType.objects.get_for_model(SitePage).permission_set.filter(codename="view_sitepage")
    )
    client.force_login(user)
    url, _params = changelist(SitePage)
    response = client.post(
        url, {"action": "mark_translation_checked", "_selected_action": [page.pk]}
    )
    assert response.status_code in (200, 302, 403)
    assert status(page) == "stale"


def test_the_filter_lists_what_needs_translation(staff_client):
    current, missing, stale = SitePageFactory(), SitePageFactory(), SitePageFactory()
    missing.title_en = ""
    missing.save()
    stale.title_de = "Anderer Titel"
    stale.save()
    assert listed(staff_client, SitePage, translation="missing") == {missing}
    assert listed(staff_client, SitePage, translation="stale") == {stale}
    assert listed(staff_client, SitePage, translation="needed") == {missing, stale}
    assert current in listed(staff_client, SitePage)


def test_every_translated_model_with_an_admin_has_the_filter(staff_client):
    from django.contrib import admin

    from ludwigsburg_intl.admin_editorial import TranslationStatusFilter

    for model in editorial.translated_models():
        model_admin = admin.site._registry.get(model)
        if model_admin is None:
            continue
        request = type("Request", (), {"user": User(is_superuser=True)})()
        assert TranslationStatusFilter in model_admin.get_list_filter(request), model


def board_counts(response):
    """(missing, stale) per area as the board shows them."""
    assert response.status_code == 200
    return {area: (missing, stale) for area, _s, missing, stale in response.context["areas"]}


def test_the_board_count_changes_when_the_german_is_edited_in_the_admin_form(staff_client):
    city = PartnerCityFactory()
    board = reverse("admin:translation-board")
    assert board_counts(staff_client.get(board)).get("Partnerstädte", (0, 0))[1] == 0

    edit_in_admin(staff_client, city, summary_de="Eine neue Zusammenfassung auf Deutsch.")
    after = staff_client.get(board)
    assert board_counts(after)["Partnerstädte"][1] == 1
    html = after.content.decode()
    assert reverse("admin:partnerships_partnercity_change", args=[city.pk]) in html
    assert "Englisch veraltet" in html
    index = staff_client.get(reverse("admin:index"))
    row = next(row for row in index.context["dashboard"]["rows"] if row.model is PartnerCity)
    assert row.cells["stale"].count == 1

    # Saving the English in the same form clears it.
    edit_in_admin(staff_client, city, summary_en="A new summary in English.")
    assert board_counts(staff_client.get(board)).get("Partnerstädte", (0, 0))[1] == 0


def test_the_board_links_an_inline_object_to_its_parents_form(staff_client):
    city = PartnerCityFactory()
    CityLink.objects.create(city=city, label_de="Offizielle Website", url="https://example.org")
    html = staff_client.get(reverse("admin:translation-board")).content.decode()
    assert "Offizielle Website" in html
    assert reverse("admin:partnerships_partnercity_change", args=[city.pk]) in html


def test_a_deleted_object_leaves_no_translation_state():
    page = SitePageFactory()
    page.title_de = "Geändert"
    page.save()
    page.delete()
    assert not editorial.TranslationState.objects.exists()


# --- Review -----------------------------------------------------------------------------------


def last_changed(obj, days_ago):
    type(obj).objects.filter(pk=obj.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def test_review_overdue_twelve_months_after_the_last_change_or_on_the_editors_date(staff_client):
    fresh, old = SitePageFactory(), SitePageFactory()
    last_changed(old, 370)
    due = SitePageFactory(review_on=timezone.localdate() - datetime.timedelta(days=1))
    postponed = SitePageFactory(review_on=timezone.localdate() + datetime.timedelta(days=30))
    last_changed(postponed, 400)
    assert listed(staff_client, SitePage, review="overdue") == {old, due}
    assert listed(staff_client, SitePage, review="later") == {fresh, postponed}

    index = staff_client.get(reverse("admin:index"))
    row = next(row for row in index.context["dashboard"]["rows"] if row.model is SitePage)
    assert row.cells["overdue"].count == 2
    assert "review=overdue" in row.cells["overdue"].url
    assert row.cells["overdue"].url in index.content.decode().replace("&amp;", "&")


def test_mark_reviewed_sets_the_next_review_in_twelve_months(staff_client):
    page = SitePageFactory()
    last_changed(page, 400)
    url, _params = changelist(SitePage)
    staff_client.post(url, {"action": "mark_reviewed", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.review_on == editorial.next_review_date()
    assert not SitePage.objects.filter(editorial.review_overdue_q(), pk=page.pk).exists()
    entry = LogEntry.objects.get(object_id=str(page.pk), action_flag=CHANGE)
    assert str(page.review_on) in entry.get_change_message()


def test_months_before_keeps_the_day_or_takes_the_last_of_the_month():
    assert editorial.months_before(datetime.date(2026, 11, 30), 12) == datetime.date(2025, 11, 30)
    assert editorial.months_before(datetime.date(2024, 2, 29), 12) == datetime.date(2023, 2, 28)
    assert editorial.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert editorial.months_before(datetime.date(2026, 1, 15), -12) == datetime.date(2027, 1, 15)


# --- Scheduled and expired --------------------------------------------------------------------


def test_lists_show_scheduled_and_expired_content_in_german(staff_client):
    berlin = timezone.get_current_timezone()
    scheduled = SitePageFactory(publish_from=datetime.datetime(2099, 6, 14, 9, tzinfo=berlin))
    expired = SitePageFactory(publish_until=timezone.now() - datetime.timedelta(days=3))
    SitePageFactory(status=DRAFT)
    url, _params = changelist(SitePage)
    html = staff_client.get(url).content.decode()
    assert "erscheint am 14.06.2099" in html
    ended = timezone.localtime(expired.publish_until).strftime("%d.%m.%Y")
    assert f"abgelaufen seit {ended}" in html
    assert "Entwurf" in html
    assert listed(staff_client, SitePage, publication="scheduled") == {scheduled}
    assert listed(staff_client, SitePage, publication="expired") == {expired}


# --- The start page ---------------------------------------------------------------------------


def editor(group_name, username):
    user = User.objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def dashboard_models(response):
    return {row.model for row in response.context["dashboard"]["rows"]}


def area_titles(response):
    return [str(item.title) for item in response.context["dashboard"]["area_items"]]


def test_my_drafts_are_those_i_changed_last(client):
    mine = PartnerCityFactory(status=DRAFT)
    theirs = PartnerCityFactory(status=DRAFT)
    me = editor("Redaktion Partnerstädte", "ich")
    other = editor("Redaktion Partnerstädte", "jemand")
    client.force_login(other)
    edit_in_admin(client, theirs, name_de="Von jemand anderem")
    edit_in_admin(client, mine, name_de="Erst von jemand anderem")
    client.force_login(me)
    edit_in_admin(client, mine, name_de="Dann von mir")
    assert listed(client, PartnerCity, publication="mine") == {mine}
    index = client.get(reverse("admin:index"))
    row = next(row for row in index.context["dashboard"]["rows"] if row.model is PartnerCity)
    assert row.cells["mine"].count == 1


def test_the_start_page_shows_an_area_editor_only_their_area(client):
    PartnerCityFactory(review_on=datetime.date(2020, 1, 1))
    project = climate.ProjectFactory(review_on=datetime.date(2020, 1, 1))
    InterestSubmission.objects.create(
        name="Bea Beispiel",
        email="bea@example.org",
        programme=europe.ParticipationProgrammeFactory(),
        message="Ich möchte mitmachen.",
        consent=True,
        language="de",
    )

    client.force_login(editor("Redaktion Partnerstädte", "partnerstaedte"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert dashboard_models(response) == {PartnerCity}
    assert area_titles(response) == []
    html = response.content.decode()
    assert "Was zu tun ist" in html
    assert "Klimaprojekte" not in html

    client.force_login(editor("Redaktion Klimapartnerschaften", "klima"))
    response = client.get(reverse("admin:index"))
    assert Project in dashboard_models(response)
    assert PartnerCity not in dashboard_models(response)
    [item] = response.context["dashboard"]["area_items"]
    assert item.count == 1 and "needs_report=yes" in item.url
    assert Project.objects.needing_report(90).get() == project

    client.force_login(editor("Personenbezogene Daten Europa", "personendaten"))
    response = client.get(reverse("admin:index"))
    [item] = response.context["dashboard"]["area_items"]
    assert item.count == 1 and "state__exact=new" in item.url
    assert item.url in response.content.decode().replace("&amp;", "&")


def test_no_one_else_sees_the_new_form_submissions(client):
    for group in Group.objects.exclude(name="Personenbezogene Daten Europa"):
        user = editor(group.name, f"u-{group.pk}")
        client.force_login(user)
        response = client.get(reverse("admin:index"))
        assert "Interessensbekundungen" not in " ".join(area_titles(response)), group.name


def test_the_start_page_costs_the_same_few_queries_with_much_content(
    staff_client, django_assert_max_num_queries
):
    def many(count):
        for _n in range(count):
            page = SitePageFactory(status=DRAFT)
            page.title_de = "Geändert"
            page.save()
            PartnerCityFactory(review_on=datetime.date(2020, 1, 1))
            climate.ProjectFactory()

    many(1)
    staff_client.get(reverse("admin:index"))  # content types cached
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        staff_client.get(reverse("admin:index"))
    many(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get(reverse("admin:index"))
    assert len(few.captured_queries) <= 60
    row = next(row for row in response.context["dashboard"]["rows"] if row.model is SitePage)
    assert row.cells["stale"].count == 16


def test_the_translation_board_costs_the_same_few_queries_with_much_content(
    staff_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def many(count):
        for _n in range(count):
            city = PartnerCityFactory()
            CityLink.objects.create(city=city, label_de="Website", url="https://example.org")

    many(1)
    staff_client.get(reverse("admin:translation-board"))
    with CaptureQueriesContext(connection) as few:
        staff_client.get(reverse("admin:translation-board"))
    many(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(reverse("admin:translation-board")).status_code == 200
