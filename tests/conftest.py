"""The one layer of shared fixtures: language reset, demo content, content built from the
factories (``tests/factories.py`` and ``tests/<area>/factories.py``), headless Chromium with
axe-core."""

import os

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.utils import translation

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _reset_language():
    translation.activate("de")
    yield
    translation.activate("de")


@pytest.fixture(autouse=True)
def _empty_caches():
    # Each test's database starts from the same content version: pages cached by an earlier
    # test must not be served to this one.
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_content(db):
    """The demo content exactly as `make run` loads it."""
    call_command("load_demo_content", verbosity=0)


@pytest.fixture
def partnerships_demo_content(db):
    """The shared and the partner-city demo content (independent of the other areas' demos)."""
    from ludwigsburg_intl import demo as shared_demo
    from partnerships import demo as partnerships_demo

    shared_demo.load()
    partnerships_demo.load()


@pytest.fixture
def goal(db):
    """SDG 12, one of the 17 goals the data migration loads."""
    from ludwigsburg_intl.models import SDGGoal

    return SDGGoal.objects.get(number=12)


@pytest.fixture
def partner_city(db):
    """A published partner city (from the one PartnerCityFactory)."""
    from tests.partnerships.factories import PartnerCityFactory

    return PartnerCityFactory(slug="montbeliard", name_de="Montbéliard", name_en="Montbéliard")


@pytest.fixture(scope="module")
def own_postgres():
    """A migrated PostgreSQL of the module's own, which tests may stop and start."""
    from tests.core.servers import Postgres, manage, portal_env

    postgres = Postgres()
    manage(portal_env(postgres.url), "migrate", "--noinput", "-v", "0")
    yield postgres
    postgres.destroy()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "redaktion", "redaktion@example.org", "pw-for-tests", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


# --- Browser tests -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _playwright():
    # Playwright's sync API runs an event loop; Django's ORM is used synchronously alongside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def restore_sdg_goals():
    """Transactional tests empty every table afterwards, including the 17 goals the data
    migration loaded; put them back the way the migration does."""
    import importlib

    from django.apps import apps

    importlib.import_module("ludwigsburg_intl.migrations.0002_sdg_goals").load_goals(apps, None)


@pytest.fixture
def live_demo(live_server, transactional_db):
    """A live server with the demo content, for browser tests."""
    restore_sdg_goals()
    call_command("load_demo_content", verbosity=0)
    return live_server


def assert_no_axe_violations(page, context=None):
    """Run axe-core on the page and fail with a readable report on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    violations = results.response.get("violations", [])
    if violations:
        lines = [f"axe: {len(violations)} violation(s) on {page.url}"]
        for v in violations:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"][:5]:
                lines.append(f"    {node['target']}: {node.get('failureSummary', '')[:300]}")
        pytest.fail("\n".join(lines))
