"""Two languages: German default, English second, same page in both, honest fallbacks."""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, override

from tests.factories import EventFactory, SitePageFactory

pytestmark = pytest.mark.django_db

REPO = Path(settings.BASE_DIR)
FALLBACK_NOTICE = "This text is not yet available in English; it is shown in German."


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def test_german_is_the_default_language():
    assert settings.LANGUAGE_CODE == "de"
    assert [code for code, _name in settings.LANGUAGES] == ["de", "en"]
    assert settings.MODELTRANSLATION_DEFAULT_LANGUAGE == "de"


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en", "/en/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("en-US,de;q=0.5", "/en/"),
        ("de-DE,de;q=0.9,en;q=0.8", "/de/"),
        ("fr", "/de/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("tlh", "/de/"),
        ("", "/de/"),
        (None, "/de/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {} if accept is None else {"Accept-Language": accept}
    response = client.get("/", headers=headers)
    assert response.status_code in (301, 302)
    assert response["Location"] == target
    assert "Accept-Language" in response.get("Vary", "")  # caches must not mix languages
    assert not response.cookies


def test_root_redirect_does_not_stick_to_a_cookie(client):
    # Even a stale language cookie from elsewhere does not outrank the URL.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/de/").status_code == 200
    assert client.get("/de/").context["LANGUAGE_CODE"] == "de"


def test_url_words_are_translated():
    assert url_in("de", "calendar:upcoming") == "/de/termine/"
    assert url_in("en", "calendar:upcoming") == "/en/calendar/"
    assert url_in("de", "pages:page", slug="impressum") == "/de/seiten/impressum/"
    assert url_in("en", "pages:page", slug="impressum") == "/en/pages/impressum/"
    assert url_in("de", "calendar:past") == "/de/termine/archiv/"
    assert url_in("en", "calendar:past") == "/en/calendar/archive/"


def test_german_url_words_are_ascii_lowercase():
    for name in ("calendar:upcoming", "calendar:past", "calendar:ical"):
        url = url_in("de", name)
        assert url == url.lower() and url.isascii(), url


def _switch_links(html):
    """The links of the language switch as {hreflang: (href, attributes)}."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)
    assert nav, "no language switch on the page"
    links = {}
    for tag in re.findall(r"<a [^>]*>", nav.group(0)):
        attrs = dict(re.findall(r'([a-z-]+)="([^"]*)"', tag))
        links[attrs["hreflang"]] = attrs
    return links


def _alternates(html):
    return {
        m.group(1): m.group(2)
        for m in re.finditer(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    }


@pytest.fixture
def pages():
    """(url name, kwargs) of every core page, with an event and a site page to show."""
    event = EventFactory(title_de="Bürgerfest", title_en="Citizens' festival")
    page = SitePageFactory(slug="impressum", title_de="Impressum", title_en="Legal notice")
    return [
        ("home", {}),
        ("calendar:upcoming", {}),
        ("calendar:past", {}),
        ("calendar:event-detail", {"pk": event.pk}),
        ("pages:page", {"slug": page.slug}),
    ]


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_language_switch_links_to_the_same_page(client, pages, language, other):
    for name, kwargs in pages:
        here, there = url_in(language, name, **kwargs), url_in(other, name, **kwargs)
        response = client.get(here)
        assert response.status_code == 200, here
        html = response.content.decode()
        assert re.search(rf'<html lang="{language}"', html), here

        links = _switch_links(html)
        assert set(links) == {"de", "en"}
        assert links[other]["href"] == there
        assert links[other]["lang"] == other
        assert "aria-current" not in links[other]
        assert links[language]["href"] == here
        assert links[language]["lang"] == language
        assert links[language].get("aria-current") in ("true", "page")

        alternates = _alternates(html)
        assert alternates == {
            "de": f"http://testserver{url_in('de', name, **kwargs)}",
            "en": f"http://testserver{url_in('en', name, **kwargs)}",
        }, here
        assert not response.cookies, here


def test_language_switch_keeps_the_query_string(client):
    response = client.get(url_in("de", "calendar:upcoming"), {"area": "climate"})
    links = _switch_links(response.content.decode())
    assert links["en"]["href"] == url_in("en", "calendar:upcoming") + "?area=climate"


def test_following_the_switch_sets_no_cookie_and_changes_language(client):
    response = client.get(url_in("de", "calendar:upcoming"))
    english = _switch_links(response.content.decode())["en"]["href"]
    response = client.get(english)
    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == "en"
    assert not response.cookies
    assert not client.cookies
    # Going back to a German URL shows German again: nothing was remembered.
    assert client.get(url_in("de", "home")).context["LANGUAGE_CODE"] == "de"


def test_interface_strings_are_translated(client):
    html_de = client.get(url_in("de", "home")).content.decode()
    html_en = client.get(url_in("en", "home")).content.decode()
    with override("de"):
        skip_de = gettext("Skip to content")
    assert skip_de != "Skip to content", "German translation of the frame is missing"
    assert skip_de in html_de
    assert "Skip to content" in html_en


def test_missing_english_text_falls_back_to_german_marked_and_noticed(client):
    page = SitePageFactory(
        slug="nur-deutsch",
        title_de="Nur auf Deutsch",
        title_en="",
        summary_en="",
        body_de="## Überblick\nDieser Text existiert nur auf Deutsch.",
        body_en="",
    )
    html = client.get(url_in("en", "pages:page", slug=page.slug)).content.decode()
    assert '<html lang="en"' in html

    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert re.search(r'<span lang="de">\s*Nur auf Deutsch\s*</span>', h1), h1
    assert FALLBACK_NOTICE in html
    body = re.search(r'<div class="prose" lang="de">(.*?)</div>', html, re.S)
    assert body, "the German body is not marked lang=de"
    assert "Dieser Text existiert nur auf Deutsch." in body.group(1)

    # The German page shows the same text without notice or extra lang marks.
    html_de = client.get(url_in("de", "pages:page", slug=page.slug)).content.decode()
    assert FALLBACK_NOTICE not in html_de
    assert '<span lang="de">' not in html_de
    with override("de"):
        assert gettext(FALLBACK_NOTICE) not in html_de


def test_event_without_english_title_shows_german_heading(client):
    event = EventFactory(title_de="Sommerfest", title_en="", description_en="", place_en="")
    html = client.get(url_in("en", "calendar:event-detail", pk=event.pk)).content.decode()
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert '<span lang="de">Sommerfest</span>' in h1
    assert FALLBACK_NOTICE in html
    # The list shows the German title, marked, too.
    listing = client.get(url_in("en", "calendar:upcoming")).content.decode()
    assert '<span lang="de">Sommerfest</span>' in listing


def test_one_fallback_rule_for_models_annotations_and_plain_values():
    """Templates, teasers, SDG pages, tables and derived texts share ``pick()``: a row annotated
    with ``<name>_de``/``<name>_en`` (e.g. a project's next milestone) is marked like a field."""
    from types import SimpleNamespace

    from django.template import Context, Template

    from ludwigsburg_intl.translation_fallback import pick

    row = SimpleNamespace(next_milestone_title_de="Baubeginn", next_milestone_title_en="")
    template = Template('{% load portal %}{{ row|tr:"next_milestone_title" }}')
    with override("en"):
        assert template.render(Context({"row": row})) == '<span lang="de">Baubeginn</span>'
        assert pick({"de": "Ja", "en": "Yes"}).text == "Yes"
        missing = pick({"de": "Nur deutsch", "en": ""})
        assert (missing.text, missing.fallback_lang) == ("Nur deutsch", "de")
    with override("de"):
        assert template.render(Context({"row": row})) == "Baubeginn"
        assert pick({"de": "Ja", "en": "Yes"}).fallback_lang is None


def test_no_empty_heading_anywhere(client, pages):
    event = EventFactory(title_en="", description_en="")
    page = SitePageFactory(slug="leer", title_en="", body_en="", show_in_footer=True)
    pages += [("calendar:event-detail", {"pk": event.pk}), ("pages:page", {"slug": page.slug})]
    for language in ("de", "en"):
        for name, kwargs in pages:
            html = client.get(url_in(language, name, **kwargs)).content.decode()
            for level, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S):
                text = re.sub(r"<[^>]+>", "", inner).strip()
                assert text, f"empty h{level} on {url_in(language, name, **kwargs)}"


# --- The .po files are complete ---------------------------------------------------------------


def _po_files():
    return sorted(
        p
        for p in REPO.rglob("locale/*/LC_MESSAGES/django.po")
        if ".venv" not in p.parts and "var" not in p.parts
    )


def _all_po_files():
    """The catalogues makemessages keeps and the hand-kept ones (the admin's djangojs.po)."""
    return sorted(
        p
        for p in REPO.rglob("locale/*/LC_MESSAGES/*.po")
        if ".venv" not in p.parts and "var" not in p.parts
    )


def test_every_po_file_is_complete():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    files = _all_po_files()
    assert any(p.parts[-4:-2] == ("locale", "de") for p in files)
    problems = []
    for po in files:
        result = subprocess.run(
            [msgfmt, "--check-format", "--statistics", "-o", "/dev/null", str(po)],
            capture_output=True,
            text=True,
        )
        stats = result.stderr.strip()
        if result.returncode or "untranslated" in stats or "fuzzy" in stats:
            problems.append(f"{po.relative_to(REPO)}: {stats}")
    assert not problems, "\n".join(problems)


def _po_entries(path):
    """Each entry of a .po file as {"msgid", "msgid_plural", "msgstr": {keyword: text}}."""
    entries, field = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        keyword, _space, rest = line.partition(" ")
        if keyword == "msgid":
            entries.append({"msgid": "", "msgid_plural": None, "msgstr": {}})
        if keyword in ("msgid", "msgid_plural") or keyword.startswith("msgstr"):
            field = keyword
        elif line.startswith('"') and field:
            rest = line  # a continuation of the field before
        else:
            field = None  # a comment, msgctxt, or the blank line between entries
            continue
        entry, text = entries[-1], ast.literal_eval(rest)
        if field.startswith("msgstr"):
            entry["msgstr"][field] = entry["msgstr"].get(field, "") + text
        else:
            entry[field] = (entry[field] or "") + text
    return [entry for entry in entries if entry["msgid"]]  # not the header


def test_english_catalogues_translate_each_string_into_itself():
    """English is the source language: a fuzzy match must never show another string's English
    (once "local time" read "Exact time" and "events/" lost its slash)."""
    wrong = []
    for po in _po_files():
        if po.parts[-3] != "en":
            continue
        for entry in _po_entries(po):
            plural = entry["msgid_plural"]
            for key, text in entry["msgstr"].items():
                expected = (
                    plural if plural and key not in ("msgstr", "msgstr[0]") else entry["msgid"]
                )
                if text != expected:
                    wrong.append(f"{po.relative_to(REPO)}: {entry['msgid']!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_language_switch_on_a_404_leads_to_the_other_home_page(client, language, other):
    response = client.get(f"/{language}/gibt-es-nicht/")
    assert response.status_code == 404
    links = _switch_links(response.content.decode())
    assert links[other]["href"] == url_in(other, "home")
    assert not response.cookies


def test_makemessages_would_add_nothing(tmp_path):
    """Every interface string in code and templates is already in the de and en catalogues.

    makemessages runs on a copy of the project, as `make messages` runs it (the shared
    catalogue in locale/, one per area app), and each fresh catalogue is compared with the
    committed one: msgcmp fails on any msgid the committed file lacks.
    """
    if not (shutil.which("xgettext") and shutil.which("msgcmp")):
        pytest.skip("GNU gettext is not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        REPO,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            "var",
            ".git",
            "__pycache__",
            "*.mo",
            "staticfiles",
            "node_modules",
            ".pytest_cache",
            ".ruff_cache",
            "*.egg-info",
        ),
    )
    python = sys.executable
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ludwigsburg_intl.settings.test"}
    apps = ["partnerships", "climate", "europe", "network"]
    runs = [
        (copy, ["--ignore=tests", "--ignore=var", *(f"--ignore={app}" for app in apps)]),
        *((copy / app, []) for app in apps if (copy / app / "locale").is_dir()),
    ]
    problems = []
    for cwd, extra in runs:
        result = subprocess.run(
            [
                python,
                str(copy / "manage.py"),
                "makemessages",
                "-l",
                "de",
                "-l",
                "en",
                "--no-obsolete",
                "-v",
                "0",
                *extra,
            ],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        for language in ("de", "en"):
            fresh = cwd / "locale" / language / "LC_MESSAGES" / "django.po"
            committed = REPO / fresh.relative_to(copy)
            compared = subprocess.run(
                ["msgcmp", "--use-untranslated", str(committed), str(fresh)],
                capture_output=True,
                text=True,
            )
            if compared.returncode:
                missing = re.findall(r"this message is used but not defined[^\n]*", compared.stderr)
                problems.append(
                    f"{committed.relative_to(REPO)}: {len(missing) or 'some'} new string(s)\n"
                    + "\n".join(compared.stderr.splitlines()[:12])
                )
    assert not problems, "\n\n".join(problems)


def test_demo_content_is_complete_in_both_languages(demo_content):
    """Every translated text of the demo content that exists in German exists in English."""
    from modeltranslation.translator import translator

    missing, checked = [], 0
    for model in translator.get_registered_models(abstract=False):
        fields = translator.get_options_for_model(model).fields
        for obj in model._default_manager.all():
            for field in fields:
                german = getattr(obj, f"{field}_de", None)
                english = getattr(obj, f"{field}_en", None)
                checked += bool(german)
                if german and not english:
                    missing.append(f"{model._meta.label} {obj.pk} {field}: {str(german)[:50]!r}")
    assert checked > 200
    assert not missing, f"{len(missing)} text(s) without English:\n" + "\n".join(missing[:40])
