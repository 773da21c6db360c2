"""factory_boy factories for the network area. Published content unless told otherwise."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from ludwigsburg_intl.models import Area, Event
from ludwigsburg_intl.publishing import Publishable
from network.models import (
    Actor,
    CoordinationItem,
    Indicator,
    IndicatorValue,
    Membership,
    Programme,
    Topic,
)

PUBLISHED = Publishable.Status.PUBLISHED


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_de = factory.Sequence(lambda n: f"Termin {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    place_de = "Ludwigsburg"
    area = Area.NETWORK
    precision = Event.Precision.TIME
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    status = PUBLISHED


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"thema-{n}")
    name_de = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    slug = factory.Sequence(lambda n: f"akteur-{n:03d}")
    name_de = factory.Sequence(lambda n: f"Akteur {n:03d}")
    name_en = factory.Sequence(lambda n: f"Actor {n:03d}")
    kind = Actor.Kind.GROUP
    summary_de = "Eine Gruppe in Ludwigsburg."
    summary_en = "A group in Ludwigsburg."
    status = PUBLISHED


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"angebot-{n}")
    name_de = factory.Sequence(lambda n: f"Angebot {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")
    status = PUBLISHED


class CoordinationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoordinationItem

    kind = CoordinationItem.Kind.TASK
    title_de = factory.Sequence(lambda n: f"Aufgabe {n}")
    title_en = factory.Sequence(lambda n: f"Task {n}")
    status = PUBLISHED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    kind = Membership.Kind.MEMBERSHIP
    level = Membership.Level.STATE
    name_de = factory.Sequence(lambda n: f"Gremium {n}")
    name_en = factory.Sequence(lambda n: f"Body {n}")
    status = PUBLISHED


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    slug = factory.Sequence(lambda n: f"indikator-{n}")
    name_de = factory.Sequence(lambda n: f"Indikator {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    unit_de = "Anzahl"
    unit_en = "number"
    status = PUBLISHED


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n)
    value = Decimal("1")
