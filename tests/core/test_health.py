"""Probes for the load balancer; a 503 page in the portal's design while the database is away."""

import pytest
from django.db import OperationalError

from ludwigsburg_intl import health

from .servers import free_port, get, gunicorn, portal_env, serve

pytestmark = pytest.mark.django_db


def _assert_probe_headers(response):
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    _assert_probe_headers(response)


def test_readyz_reports_database_migrations_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok"},
    }
    _assert_probe_headers(response)


def test_readyz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_database_ok", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "failed",
        "migrations": "unknown",
        "cache": "ok",
    }
    _assert_probe_headers(response)


def test_readyz_is_503_while_a_migration_is_missing(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)]
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "failed"


def test_probes_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/de/", "de", "Vorübergehend nicht verfügbar"), ("/en/", "en", "Temporarily unavailable")],
)
def test_database_outage_gives_a_503_page_in_the_visitors_language(client, path, language, heading):
    from django.db import connection

    def broken(execute, sql, params, many, context):
        # The connection fails while the page reads its events.
        if '"ludwigsburg_intl_event"' in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(broken):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'href="/static/css/site.css"' in html  # the portal's own design


# --- A real outage: a PostgreSQL server of the test's own is stopped and started again ---------


def test_a_real_database_outage_gives_503_and_the_portal_recovers_by_itself(own_postgres):
    port = free_port()
    env = portal_env(own_postgres.url, DB_CONN_MAX_AGE="60", PAGE_CACHE_SECONDS="600")
    with serve(env, gunicorn(port), port) as base_url:
        assert get(f"{base_url}/de/")[0] == 200

        own_postgres.stop()
        try:
            status, headers, body = get(f"{base_url}/de/")
            assert status == 503
            assert headers["Retry-After"] == "30"
            assert "Vorübergehend nicht verfügbar" in body
            assert get(f"{base_url}/readyz")[0] == 503
            assert get(f"{base_url}/healthz")[0] == 200
        finally:
            own_postgres.start()

        assert get(f"{base_url}/de/")[0] == 200
        assert get(f"{base_url}/readyz")[0] == 200


def test_a_database_restart_between_two_visits_costs_the_visitor_nothing(own_postgres):
    # The worker's persistent connection goes stale during the restart: the next request
    # replaces it before use instead of failing.
    port = free_port()
    env = portal_env(own_postgres.url, DB_CONN_MAX_AGE="60", PAGE_CACHE_SECONDS="600")
    with serve(env, gunicorn(port), port) as base_url:
        for page in ("/de/", "/de/", "/en/calendar/"):
            assert get(f"{base_url}{page}")[0] == 200
        own_postgres.stop()
        own_postgres.start()
        assert get(f"{base_url}/de/")[0] == 200  # cached page, stale connection replaced
        own_postgres.stop()
        own_postgres.start()
        assert get(f"{base_url}/en/calendar/?page=1")[0] == 200  # rendered page
