import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/partnerships/partnercity/",
        "/admin/partnerships/partnercity/?partnership_status=resting&since_known=no",
        "/admin/partnerships/partnercity/?q=Mont",
        "/admin/partnerships/partnercity/add/",
        "/admin/partnerships/activity/",
        "/admin/partnerships/activity/?pillar=project&year=1950",
        "/admin/partnerships/activity/?year=unknown",
        "/admin/partnerships/activity/?year=%3Cscript%3E",
        "/admin/partnerships/activity/add/",
        "/admin/partnerships/annualprogramme/",
        "/admin/partnerships/annualprogramme/add/",
    ],
)
def test_admin_pages_open(staff_client, partnerships_demo_content, url):
    response = staff_client.get(url)
    assert response.status_code == 200, url


def test_city_change_form_has_inlines(staff_client, partnerships_demo_content):
    from partnerships.models import PartnerCity

    city = PartnerCity.objects.get(slug="montbeliard")
    html = staff_client.get(f"/admin/partnerships/partnercity/{city.pk}/change/").content.decode()
    for prefix in (
        "activities-TOTAL_FORMS",
        "awards-TOTAL_FORMS",
        "images-TOTAL_FORMS",
        "links-TOTAL_FORMS",
    ):
        assert prefix in html
    assert "Adenauer-de-Gaulle-Preis" in html


def test_resting_filter_finds_jevpatorija(staff_client, partnerships_demo_content):
    html = staff_client.get(
        "/admin/partnerships/partnercity/?partnership_status=resting"
    ).content.decode()
    assert "Jevpatorija" in html and "Caerphilly" not in html
