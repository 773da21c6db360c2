"""Site-wide guarantees: every public page, both languages, with the demo content.

No page answers 500, sets a cookie on an anonymous GET (except the Europe interest form),
loads anything from another host, or lacks the security headers; every HTML page has one h1
and the ``<html lang>`` of its URL. Bad input gives a 404 or the page, never a 500.
"""

import importlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.urls import path, reverse
from django.utils.translation import gettext, override

from ludwigsburg_intl import areas
from tests.core.crawl import CrawlResult, crawl, is_other_host, local_path, parse_html, view_name

REPO = Path(settings.BASE_DIR)
REDIRECTS = (301, 302, 303, 307, 308)


def cookie_allowed(page_path: str) -> bool:
    """Only the Europe interest form may set a (CSRF) cookie on a GET."""
    name = view_name(page_path) or ""
    return "interest" in name


def security_header_problems(response) -> list[str]:
    problems = []
    csp = response.get("Content-Security-Policy", "")
    if not csp:
        problems.append("no Content-Security-Policy")
    else:
        if "unsafe-inline" in csp or "unsafe-eval" in csp:
            problems.append(f"CSP allows unsafe code: {csp}")
        if "frame-ancestors" not in csp:
            problems.append("CSP without frame-ancestors")
        for directive in csp.split(";"):
            # Every source allowed must be this site: no other host, no wildcard.
            for source in directive.split()[1:]:
                if source == "*" or source.startswith(("http:", "https:", "//")) or "." in source:
                    problems.append(f"CSP allows another host: {directive.strip()}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    if response.get("X-Frame-Options") not in ("DENY", "SAMEORIGIN"):
        problems.append("no X-Frame-Options")
    return problems


@dataclass
class SiteRun:
    crawl: CrawlResult
    bad_queries: list  # (url, response) for each view with each malformed query string
    alternate_status: dict  # status of every <link rel="alternate"> target the crawl missed


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Demo content, a full crawl and the bad-query requests, once for this module.

    Everything runs in one transaction that is rolled back, so the other tests see an
    empty database as usual; the tests below only inspect the recorded responses.
    """
    client = Client()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        result = crawl(client)
        bad = []
        for page_path in sorted(result.one_per_view().values()):
            base = page_path.split("?")[0]
            for query in BAD_QUERIES:
                bad.append((f"{base}?{query}", client.get(f"{base}?{query}")))
                client.cookies.clear()
        alternates = {}
        for page in result.html_pages():
            for target in alternate_paths(page):
                if target not in result.pages and target not in alternates:
                    alternates[target] = client.get(target).status_code
                    client.cookies.clear()
        transaction.set_rollback(True)
    return SiteRun(result, bad, alternates)


def alternate_paths(page) -> list[str]:
    """The same-host paths of a page's ``<link rel="alternate" hreflang>`` elements."""
    return [
        local_path(page.path, url)
        for what, url in page.parsed.resources
        if what == "<link rel=alternate>" and local_path(page.path, url)
    ]


# The mark makes pytest-django set up the test database the module fixture uses.
@pytest.mark.django_db
def test_every_public_page(site):
    """Crawl from /de/ and /en/ and check each response; report all problems at once."""
    problems: list[str] = []
    static_paths: set[str] = set()
    alternates_checked = 0
    tables_seen = 0

    for page in site.crawl.pages.values():
        where = f"{page.path} (linked from {page.found_on})"
        response = page.response
        if page.status >= 500:
            problems.append(f"{where}: answered {page.status}")
            continue
        if page.status not in (200, *REDIRECTS):
            problems.append(f"{where}: broken link, answered {page.status}")
        if response.cookies and not cookie_allowed(page.path):
            problems.append(f"{where}: sets cookie(s) {sorted(response.cookies)}")
        problems += [f"{where}: {p}" for p in security_header_problems(response)]

        if page.parsed is None:
            continue
        parsed = page.parsed
        language = page.path.split("/")[1]
        if parsed.html_lang != language:
            problems.append(f"{where}: <html lang={parsed.html_lang!r}> on a /{language}/ page")
        if parsed.h1_count != 1:
            problems.append(f"{where}: {parsed.h1_count} <h1> elements")
        for what, url in parsed.resources:
            if is_other_host(url):
                problems.append(f"{where}: {what} loads from another host: {url}")
            elif what != "<form action>":
                resource = urlsplit(urljoin("http://testserver" + page.path, url)).path
                if resource.startswith(settings.STATIC_URL):
                    static_paths.add(resource)
        if parsed.inline_scripts or parsed.style_blocks or parsed.style_attributes:
            problems.append(
                f"{where}: inline code the CSP blocks (scripts {parsed.inline_scripts}, "
                f"<style> {parsed.style_blocks}, style= {parsed.style_attributes})"
            )
        body = response.content.decode()
        if "{%" in body or "{#" in body or "{{" in body:
            problems.append(f"{where}: template syntax leaks into the page")
        problems += [f"{where}: {p}" for p in parsed.id_problems()]
        if not parsed.title.strip() or parsed.title.strip().startswith("–"):
            problems.append(f"{where}: empty <title> {parsed.title.strip()!r}")
        tables_seen += parsed.tables
        if parsed.captions < parsed.tables:
            problems.append(f"{where}: {parsed.tables - parsed.captions} table(s) without caption")
        if parsed.th_without_scope:
            problems.append(f"{where}: {parsed.th_without_scope} <th> without scope")
        for target in alternate_paths(page):
            alternates_checked += 1
            known = site.crawl.pages.get(target)
            status = known.status if known else site.alternate_status[target]
            if status != 200:
                problems.append(f"{where}: the other language's version {target} answers {status}")
        if parsed.event_handlers:
            problems.append(f"{where}: inline event handlers {sorted(set(parsed.event_handlers))}")

    problems += static_problems(static_paths)
    assert alternates_checked >= 2 * len(site.crawl.html_pages())
    assert tables_seen, "no table on the whole site? then the table checks prove nothing"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def static_problems(static_paths) -> list[str]:
    """Every static file a page refers to exists; stylesheets load nothing from elsewhere."""
    problems = []
    for url_path in sorted(static_paths):
        relative = url_path[len(settings.STATIC_URL) :]
        found = finders.find(relative)
        if not found:
            problems.append(f"{url_path}: referred to by a page but not found in static files")
            continue
        if relative.endswith(".css"):
            css = Path(found).read_text(encoding="utf-8")
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css):
                if is_other_host(url):
                    problems.append(f"{url_path}: url() from another host: {url}")
            for imported in re.findall(r"@import\s+(?:url\()?['\"]?([^'\"\s)]+)", css):
                if is_other_host(imported):
                    problems.append(f"{url_path}: @import from another host: {imported}")
    return problems


# The mark makes pytest-django set up the test database the module fixture uses.
@pytest.mark.django_db
def test_crawl_reaches_every_part_of_the_site(site):
    """The crawl must actually cover the site, or test_every_public_page proves little."""
    reached = {page.path for page in site.crawl.pages.values() if page.status == 200}
    expected = []
    for language in ("de", "en"):
        with override(language):
            expected += [
                reverse("home"),
                reverse("calendar:upcoming"),
                reverse("calendar:past"),
                reverse("calendar:ical"),
            ]
            expected += [
                reverse("pages:page", kwargs={"slug": slug})
                for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache")
            ]
            expected += [section.url for section in areas.sections()]
    missing = [url for url in expected if url not in reached]
    assert not missing, f"not reachable by links from /de/ and /en/: {missing}"
    assert any(view_name(p) == "calendar:event-ical" for p in reached), (
        "no per-event .ics link was reached"
    )
    assert any(view_name(p) == "calendar:event-detail" for p in reached)


@pytest.mark.django_db
def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
    assert not response.cookies
    assert not security_header_problems(response)


@pytest.mark.django_db
def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code in REDIRECTS
    target = urlsplit(response["Location"]).path
    assert target.startswith(settings.STATIC_URL)
    assert finders.find(target[len(settings.STATIC_URL) :]), f"{target} does not exist"


# --- Bad input --------------------------------------------------------------------------------

UNKNOWN_PATHS = [
    ("/de/gibt-es-nicht/", "de"),
    ("/en/no-such-page/", "en"),
    ("/de/termine/999999/", "de"),
    ("/en/calendar/999999/ical/", "en"),
    ("/de/termine/abc/", "de"),
    ("/de/termine/99999999999999999999/", "de"),
    ("/en/calendar/9223372036854775808/ical/", "en"),
    ("/de/seiten/unbekannt/", "de"),
    ("/en/pages/unknown/", "en"),
    ("/en/pages/%C3%A4%C3%B6/", "en"),
    ("/de/" + "x" * 3000 + "/", "de"),
    ("/de/%ff%fe/", "de"),
    ("/fr/", "de"),
    ("/xx/partner-cities/", "de"),
    ("/de-at/", "de"),
    ("/EN/", "en"),
    ("/nothing/here/", "de"),
    ("/i18n/setlang/", "de"),  # no cookie-setting language view: the language is in the URL
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "language"), UNKNOWN_PATHS)
def test_unknown_paths_give_404_in_the_sites_design_and_language(client, url, language):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    with override(language):
        assert f"<h1>{gettext('Page not found')}</h1>" in html
    assert html.count("<h1") == 1
    assert not response.cookies
    assert not security_header_problems(response)


@pytest.mark.django_db
def test_german_404_is_german(client):
    html = client.get("/de/gibt-es-nicht/").content.decode()
    with override("de"):
        title = gettext("Page not found")
    assert title != "Page not found", "German translation of the 404 page is missing"
    assert title in html


@pytest.mark.django_db
def test_unknown_prefix_404_follows_accept_language(client):
    response = client.get("/xx/partner-cities/", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert '<html lang="en"' in response.content.decode()


LONG = "x" * 8000
BAD_QUERIES = [
    "%%%",
    "page=abc",
    "page=-1",
    "page=99999999999999999999",
    "q=%00&search=%00&name=%00",
    f"q={LONG}&month={LONG}&year={LONG}",
    "=&=&&a[]=1&a[]=2&page=&month=",
    # Nonsense in every filter name the areas use, with an attempted script.
    "month=2023-13&area=zzz&year=abc&country=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sdg=99"
    "&topic=%ff&status=x&sort=-x&kind=x&type=x&city=x&programme=x&partnership=x"
    "&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]


# The mark makes pytest-django set up the test database the module fixture uses.
@pytest.mark.django_db
def test_malformed_query_strings_never_give_500(site):
    """Every view the crawl found, in both languages, with each malformed query string."""
    problems = []
    for url, response in site.bad_queries:
        if response.status_code not in (200, 404, *REDIRECTS):
            problems.append(f"{url[:160]}: {response.status_code}")
            continue
        body = response.content.decode(errors="replace")
        if "<script>alert(1)</script>" in body:
            problems.append(f"{url[:160]}: echoes the script unescaped")
        if response.cookies and not cookie_allowed(url):
            problems.append(f"{url[:160]}: sets a cookie")
    assert len(site.bad_queries) >= 14 * len(BAD_QUERIES)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_non_get_methods_on_public_pages(client):
    for url in ("/de/", reverse("calendar:upcoming")):
        response = client.post(url)
        assert response.status_code in (403, 405), url
        response = client.head(url)
        assert response.status_code == 200, url


# --- The 500 page -----------------------------------------------------------------------------


def test_500_page_renders_bilingual_without_database():
    # No django_db mark: any database query here would raise.
    html = render_to_string("500.html")
    parsed = parse_html(html)
    assert parsed.html_lang == "de"
    assert parsed.h1_count == 1
    assert "Ein Fehler ist aufgetreten" in html
    assert re.search(r'<[a-z]+ lang="en">\s*<h2>An error occurred</h2>', html)
    assert 'href="/de/"' in html and 'href="/en/"' in html
    assert not [url for _what, url in parsed.resources if is_other_host(url)]
    assert not (parsed.inline_scripts or parsed.style_blocks or parsed.style_attributes)


def boom(request):
    raise RuntimeError("simulated failure")


urlpatterns = [path("boom/", boom)]
handler500 = "ludwigsburg_intl.errors.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_answers_with_the_500_page(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Ein Fehler ist aufgetreten" in html and "An error occurred" in html
    assert not security_header_problems(response)


def test_server_error_handler_needs_no_request_context():
    from ludwigsburg_intl.errors import server_error

    response = server_error(RequestFactory().get("/de/"))
    assert response.status_code == 500
    assert b"An error occurred" in response.content


# --- Production settings ----------------------------------------------------------------------

PROD = "ludwigsburg_intl.settings.prod"
PROD_ENV = {
    "SECRET_KEY": "k3y-for-the-deploy-check-" + "Zq8#xV2!pL9@wR4$tN6%yB1^mC7&dF3*",
    "ALLOWED_HOSTS": "international.ludwigsburg.de",
    # Never connected to: neither importing the settings nor the deploy checks open a connection.
    "DATABASE_URL": "postgres://portal@db.example.org:5432/ludwigsburg_intl",
}


def import_prod(monkeypatch, **env):
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SECURE_PROXY_SSL_HEADER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PROD, None)
    try:
        return importlib.import_module(PROD)
    finally:
        sys.modules.pop(PROD, None)


def test_prod_settings_refuse_to_start_without_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        import_prod(monkeypatch, ALLOWED_HOSTS="example.org")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        import_prod(monkeypatch, SECRET_KEY="   ", ALLOWED_HOSTS="example.org")


def test_prod_settings_refuse_to_start_without_allowed_hosts(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        import_prod(monkeypatch, SECRET_KEY=PROD_ENV["SECRET_KEY"])


def test_prod_settings_are_strict(monkeypatch):
    prod = import_prod(monkeypatch, **PROD_ENV)
    assert prod.DEBUG is False
    assert prod.SECRET_KEY == PROD_ENV["SECRET_KEY"]
    assert prod.ALLOWED_HOSTS == ["international.ludwigsburg.de"]
    assert prod.SECURE_HSTS_SECONDS >= 31536000
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert "unsafe-inline" not in str(prod.SECURE_CSP)


@pytest.mark.parametrize(
    "options",
    [{}, {"SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto", "TRUSTED_PROXY_COUNT": "1"}],
    ids=["defaults", "proxy-options"],
)
def test_check_deploy_passes_under_prod_settings(options):
    env = {**os.environ, **PROD_ENV, **options, "DJANGO_SETTINGS_MODULE": PROD}
    # Set by the browser fixtures of this test run (Playwright's event loop), never in production.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


@pytest.mark.django_db
def test_hsts_and_https_redirect_under_prod_values(client, monkeypatch):
    prod = import_prod(monkeypatch, **PROD_ENV)
    values = {
        name: getattr(prod, name)
        for name in (
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SECURE_SSL_REDIRECT",
        )
    }
    with override_settings(**values):
        insecure = client.get("/de/")
        assert insecure.status_code == 301
        assert insecure["Location"] == "https://testserver/de/"

        response = client.get("/de/", secure=True)
        assert response.status_code == 200
        hsts = response["Strict-Transport-Security"]
        assert "max-age=31536000" in hsts
        assert "includeSubDomains" in hsts and "preload" in hsts
        assert not security_header_problems(response)
