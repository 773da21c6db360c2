"""Admin actions: every action of every registered admin works on a real object, needs the
change permission of its model and leaves an entry in the object's history."""

import datetime
import itertools

import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from climate.models import ProjectChange
from europe.models import InterestSubmission, Nomination
from ludwigsburg_intl import editorial
from ludwigsburg_intl.admin import PublishingActionsMixin
from ludwigsburg_intl.models import Event, SDGGoal
from ludwigsburg_intl.publishing import Publishable
from network.models import StatePartner
from tests.climate import factories as climate
from tests.europe import factories as europe
from tests.factories import (
    DRAFT,
    PUBLISHED,
    ContactPersonFactory,
    EventFactory,
    OfficeFactory,
    SitePageFactory,
)
from tests.network import factories as network
from tests.partnerships import factories as partnerships

pytestmark = pytest.mark.django_db

NEW = InterestSubmission.State.NEW
ANSWERED = InterestSubmission.State.ANSWERED


NUMBERS = itertools.count(1)


def _group(**fields):
    return Group.objects.create(name=f"Redaktion {next(NUMBERS)}", **fields)


def _user(**fields):
    return User.objects.create_user(f"jemand-{next(NUMBERS)}", **fields)


def _state_partner(**fields):
    number = next(NUMBERS)
    return StatePartner.objects.create(
        slug=f"projektstelle-{number}", name=f"Projektstelle {number}", **fields
    )


def _meeting(**fields):
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=next(NUMBERS))
    return climate.MeetingFactory(date=day, **fields)


def _nomination(**fields):
    return Nomination.objects.create(
        programme=europe.ParticipationProgrammeFactory(),
        name="Anna Beispiel",
        mandate_start=datetime.date(2024, 7, 1),
        **fields,
    )


def _submission(**fields):
    return InterestSubmission.objects.create(
        name="Bea Beispiel",
        email="bea@example.org",
        programme=europe.ParticipationProgrammeFactory(),
        message="Ich möchte mitmachen.",
        consent=True,
        language="de",
        **fields,
    )


def _project_change(**fields):
    return ProjectChange.objects.create(
        project=climate.ProjectFactory(),
        kind=ProjectChange.Kind.STATUS,
        changed_on=datetime.date(2024, 3, 1),
        **fields,
    )


# One way to build a real object for each registered model.
BUILDERS = {
    "auth.Group": _group,
    "auth.User": _user,
    "ludwigsburg_intl.SDGGoal": lambda **fields: SDGGoal.objects.get(number=13),
    "ludwigsburg_intl.Office": OfficeFactory,
    "ludwigsburg_intl.ContactPerson": ContactPersonFactory,
    "ludwigsburg_intl.Event": EventFactory,
    "ludwigsburg_intl.SitePage": SitePageFactory,
    "partnerships.PartnerCity": partnerships.PartnerCityFactory,
    "partnerships.Activity": partnerships.ActivityFactory,
    "partnerships.AnnualProgramme": partnerships.AnnualProgrammeFactory,
    "climate.ClimatePartnership": climate.PartnershipFactory,
    "climate.Funder": climate.FunderFactory,
    "climate.Project": climate.ProjectFactory,
    "climate.StatusReport": climate.StatusReportFactory,
    "climate.ProjectChange": _project_change,
    "climate.Committee": climate.CommitteeFactory,
    "climate.CommitteeMeeting": _meeting,
    "europe.WorkField": europe.WorkFieldFactory,
    "europe.FundingTopic": europe.FundingTopicFactory,
    "europe.FundingProgramme": europe.FundingProgrammeFactory,
    "europe.FundingCall": europe.FundingCallFactory,
    "europe.FundingApplication": europe.FundingApplicationFactory,
    "europe.Network": europe.NetworkFactory,
    "europe.ParticipationProgramme": europe.ParticipationProgrammeFactory,
    "europe.Nomination": _nomination,
    "europe.InterestSubmission": _submission,
    "network.Topic": network.TopicFactory,
    "network.Actor": network.ActorFactory,
    "network.Programme": network.ProgrammeFactory,
    "network.CoordinationItem": network.CoordinationItemFactory,
    "network.Membership": network.MembershipFactory,
    "network.StatePartner": _state_partner,
    "network.Indicator": network.IndicatorFactory,
    "network.IndicatorValue": network.IndicatorValueFactory,
}

# What each action does: the field it sets, the value before and the value after.
# An action missing here makes the test below fail: say what a new action is expected to do.
SETS_FIELD = {
    "publish": ("status", DRAFT, PUBLISHED),
    "unpublish": ("status", PUBLISHED, DRAFT),
    "mark_answered": ("state", NEW, ANSWERED),
    "mark_new": ("state", ANSWERED, NEW),
}
DELETES = {"delete_selected"}


def _make_stale(obj):
    """Give every German text an English one, then change a German text: English out of date."""
    pairs = editorial.translation_field_pairs(type(obj))
    if not any(getattr(obj, de.name) for de, _en in pairs):
        setattr(obj, pairs[0][0].name, "Text")
    for de, en in pairs:
        if getattr(obj, de.name) and not getattr(obj, en.name):
            setattr(obj, en.name, "Text")
    obj.save()
    de = next(de for de, _en in pairs if getattr(obj, de.name))
    setattr(obj, de.name, getattr(obj, de.name)[:-1] + "!")
    obj.save()
    assert not _english_current(obj)
    return obj


def _english_current(obj):
    model = type(obj)
    return not model.objects.filter(editorial.stale_q(model), pk=obj.pk).exists()


def _reviewed(obj):
    obj.refresh_from_db()
    return obj.review_on == editorial.next_review_date()


# The actions every translated or publishable model's admin gets (admin_editorial): how to make
# an object on which they have something to do, and whether they did it.
EDITORIAL = {
    "mark_translation_checked": (_make_stale, _english_current),
    "mark_reviewed": (lambda obj: obj, _reviewed),
}


def all_actions(model_admin):
    """The names of the actions a superuser is offered in the changelist."""
    request = RequestFactory().get("/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return sorted(model_admin.get_actions(request))


def every_action():
    return [
        pytest.param(model, name, id=f"{model._meta.label}-{name}")
        for model, model_admin in admin.site._registry.items()
        for name in all_actions(model_admin)
    ]


def every_custom_action():
    return [param for param in every_action() if param.values[1] not in DELETES]


def every_model():
    return [pytest.param(model, id=model._meta.label) for model in admin.site._registry]


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def build(model, action):
    """A real object of ``model`` on which ``action`` has something to do."""
    builder = BUILDERS[model._meta.label]
    if action in EDITORIAL:
        prepare, _done = EDITORIAL[action]
        return prepare(builder())
    if action in SETS_FIELD:
        field, before, _after = SETS_FIELD[action]
        return builder(**{field: before})
    return builder()


def post_action(client, model, action, *objects):
    data = {"action": action, "_selected_action": [obj.pk for obj in objects]}
    if action in DELETES:
        data["post"] = "yes"  # the confirmation page's "Yes, I'm sure"
    return client.post(changelist(model), data)


def log_entries(obj, flag):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        action_flag=flag,
    )


def user_with(permissions, model):
    """A staff member holding exactly the given permissions (e.g. "view") on ``model``."""
    user = User.objects.create_user("nur-lesen", "nur-lesen@example.org", is_staff=True)
    content_type = ContentType.objects.get_for_model(model)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type=content_type,
            codename__in=[f"{p}_{model._meta.model_name}" for p in permissions],
        )
    )
    return user


def test_every_registered_model_can_be_built_for_the_action_tests():
    missing = [m._meta.label for m in admin.site._registry if m._meta.label not in BUILDERS]
    assert not missing, f"add a builder to BUILDERS for: {missing}"


def test_every_custom_action_needs_the_change_permission():
    lax = [
        f"{model._meta.label}: {action.name}"
        for model, model_admin in admin.site._registry.items()
        for action in model_admin._get_base_actions()
        if action.name not in DELETES
        and "change" not in getattr(action.func, "allowed_permissions", ())
    ]
    assert not lax, "actions without permissions=['change']:\n" + "\n".join(lax)


def test_every_publishable_model_has_the_one_shared_set_of_publishing_actions():
    wrong = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if issubclass(model, Publishable)
        and not (
            isinstance(model_admin, PublishingActionsMixin)
            and type(model_admin).publish is PublishingActionsMixin.publish
            and type(model_admin).unpublish is PublishingActionsMixin.unpublish
            and {"publish", "unpublish"} <= set(all_actions(model_admin))
        )
    ]
    assert not wrong, f"admins without the shared publishing actions: {wrong}"


@pytest.mark.parametrize(("model", "action"), every_action())
def test_every_action_works_on_a_real_object(staff_client, model, action):
    assert action in SETS_FIELD or action in DELETES or action in EDITORIAL, (
        f"say what {action!r} is expected to do"
    )
    obj = build(model, action)
    response = post_action(staff_client, model, action, obj)
    assert response.status_code == 302, response.content.decode()[:2000]
    if action in EDITORIAL:
        _prepare, done = EDITORIAL[action]
        assert done(obj)
        assert log_entries(obj, CHANGE).count() == 1
        return

    if action in DELETES:
        assert not model._default_manager.filter(pk=obj.pk).exists()
        assert log_entries(obj, DELETION).count() == 1
        return
    field, _before, after = SETS_FIELD[action]
    obj.refresh_from_db()
    assert getattr(obj, field) == after
    entry = log_entries(obj, CHANGE).get()
    label = model._meta.get_field(field)
    assert str(dict(label.flatchoices)[after]) in entry.get_change_message()


@pytest.mark.parametrize("model", every_model())
def test_a_view_only_user_is_offered_no_action(client, model):
    build(model, "view")
    client.force_login(user_with(["view"], model))
    response = client.get(changelist(model))
    assert response.status_code == 200
    assert 'name="action"' not in response.content.decode()


@pytest.mark.parametrize(("model", "action"), every_action())
def test_a_view_only_user_cannot_run_an_action(client, model, action):
    obj = build(model, action)
    client.force_login(user_with(["view"], model))
    post_action(client, model, action, obj)

    if action in DELETES:
        assert model._default_manager.filter(pk=obj.pk).exists()
    elif action in EDITORIAL:
        _prepare, done = EDITORIAL[action]
        assert not done(obj)
    else:
        field, before, _after = SETS_FIELD[action]
        obj.refresh_from_db()
        assert getattr(obj, field) == before
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(("model", "action"), every_custom_action())
def test_an_editor_with_change_permission_runs_actions_and_each_object_is_logged(
    client, model, action
):
    first, second = build(model, action), build(model, action)
    client.force_login(user_with(["view", "change"], model))
    html = client.get(changelist(model)).content.decode()
    assert f'value="{action}"' in html

    response = post_action(client, model, action, first, second)
    assert response.status_code == 302
    for obj in (first, second):
        if action in EDITORIAL:
            _prepare, done = EDITORIAL[action]
            assert done(obj)
        else:
            field, _before, after = SETS_FIELD[action]
            obj.refresh_from_db()
            assert getattr(obj, field) == after
        assert log_entries(obj, CHANGE).count() == 1


def test_the_editor_is_told_what_an_action_changed_and_the_history_names_it(staff_client):
    drafts = [SitePageFactory(status=DRAFT), SitePageFactory(status=DRAFT)]
    already = SitePageFactory(status=PUBLISHED)
    response = staff_client.post(
        changelist(drafts[0]._meta.model),
        {"action": "publish", "_selected_action": [p.pk for p in [*drafts, already]]},
        follow=True,
    )
    page = response.content.decode()
    assert "2 Seiten geändert: Veröffentlichungsstatus ist jetzt „Veröffentlicht“." in page
    assert not log_entries(already, CHANGE).exists()  # nothing changed, nothing logged

    history = staff_client.get(
        reverse("admin:ludwigsburg_intl_sitepage_history", args=[drafts[0].pk])
    )
    assert "Veröffentlichungsstatus von „Entwurf“ auf „Veröffentlicht“ geändert." in (
        history.content.decode()
    )


def test_an_action_that_changes_nothing_says_so(staff_client):
    published = SitePageFactory(status=PUBLISHED)
    response = staff_client.post(
        changelist(published._meta.model),
        {"action": "publish", "_selected_action": [published.pk]},
        follow=True,
    )
    assert "Nichts geändert" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_publishing_actions_keep_a_calls_deadline_in_the_calendar_in_step(staff_client):
    call = europe.FundingCallFactory(status=DRAFT)
    call.refresh_from_db()
    deadline = Event.objects.filter(pk=call.deadline_event_id)
    assert deadline.exists()
    assert not deadline.published().exists()

    post_action(staff_client, call._meta.model, "publish", call)
    assert deadline.published().exists()

    post_action(staff_client, call._meta.model, "unpublish", call)
    assert not deadline.published().exists()


def test_publishing_through_an_action_counts_as_a_change(staff_client):
    import datetime

    from django.utils import timezone

    from tests.climate.factories import ProjectFactory

    project = ProjectFactory(status=DRAFT)
    month_ago = timezone.now() - datetime.timedelta(days=30)
    type(project).objects.filter(pk=project.pk).update(updated_at=month_ago)
    post_action(staff_client, type(project), "publish", project)
    project.refresh_from_db()
    assert project.status == PUBLISHED
    assert project.updated_at > month_ago  # feeds and teasers see it as new
