"""Calendar events and the area content they concern: each area links its own objects to events
(``areas.register_event_link``); the event's page, its admin page and the open data ask the
registry. The shared layer names no area, and the links of the former foreign keys survive the
migration."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from ludwigsburg_intl import areas
from tests.climate.factories import PartnershipFactory, ProjectFactory
from tests.europe.factories import FundingCallFactory
from tests.factories import DRAFT, EventFactory
from tests.network.factories import ActorFactory, ProgrammeFactory
from tests.partnerships.factories import PartnerCityFactory

AREA_APPS = {"partnerships", "climate", "europe", "network"}
ROOT = Path(settings.BASE_DIR)


def event_url(event, language="de"):
    with translation.override(language):
        return reverse("calendar:event-detail", kwargs={"pk": event.pk})


def _link_everything(event, n=1, word=""):
    city = PartnerCityFactory(name_de=f"Montbéliard{word}", name_en=f"Montbéliard{word}")
    partnership = PartnershipFactory(name_de=f"Kongoussi{word}", name_en=f"Kongoussi{word}")
    project = ProjectFactory(
        partnership=partnership, title_de=f"Delegation{word}", title_en=f"Delegation{word} (en)"
    )
    actor = ActorFactory(name_de=f"Freundeskreis{word}", name_en=f"Circle of friends{word}")
    programme = ProgrammeFactory(name_de=f"Eine-Welt-Forum{word}", name_en=f"One World{word}")
    for linked in (city, partnership, project, actor, programme):
        linked.events.add(event)
    return city, partnership, project, actor, programme


# --- The event's page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_page_names_what_it_concerns_with_links_in_the_page_language(client):
    event = EventFactory(title_de="Delegation aus Kongoussi")
    city, partnership, project, actor, programme = _link_everything(event)
    html = client.get(event_url(event)).content.decode()
    for label, obj, name in [
        ("Partnerstadt", city, "Montbéliard"),
        ("Klimapartnerschaft", partnership, "Kongoussi"),
        ("Projekt", project, "Delegation"),
        ("Gruppe", actor, "Freundeskreis"),
        ("Netzwerkangebot", programme, "Eine-Welt-Forum"),
    ]:
        assert f'<dt>{label}</dt><dd><a href="{obj.get_absolute_url()}">{name}</a></dd>' in html
    english = client.get(event_url(event, "en")).content.decode()
    assert "<dt>Group</dt>" in english and ">Circle of friends</a>" in english
    assert "<dt>Project</dt>" in english and ">Delegation (en)</a>" in english


@pytest.mark.django_db
def test_event_page_names_no_draft_nor_what_a_draft_carries(client, staff_client):
    event = EventFactory()
    PartnerCityFactory(name_de="Entwurfsstadt", status=DRAFT).events.add(event)
    hidden_partnership = PartnershipFactory(name_de="Entwurfspartnerschaft", status=DRAFT)
    ProjectFactory(partnership=hidden_partnership, title_de="Projekt eines Entwurfs").events.add(
        event
    )
    ActorFactory(name_de="Abgelaufene Gruppe", publish_until="2000-01-01T00:00Z").events.add(event)
    for viewer in (client, staff_client):  # even staff, who may preview drafts
        html = viewer.get(event_url(event)).content.decode()
        for hidden in ("Entwurfsstadt", "Entwurfspartnerschaft", "Projekt eines Entwurfs"):
            assert hidden not in html
        assert "Abgelaufene Gruppe" not in html
        assert "<dt>Partnerstadt</dt>" not in html


@pytest.mark.django_db
def test_a_deadline_event_names_its_funding_call(client):
    call = FundingCallFactory(title_de="Bürgerbegegnungen 2031")
    html = client.get(event_url(call.deadline_event)).content.decode()
    assert f'<dt>Förderaufruf</dt><dd><a href="{call.get_absolute_url()}">' in html


@pytest.mark.django_db
def test_event_page_asks_each_relation_once_whatever_the_number_of_links(client):
    event = EventFactory()
    _link_everything(event)
    with CaptureQueriesContext(connection) as one:
        assert client.get(event_url(event)).status_code == 200
    for n in range(3):
        _link_everything(event, word=f" {n}")
    with CaptureQueriesContext(connection) as four:
        html = client.get(event_url(event)).content.decode()
    assert html.count("<dt>Partnerstadt</dt>") == 4
    assert len(four) == len(one)


@pytest.mark.django_db
def test_the_registry_answers_in_one_query_per_relation(django_assert_num_queries):
    events = [EventFactory() for _ in range(3)]
    for event in events:
        _link_everything(event, word=str(event.pk))
    with django_assert_num_queries(len(areas.event_links())):
        linked = areas.linked_to_events(event.pk for event in events)
    assert [len(linked[event.pk]) for event in events] == [5, 5, 5]
    keys = [item.link.key for item in linked[events[0].pk]]
    assert keys == ["partner_city", "climate_partnership", "project", "actor", "programme"]


# --- Area pages list their events -------------------------------------------------------------


@pytest.mark.django_db
def test_a_partnership_page_lists_its_own_and_its_projects_events_once(client):
    event = EventFactory(title_de="Besuch aus Kongoussi")
    city, partnership, project, actor, programme = _link_everything(event)
    project_only = EventFactory(title_de="Projekttreffen")
    project.events.add(project_only)
    EventFactory(title_de="Fremder Termin")
    PartnershipFactory().events.add(EventFactory(title_de="Anderer Partnerschaftstermin"))
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert html.count("Besuch aus Kongoussi") == 1
    assert "Projekttreffen" in html
    assert "Fremder Termin" not in html and "Anderer Partnerschaftstermin" not in html
    project_html = client.get(project.get_absolute_url()).content.decode()
    assert "Besuch aus Kongoussi" in project_html and "Projekttreffen" in project_html


# --- Admin --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_admin_page_shows_what_the_event_is_linked_to_drafts_included(staff_client):
    event = EventFactory()
    city = PartnerCityFactory(name_de="Montbéliard")
    city.events.add(event)
    draft = ActorFactory(name_de="Entwurfsgruppe", status=DRAFT)
    draft.events.add(event)
    url = reverse("admin:ludwigsburg_intl_event_change", args=[event.pk])
    html = staff_client.get(url).content.decode()
    city_admin = reverse("admin:partnerships_partnercity_change", args=[city.pk])
    assert f'Partnerstadt: <a href="{city_admin}">Montbéliard</a></li>' in html
    actor_admin = reverse("admin:network_actor_change", args=[draft.pk])
    assert f'Gruppe: <a href="{actor_admin}">Entwurfsgruppe</a> (nicht öffentlich)</li>' in html
    # Nothing to choose here: the links are made where the area's content is edited.
    assert 'name="partner_city"' not in html

    unlinked = EventFactory()
    url = reverse("admin:ludwigsburg_intl_event_change", args=[unlinked.pk])
    html = staff_client.get(url).content.decode()
    assert "Nicht mit anderen Inhalten verknüpft" in html
    assert "Partnerstädte" in html


@pytest.mark.django_db
def test_a_partner_city_editor_attaches_an_event_on_the_citys_page(client):
    from django.contrib.auth.models import Group, User

    from tests.partnerships.test_admin_upload import change_form_data

    city = PartnerCityFactory()
    event = EventFactory(title_de="Besuch aus Montbéliard")
    user = User.objects.create_user("redaktion-staedte", is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion Partnerstädte"))
    client.force_login(user)
    url = reverse("admin:partnerships_partnercity_change", args=[city.pk])
    data = change_form_data(client, url)
    data["events"] = [str(event.pk)]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(city.events.all()) == [event]
    html = client.get(event_url(event)).content.decode()
    assert f'<a href="{city.get_absolute_url()}">' in html


# --- Open data ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_dataset_names_the_published_content_each_event_concerns(client):
    import json

    event = EventFactory(title_de="Termin")
    _link_everything(event)
    PartnerCityFactory(name_de="Entwurfsstadt", status=DRAFT).events.add(event)
    with translation.override("de"):
        json_url, csv_url = reverse("calendar:data-json"), reverse("calendar:data-csv")
    item = json.loads(client.get(json_url).content)["items"][0]
    assert item["partner_city"] == ["Montbéliard"]
    assert item["climate_partnership"] == ["Kongoussi"]
    assert item["project"] == ["Delegation"]
    assert item["actor"] == ["Freundeskreis"]
    assert item["programme"] == ["Eine-Welt-Forum"]
    csv = client.get(csv_url).content.decode("utf-8-sig")
    header = csv.splitlines()[0]
    assert "Partnerstadt;Klimapartnerschaft;Projekt;" in header
    assert "Gruppe oder Akteur" in header


# --- The shared layer names no area -------------------------------------------------------------


def _python_files(directory):
    return sorted((ROOT / directory).rglob("*.py"))


# The site's wiring names the apps it is made of (INSTALLED_APPS, the area URLconfs); nothing
# else in the shared app does.
WIRING = {"ludwigsburg_intl/urls.py", "ludwigsburg_intl/settings"}


def test_no_module_of_the_shared_app_imports_or_names_an_area_app():
    lazy_reference = re.compile(rf"^({'|'.join(AREA_APPS)})\.[A-Za-z_]+$")
    offences = []
    for path in _python_files("ludwigsburg_intl"):
        relative = str(path.relative_to(ROOT))
        if any(relative == part or relative.startswith(f"{part}/") for part in WIRING):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module or ""]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                # A lazy model reference ("partnerships.PartnerCity"). The bare area keys are
                # the values of ``Area``, which every area shares.
                if lazy_reference.match(node.value):
                    offences.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
                continue
            else:
                continue
            offences += [
                f"{path.relative_to(ROOT)}:{node.lineno} imports {module}"
                for module in modules
                if module.split(".")[0] in AREA_APPS
            ]
    assert not offences


def test_no_migration_of_the_shared_app_depends_on_an_area_app():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key, migration in loader.disk_migrations.items():
        if key[0] != "ludwigsburg_intl":
            continue
        assert not [dep for dep in migration.dependencies if dep[0] in AREA_APPS], key
        for operation in migration.operations:
            for _name, field in getattr(operation, "fields", []) or []:
                remote = getattr(getattr(field, "remote_field", None), "model", None)
                assert not (isinstance(remote, str) and remote.split(".")[0] in AREA_APPS), key


def test_no_shared_template_names_an_area_model_or_page():
    area_word = re.compile(
        r"\.(partner_city|climate_partnership|project|actor|programme|funding_call)\b"
        rf"|['\"]({'|'.join(AREA_APPS)}):"
    )
    offences = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for match in area_word.finditer(path.read_text())
    ]
    assert not offences


# --- The migration carries the former foreign keys over ----------------------------------------

BEFORE = [
    ("ludwigsburg_intl", "0007_updated_at"),
    ("partnerships", "0003_suspended_and_association_labels"),
    ("climate", "0003_updated_at"),
    ("network", "0005_updated_at"),
]


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_every_link_of_the_former_foreign_keys():
    from ludwigsburg_intl.page_cache import install_triggers
    from tests.conftest import restore_sdg_goals

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps

        def make(app_label, model, **fields):
            return old.get_model(app_label, model).objects.create(**fields)

        city = make("partnerships", "PartnerCity", slug="m", name="M", name_de="M")
        partnership = make("climate", "ClimatePartnership", slug="k", name="K", name_de="K")
        project = make(
            "climate", "Project", slug="p", title="P", title_de="P", partnership=partnership
        )
        actor = make("network", "Actor", slug="a", name="A", name_de="A", kind="group")
        moment = "2030-01-01T10:00Z"

        def event(uid, **links):
            return make("ludwigsburg_intl", "Event", uid=uid, title="x", starts_at=moment, **links)

        everything = event(
            "all",
            partner_city_id=city.pk,
            climate_partnership_id=partnership.pk,
            project_id=project.pk,
            actor_id=actor.pk,
        )
        city_only = event("city", partner_city_id=city.pk)
        unlinked = event("none")

        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        new = MigrationExecutor(connection).loader.project_state(executor.loader.graph.leaf_nodes())
        new = new.apps

        def events_of(app_label, model, pk):
            obj = new.get_model(app_label, model).objects.get(pk=pk)
            return sorted(obj.events.values_list("uid", flat=True))

        assert events_of("partnerships", "PartnerCity", city.pk) == ["all", "city"]
        assert events_of("climate", "ClimatePartnership", partnership.pk) == ["all"]
        assert events_of("climate", "Project", project.pk) == ["all"]
        assert events_of("network", "Actor", actor.pk) == ["all"]
        columns = [c.name for c in connection.introspection.get_table_description(
            connection.cursor(), "ludwigsburg_intl_event"
        )]  # fmt: skip
        assert "partner_city_id" not in columns and "actor_id" not in columns

        # And back: the columns hold the links again.
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        Event = executor.loader.project_state(BEFORE).apps.get_model("ludwigsburg_intl", "Event")
        assert Event.objects.get(pk=everything.pk).project_id == project.pk
        assert Event.objects.get(pk=city_only.pk).partner_city_id == city.pk
        assert Event.objects.get(pk=unlinked.pk).actor_id is None
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        install_triggers()  # what `migrate` does after migrating
        restore_sdg_goals()


@pytest.mark.django_db
def test_the_calendar_editors_see_no_draft_titles_of_other_areas(client):
    from django.contrib.auth.models import Group

    from tests.factories import StaffUserFactory

    event = EventFactory()
    ActorFactory(name_de="Geheime Entwurfsgruppe", status=DRAFT).events.add(event)
    PartnerCityFactory(name_de="Montbéliard").events.add(event)
    editor = StaffUserFactory(username="kalender", is_superuser=False)
    editor.groups.add(Group.objects.get(name="Redaktion Gemeinsame Inhalte"))
    client.force_login(editor)
    url = reverse("admin:ludwigsburg_intl_event_change", args=[event.pk])
    html = client.get(url).content.decode()
    assert "Montbéliard" in html  # published: anyone may know it
    assert "Geheime Entwurfsgruppe" not in html
