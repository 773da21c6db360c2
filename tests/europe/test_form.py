import pytest
from django.conf import settings
from django.test import Client

from europe.models import InterestSubmission, SubmissionThrottle

from .factories import ParticipationProgrammeFactory

SUBMISSIONS_PER_HOUR = settings.INTEREST_FORM_LIMIT_PER_CLIENT

FORM_DE = "/de/europa/mitwirkung/interesse/"
FORM_EN = "/en/europe/participation/interest/"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def programme(db):
    return ParticipationProgrammeFactory(
        slug="juma", name_de="JUMA-Arbeitskreis", name_en="JUMA working group"
    )


def valid_data(programme, **overrides):
    data = {
        "name": "Maria Muster",
        "email": "maria@example.org",
        "programme": str(programme.pk),
        "message": "Ich interessiere mich für den Arbeitskreis.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_form_page_has_csrf_honeypot_and_labels(client, programme):
    response = client.get(FORM_DE + "?programme=juma")
    page = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in page
    assert 'name="website"' in page and 'tabindex="-1"' in page
    assert "Bitte lassen Sie dieses Feld leer" in page
    assert f'<option value="{programme.pk}" selected>' in page
    assert "mailto" not in page.split("<main")[1].split("</main>")[0]


@pytest.mark.django_db
def test_csrf_is_enforced(programme):
    client = Client(enforce_csrf_checks=True)
    response = client.post(FORM_DE, valid_data(programme))
    assert response.status_code == 403
    assert not InterestSubmission.objects.exists()


@pytest.mark.django_db
def test_valid_submission_is_stored_and_redirects_to_confirmation(client, programme):
    response = client.post(FORM_DE, valid_data(programme))
    assert response.status_code == 302
    submission = InterestSubmission.objects.get()
    assert submission.state == "new" and submission.language == "de" and submission.consent
    assert response["Location"] == f"/de/europa/mitwirkung/interesse/danke/{submission.token}/"
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "Vielen Dank" in page and "Maria Muster" in page and "JUMA-Arbeitskreis" in page
    assert confirmation.cookies == {}  # no messages framework, no session
    assert SubmissionThrottle.objects.count() == 1


@pytest.mark.django_db
def test_empty_form_gives_per_field_messages_in_german(client, programme):
    response = client.post(FORM_DE, {})
    assert response.status_code == 200
    page = response.content.decode()
    for message in (
        "Bitte geben Sie Ihren Namen ein.",
        "Bitte geben Sie Ihre E-Mail-Adresse ein.",
        "Bitte wählen Sie ein Programm.",
        "Bitte schreiben Sie eine kurze Nachricht.",
        "Wir können Ihre Nachricht nur mit Ihrer Einwilligung speichern und beantworten.",
    ):
        assert message in page
    assert "<title>Fehler:" in page
    assert not InterestSubmission.objects.exists()


@pytest.mark.django_db
def test_empty_form_gives_per_field_messages_in_english(client, programme):
    page = client.post(FORM_EN, {}).content.decode()
    assert "Please enter your name." in page
    assert "Please choose a programme." in page
    assert "Bitte" not in page


@pytest.mark.django_db
def test_over_long_values_are_refused_and_kept(client, programme):
    long_message = "x" * 3001
    response = client.post(FORM_DE, valid_data(programme, message=long_message, name="N" * 201))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bitte kürzen Sie Ihre Nachricht auf höchstens 3000 Zeichen (sie hat 3001)." in page
    assert "Bitte kürzen Sie Ihren Namen auf höchstens 200 Zeichen." in page
    assert long_message in page  # what was typed stays in the form
    assert not InterestSubmission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["maria", "maria@", "maria@example", "a b@example.org"])
def test_malformed_email(client, programme, email):
    page = client.post(FORM_DE, valid_data(programme, email=email)).content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in page
    assert not InterestSubmission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["999999", "abc", "<b>"])
def test_unknown_programme(client, programme, value):
    data = valid_data(programme)
    data["programme"] = value
    page = client.post(FORM_DE, data).content.decode()
    assert "Bitte wählen Sie eines der Programme aus der Liste." in page
    assert "<b>" not in page.split("<main")[1]


@pytest.mark.django_db
def test_draft_programme_cannot_be_chosen(client):
    draft = ParticipationProgrammeFactory(status="draft")
    page = client.post(FORM_DE, valid_data(draft)).content.decode()
    assert "Bitte wählen Sie eines der Programme aus der Liste." in page


@pytest.mark.django_db
def test_honeypot_filled_stores_nothing(client, programme):
    response = client.post(FORM_DE, valid_data(programme, website="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/de/europa/mitwirkung/interesse/danke/"
    assert not InterestSubmission.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_client(client, programme):
    for i in range(SUBMISSIONS_PER_HOUR):
        assert client.post(FORM_DE, valid_data(programme, name=f"Person {i}")).status_code == 302
    response = client.post(FORM_DE, valid_data(programme, name="Noch eine Person"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "Ihre Nachricht wurde nicht gesendet." in page
    assert 'value="Noch eine Person"' in page  # what was typed is kept
    assert InterestSubmission.objects.count() == SUBMISSIONS_PER_HOUR
    # Another client is not affected.
    other = client.post(FORM_DE, valid_data(programme), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    # Only hashes are stored, never the address.
    assert not SubmissionThrottle.objects.filter(client_hash__contains="127.0.0.1").exists()


@pytest.mark.django_db
def test_rate_limit_message_in_english(client, programme):
    for _ in range(SUBMISSIONS_PER_HOUR):
        client.post(FORM_EN, valid_data(programme))
    page = client.post(FORM_EN, valid_data(programme)).content.decode()
    assert "Your message was not sent." in page


@pytest.mark.django_db
def test_xss_payload_is_stored_verbatim_and_rendered_escaped(client, staff_client, programme):
    response = Client().post(FORM_DE, valid_data(programme, message=XSS, name=XSS[:60]))
    submission = InterestSubmission.objects.get()
    assert submission.message == XSS
    confirmation = Client().get(response["Location"]).content.decode()
    admin_list = staff_client.get("/admin/europe/interestsubmission/").content.decode()
    admin_detail = staff_client.get(
        f"/admin/europe/interestsubmission/{submission.pk}/change/"
    ).content.decode()
    for page in (confirmation, admin_list, admin_detail):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in confirmation
    assert "&lt;script&gt;" in admin_detail


@pytest.mark.django_db
def test_confirmation_with_unknown_token_shows_no_data(client):
    response = client.get(
        "/de/europa/mitwirkung/interesse/danke/00000000-0000-0000-0000-000000000000/"
    )
    assert response.status_code == 200
    assert "Was Sie gesendet haben" not in response.content.decode()
    assert client.get("/de/europa/mitwirkung/interesse/danke/kein-token/").status_code == 404


@pytest.mark.django_db
def test_confirmation_stops_showing_data_after_an_hour(client, programme):
    import datetime

    response = client.post(FORM_DE, valid_data(programme))
    InterestSubmission.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert "Maria Muster" not in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["?programme=%3Cscript%3E", "?programme=", "?programme=x&programme=y"]
)
def test_nonsense_programme_in_the_query_is_ignored(client, programme, query):
    response = client.get(FORM_DE + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]
    assert "selected>" not in response.content.decode().replace('<option value="" selected>', "")


@pytest.mark.django_db
def test_programme_options_are_in_the_page_language(client, programme):
    assert "JUMA working group" in client.get(FORM_EN).content.decode()
    assert "JUMA-Arbeitskreis" in client.get(FORM_DE).content.decode()


@pytest.mark.django_db
def test_confirmation_names_the_programme_only_while_it_is_published(client, programme):
    location = client.post(FORM_DE, valid_data(programme))["Location"]
    programme.status = "draft"
    programme.save()
    page = client.get(location).content.decode()
    assert "Maria Muster" in page
    assert "JUMA-Arbeitskreis" not in page


@pytest.mark.django_db
def test_the_form_says_how_long_the_details_are_kept(client, programme, settings):
    settings.INTEREST_SUBMISSION_RETENTION_MONTHS = 12
    page = client.get(FORM_DE).content.decode()
    assert "löschen sie spätestens 12 Monate nach unserer Antwort" in page
    assert "nicht mehr gebraucht" not in page
