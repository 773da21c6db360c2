"""The production settings as an operator meets them: imported in a fresh process, environment
variable by environment variable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

REPO = Path(__file__).resolve().parents[2]
PROD = "ludwigsburg_intl.settings.prod"
PROD_ENV = {
    "SECRET_KEY": "k3y-for-the-settings-tests-" + "Zq8#xV2!pL9@wR4$tN6%yB1^mC7&dF3*",
    "ALLOWED_HOSTS": "international.ludwigsburg.de",
    # Never connected to: importing the settings and the deploy checks open no connection.
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/ludwigsburg_intl",
}
OUR_VARIABLES = (
    *PROD_ENV,
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "TRUSTED_PROXY_COUNT",
    "EMBEDDED_DATABASE",
    "DB_CONN_MAX_AGE",
    "CLIENT_IP_HEADER",
    "DJANGO_SETTINGS_MODULE",
    # Set by the browser fixtures of this test run (Playwright's event loop), never in production.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
PRINT_SETTINGS = f"""
import json, {PROD} as prod
print(json.dumps({{
    "database": prod.DATABASES["default"],
    "proxy_ssl_header": prod.SECURE_PROXY_SSL_HEADER,
    "trusted_proxy_count": prod.TRUSTED_PROXY_COUNT,
}}))
"""


def environment(**env):
    clean = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    return {**clean, **env}


def import_prod(**env):
    """Import the production settings in a new interpreter with exactly this environment."""
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO,
        env=environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def prod_settings(**env) -> dict:
    result = import_prod(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def without(name):
    return {key: value for key, value in PROD_ENV.items() if key != name}


def test_production_refuses_to_start_without_database_url():
    result = import_prod(**without("DATABASE_URL"))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable DATABASE_URL must be set in production" in result.stderr
    assert "embedded PostgreSQL" in result.stderr  # says why the fallback is not used

    blank = import_prod(**{**PROD_ENV, "DATABASE_URL": "  "})
    assert blank.returncode != 0 and "DATABASE_URL" in blank.stderr


def test_the_embedded_database_only_when_asked_for_explicitly():
    # `make run` serves a local copy in the production shape on the embedded server.
    database = prod_settings(**without("DATABASE_URL"), EMBEDDED_DATABASE="1")["database"]
    assert database["ENGINE"] == "ludwigsburg_intl.db.embedded"
    assert import_prod(**without("DATABASE_URL"), EMBEDDED_DATABASE="yes").returncode != 0


def test_production_keeps_one_checked_connection_per_worker():
    database = prod_settings(**PROD_ENV)["database"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_production_uses_the_database_url():
    database = prod_settings(**PROD_ENV)["database"]
    assert database["ENGINE"] == "ludwigsburg_intl.db.postgresql"
    assert database["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 2}
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example.org",
        5432,
        "ludwigsburg_intl",
    )


def test_proxy_header_is_trusted_only_when_configured():
    assert prod_settings(**PROD_ENV)["proxy_ssl_header"] is None
    opted_in = prod_settings(**PROD_ENV, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert opted_in["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.parametrize("value", ["HTTP_X_FORWARDED_PROTO: https", "X-Forwarded-Proto,https"])
def test_malformed_proxy_header_stops_the_start(value):
    result = import_prod(**PROD_ENV, SECURE_PROXY_SSL_HEADER=value)
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be the name of a request header" in result.stderr


def test_trusted_proxy_count_comes_from_the_environment():
    assert prod_settings(**PROD_ENV)["trusted_proxy_count"] == 0
    assert prod_settings(**PROD_ENV, TRUSTED_PROXY_COUNT="2")["trusted_proxy_count"] == 2
    result = import_prod(**PROD_ENV, TRUSTED_PROXY_COUNT="nginx")
    assert result.returncode != 0 and "TRUSTED_PROXY_COUNT must be" in result.stderr


def test_the_replaced_client_ip_header_is_refused_with_a_pointer_to_its_successor():
    result = import_prod(**PROD_ENV, CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
    assert result.returncode != 0
    assert "CLIENT_IP_HEADER is no longer used: set TRUSTED_PROXY_COUNT" in result.stderr


@pytest.mark.django_db
def test_forged_forwarded_proto_is_redirected_unless_the_proxy_header_is_opted_in(client):
    """Over plain HTTP, a client claiming HTTPS in X-Forwarded-Proto is still sent to HTTPS;
    only with the opt-in (a proxy that overwrites the header) is the claim believed."""
    claims_https = {"X-Forwarded-Proto": "https"}
    default = prod_settings(**PROD_ENV)["proxy_ssl_header"]
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=default):
        response = client.get("/de/", headers=claims_https)
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/de/"

    opted_in = prod_settings(**PROD_ENV, SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    header = tuple(opted_in["proxy_ssl_header"])
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=header, SECURE_HSTS_SECONDS=31536000
    ):
        client = Client()  # the security middleware reads its settings when it is set up
        response = client.get("/de/", headers=claims_https)
        assert response.status_code == 200
        assert "Strict-Transport-Security" in response
        assert client.get("/de/").status_code == 301  # without the header: still redirected
