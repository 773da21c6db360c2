"""A page's queries are kept prepared by PostgreSQL (server-side binding), and the history of
changes is still recorded with who made them (django-pghistory's statement prefix)."""

import pghistory
import pytest
from django.conf import settings
from django.db import connection

from ludwigsburg_intl.db.postgresql.base import ServerBindingCursor
from tests.factories import PUBLISHED, SitePageFactory
from tests.partnerships.factories import PartnerCityFactory

pytestmark = pytest.mark.django_db


def _prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_page_asked_for_again_is_not_planned_again(client):
    assert settings.DATABASES["default"]["OPTIONS"]["server_side_binding"] is True
    PartnerCityFactory(slug="montbeliard", status=PUBLISHED)
    for _ in range(3):
        # A CSRF cookie: the page cache never serves it, the page is rendered each time.
        client.cookies["csrftoken"] = "x" * 32
        assert client.get("/de/partnerstaedte/montbeliard/").status_code == 200
    assert isinstance(connection.connection.cursor(), ServerBindingCursor)
    assert any("partnerships_partnercity" in statement for statement in _prepared())


@pytest.mark.parametrize("named", [False, True])
def test_a_change_under_a_history_context_is_recorded_with_it(named):
    page = SitePageFactory(status=PUBLISHED, title_de="Vorher")
    with pghistory.context(command="test"), connection.cursor() as cursor:
        if named:
            cursor.execute(
                "UPDATE ludwigsburg_intl_sitepage SET title_de = %(title)s WHERE id = %(id)s",
                {"title": "Nachher", "id": page.pk},
            )
        else:
            cursor.execute(
                "UPDATE ludwigsburg_intl_sitepage SET title_de = %s WHERE id = %s",
                ["Nachher", page.pk],
            )
    version = page.versions.select_related("pgh_context").order_by("pgh_id").last()
    assert version.title_de == "Nachher"
    assert version.pgh_context.metadata["command"] == "test"
