"""Valid HTML: the Nu Html Checker (vnu.jar, the W3C validator) finds no error on any public page.

One page of every public template in both languages, rendered with the demo content: the crawl's
first page per (view, language), plus what no link reaches (a filter with bad input, the Europe
form with errors and its confirmation, a staff preview of a draft, the 404 and 500 pages). All
pages are checked in one run of the checker (one JVM start).

`make test` installs vnu.jar with npm into var/node (see the Makefile); Java comes from Debian
(`default-jre-headless`, installed by .ci/run). ``VNU_JAR`` points elsewhere if needed.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from climate.models import Project
from europe.models import ParticipationProgramme
from ludwigsburg_intl.errors import server_error
from ludwigsburg_intl.middleware import database_unavailable_response
from network.views import ACTORS_PER_PAGE
from partnerships.models import PartnerCity
from tests.core.crawl import crawl
from tests.factories import DRAFT, EventFactory
from tests.network.factories import ActorFactory

pytestmark = pytest.mark.htmlcheck

REPO = Path(settings.BASE_DIR)
VNU_JAR = Path(os.environ.get("VNU_JAR", REPO / "var/node/node_modules/vnu-jar/build/dist/vnu.jar"))
TEMPLATE_DIRS = [REPO / "templates"] + sorted(REPO.glob("*/templates"))


def public_templates() -> set[str]:
    """Every template of the public site (the admin's, ours included, are checked with axe in
    the browser tests of the login)."""
    names = set()
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*.html"):
            name = path.relative_to(directory).as_posix()
            if not name.startswith("admin/"):
                names.add(name)
    return names


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _extra_pages(client, staff) -> list[tuple[str, str, object]]:
    """(label, language, response) for the pages no anonymous link reaches."""
    pages = []
    programme = ParticipationProgramme.objects.published().first()
    draft = EventFactory(status=DRAFT, title_de="Entwurf", title_en="Draft")
    # Parts the demo content does not show: a partner city's events, a project's changes.
    city = PartnerCity.objects.published().first()
    city.events.add(EventFactory())
    project = Project.objects.published().first()
    Project.objects.filter(pk=project.pk).update(traffic_light=Project.TrafficLight.AT_RISK)
    # More actors than fit on one page, for the pagination's markup.
    ActorFactory.create_batch(ACTORS_PER_PAGE + 1)
    for language in ("de", "en"):
        path = f"{url_in(language, 'network:actor-list')}?page=2"
        response = client.get(path)
        assert b'rel="prev"' in response.content
        pages.append((path, language, response))
        for obj in (city, project):
            with translation.override(language):
                path = obj.get_absolute_url()
            pages.append((path, language, client.get(path)))
        # A filter form with an error message (and the date inputs of django-filter).
        for name, query in (
            ("calendar:upcoming", "month=13-2023&area=nowhere"),
            ("europe:call-list", "deadline_from=gestern&deadline_until=2023-02-30"),
        ):
            path = f"{url_in(language, name)}?{query}"
            pages.append((path, language, client.get(path)))
        # The search with hits (snippets, pagination) and without (a suggestion), with a filter.
        search = url_in(language, "search")
        for query in ("q=Kongoussi&area=&kind=", "q=Kongusi", "q=&area=mars"):
            pages.append((f"{search}?{query}", language, client.get(f"{search}?{query}")))
        form = url_in(language, "europe:interest-form")
        pages.append((f"{form} (POST, errors)", language, client.post(form, {})))
        submitted = client.post(
            form,
            {
                "name": "Maria Muster",
                "email": "maria@example.org",
                "programme": str(programme.pk),
                "message": "Ich interessiere mich für das Programm.",
                "consent": "on",
                "website": "",
            },
        )
        assert submitted.status_code == 302, submitted.status_code
        pages.append((submitted["Location"], language, client.get(submitted["Location"])))
        client.cookies.clear()
        # The staff preview of a draft, with its banner.
        preview = url_in(language, "calendar:event-detail", pk=draft.pk)
        response = staff.get(preview)
        assert response.status_code == 200 and b"draft-banner" in response.content
        pages.append((f"{preview} (staff preview)", language, response))
        missing = f"/{language}/gibt-es-nicht/"
        pages.append((missing, language, client.get(missing)))
        with translation.override(language):
            request = RequestFactory().get(f"/{language}/")
            pages.append((f"/{language}/ (500 page)", language, server_error(request)))
            unavailable = database_unavailable_response(request, retry_after=30)
            # Rendered outside the test client too: say which template it is.
            unavailable.templates = [SimpleNamespace(name="503.html")]
            pages.append((f"/{language}/ (503 page)", language, unavailable))
    return pages


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every checked page written to a file: {file name: (label, templates rendered)}."""
    directory = tmp_path_factory.mktemp("html")
    client = Client()
    pages = []
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0)
        staff = Client()
        staff.force_login(
            get_user_model().objects.create_user("vnu-staff", is_staff=True, is_superuser=True)
        )
        result = crawl(client, one_per_view=True)
        for (_name, language), path in sorted(result.one_per_view().items()):
            pages.append((path, language, result.pages[path].response))
        pages += _extra_pages(client, staff)
        transaction.set_rollback(True)

    files = {}
    for number, (label, language, response) in enumerate(pages):
        assert response.get("Content-Type", "").startswith("text/html"), label
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60]
        path = directory / f"{number:03d}-{slug}.html"
        path.write_bytes(response.content)
        # The 500 page is rendered by calling the handler, outside the test client's records.
        templates = {t.name for t in getattr(response, "templates", [])} or {"500.html"}
        files[path] = (f"{label} [{language}, {response.status_code}]", templates)
    return files


def run_vnu(paths) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is needed for the Nu Html Checker: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: `make vnu` installs it (npm package vnu-jar)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The checker writes its JSON report to stderr; exit status 1 means "errors found".
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar failed (exit {result.returncode}):\n{result.stderr[:2000]}")
    return report["messages"]


@pytest.mark.django_db
def test_every_public_template_is_checked(rendered):
    """The pages below render every public template, or the Nu check proves less than it says."""
    seen = set().union(*(templates for _label, templates in rendered.values()))
    languages = {label.rsplit("[", 1)[1][:2] for label, _templates in rendered.values()}
    assert languages == {"de", "en"}
    not_rendered = public_templates() - seen
    assert not not_rendered, f"templates no checked page renders: {sorted(not_rendered)}"


@pytest.mark.django_db
def test_nu_html_checker_finds_no_error(rendered):
    messages = run_vnu(sorted(rendered))
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    lines = []
    for message in errors:
        path = Path(message.get("url", "").removeprefix("file:"))
        label = rendered.get(path, (path.name, None))[0]
        lines.append(
            f"{label} ({path.name}) line {message.get('lastLine', '?')}: {message['message']}\n"
            f"    {' '.join(message.get('extract', '').split())[:200]}"
        )
    assert len(rendered) >= 2 * 30, len(rendered)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(lines)
