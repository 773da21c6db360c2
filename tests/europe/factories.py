import datetime

import factory

from europe.models import (
    FundingApplication,
    FundingCall,
    FundingProgramme,
    FundingTopic,
    Network,
    ParticipationProgramme,
    WorkField,
)


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    name_de = factory.Sequence(lambda n: f"Programm {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")
    status = "published"


class FundingTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingTopic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_de = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class FundingCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingCall

    programme = factory.SubFactory(FundingProgrammeFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    title_de = factory.Sequence(lambda n: f"Aufruf {n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))
    status = "published"


class FundingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingApplication

    title_de = factory.Sequence(lambda n: f"Antrag {n}")
    programme = factory.SubFactory(FundingProgrammeFactory)
    year = 2024
    outcome = "funded"
    status = "published"


class WorkFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkField

    slug = factory.Sequence(lambda n: f"field-{n}")
    title_de = factory.Sequence(lambda n: f"Feld {n}")
    goal_de = "Ein Ziel."
    status = "published"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name_de = factory.Sequence(lambda n: f"Netzwerk {n}")
    purpose_de = "Wofür es da ist."
    status = "published"


class ParticipationProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParticipationProgramme

    slug = factory.Sequence(lambda n: f"participation-{n}")
    name_de = factory.Sequence(lambda n: f"Mitwirkung {n}")
    name_en = factory.Sequence(lambda n: f"Participation {n}")
    organiser_de = "RGRE"
    description_de = "Beschreibung."
    max_nominations = 2
    status = "published"
