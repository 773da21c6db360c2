"""The production shape's promises that only show with real servers: database connections stay
bounded however many requests come in at once."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from .servers import free_port, get, gunicorn, portal_env, runserver, serve

PAGES = ["/de/", "/en/", "/de/termine/", "/en/calendar/", "/de/partnerstaedte/"]


def _hammer(base_url: str, requests: int = 500, clients: int = 16) -> list[int]:
    urls = [base_url + PAGES[i % len(PAGES)] for i in range(requests)]
    with ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(lambda url: get(url)[0], urls))


def _settled_connections(postgres, at_most: int, seconds: float = 5) -> int:
    deadline = time.monotonic() + seconds
    while (count := postgres.client_connections()) > at_most and time.monotonic() < deadline:
        time.sleep(0.2)
    return count


def test_gunicorn_holds_at_most_one_connection_per_worker(own_postgres):
    workers = 2
    port = free_port()
    env = portal_env(own_postgres.url, DB_CONN_MAX_AGE="60")  # as in production
    with serve(env, gunicorn(port, workers=workers), port) as base_url:
        statuses = _hammer(base_url)
        assert set(statuses) == {200}
        assert _settled_connections(own_postgres, workers) <= workers


def test_the_development_server_keeps_no_connection_open(own_postgres):
    port = free_port()
    env = portal_env(own_postgres.url, "ludwigsburg_intl.settings.dev")
    env.pop("DB_CONN_MAX_AGE", None)
    with serve(env, runserver(port), port) as base_url:
        statuses = _hammer(base_url)
        assert set(statuses) == {200}
        assert _settled_connections(own_postgres, 0) == 0


@pytest.mark.django_db
def test_a_local_copy_in_the_production_shape_serves_uploaded_files(client, settings, tmp_path):
    # `make run` has no web server in front of gunicorn to serve /media/.
    import importlib

    from django.urls import clear_url_caches

    import ludwigsburg_intl.urls

    (tmp_path / "bild.txt").write_text("Bild")
    settings.MEDIA_ROOT = tmp_path
    try:
        for serve_media, status in ((False, 404), (True, 200)):
            settings.SERVE_MEDIA = serve_media
            importlib.reload(ludwigsburg_intl.urls)
            clear_url_caches()
            response = client.get("/media/bild.txt")
            assert response.status_code == status
        assert b"".join(response.streaming_content) == b"Bild"
    finally:
        settings.SERVE_MEDIA = False
        importlib.reload(ludwigsburg_intl.urls)
        clear_url_caches()
