import contextlib
import datetime
from decimal import Decimal

import factory
from django.db.models import Max

from climate.models import (
    ClimatePartnership,
    Committee,
    CommitteeMeeting,
    Component,
    Funder,
    Milestone,
    Project,
    StatusReport,
)

PUBLISHED = "published"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClimatePartnership

    slug = factory.Sequence(lambda n: f"partnerschaft-{n}")
    name_de = factory.Sequence(lambda n: f"Klimapartnerschaft {n}")
    name_en = factory.Sequence(lambda n: f"Climate partnership {n}")
    status = PUBLISHED


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    slug = factory.Sequence(lambda n: f"foerderer-{n}")
    name_de = factory.Sequence(lambda n: f"Förderer {n}")
    name_en = factory.Sequence(lambda n: f"Funder {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"projekt-{n}")
    title_de = factory.Sequence(lambda n: f"Projekt {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    partnership = factory.SubFactory(PartnershipFactory)
    project_status = Project.ProjectStatus.APPROVED
    grant_amount = Decimal("1000.00")
    start_year = 2023
    end_year = 2025
    status = PUBLISHED


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    project = factory.SubFactory(ProjectFactory)
    title_de = factory.Sequence(lambda n: f"Bestandteil {n}")
    target = Decimal("10")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title_de = factory.Sequence(lambda n: f"Meilenstein {n}")
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = datetime.date(2024, 3, 1)


class StatusReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusReport

    project = factory.SubFactory(ProjectFactory)
    reported_on = datetime.date(2024, 1, 15)
    text_de = factory.Sequence(lambda n: f"Bericht Nummer {n}")
    text_en = factory.Sequence(lambda n: f"Report number {n}")
    status = PUBLISHED


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("slug",)

    slug = "wirtschaftsausschuss"
    name_de = "Wirtschaftsausschuss"
    name_en = "Economic committee"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMeeting

    committee = factory.SubFactory(CommitteeFactory)
    date = datetime.date(2024, 2, 1)
    status = PUBLISHED


@contextlib.contextmanager
def saved_on(day):
    """Date the versions the block writes to the history (django-pghistory) at noon of ``day``,
    as if the edits had been made then: the history records the real time of each change."""
    from django.utils import timezone

    from ludwigsburg_intl import history

    models = [history.event_model(model) for model in history.tracked_models()]
    last = {model: model.objects.aggregate(last=Max("pgh_id"))["last"] or 0 for model in models}
    yield
    moment = datetime.datetime.combine(
        day, datetime.time(12), tzinfo=timezone.get_current_timezone()
    )
    for model in models:
        model.objects.filter(pgh_id__gt=last[model]).update(pgh_created_at=moment)
