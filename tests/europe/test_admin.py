import datetime

import pytest

from europe.models import FundingCall, Nomination, ParticipationProgramme
from ludwigsburg_intl.models import Event

from .factories import FundingCallFactory, FundingProgrammeFactory, ParticipationProgrammeFactory

TODAY = datetime.date.today()


def programme_form(programme, nominees):
    data = {
        "name_de": programme.name_de,
        "name_en": programme.name_en or "",
        "short_name": programme.short_name,
        "slug": programme.slug,
        "organiser_de": programme.organiser_de,
        "organiser_en": "",
        "description_de": programme.description_de,
        "description_en": "",
        "how_to_take_part_de": "",
        "how_to_take_part_en": "",
        "url": "",
        "network": "",
        "sort_order": "0",
        "max_nominations": str(programme.max_nominations),
        "age_limit": "" if programme.age_limit is None else str(programme.age_limit),
        "status": "published",
        "publish_from_0": "",
        "publish_from_1": "",
        "publish_until_0": "",
        "publish_until_1": "",
        "nominations-TOTAL_FORMS": str(len(nominees)),
        "nominations-INITIAL_FORMS": "0",
        "nominations-MIN_NUM_FORMS": "0",
        "nominations-MAX_NUM_FORMS": "1000",
    }
    for i, nominee in enumerate(nominees):
        for key, value in nominee.items():
            data[f"nominations-{i}-{key}"] = value
        data[f"nominations-{i}-programme"] = str(programme.pk)
    return data


def nominee(name, start="2024-07-01", end="", age=""):
    return {
        "name": name,
        "mandate_start": start,
        "mandate_end": end,
        "age_at_nomination": age,
        "notes": "",
    }


def change_url(programme):
    return f"/admin/europe/participationprogramme/{programme.pk}/change/"


@pytest.mark.django_db
def test_admin_refuses_a_nomination_beyond_the_maximum(staff_client):
    programme = ParticipationProgrammeFactory(
        max_nominations=1, name_de="Europa fängt in der Gemeinde an"
    )
    response = staff_client.post(
        change_url(programme), programme_form(programme, [nominee("Anna A"), nominee("Bernd B")])
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "erlaubt der Stadt, höchstens 1 Gemeinderatsmitglied gleichzeitig zu benennen; "
        "so wären es 2" in page
    )
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_admin_accepts_nominations_within_the_maximum(staff_client):
    programme = ParticipationProgrammeFactory(max_nominations=1)
    ended = (TODAY - datetime.timedelta(days=1)).isoformat()
    response = staff_client.post(
        change_url(programme),
        programme_form(
            programme, [nominee("Anna A"), nominee("Alte Amtszeit", "2019-07-01", ended)]
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(Nomination.objects.values_list("name", flat=True)) == {"Anna A", "Alte Amtszeit"}


@pytest.mark.django_db
def test_admin_checks_the_age_limit(staff_client):
    programme = ParticipationProgrammeFactory(max_nominations=2, age_limit=40, name_de="JUMA")
    response = staff_client.post(
        change_url(programme),
        programme_form(programme, [nominee("Zu Alt", age="41"), nominee("Ohne Alter")]),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "bis zu einem Alter von 40 Jahren offen" in page
    assert "Dieses Programm hat eine Altersgrenze" in page
    assert not Nomination.objects.exists()


@pytest.mark.django_db
def test_standalone_nomination_admin_also_refuses_beyond_the_maximum(staff_client):
    programme = ParticipationProgrammeFactory(max_nominations=2)
    for name in ("Eins", "Zwei"):
        Nomination.objects.create(programme=programme, name=name, mandate_start=TODAY)
    response = staff_client.post(
        "/admin/europe/nomination/add/",
        {
            "programme": programme.pk,
            "name": "Drei",
            "mandate_start": TODAY.isoformat(),
            "mandate_end": "",
            "age_at_nomination": "",
            "notes": "",
        },
    )
    assert response.status_code == 200
    assert "höchstens 2 Gemeinderatsmitglieder" in response.content.decode()
    assert Nomination.objects.count() == 2


@pytest.mark.django_db
def test_admin_lists_submissions_with_filters(staff_client, demo_content):
    from europe.models import InterestSubmission, ParticipationProgramme

    juma = ParticipationProgramme.objects.get(slug="juma")
    InterestSubmission.objects.create(
        name="Neu", email="a@example.org", programme=juma, message="m", consent=True, language="de"
    )
    response = staff_client.get(
        f"/admin/europe/interestsubmission/?state=new&programme__id__exact={juma.pk}"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Neu" in page and "Beantwortet" in page  # state filter offers both states
    assert staff_client.get("/admin/europe/interestsubmission/add/").status_code == 403


@pytest.mark.django_db
def test_every_europe_admin_page_opens(staff_client, demo_content):
    for model in (
        "workfield",
        "fundingtopic",
        "fundingprogramme",
        "fundingcall",
        "fundingapplication",
        "network",
        "participationprogramme",
        "nomination",
        "interestsubmission",
    ):
        assert staff_client.get(f"/admin/europe/{model}/").status_code == 200, model
        assert staff_client.get(f"/admin/europe/{model}/?q=%3Cx%3E").status_code == 200, model
    call = FundingCall.objects.first()
    assert staff_client.get(f"/admin/europe/fundingcall/{call.pk}/change/").status_code == 200
    programme = ParticipationProgramme.objects.get(slug="juma")
    page = staff_client.get(change_url(programme))
    assert page.status_code == 200
    assert "nominations-TOTAL_FORMS" in page.content.decode()


@pytest.mark.django_db
def test_admin_publish_action_keeps_the_calendar_in_sync(staff_client):
    call = FundingCallFactory(status="draft", programme=FundingProgrammeFactory())
    assert Event.objects.get(funding_call=call).status == "draft"
    staff_client.post(
        "/admin/europe/fundingcall/",
        {"action": "publish", "_selected_action": [call.pk]},
    )
    assert Event.objects.get(funding_call=call).status == "published"
    staff_client.post(
        "/admin/europe/fundingcall/",
        {"action": "unpublish", "_selected_action": [call.pk]},
    )
    assert Event.objects.get(funding_call=call).status == "draft"


@pytest.mark.django_db
def test_a_calls_deadline_is_read_only_in_the_calendar_admin(staff_client):
    from django.urls import reverse

    from ludwigsburg_intl.models import Event

    from .factories import FundingCallFactory

    call = FundingCallFactory()
    call.refresh_from_db()
    event = Event.objects.get(pk=call.deadline_event_id)
    url = reverse("admin:ludwigsburg_intl_event_change", args=[event.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert (
        "follows it: change it there" in page.content.decode() or "folgt" in page.content.decode()
    )
    assert 'name="_save"' not in page.content.decode()
    response = staff_client.post(url, {"title_de": "Überschrieben", "status": "draft"})
    assert response.status_code == 403
    delete = reverse("admin:ludwigsburg_intl_event_delete", args=[event.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:ludwigsburg_intl_event_changelist")
    for action in ("unpublish", "delete_selected"):
        staff_client.post(
            changelist, {"action": action, "_selected_action": [event.pk], "post": "yes"}
        )
    event.refresh_from_db()
    assert event.status == "published" and event.title_de != "Überschrieben"
