"""What the seven pages of the production benchmark cost when the page cache does not serve them.

Upper bounds on the SQL statements each page runs with the demo content: a page that starts to
run more (a lost prefetch, a query per item, a server-side cursor) fails here before it shows in
`make loadtest`.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

PAGES = {
    "/de/": 8,  # with the link to the city's concept page
    "/de/partnerstaedte/": 9,  # activities bring their organisers and goals
    "/de/partnerstaedte/montbeliard/": 8,  # short lists and focus year come with their rows
    "/de/klimapartnerschaften/stand/": 9,
    "briefing": 17,
    "/de/termine/": 4,
    "/de/netzwerk/sdg/13/": 11,
}


def _briefing_path(client):
    html = client.get("/de/klimapartnerschaften/sitzungen/").content.decode()
    return re.findall(r'href="(/de/klimapartnerschaften/sitzungen/[0-9]+/)"', html)[0]


@pytest.mark.parametrize(("page", "most"), PAGES.items())
def test_benchmark_pages_stay_within_their_queries(client, demo_content, page, most):
    path = _briefing_path(client) if page == "briefing" else page
    client.get(path)  # the first request of a process may fill per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    statements = [q["sql"] for q in ctx.captured_queries]
    assert len(statements) <= most, "\n".join(s[:120] for s in statements)
    # Filter forms read their choices with iterator(): one SELECT, not DECLARE/FETCH/CLOSE.
    assert not [s for s in statements if s.startswith("DECLARE")]
    # The footer links to the site pages; their bodies are read only on their own pages.
    assert not [s for s in statements if '"ludwigsburg_intl_sitepage"."body' in s]


@pytest.fixture
def counted_urlize(monkeypatch):
    from ludwigsburg_intl.templatetags import portal

    calls = []
    real = portal.urlize
    monkeypatch.setattr(portal, "urlize", lambda text: calls.append(text) or real(text))
    portal._render_blocks.cache_clear()
    yield calls
    portal._render_blocks.cache_clear()


def test_a_body_text_is_turned_into_html_once_per_process(counted_urlize):
    from ludwigsburg_intl.templatetags.portal import render_text

    text = "Mehr unter https://www.ludwigsburg.de\n\n- erster Punkt\n- zweiter Punkt"
    first = render_text(text)
    assert len(counted_urlize) == 3
    assert render_text(text) == first
    assert len(counted_urlize) == 3
    assert render_text(text + " (neu)") != first


@pytest.mark.django_db
def test_the_language_switch_translates_an_address_once_per_process(client, monkeypatch):
    from ludwigsburg_intl.templatetags import portal

    calls = []
    real = portal.translate_url
    monkeypatch.setattr(portal, "translate_url", lambda *args: calls.append(args) or real(*args))
    portal._same_page_in.cache_clear()
    for _ in range(2):
        html = client.get("/de/termine/").content.decode()
        assert 'hreflang="en" href="http://testserver/en/calendar/"' in html
    assert len(calls) == 2  # German and English, for the first request only
    portal._same_page_in.cache_clear()
