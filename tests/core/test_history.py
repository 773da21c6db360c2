"""History: every change to content is recorded by the database, with who, where and both
languages, however it was made; personal data is not recorded."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, connections

from europe.models import InterestSubmission, Nomination, SubmissionThrottle
from ludwigsburg_intl import history, page_cache
from ludwigsburg_intl.models import DemoObject, SitePage
from partnerships.models import PartnerCity
from tests.factories import DRAFT, PUBLISHED, SitePageFactory, StaffUserFactory
from tests.partnerships.factories import PartnerCityFactory
from tests.partnerships.test_admin_upload import change_form_data

pytestmark = pytest.mark.django_db


def versions(obj):
    return list(obj.versions.select_related("pgh_context").order_by("pgh_id"))


def test_every_editorial_model_is_tracked_and_personal_data_is_not():
    tracked = set(history.tracked_models())
    assert PartnerCity in tracked and SitePage in tracked
    for model in (InterestSubmission, Nomination, SubmissionThrottle, DemoObject):
        assert model not in tracked
    project_apps = {"ludwigsburg_intl", "partnerships", "climate", "europe", "network"}
    from django.contrib import admin

    # Everything editors edit in the admin of the portal's apps, except personal data.
    edited = {
        model
        for model in admin.site._registry
        if model._meta.app_label in project_apps and model not in (InterestSubmission, Nomination)
    }
    assert edited <= tracked
    for model in tracked:
        assert history.event_model(model)._meta.app_label == model._meta.app_label


def test_both_languages_are_recorded_and_an_unchanged_save_records_nothing():
    page = SitePageFactory(title_de="Impressum", title_en="Legal notice")
    page.save()  # nothing changed but the time of the last change
    assert [v.pgh_label for v in versions(page)] == ["insert"]
    page.title_en = "Imprint"
    page.save()
    inserted, updated = versions(page)
    assert (inserted.title_de, inserted.title_en) == ("Impressum", "Legal notice")
    assert (updated.pgh_label, updated.title_de, updated.title_en) == (
        "update",
        "Impressum",
        "Imprint",
    )


def test_a_change_in_the_admin_form_records_the_user_and_the_page(client):
    user = StaffUserFactory(username="anna")
    client.force_login(user)
    city = PartnerCityFactory(name_de="Montbéliard", name_en="Montbeliard")
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    data = change_form_data(client, url)
    data["name_en"] = "Montbéliard (France)"
    response = client.post(url, data)
    assert response.status_code == 302
    version = versions(city)[-1]
    assert (version.pgh_label, version.name_en) == ("update", "Montbéliard (France)")
    assert version.pgh_context.metadata["user"] == user.pk
    assert version.pgh_context.metadata["username"] == "anna"
    assert version.pgh_context.metadata["url"] == url


def test_an_admin_action_records_the_user_and_the_action(staff_client):
    page = SitePageFactory(status=PUBLISHED)
    response = staff_client.post(
        "/admin/ludwigsburg_intl/sitepage/",
        {"action": "unpublish", "_selected_action": [page.pk]},
    )
    assert response.status_code == 302
    old, new = versions(page)
    assert (old.status, new.status) == (PUBLISHED, DRAFT)
    assert new.pgh_context.metadata["action"] == "unpublish"
    assert new.pgh_context.metadata["username"] == "redaktion"


def test_a_bulk_update_and_raw_sql_are_recorded():
    page = SitePageFactory(status=PUBLISHED)
    SitePage.objects.filter(pk=page.pk).update(status=DRAFT)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ludwigsburg_intl_sitepage SET title_en = 'Changed by hand' WHERE id = %s",
            [page.pk],
        )
    labels = [(v.pgh_label, v.status, v.title_en) for v in versions(page)]
    assert labels[1:] == [("update", DRAFT, page.title_en), ("update", DRAFT, "Changed by hand")]
    assert versions(page)[-1].pgh_context is None  # made outside any request or command


def test_a_management_command_records_its_name():
    page = SitePageFactory(status=PUBLISHED)
    with history.command_context(["manage.py", "shell"]):
        code = (
            "from ludwigsburg_intl.models import SitePage; "
            f"SitePage.objects.filter(pk={page.pk}).update(title_de='Aus der Shell')"
        )
        call_command("shell", command=code)
    version = versions(page)[-1]
    assert version.title_de == "Aus der Shell"
    assert version.pgh_context.metadata == {"command": "shell"}


def test_manage_py_attaches_the_command(monkeypatch):
    import sys

    import manage

    page = SitePageFactory()
    code = (
        "from ludwigsburg_intl.models import SitePage; "
        f"SitePage.objects.filter(pk={page.pk}).update(title_de='Über manage.py')"
    )
    monkeypatch.setattr(sys, "argv", ["manage.py", "shell", "-c", code])
    # A command run from the command line closes the connections at its end: not the test's.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    manage.main()
    version = versions(page)[-1]
    assert version.title_de == "Über manage.py"
    assert version.pgh_context.metadata == {"command": "shell"}


def test_servers_and_migrations_get_no_command_context():
    # (Its own test: the context is bound to the transaction, and a test is one transaction.)
    for untracked in ("runserver", "migrate"):
        with history.command_context(["manage.py", untracked]):
            page = SitePageFactory()
        assert versions(page)[0].pgh_context is None


def test_a_deleted_object_keeps_its_history():
    page = SitePageFactory(title_de="Alt")
    pk = page.pk
    page.delete()
    event_model = history.event_model(SitePage)
    assert [e.pgh_label for e in event_model.objects.filter(pgh_obj_id=pk).order_by("pgh_id")] == [
        "insert",
        "delete",
    ]


def test_the_demo_loader_run_again_records_no_version():
    call_command("load_demo_content", verbosity=0)
    counts = {m: history.event_model(m).objects.count() for m in history.tracked_models()}
    assert sum(counts.values()) > 50
    call_command("load_demo_content", verbosity=0)
    assert counts == {m: history.event_model(m).objects.count() for m in history.tracked_models()}


def test_history_tables_do_not_count_as_content_for_the_page_cache():
    content = page_cache.content_models()
    event_models = [history.event_model(m) for m in history.tracked_models()]
    assert not set(event_models) & set(content)
    assert PartnerCity in content

    def version():
        with connection.cursor() as cursor:
            cursor.execute(page_cache.VERSION_SQL)
            return cursor.fetchone()[0]

    before = version()
    SitePageFactory()  # one insert into the page table, one into its history
    assert version() == before + 1
    assert apps.get_model("ludwigsburg_intl", "SitePageHistory") in event_models


# --- The admin: an object's history, restoring, the audit list ---------------------------------


def _edit(client, obj, url, **changes):
    data = change_form_data(client, url)
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.fixture
def edited_city(client):
    """A partner city created, then edited twice in the admin by Anna."""
    client.force_login(StaffUserFactory(username="anna", first_name="Anna", last_name="Muster"))
    city = PartnerCityFactory(name_de="Montbéliard", name_en="Montbeliard", status=PUBLISHED)
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    _edit(client, city, url, name_en="Montbéliard (France)")
    _edit(client, city, url, status=DRAFT)
    return city


def test_the_history_button_shows_each_version_with_its_diff(client, edited_city):
    change_page = client.get(f"/admin/partnerships/partnercity/{edited_city.pk}/change/")
    history_url = f"/admin/partnerships/partnercity/{edited_city.pk}/history/"
    assert history_url in change_page.content.decode()
    response = client.get(history_url)
    assert response.status_code == 200
    newest, english, created = response.context["versions"]
    assert newest.is_current and newest.who == "Anna Muster"
    change_url = f"/admin/partnerships/partnercity/{edited_city.pk}/change/"
    assert newest.source == f"Verwaltungsseite {change_url}"
    # Choices by their label, the German first: what the editor saw in the form.
    assert [(c.label, c.old, c.new) for c in newest.changes] == [
        ("Veröffentlichungsstatus", "Veröffentlicht", "Entwurf")
    ]
    assert [(c.label, c.old, c.new) for c in english.changes] == [
        ("Name [en]", "Montbeliard", "Montbéliard (France)")
    ]
    assert ("Name [de]", "—", "Montbéliard") in [(c.label, c.old, c.new) for c in created.changes]
    html = response.content.decode()
    assert "Montbéliard (France)" in html and "Entwurf" in html
    assert html.count("/restore/") == 2  # every version but the current one


def test_the_history_page_costs_the_same_queries_for_many_versions(
    staff_client, django_assert_max_num_queries
):
    few = PartnerCityFactory()
    many = PartnerCityFactory()
    for number in range(40):
        PartnerCity.objects.filter(pk=many.pk).update(name_en=f"Version {number}")
    for city in (few, many):
        with django_assert_max_num_queries(14):
            response = staff_client.get(f"/admin/partnerships/partnercity/{city.pk}/history/")
        assert response.status_code == 200
    assert response.context["paginator"].num_pages == 2


def test_restoring_writes_the_old_values_as_a_new_version_and_keeps_the_later_ones(
    client, edited_city
):
    from django.contrib.admin.models import LogEntry

    created = versions(edited_city)[0]
    restore_url = (
        f"/admin/partnerships/partnercity/{edited_city.pk}/history/{created.pgh_id}/restore/"
    )
    confirm = client.get(restore_url)
    assert confirm.status_code == 200
    assert [(c.label, c.old, c.new) for c in confirm.context["changes"]] == [
        ("Veröffentlichungsstatus", "Entwurf", "Veröffentlicht"),
        ("Name [en]", "Montbéliard (France)", "Montbeliard"),
    ]
    assert versions(edited_city)[-1].status == DRAFT  # asking changes nothing

    response = client.post(restore_url, follow=True)
    assert response.redirect_chain[-1][0].endswith("/history/")
    edited_city.refresh_from_db()
    assert (edited_city.name_en, edited_city.status) == ("Montbeliard", PUBLISHED)
    all_versions = versions(edited_city)
    assert len(all_versions) == 4  # created, two edits, the restore: nothing lost
    assert all_versions[2].name_en == "Montbéliard (France)"
    restored = all_versions[-1]
    assert restored.pgh_context.metadata["username"] == "anna"
    assert restored.pgh_context.metadata["restored_version"] == created.pgh_id
    assert response.context["versions"][0].source.startswith("Wiederherstellung der Fassung vom")
    entry = LogEntry.objects.filter(object_id=str(edited_city.pk)).latest("action_time")
    assert entry.get_change_message().startswith("Fassung vom")
    assert "als neue Fassung wiederhergestellt" in response.content.decode()


def test_restoring_needs_the_change_permission(client, edited_city):
    from django.contrib.auth.models import Permission

    reader = StaffUserFactory(username="leser", is_superuser=False)
    reader.user_permissions.add(Permission.objects.get(codename="view_partnercity"))
    client.force_login(reader)
    history_url = f"/admin/partnerships/partnercity/{edited_city.pk}/history/"
    page = client.get(history_url)
    assert page.status_code == 200
    assert "/restore/" not in page.content.decode()
    first = versions(edited_city)[0].pgh_id
    assert client.get(f"{history_url}{first}/restore/").status_code == 403
    assert client.post(f"{history_url}{first}/restore/").status_code == 403
    edited_city.refresh_from_db()
    assert edited_city.status == DRAFT

    stranger = StaffUserFactory(username="fremd", is_superuser=False)
    client.force_login(stranger)
    assert client.get(history_url).status_code == 403


def test_a_restore_that_would_break_a_rule_is_refused_with_a_message(staff_client):
    first = PartnerCityFactory(slug="erste")
    PartnerCity.objects.filter(pk=first.pk).update(slug="zweite-alt")
    PartnerCityFactory(slug="erste")  # the old address is taken now
    created = versions(first)[0]
    url = f"/admin/partnerships/partnercity/{first.pk}/history/{created.pgh_id}/restore/"
    response = staff_client.post(url, follow=True)
    assert response.status_code == 200
    assert "kann nicht wiederhergestellt werden" in response.content.decode()
    first.refresh_from_db()
    assert first.slug == "zweite-alt"


def _area_editor(key):
    from django.contrib.auth.models import Group

    from ludwigsburg_intl import roles

    user = StaffUserFactory(username=f"redaktion-{key}", is_superuser=False)
    user.groups.add(Group.objects.get(name=roles.find(key).name))
    return user


def test_the_audit_list_shows_each_person_only_what_they_may_view(client):
    from tests.europe.factories import FundingCallFactory

    city = PartnerCityFactory(name_de="Jevpatorija")
    FundingCallFactory(title_de="Aufruf Jugend")
    SitePageFactory(title_de="Impressum")

    client.force_login(_area_editor("partnerstaedte"))
    response = client.get("/admin/audit/")
    assert response.status_code == 200
    names = [e.object_name for e in response.context["entries"]]
    assert "Jevpatorija" in names
    assert "Aufruf Jugend" not in names and "Impressum" not in names
    areas = [value for value, _label in response.context["form"].fields["area"].choices]
    assert areas == ["", "partnerships"]

    client.force_login(StaffUserFactory(username="chefin"))
    names = [e.object_name for e in client.get("/admin/audit/").context["entries"]]
    assert {"Jevpatorija", "Aufruf Jugend", "Impressum"} <= set(names)
    assert city.versions.exists()


def test_the_audit_list_filters_by_area_person_and_date(client):
    import datetime

    from django.utils import timezone

    anna = StaffUserFactory(username="anna")
    client.force_login(anna)
    page = SitePageFactory(title_de="Kontakt", status=PUBLISHED)
    PartnerCityFactory(name_de="Bergamo")
    client.post(
        "/admin/ludwigsburg_intl/sitepage/", {"action": "unpublish", "_selected_action": [page.pk]}
    )

    def names(**query):
        response = client.get("/admin/audit/", query)
        assert response.status_code == 200
        return [(e.object_name, e.kind) for e in response.context["entries"]]

    assert names(area="partnerships") == [("Bergamo", "angelegt")]
    assert names(person=anna.pk) == [("Kontakt", "geändert")]
    entry = client.get("/admin/audit/", {"person": anna.pk}).context["entries"][0]
    assert entry.who == "anna" and entry.changed == ["Veröffentlichungsstatus"]
    assert entry.source == "Aktion in der Liste: „Ausgewählte Einträge auf Entwurf setzen“"
    today = timezone.localdate()
    assert len(names(since=today, until=today)) == 3
    assert names(until=today - datetime.timedelta(days=1)) == []
    # Wrong input is answered with the form's message, never an error page.
    response = client.get("/admin/audit/", {"since": "gestern", "person": "x"})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.get("/admin/audit/", {"since": today, "until": today - datetime.timedelta(1)})
    assert response.context["form"].non_field_errors()


def test_the_audit_list_is_paginated_with_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries
):
    for number in range(60):
        SitePageFactory(title_de=f"Seite {number}")
    PartnerCityFactory()
    with django_assert_max_num_queries(16):
        response = staff_client.get("/admin/audit/")
    assert len(response.context["entries"]) == 50
    assert response.context["paginator"].num_pages == 2
    second = staff_client.get("/admin/audit/", {"p": 2})
    assert len(second.context["entries"]) == 11
    assert "/admin/audit/" in staff_client.get("/admin/").content.decode()


def test_a_deleted_entrys_history_stays_readable_but_offers_no_restore(staff_client):
    page = SitePageFactory(title_de="Alte Seite")
    pk = page.pk
    page.delete()
    response = staff_client.get(f"/admin/ludwigsburg_intl/sitepage/{pk}/history/")
    assert response.status_code == 200
    assert [v.event.pgh_label for v in response.context["versions"]] == ["delete", "insert"]
    assert "/restore/" not in response.content.decode()
    assert staff_client.get("/admin/ludwigsburg_intl/sitepage/999999/history/").status_code == 404
    assert staff_client.get("/admin/ludwigsburg_intl/sitepage/abc/history/").status_code == 404


def test_an_area_editor_chooses_only_themselves_in_the_audit_log(client):
    from django.contrib.auth.models import Group

    StaffUserFactory(username="admin-anna")
    editor = StaffUserFactory(username="partner-paul", is_superuser=False)
    editor.groups.add(Group.objects.get(name="Redaktion Partnerstädte"))
    client.force_login(editor)
    response = client.get("/admin/audit/")
    assert response.status_code == 200
    people = [label for value, label in response.context["form"].fields["person"].choices]
    assert "partner-paul" in people and "admin-anna" not in people


def test_an_audit_date_at_the_end_of_the_calendar_gets_a_message_not_an_error(client):
    client.force_login(StaffUserFactory())
    response = client.get("/admin/audit/", {"until": "9999-12-31", "since": "9999-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_a_restore_leaves_what_the_code_keeps_alone():
    from europe.models import FundingCall
    from ludwigsburg_intl.history_admin import compared_fields
    from ludwigsburg_intl.models import Event

    assert "deadline_event" not in {f.name for f in compared_fields(FundingCall)}
    assert "uid" not in {f.name for f in compared_fields(Event)}
