"""axe-core on every public template, in both languages, at desktop and at 320 px width
(where the page must not scroll sideways either).

The site is crawled from /de/ and /en/ (as in tests/test_site.py), following only the first
link to each (view name, language); so each template is checked in both languages without
visiting every page. Area apps are covered as they add views and link them.
"""

import time

import pytest

from tests.conftest import assert_no_axe_violations
from tests.core.crawl import crawl

pytestmark = pytest.mark.browser

WIDTHS = (1280, 320)


def test_no_axe_violations_on_any_public_template(browser, live_demo, client):
    targets = crawl(client, one_per_view=True).one_per_view()
    assert {language for _name, language in targets} == {"de", "en"}
    assert len(targets) >= 14, targets

    failures = []
    started = time.monotonic()
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            for (name, language), path in sorted(targets.items()):
                page.goto(live_demo.url + path)
                if width == 320:
                    # Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS pixels.
                    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
                    if scroll_width > width:
                        failures.append(
                            f"[{name}, {language}, {width}px]\n{path} scrolls sideways: "
                            f"{scroll_width}px wide"
                        )
                try:
                    assert_no_axe_violations(page)
                except pytest.fail.Exception as exc:
                    failures.append(f"[{name}, {language}, {width}px]\n{exc}")
        finally:
            context.close()
    elapsed = time.monotonic() - started
    assert not failures, (
        f"{len(failures)} of {len(targets) * len(WIDTHS)} checks fail axe:\n\n"
        + "\n\n".join(failures)
    )
    assert elapsed < 150, f"the axe sweep over {len(targets)} pages took {elapsed:.0f}s"
