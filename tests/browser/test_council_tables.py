"""The council's tables (status overview, committee briefings) are read whole on a desktop:
at 1024 px and wider no table is cut off or scrolls sideways. On a phone (320 px) a table may
scroll inside its own labelled, keyboard-focusable region, and axe still passes."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from climate.models import CommitteeMeeting
from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

# For every table in <main>: its width against its container's and the viewport's, and how a
# table wider than its container can be reached (a focusable region with a name).
MEASURE_TABLES = """() => [...document.querySelectorAll('main table')].map(table => {
    const box = table.parentElement;
    const label = (box.getAttribute('aria-labelledby') || '').split(' ')
        .map(id => document.getElementById(id)).filter(Boolean)
        .map(el => el.textContent.trim()).join(' ');
    return {
        caption: table.caption ? table.caption.textContent.trim() : '(no caption)',
        tableWidth: table.scrollWidth,
        boxWidth: box.clientWidth,
        boxScrolls: box.scrollWidth > box.clientWidth,
        right: Math.ceil(table.getBoundingClientRect().right),
        lastHeaderRight: Math.ceil(
            (table.querySelector('thead th:last-child') || table).getBoundingClientRect().right),
        boxRight: Math.ceil(box.getBoundingClientRect().right),
        viewport: document.documentElement.clientWidth,
        focusable: box.tabIndex === 0,
        region: box.getAttribute('role') === 'region' && label !== '',
    };
})"""


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def council_paths(language):
    meeting = CommitteeMeeting.objects.published().get()
    return [
        url_in(language, "climate:status-overview"),
        url_in(language, "climate:briefing", pk=meeting.pk),
        url_in(language, "climate:meeting-list"),
    ]


def _open(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    return context, context.new_page()


@pytest.mark.parametrize("width", [1024, 1280])
def test_council_tables_fit_at_desktop_widths(browser, live_demo, width):
    context, page = _open(browser, width)
    problems, tables = [], 0
    try:
        for language in ("de", "en"):
            for path in council_paths(language):
                page.goto(live_demo.url + path)
                page_width = page.evaluate("() => document.documentElement.scrollWidth")
                if page_width > width:
                    problems.append(f"{path}: the page scrolls sideways ({page_width}px)")
                for t in page.evaluate(MEASURE_TABLES):
                    tables += 1
                    where = f"{path} «{t['caption']}» at {width}px"
                    if t["tableWidth"] > t["boxWidth"] or t["boxScrolls"]:
                        problems.append(
                            f"{where}: {t['tableWidth']}px wide in a {t['boxWidth']}px container"
                        )
                    if max(t["right"], t["lastHeaderRight"]) > min(t["boxRight"], t["viewport"]):
                        problems.append(
                            f"{where}: cut off, its last column ends at {t['lastHeaderRight']}px "
                            f"(container ends at {t['boxRight']}px, viewport {t['viewport']}px)"
                        )
    finally:
        context.close()
    assert tables >= 2 * 3, "the council pages show no tables? then this test proves nothing"
    assert not problems, "\n".join(problems)


def test_council_tables_on_a_phone_scroll_in_a_labelled_region(browser, live_demo):
    context, page = _open(browser, 320)
    problems = []
    try:
        for language in ("de", "en"):
            for path in council_paths(language):
                page.goto(live_demo.url + path)
                page_width = page.evaluate("() => document.documentElement.scrollWidth")
                if page_width > 320:
                    problems.append(f"{path}: the page scrolls sideways ({page_width}px)")
                for t in page.evaluate(MEASURE_TABLES):
                    if t["boxScrolls"] and not (t["focusable"] and t["region"]):
                        problems.append(
                            f"{path} «{t['caption']}»: scrolls in a container that is not a "
                            "focusable, labelled region"
                        )
                try:
                    assert_no_axe_violations(page)
                except pytest.fail.Exception as exc:
                    problems.append(str(exc))
    finally:
        context.close()
    assert not problems, "\n".join(problems)
