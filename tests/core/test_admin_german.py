"""The German admin shows no English: every page an editor opens, as a superuser and as an area
editor, and the admin's JavaScript strings (tests/browser/test_admin_german.py runs them).

The English an editor could meet is every string of the catalogues the admin draws on (Django's
admin, auth, contenttypes and core, django-otp, django-axes, django-filter and the portal's
own) whose German differs from it. A page fails when its visible text (text outside scripts,
styles and text areas, button labels, aria-labels and placeholders) contains one of them.
Content is not interface: text marked as another language (``lang="en"``) is not read.
"""

import ast
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import axes
import django
import django_filters
import django_otp
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.translation import trans_real
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.core.test_admin_actions import BUILDERS

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
DJANGO = Path(django.__file__).parent
# The English source catalogues of Django's parts the admin uses, and the German catalogues of
# the add-ons (which ship no English one; their msgids are the English).
DJANGO_CATALOGUES = [
    DJANGO / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    DJANGO / "contrib" / "auth" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    DJANGO / "contrib" / "contenttypes" / "locale" / "en" / "LC_MESSAGES" / "django.po",
    DJANGO / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po",
]
ADD_ON_CATALOGUES = [
    Path(package.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"
    for package in (django_otp, axes, django_filters)
]
ADMIN_JS_CATALOGUE = DJANGO / "contrib" / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
AREA_EDITOR_GROUP = "Redaktion Klimapartnerschaften"


def po_messages(path):
    """(msgctxt, msgid, msgid_plural) of each entry of a .po file, the header left out."""
    entries, current, field = [], None, None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        keyword, _space, rest = line.partition(" ")
        starts_entry = keyword == "msgctxt" or (
            keyword == "msgid" and (current is None or "msgstr" in current)
        )
        if starts_entry:
            current = {"msgctxt": None, "msgid": "", "msgid_plural": None}
            entries.append(current)
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            field = keyword
            current[field] = ast.literal_eval(rest)
        elif keyword.startswith("msgstr"):
            field = None
            current["msgstr"] = True
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        else:
            field = None
    return [(e["msgctxt"], e["msgid"], e["msgid_plural"]) for e in entries if e["msgid"]]


def catalogue_key(context, msgid, plural):
    key = f"{context}\x04{msgid}" if context else msgid
    return (key, 0) if plural else key


def german_catalogue():
    return trans_real.translation("de")._catalog


def german_javascript_catalogue():
    """What the admin's JavaScript catalogue (/admin/jsi18n/) holds in German."""
    admin_locale = DJANGO / "contrib" / "admin" / "locale"
    return trans_real.DjangoTranslation("de", "djangojs", [admin_locale])._catalog


def test_every_admin_string_has_german():
    """Django 6.1's admin, auth and core strings and the add-ons' all have a German entry (the
    portal's own catalogue fills the gaps of theirs: ludwigsburg_intl/upstream_strings.py)."""
    catalogue = german_catalogue()
    missing = [
        f"{path.relative_to(path.parents[4])}: {msgid!r}"
        for path in DJANGO_CATALOGUES + ADD_ON_CATALOGUES
        for context, msgid, plural in po_messages(path)
        if catalogue_key(context, msgid, plural) not in catalogue
    ]
    assert not missing, "No German for:\n" + "\n".join(missing)


def test_the_admins_javascript_strings_have_german(staff_client):
    """The calendar, the clock and the selection boxes: the catalogue the admin's pages load."""
    response = staff_client.get(reverse("admin:jsi18n"), headers={"Accept-Language": "en"})
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    catalogue = json.loads(found.group(1))
    missing = [
        msgid
        for context, msgid, _plural in po_messages(ADMIN_JS_CATALOGUE)
        if (f"{context}\x04{msgid}" if context else msgid) not in catalogue
    ]
    assert not missing, "No German for the admin's JavaScript strings:\n" + "\n".join(missing)
    assert catalogue["Choose all %s"] == "Alle %s auswählen"


# --- English on the admin's pages --------------------------------------------------------------

TOKEN = re.compile(r"(<[^>]+>|%\(\w+\)[sdifr]|%[sdifr]|\s+)")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]")


@lru_cache(maxsize=1)
def english_strings():
    """(compiled pattern, literal anchor or None, English) for each English string an editor
    could see: every msgid whose German is missing or differs from it.

    Strings of up to two words must be a whole text of the page ("Run", "Add %(name)s");
    longer ones may stand anywhere in it (a sentence spread over several elements).
    """
    own = [
        p
        for p in REPO.glob("*/locale/de/LC_MESSAGES/django.po")
        if ".venv" not in p.parts and "var" not in p.parts
    ]
    own += [REPO / "locale" / "de" / "LC_MESSAGES" / "django.po"]
    sources = [(path, german_catalogue()) for path in DJANGO_CATALOGUES + ADD_ON_CATALOGUES + own]
    sources.append((ADMIN_JS_CATALOGUE, german_javascript_catalogue()))
    strings = {}
    for path, catalogue in sources:
        for context, msgid, plural in po_messages(path):
            key = catalogue_key(context, msgid, plural)
            if catalogue.get(key) == msgid:
                continue  # the same in German ("Status", "Name")
            for english in filter(None, (msgid, plural)):
                literal = PLACEHOLDER.sub(" ", re.sub(r"<[^>]+>", " ", english))
                if len(re.findall(r"[A-Za-z]", literal)) < 2:
                    continue  # "%(name)s: %(value)s", "…"
                parts = []
                for token in TOKEN.split(english):
                    if not token:
                        continue
                    if token.startswith("<"):
                        parts.append(r"\s*")
                    elif PLACEHOLDER.fullmatch(token):
                        parts.append(".+?")
                    elif token.isspace():
                        parts.append(r"\s+")
                    else:
                        parts.append(re.escape(token))
                pattern = "".join(parts)
                if len(literal.split()) <= 2:
                    strings[english] = (re.compile(pattern), None, english)
                else:
                    anchor = max(re.split(r"<[^>]+>|%\(\w+\)[sdifr]|%[sdifr]", english), key=len)
                    anchor = " ".join(anchor.split())
                    strings[english] = (re.compile(pattern), anchor, english)
    return list(strings.values())


class VisibleText(HTMLParser):
    """The texts of a page a reader sees or hears, each with its whitespace collapsed."""

    HIDDEN = {"script", "style", "textarea", "template", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)

    @property
    def _skipping(self):
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = self._skipping or tag in self.HIDDEN
        # Text marked as another language is content (an English title), not interface.
        if attrs.get("lang") and not attrs["lang"].startswith("de") and tag != "html":
            skip = True
        if not skip:
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
                self._add(attrs.get("value"))
            for name in ("aria-label", "placeholder"):
                self._add(attrs.get(name))
        if tag not in self.VOID:
            self._stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if not self._skipping:
            self._add(data)

    def _add(self, text):
        text = " ".join((text or "").split())
        if text:
            self.texts.append(text)


@lru_cache(maxsize=1)
def short_english():
    """The short strings: those without a placeholder by their text, the others in one
    pattern (a page has hundreds of texts to compare with hundreds of strings)."""
    literal, patterns = {}, []
    for pattern, anchor, english in english_strings():
        if anchor is not None:
            continue
        if PLACEHOLDER.search(english) or "<" in english:
            patterns.append((pattern, english))
        else:
            literal[" ".join(english.split())] = english
    combined = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _e in patterns))
    return literal, combined, patterns


def english_on(html):
    parser = VisibleText()
    parser.feed(html)
    texts = set(parser.texts)
    joined = " ".join(parser.texts)
    literal, combined, patterns = short_english()
    found = [literal[text] for text in texts if text in literal]
    for text in texts:
        if combined.fullmatch(text):
            found += [english for pattern, english in patterns if pattern.fullmatch(text)]
    for pattern, anchor, english in english_strings():
        if anchor is not None and anchor in joined and pattern.search(joined):
            found.append(english)
    return found


def test_english_on_finds_admin_english_but_not_german_or_marked_content():
    html = (
        '<html lang="de"><body><button type="submit">Run</button>'
        '<p>Are you sure you want to delete the Projekt “<a href="#">Brunnen</a>”? '
        "All of the following related items will be deleted:</p>"
        '<p lang="en">Add comment</p><p>Ausführen</p><textarea>Save</textarea>'
        '<input type="submit" value="Save and add another"><script>gettext("Today")</script>'
    )
    found = english_on(html)
    assert "Run" in found
    assert "Save and add another" in found
    assert any(english.startswith("Are you sure you want to delete the") for english in found)
    assert "Save" not in found and "Today" not in found and "Add comment" not in found


class AdminVisit:
    """Opens the admin's pages as one user and notes the English each one shows."""

    def __init__(self, client):
        self.client = client
        self.found: list[str] = []
        self.pages: list[str] = []

    def check(self, label, response):
        self.pages.append(label)
        assert response.status_code == 200, f"{label}: {response.status_code}"
        html = response.content.decode()
        assert '<html lang="de"' in html, label
        self.found += [f"{label}: {english!r}" for english in english_on(html)]

    def get(self, label, url, **params):
        self.check(label, self.client.get(url, params, headers={"Accept-Language": "en"}))

    def post(self, label, url, data, follow=False):
        response = self.client.post(url, data, follow=follow, headers={"Accept-Language": "en"})
        self.check(label, response)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def visit_the_admin(client, user):
    visit = AdminVisit(client)
    request = RequestFactory().get("/admin/")
    request.user = user
    visit.get("index", reverse("admin:index"))
    app_labels = set()
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        label = model._meta.label
        app_labels.add(model._meta.app_label)
        obj = model._default_manager.order_by("pk").first() or BUILDERS[label]()
        changelist = admin_url(model, "changelist")
        visit.get(f"{label} list", changelist)
        visit.get(f"{label} list searched", changelist, q="zzzz")
        visit.get(f"{label} change", admin_url(model, "change", obj.pk))
        visit.get(f"{label} history", admin_url(model, "history", obj.pk))
        if model_admin.has_add_permission(request):
            visit.get(f"{label} add", admin_url(model, "add"))
            visit.post(f"{label} add with errors", admin_url(model, "add"), {"_save": "1"})
        if model_admin.has_delete_permission(request, obj):
            visit.get(f"{label} delete", admin_url(model, "delete", obj.pk))
        actions = model_admin.get_actions(request)
        if "delete_selected" in actions:
            visit.post(
                f"{label} delete action",
                changelist,
                {"action": "delete_selected", "_selected_action": [obj.pk]},
            )
        for name in actions.keys() - {"delete_selected"}:
            visit.post(
                f"{label} action {name}",
                changelist,
                {"action": name, "_selected_action": [obj.pk]},
                follow=True,
            )
        visit.post(f"{label} action without selection", changelist, {"action": ""}, follow=True)
    for app_label in app_labels:
        visit.get(f"{app_label} app", reverse("admin:app_list", args=[app_label]))
    visit.get("password change", reverse("admin:password_change"))
    visit.post("password change with errors", reverse("admin:password_change"), {})
    visit.get("password changed", reverse("admin:password_change_done"))
    return visit


def visit_two_factor_pages(visit, user):
    setup = reverse("two_factor:setup")
    visit.get("two-factor setup", setup)
    visit.post("two-factor setup, wrong code", setup, {"token": "000000"})
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    device.throttle_reset()  # the wrong code made the next try wait
    visit.post("recovery codes", setup, {"token": f"{totp(device.bin_key):06d}"})
    device.refresh_from_db()
    assert device.confirmed
    again = Client()
    again.force_login(user)  # a new login: the second factor is asked for
    second = AdminVisit(again)
    second.get("two-factor verify", reverse("two_factor:verify"))
    second.post("two-factor verify, wrong code", reverse("two_factor:verify"), {"token": "1"})
    second.post("log out", reverse("admin:logout"), {})
    visit.found += second.found


def test_the_superusers_admin_shows_no_english(client):
    user = User.objects.create_superuser("verwaltung", "verwaltung@example.org", "pw-for-tests")
    anonymous = AdminVisit(Client())
    anonymous.get("login", reverse("admin:login"))
    anonymous.post("login failed", reverse("admin:login"), {"username": "x", "password": "y"})
    client.force_login(user)
    visit = visit_the_admin(client, user)
    visit.get("user password", reverse("admin:auth_user_password_change", args=[user.pk]))
    visit_two_factor_pages(visit, user)
    found = anonymous.found + visit.found
    assert not found, "English in the German admin:\n" + "\n".join(found)


def test_an_area_editors_admin_shows_no_english(client, demo_content):
    """On the demo content, whose English texts and names are content, not interface."""
    user = User.objects.create_user("redaktion-klima", is_staff=True)
    user.groups.add(Group.objects.get(name=AREA_EDITOR_GROUP))
    client.force_login(user)
    visit = visit_the_admin(client, user)
    visit_two_factor_pages(visit, user)
    assert "climate.Project change" in visit.pages
    assert not any(page.startswith("europe.") for page in visit.pages)
    assert not visit.found, "English in the German admin:\n" + "\n".join(visit.found)
