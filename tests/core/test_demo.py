"""The demo content command (`make run` uses it): idempotent, published, from the seeds."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from ludwigsburg_intl.models import ContactPerson, Event, SDGGoal, SitePage
from ludwigsburg_intl.publishing import Publishable

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("ludwigsburg_intl", "partnerships", "climate", "europe", "network")


def snapshot():
    """Every project object as plain data, minus the timestamps Django sets on each save."""
    data = {}
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            volatile = {
                f.name
                for f in model._meta.concrete_fields
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            }
            rows = serializers.serialize("python", model._default_manager.order_by("pk"))
            for row in rows:
                for name in volatile:
                    row["fields"].pop(name, None)
            data[model._meta.label] = rows
    return data


def test_loading_twice_changes_nothing_and_duplicates_nothing():
    call_command("load_demo_content", verbosity=0)
    first = snapshot()
    call_command("load_demo_content", verbosity=0)
    second = snapshot()
    assert {k: len(v) for k, v in first.items()} == {k: len(v) for k, v in second.items()}
    changed = [label for label in first if first[label] != second[label]]
    assert not changed, f"a second run changed: {changed}"


def test_demo_content_is_published_and_from_the_seeds():
    call_command("load_demo_content", verbosity=0)
    drafts = []
    for app in PROJECT_APPS:
        for model in apps.get_app_config(app).get_models():
            if (
                issubclass(model, Publishable)
                and model.objects.exclude(status="published").exists()
            ):
                drafts.append(model._meta.label)
    assert not drafts, f"demo content left as draft: {drafts}"

    assert SDGGoal.objects.count() == 17
    assert set(SitePage.objects.published().values_list("slug", flat=True)) >= {
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "leichte-sprache",
    }
    assert set(ContactPerson.objects.in_footer().values_list("name", flat=True)) >= {
        "Christine Süß",
        "Saliou Gueye",
        "Annegret Kurze",
    }
    kongoussi = Event.objects.get(uid__startswith="demo-kongoussi-delegation-2023-10")
    assert (kongoussi.local_start.date().isoformat(), kongoussi.local_end.date().isoformat()) == (
        "2023-10-23",
        "2023-10-29",
    )
    assert kongoussi.precision == Event.Precision.DAY
    september = Event.objects.get(uid__startswith="demo-nachhaltigkeitstage-2023-09")
    assert september.precision == Event.Precision.MONTH
    assert september.local_start.month == 9


# --- The demo's facts as a reader meets them (review issue 9, "Fidelity to the seeds") ----------


class _VisibleText(HTMLParser):
    """The text a reader sees on an HTML page (no tags, attributes, scripts or styles)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html):
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def page_text(client, language, name, **kwargs):
    with override(language):
        path = reverse(name, kwargs=kwargs)
    response = client.get(path)
    assert response.status_code == 200, path
    return visible_text(response.content.decode())


# Wording the seeds do not support, or English terms replaced by one agreed term: none of them
# may stand anywhere on the public site (pages, feeds, exports), in either language.
FORBIDDEN_EVERYWHERE = [
    "Europabüro",
    re.compile(r"Europe office(?!r)"),  # there is a Europe officer, not an office
    "European affairs officer",
    "Dort können Sie sich anschließen",
    "berät Sie gern",
    "stellt gern den Kontakt her",
    "You are welcome to join in",
    "happy to advise",
    "will put you in touch",
    "bauen die Städte",
    "the cities build solar",
    "in allen Fachbereichen",
    "an denen Ludwigsburg mitwirkt",
    "in which Ludwigsburg takes part",
    "Die Stadt benennt sie",
    "The city nominates them",
    "erfährt die Stadt früh",
    "learns early about plans",
    "fair gehandelter Produkte",
    "Eine-Welt-Akteure im Netzwerk",
    "Wird von der Verwaltung erhoben",
    "EU co-creation",
    "flight and migration",
    "development-education",
    "training branch",
    "health stations",
    "organisation and staff",
    "State at the meeting",
    "cooperations",
    "treaty",
    "Contribution",
    "Networks and memberships",
]
# On English pages only (visible text): one English name for each thing.
FORBIDDEN_IN_ENGLISH = [
    r"\bJevpatorija\b",
    r"\bresting\b",
    r"\bactors?\b",
    r"\bclubs?\b",
]


def test_no_page_uses_wording_the_seeds_do_not_support(client):
    from tests.core.crawl import crawl

    call_command("load_demo_content", verbosity=0)
    site = crawl(client)
    problems = []
    for page in site.pages.values():
        if page.status != 200:
            continue
        body = page.response.content.decode(errors="replace")
        text = visible_text(body) if page.is_html else body
        problems += [
            f"{page.path}: {w!r}"
            for w in FORBIDDEN_EVERYWHERE
            if (w.search(text) if isinstance(w, re.Pattern) else w in text)
        ]
        if page.is_html and page.path.startswith("/en/"):
            problems += [
                f"{page.path}: {p!r}"
                for p in FORBIDDEN_IN_ENGLISH
                if re.search(p, text, flags=re.IGNORECASE)
            ]
    assert len(site.pages) > 50
    assert not problems, "\n".join(sorted(problems)[:40])


def test_state_partner_keeps_the_seeds_wording_and_points(client):
    call_command("load_demo_content", verbosity=0)
    slug = "staedtetag-koordination-kommunale-partnerschaften"
    de = page_text(client, "de", "network:state-partner-detail", slug=slug)
    en = page_text(client, "en", "network:state-partner-detail", slug=slug)
    # New collaborations focus on future topics *at times* (bisweilen), not "often".
    assert "bisweilen" in de and " oft " not in de
    assert "at times" in en and "often" not in en
    # A contact point for partnerships of BW municipalities, not "for all".
    assert "für alle Partnerschaften" not in de
    assert "Ansprechpartnerin für Partnerschaften baden-württembergischer Kommunen" in de
    # The points of seed 004 that were missing.
    assert "wichtige Konstante" in de and "Völkerverständigung auf kommunaler Ebene" in de
    assert "important constant" in en and "understanding between peoples at municipal level" in en
    assert "Zusammenspiel von Bürgerschaft und Verwaltung" in de
    assert "citizens and administration working together" in en
    assert "Kanäle des Städtetags" in de and "Städtetag's channels" in en


def test_coordination_office_shows_the_task_areas_of_the_slides(client):
    call_command("load_demo_content", verbosity=0)
    de = page_text(client, "de", "network:coordination")
    en = page_text(client, "en", "network:coordination")
    assert "Kommunale Klimapartnerschaften" in de
    assert "Koordination, Projektmanagement und Delegationsreisen" in de
    assert "Coordination, project management and delegation trips" in en
    # Goals and indicators, networking, exchange and advice: a task block of its own ...
    assert "Ziele und Indikatoren, Vernetzung, Austausch und Beratung" in de
    assert "Goals and indicators, networking, exchange and advice" in en
    # ... and not part of LokalGlobal.
    lokalglobal = page_text(client, "de", "network:programme-detail", slug="lokalglobal")
    assert "Netzwerktreffen" in lokalglobal and "Indikatoren" not in lokalglobal


def test_the_citys_concept_is_on_a_page_linked_from_home(client):
    call_command("load_demo_content", verbosity=0)
    page = SitePage.objects.published().get(slug="internationale-beziehungen")
    for language in ("de", "en"):
        with override(language):
            home = client.get(reverse("home")).content.decode()
            assert f'href="{page.get_absolute_url()}"' in home
    de = page_text(client, "de", "pages:page", slug=page.slug)
    en = page_text(client, "en", "pages:page", slug=page.slug)
    genscher = "Solange man miteinander redet, schießt man nicht aufeinander."
    assert genscher in de and genscher in en  # the quotation itself, with its source
    assert "Hans-Dietrich Genscher, ehemaliger Außenminister" in de
    assert "Hans-Dietrich Genscher, former Foreign Minister" in en
    assert "Oberbürgermeister Dr. Matthias Knecht" in de and "Lord Mayor Dr. Matthias Knecht" in en
    assert "Völkerverständigung und kultureller Austausch" in de
    assert "understanding between peoples and cultural exchange" in en
    assert "drei Vollzeitstellen, die sich mehrere Personen teilen" in de
    assert "three full-time posts in all, shared among several people" in en
    assert "Gemeinsam mit nationalen Organisationen" in de
    assert "Together with national organisations" in en
    assert "fachlich und menschlich" in de and "professionally and personally" in en
    assert "internationale Fachkräfte" in de and "international skilled workers" in en
    assert "unverzichtbar" in de and "indispensable" in en
    assert "nur mit zwei Städten" in de and "only two of the cities" in en


def test_annual_budget_is_a_yearly_limit_not_this_years_figure():
    call_command("load_demo_content", verbosity=0)
    from partnerships.models import AnnualProgramme

    programme = AnnualProgramme.objects.current()
    assert programme.budget is None  # the seed gives 70,000 € a year, not for this year
    assert programme.focus_cities.count() == 0
    assert "70.000 Euro im Jahr" in programme.notes_de and "nur" in programme.notes_de
    assert "only two" in programme.notes_en and "enough" not in programme.notes_en


def test_kongoussi_is_a_climate_partner_without_an_invented_funder(client):
    call_command("load_demo_content", verbosity=0)
    from climate.models import Funder, Project

    event = Event.objects.get(uid__startswith="demo-kongoussi-delegation-2023-10")
    assert "Partnerstadt Kongoussi" not in event.description_de
    assert "Klimapartnerstadt" in event.description_de
    application = Project.objects.get(slug="kongoussi-solarenergie-wasser-2023-2026")
    assert application.funder is None
    assert not Funder.objects.filter(short_name="BMZ").exists()
    de = page_text(client, "de", "climate:project-detail", slug=application.slug)
    en = page_text(client, "en", "climate:project-detail", slug=application.slug)
    assert "BMZ" not in de and "BMZ" not in en
    assert "Förderer nicht bekannt" in de
    assert "Funder not known" in en
    assert "health centres" in en and "course in solar technology" in en.lower()


def test_ambato_en_bici_is_not_counted_as_a_grant(client):
    call_command("load_demo_content", verbosity=0)
    from climate.briefing import budget_totals
    from climate.models import Project

    bici = Project.objects.get(slug="ambato-en-bici")
    assert bici.grant_amount is None and bici.funder is None and bici.project_status == ""
    totals = budget_totals(Project.objects.published())
    assert totals.overall.amount == 367000  # 270,000 € (Kongoussi) + 97,000 € (Ambato 2019–22)
    assert totals.overall.unknown == 2  # the direct aid and "Ambato en Bici"
    # The 260,000 € of the seed stay in the project's text.
    de = page_text(client, "de", "climate:project-detail", slug=bici.slug)
    en = page_text(client, "en", "climate:project-detail", slug=bici.slug)
    assert "260.000 Euro" in de and "€260,000" in en
    assert "not counted in the grant totals" in en


def test_only_the_example_indicator_remains():
    call_command("load_demo_content", verbosity=0)
    from network.models import Indicator

    assert list(Indicator.objects.values_list("slug", flat=True)) == [
        "schulkooperationen-globales-lernen"
    ]
    assert "Beispiel" in Indicator.objects.get().description_de


def test_europe_pages_follow_the_seeds(client):
    call_command("load_demo_content", verbosity=0)
    de = page_text(client, "de", "europe:index")
    en = page_text(client, "en", "europe:index")
    assert "Die Europafähigkeit innerhalb der Verwaltung ausbauen." in de
    assert "Shaping EU policy" in en
    # Urban Diplomacy Exchange is an example of a thematic programme; synergies with the work
    # on Europe are a point of their own.
    with override("de"):
        html = client.get(reverse("europe:index")).content.decode()
    items = [visible_text(li) for li in re.findall(r"<li>(.*?)</li>", html, flags=re.S)]
    ude = [i for i in items if "Urban Diplomacy Exchange" in i]
    synergies = [i for i in items if "Synergien" in i]
    assert ude and synergies and not set(ude) & set(synergies)
    assert "ein Beispiel ist Urban Diplomacy Exchange" in ude[0]
    # The networks are opportunities for council members, not memberships of the city.
    participation = page_text(client, "de", "europe:participation")
    assert "Möglichkeiten für Mitglieder des Gemeinderats" in participation
    assert "Eine Gemeinde bewirbt sich um die Teilnahme" in participation
    assert "Europabeauftragte" in participation
    networks = page_text(client, "en", "europe:network-list")
    assert "European networks" in networks and "memberships" not in networks


def test_memberships_use_the_agreed_english_terms(client):
    call_command("load_demo_content", verbosity=0)
    en = page_text(client, "en", "network:state-and-federal")
    assert "Expert group on communication about displacement and migration" in en
    assert "Review panel for domestic development-policy funding" in en
    assert "Participation" in en
    coordination = page_text(client, "en", "network:coordination")
    assert "Department of organisation and human resources (town twinning)" in coordination


def test_english_names_are_the_same_everywhere(client):
    call_command("load_demo_content", verbosity=0)
    city = page_text(client, "en", "partnerships:city-detail", slug="jevpatorija")
    assert "Yevpatoria" in city and "The partnership is suspended" in city
    easy_read = page_text(client, "en", "pages:page", slug="leichte-sprache")
    assert "Yevpatoria in Ukraine" in easy_read
    montbeliard = page_text(client, "en", "partnerships:city-detail", slug="montbeliard")
    assert "agreement on their twinning" in montbeliard
    europe = page_text(client, "en", "europe:index")
    assert "Europe officer" in europe
    association = page_text(
        client, "en", "network:actor-detail", slug="ludwigsburg-international-ev"
    )
    assert "Association “Ludwigsburg International”" in association
    overview = page_text(client, "en", "partnerships:index")
    assert "Activities of associations" in overview
    assert "Stakeholders in Ludwigsburg" in page_text(client, "en", "network:actor-list")


# --- An editor's work survives the demo loader (`make run` runs it on every start) -------------


def _edit_like_an_editor():
    from climate.models import Project
    from europe.models import FundingCall
    from network.models import Actor

    impressum = SitePage.objects.get(slug="impressum")
    impressum.body_de = "Von der Redaktion neu geschrieben."
    impressum.title_de = "Impressum (Redaktion)"
    impressum.save()
    contact = ContactPerson.objects.filter(status="published").first()
    contact.status = "draft"
    contact.save()
    call = FundingCall.objects.filter(status="published").first()
    call.status = "draft"
    call.save()
    actor = Actor.objects.filter(topics__isnull=False).distinct().first()
    actor.topics.clear()
    project = Project.objects.exclude(traffic_light="").first() or Project.objects.first()
    project.traffic_light = next(
        value for value, _label in Project.TrafficLight.choices if value != project.traffic_light
    )
    project.save()
    return {"impressum": impressum, "contact": contact, "call": call, "actor": actor,
            "project": project}  # fmt: skip


def test_a_second_run_keeps_every_edit_and_records_nothing():
    from django.contrib.admin.models import LogEntry

    from climate.models import ProjectChange

    call_command("load_demo_content", verbosity=0)
    edited = _edit_like_an_editor()
    before = snapshot()
    changes, log = ProjectChange.objects.count(), LogEntry.objects.count()

    call_command("load_demo_content", verbosity=0)

    assert snapshot() == before  # nothing changed, nothing duplicated (renamed page included)
    assert ProjectChange.objects.count() == changes  # no false entry in the public history
    assert LogEntry.objects.count() == log
    assert (
        SitePage.objects.get(pk=edited["impressum"].pk).body_de
        == "Von der Redaktion neu geschrieben."
    )
    assert not edited["actor"].topics.exists()


def test_missing_demo_objects_are_created_again_and_existing_ones_left_alone():
    call_command("load_demo_content", verbosity=0)
    page = SitePage.objects.get(slug="impressum")
    page.title_de = "Umbenannt"
    page.save()
    SitePage.objects.filter(slug="datenschutz").delete()
    call_command("load_demo_content", verbosity=0)
    assert SitePage.objects.get(slug="impressum").title_de == "Umbenannt"
    assert SitePage.objects.filter(slug="datenschutz").exists()


def test_reset_restores_the_demo_after_confirmation(monkeypatch):
    from django.core.management.base import CommandError

    call_command("load_demo_content", verbosity=0)
    edited = _edit_like_an_editor()

    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("load_demo_content", "--reset", verbosity=0)
    assert SitePage.objects.get(pk=edited["impressum"].pk).title_de == "Impressum (Redaktion)"

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    call_command("load_demo_content", "--reset", verbosity=0)
    impressum = SitePage.objects.get(pk=edited["impressum"].pk)
    assert impressum.title_de == "Impressum"
    assert ContactPerson.objects.get(pk=edited["contact"].pk).status == "published"
    assert edited["actor"].topics.exists()

    edited = _edit_like_an_editor()
    call_command("load_demo_content", "--reset", "--noinput", verbosity=0)
    assert SitePage.objects.get(pk=edited["impressum"].pk).title_de == "Impressum"


def test_production_settings_refuse_the_demo(settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_content", verbosity=0)
    assert not SitePage.objects.exists()
