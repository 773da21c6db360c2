"""An editor's start page and the translation board, in headless Chromium: the board's count
changes when the German is edited, and both pages have no axe violations."""

import re

import pytest
from django.contrib.auth.models import Group, User

from tests.browser.test_login import PASSWORD, log_in_with_password
from tests.conftest import assert_no_axe_violations
from tests.partnerships.factories import PartnerCityFactory

pytestmark = pytest.mark.browser


def test_an_editor_sees_the_translation_board_count_change(page, live_server, transactional_db):
    city = PartnerCityFactory(name_de="Musterstadt", name_en="Sample Town")
    editor = User.objects.create_user("partner", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Redaktion Partnerstädte")[0])
    from ludwigsburg_intl.roles import sync_roles

    sync_roles()
    log_in_with_password(page, live_server.url, "partner")
    page.wait_for_url(live_server.url + "/admin/")
    assert page.get_by_role("heading", name="Was zu tun ist").count() == 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Übersetzungsstand aller Inhalte").click()
    page.wait_for_url(re.compile(r"/admin/translations/"))
    assert page.get_by_role("link", name="Musterstadt").count() == 0
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/admin/partnerships/partnercity/{city.pk}/change/")
    page.fill("#id_name_de", "Musterstadt an der Enz")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/partnerships/partnercity/$"))

    page.goto(live_server.url + "/admin/translations/")
    summary = page.get_by_role("table", name="Inhalte, die eine Übersetzung brauchen, nach Bereich")
    area = summary.locator("tbody tr", has_text="Partnerstädte")
    assert area.locator("td").all_inner_texts() == ["0", "1"]  # missing, out of date
    page.get_by_role("link", name="Musterstadt an der Enz").click()
    page.wait_for_url(re.compile(rf"/admin/partnerships/partnercity/{city.pk}/change/"))
