"""factory_boy factories for the shared models (ludwigsburg_intl.models).

Generic on purpose: area apps keep their own factories next to their tests. Every factory
builds published content unless told otherwise; pass ``status="draft"`` for a draft.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from ludwigsburg_intl.models import Area, ContactPerson, Event, Office, SitePage
from ludwigsburg_intl.publishing import Publishable

PUBLISHED = Publishable.Status.PUBLISHED
DRAFT = Publishable.Status.DRAFT


class StaffUserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True
    is_superuser = True


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name_de = factory.Sequence(lambda n: f"Dienststelle {n}")
    name_en = factory.Sequence(lambda n: f"Office {n}")
    street = "Wilhelmstraße 11"
    postcode = "71638"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    role_de = "Städtepartnerschaften"
    role_en = "Town twinning"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    status = PUBLISHED


class SitePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SitePage

    slug = factory.Sequence(lambda n: f"seite-{n}")
    title_de = factory.Sequence(lambda n: f"Testseite {n}")
    title_en = factory.Sequence(lambda n: f"Test page {n}")
    summary_de = "Eine Seite für Tests."
    summary_en = "A page for tests."
    body_de = "## Abschnitt\nDer deutsche Text dieser Seite."
    body_en = "## Section\nThe English text of this page."
    show_in_footer = False
    status = PUBLISHED


def in_days(days: float, hour: int = 18) -> datetime.datetime:
    """A moment ``days`` from today at ``hour`` o'clock, Berlin time."""
    now = timezone.localtime()
    return (now + datetime.timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_de = factory.Sequence(lambda n: f"Veranstaltung {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    description_de = "Beschreibung der Veranstaltung."
    description_en = "Description of the event."
    place_de = "Ludwigsburg, Rathaus"
    place_en = "Ludwigsburg, town hall"
    area = Area.PARTNERSHIPS
    precision = Event.Precision.TIME
    time_zone = "Europe/Berlin"
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    status = PUBLISHED
