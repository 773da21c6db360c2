"""Two app servers behind one load balancer share one PostgreSQL and one Redis: what an editor
publishes through one is served by the other at once, and the form's rate limit holds across
both. The app servers keep nothing of their own."""

import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from .servers import free_port, get, gunicorn, manage, portal_env, serve

REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture(scope="module")
def redis_url():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379 (start one to test two app servers)")
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


@pytest.fixture(scope="module")
def two_servers(own_postgres, redis_url):
    env = portal_env(
        own_postgres.url, REDIS_URL=redis_url, PAGE_CACHE_SECONDS="600", DB_CONN_MAX_AGE="60"
    )
    manage(env, "load_demo_content", "-v", "0")
    script = (
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_superuser('admin', 'admin@example.org', 'pw-for-tests');"
        "from ludwigsburg_intl.models import SitePage;"
        "page = SitePage.objects.create(slug='neu', title_de='Frisch veröffentlicht', "
        "title_en='Freshly published', body_de='Text', show_in_footer=True, status='draft');"
        "print(page.pk)"
    )
    created = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    draft_pk = created.stdout.strip().splitlines()[-1]
    port_a, port_b = free_port(), free_port()
    with (
        serve(env, gunicorn(port_a), port_a) as server_a,
        serve(env, gunicorn(port_b), port_b) as server_b,
    ):
        yield server_a, server_b, draft_pk


class Browser:
    """A visitor with cookies, posting forms the way a browser does (CSRF token included)."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=30) as response:
            return response.read().decode()

    def post(self, url: str, form_page: str, data: dict) -> int:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(form_page))
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token.group(1)}, doseq=True)
        request = urllib.request.Request(url, data=body.encode(), headers={"Referer": form_page})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def test_a_page_published_through_one_server_is_served_by_the_other_at_once(two_servers):
    server_a, server_b, draft_pk = two_servers
    for server in (server_a, server_b, server_a, server_b):  # both have the page cached
        assert "Frisch veröffentlicht" not in get(f"{server}/de/")[2]

    editor = Browser()
    login = f"{server_a}/admin/login/"
    assert (
        editor.post(
            login, login, {"username": "admin", "password": "pw-for-tests", "next": "/admin/"}
        )
        == 200
    )
    changelist = f"{server_a}/admin/ludwigsburg_intl/sitepage/"
    status = editor.post(
        changelist, changelist, {"action": "publish", "_selected_action": [draft_pk], "index": "0"}
    )
    assert status == 200

    assert "Frisch veröffentlicht" in get(f"{server_b}/de/")[2]
    assert "Freshly published" in get(f"{server_b}/en/")[2]
    assert "Frisch veröffentlicht" in get(f"{server_a}/de/")[2]


def test_the_forms_rate_limit_holds_across_both_servers(two_servers):
    server_a, server_b, _draft = two_servers
    with override("de"):
        path = reverse("europe:interest-form")
    visitor = Browser()
    programme = re.search(r'<option value="(\d+)"', visitor.get(f"{server_a}{path}")).group(1)
    statuses = []
    for attempt in range(settings.INTEREST_FORM_LIMIT_PER_CLIENT + 1):
        server = (server_a, server_b)[attempt % 2]
        data = {
            "name": f"Person {attempt}",
            "email": f"person{attempt}@example.org",
            "programme": programme,
            "message": "Ich interessiere mich für das Programm.",
            "consent": "on",
            "website": "",
        }
        statuses.append(visitor.post(f"{server}{path}", f"{server}{path}", data))
    assert statuses == [200] * settings.INTEREST_FORM_LIMIT_PER_CLIENT + [429]
