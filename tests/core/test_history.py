"""History: every change to content is recorded by the database, with who, where and both
languages, however it was made; personal data is not recorded."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

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


def test_manage_py_and_make_run_attach_the_command(monkeypatch):
    """``manage.py`` wraps every command in ``command_context``; a server's requests and the
    migrations are left to their own context."""
    from pathlib import Path

    from django.conf import settings

    source = (Path(settings.BASE_DIR) / "manage.py").read_text()
    assert "with command_context(sys.argv):" in source
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
