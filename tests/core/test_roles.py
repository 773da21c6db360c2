"""Editor roles: what each group can see, change and not touch in the admin, how the groups are
kept in step, and how an editor account is created."""

import io

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext, override

from ludwigsburg_intl import roles
from ludwigsburg_intl.models import EditorAccount
from tests.core.test_admin_actions import BUILDERS
from tests.factories import DRAFT, EventFactory, SitePageFactory, StaffUserFactory
from tests.partnerships.factories import PartnerCityFactory

pytestmark = pytest.mark.django_db

# What each group is for, written out by hand: the app whose models it edits and the models of
# other apps it may at most look at.
EXPECTED = {
    "partnerstaedte": ("Redaktion Partnerstädte", "partnerships"),
    "klima": ("Redaktion Klimapartnerschaften", "climate"),
    "europa": ("Redaktion Europa", "europe"),
    "netzwerk": ("Redaktion Netzwerk", "network"),
    "gemeinsam": ("Redaktion Gemeinsame Inhalte", "ludwigsburg_intl"),
    "personendaten-europa": ("Personenbezogene Daten Europa", "europe"),
}
PERSONAL_DATA = {"europe.Nomination", "europe.InterestSubmission"}
# Registered in the admin, but for administrators only.
ADMINISTRATORS_ONLY = {
    "auth.Group",
    "auth.User",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
}


def editor(key, name=None):
    user = User.objects.create_user(name or f"redaktion-{key}", is_staff=True)
    user.groups.add(Group.objects.get(name=EXPECTED[key][0]))
    return user


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def role_of(label):
    """The key of the role that edits this model, by the hand-written table above."""
    if label in PERSONAL_DATA:
        return "personendaten-europa"
    app_label = label.split(".")[0]
    return next(key for key, (_name, app) in EXPECTED.items() if app == app_label)


def registered():
    return [
        pytest.param(model, id=model._meta.label)
        for model in admin.site._registry
        if model._meta.label not in ADMINISTRATORS_ONLY
    ]


def test_the_migration_made_every_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {n for n, _a in EXPECTED.values()}
    assert {role.key for role in roles.roles()} == set(EXPECTED)


@pytest.mark.parametrize("key", EXPECTED)
def test_the_admin_index_shows_each_group_only_its_own_area(client, key):
    name, app_label = EXPECTED[key]
    client.force_login(editor(key))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    shown = {
        f"{app['app_label']}.{model['object_name']}"
        for app in response.context["app_list"]
        for model in app["models"]
    }
    assert shown, f"{name} sees nothing"
    assert {label.split(".")[0] for label in shown} == {app_label}
    if key == "personendaten-europa":
        assert shown == PERSONAL_DATA
    else:
        assert not shown & PERSONAL_DATA


@pytest.mark.parametrize("model", registered())
@pytest.mark.parametrize("key", EXPECTED)
def test_each_group_opens_its_own_models_and_gets_403_elsewhere(client, key, model):
    obj = BUILDERS[model._meta.label]()
    client.force_login(editor(key))
    own = role_of(model._meta.label) == key
    shared_look_up = key == "gemeinsam" and model._meta.label == "ludwigsburg_intl.SDGGoal"
    expected = 200 if own else 403
    assert client.get(admin_url(model, "changelist")).status_code == expected
    assert client.get(admin_url(model, "change", obj.pk)).status_code == expected
    if own and not shared_look_up and model._meta.label != "climate.ProjectChange":
        assert 'name="_save"' in client.get(admin_url(model, "change", obj.pk)).content.decode()


def test_sdg_goals_and_the_change_history_are_read_only(client):
    goal = BUILDERS["ludwigsburg_intl.SDGGoal"]()
    change = BUILDERS["climate.ProjectChange"]()
    client.force_login(editor("gemeinsam"))
    html = client.get(admin_url(goal, "change", goal.pk)).content.decode()
    assert 'name="_save"' not in html
    client.force_login(editor("klima"))
    html = client.get(admin_url(change, "change", change.pk)).content.decode()
    assert 'name="_save"' not in html


def test_an_area_editor_adds_but_does_not_delete_content_and_deletes_inline_parts(client):
    city = PartnerCityFactory()
    client.force_login(editor("partnerstaedte"))
    assert client.get(admin_url(city, "add")).status_code == 200
    assert client.get(admin_url(city, "delete", city.pk)).status_code == 403
    user = User.objects.get(username="redaktion-partnerstaedte")
    assert user.has_perm("partnerships.delete_cityimage")
    assert not user.has_perm("partnerships.delete_partnercity")


def test_an_area_editor_saves_a_change_of_their_own_area_but_not_of_another(client):
    page = SitePageFactory(title_de="Impressum")
    client.force_login(editor("europa"))
    data = {"title_de": "Geändert", "slug": page.slug, "status": "published"}
    assert client.post(admin_url(page, "change", page.pk), data).status_code == 403
    page.refresh_from_db()
    assert page.title_de == "Impressum"


def test_personal_data_is_named_only_by_its_own_role():
    assert roles.personal_data_models() == {"europe.nomination", "europe.interestsubmission"}
    for role in roles.roles():
        if not role.personal_data:
            assert not set(role.permissions) & roles.personal_data_models(), role.name


def test_every_model_of_an_area_belongs_to_its_role():
    for model in admin.site._registry:
        label = model._meta.label
        if label in ADMINISTRATORS_ONLY:
            continue
        role = roles.find(role_of(label))
        assert model._meta.label_lower in role.permissions, f"{label} is in no role"


@pytest.mark.parametrize("key", EXPECTED)
def test_a_relation_search_answers_the_editors_of_the_linking_model(client, key):
    """The partner-city editors find calendar events for their city without seeing the
    calendar; the calendar's editors may look its events up anyway."""
    EventFactory(title_de="Besuch aus Montbéliard")
    client.force_login(editor(key))
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Montb",
            "app_label": "partnerships",
            "model_name": "partnercity",
            "field_name": "events",
        },
    )
    if key in ("gemeinsam", "partnerstaedte"):
        assert response.status_code == 200
        results = [result["text"] for result in response.json()["results"]]
        assert results == ["Besuch aus Montbéliard"]
    else:
        assert response.status_code == 403


# --- Draft preview on the public site ---------------------------------------------------------


def test_a_draft_is_previewed_only_with_the_models_view_permission(client):
    city = PartnerCityFactory(status=DRAFT, name_de="Entwurfsstadt")
    client.force_login(editor("europa"))
    assert client.get(city.get_absolute_url()).status_code == 404

    client.force_login(editor("partnerstaedte", "stadt-redaktion"))
    response = client.get(city.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="draft-banner"' in html
    with override("de"):
        banner = gettext(
            "This page is not published. Only editors allowed to view this content can see it."
        )
    assert banner in html


def test_staff_without_any_permission_do_not_preview_drafts(client):
    page = SitePageFactory(status=DRAFT)
    client.force_login(User.objects.create_user("nur-staff", is_staff=True))
    assert client.get(page.get_absolute_url()).status_code == 404
    client.force_login(StaffUserFactory())  # a superuser
    assert client.get(page.get_absolute_url()).status_code == 200


# --- sync_roles ---------------------------------------------------------------------------------


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_sync_roles_is_idempotent_and_says_so():
    assert "already in step" in run("sync_roles")
    assert "already in step" in run("sync_roles")


def test_sync_roles_repairs_a_group_reports_it_and_keeps_its_members():
    group = Group.objects.get(name="Redaktion Europa")
    member = editor("europa")
    group.permissions.remove(Permission.objects.get(codename="change_fundingcall"))
    group.permissions.add(Permission.objects.get(codename="delete_fundingcall"))

    output = run("sync_roles")
    assert "Redaktion Europa: added europe.change_fundingcall" in output
    assert "Redaktion Europa: removed europe.delete_fundingcall" in output
    assert member.groups.filter(pk=group.pk).exists()
    assert "already in step" in run("sync_roles")


def test_sync_roles_recreates_a_deleted_group():
    Group.objects.filter(name="Redaktion Netzwerk").delete()
    assert "Created group 'Redaktion Netzwerk'" in run("sync_roles")
    assert Group.objects.get(name="Redaktion Netzwerk").permissions.filter(codename="change_actor")


def test_sync_roles_takes_personal_data_away_from_a_hand_made_group():
    group = Group.objects.create(name="Praktikum")
    group.permissions.add(
        Permission.objects.get(codename="view_nomination"),
        Permission.objects.get(codename="view_fundingcall"),
    )
    output = run("sync_roles")
    assert "Praktikum: removed europe.view_nomination" in output
    assert list(group.permissions.values_list("codename", flat=True)) == ["view_fundingcall"]


# --- create_editor ------------------------------------------------------------------------------


def test_create_editor_makes_a_staff_account_in_the_group_with_a_one_time_password(client):
    output = run("create_editor", "anna", "--email", "anna@example.org", "--group", "europa")
    password = output.split("One-time password (shown only now): ")[1].split()[0]
    user = User.objects.get(username="anna")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Redaktion Europa"]
    assert user.check_password(password) and len(password) >= 12
    assert user.editor_account.must_change_password

    # Until the password is changed, every admin page leads to the password form.
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:password_change")
    new_password = "Neues-Passwort-2026!"
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": password, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert not EditorAccount.objects.get(user=user).must_change_password


def test_create_editor_accepts_the_group_name_and_refuses_unknown_groups_and_names():
    run("create_editor", "ben", "--email", "ben@example.org", "--group", "Redaktion Netzwerk")
    assert User.objects.get(username="ben").groups.get().name == "Redaktion Netzwerk"
    with pytest.raises(CommandError, match="No role"):
        run("create_editor", "cem", "--email", "cem@example.org", "--group", "Chefredaktion")
    with pytest.raises(CommandError, match="exists already"):
        run("create_editor", "ben", "--email", "ben@example.org", "--group", "europa")


@override_settings(OTP_REQUIRED_FOR="none")
def test_an_existing_account_without_one_time_password_is_not_sent_to_change_it(client):
    client.force_login(editor("klima"))
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_role_that_names_personal_data_is_refused(monkeypatch):
    intern = roles.Role(
        key="praktikum", name="Praktikum", permissions={"europe.nomination": roles.VIEW_ONLY}
    )
    monkeypatch.setitem(roles._roles, "praktikum", intern)
    with pytest.raises(ImproperlyConfigured, match="personal-data"):
        run("sync_roles")
    assert not Group.objects.filter(name="Praktikum").exists()
