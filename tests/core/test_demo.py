"""The demo content command (`make run` uses it): idempotent, published, from the seeds."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

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
