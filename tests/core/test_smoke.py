import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/en/",
        "/de/termine/",
        "/en/calendar/",
        "/en/calendar/archive/",
        "/de/seiten/impressum/",
        "/en/pages/impressum/",
        "/de/partnerstaedte/",
        "/en/calendar/?month=abc&area=zzz",
    ],
)
def test_pages_answer(client, demo_content, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
