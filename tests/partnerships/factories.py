import factory

from ludwigsburg_intl.publishing import Publishable
from partnerships.models import Activity, AnnualProgramme, Award, PartnerCity

PUBLISHED = Publishable.Status.PUBLISHED


class PartnerCityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCity
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"stadt-{n}")
    name_de = factory.Sequence(lambda n: f"Partnerstadt {n}")
    name_en = factory.Sequence(lambda n: f"Partner city {n}")
    country_de = "Frankreich"
    country_en = "France"
    summary_de = "Eine Partnerstadt für Tests."
    summary_en = "A partner city for tests."
    partnership_since = 1970
    latitude = "47.51000"
    longitude = "6.79830"
    status = PUBLISHED


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    city = factory.SubFactory(PartnerCityFactory)
    title_de = factory.Sequence(lambda n: f"Aktivität {n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    description_de = "Beschreibung."
    description_en = "Description."
    pillar = Activity.Pillar.DELEGATION
    year = 2023
    status = PUBLISHED


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    city = factory.SubFactory(PartnerCityFactory)
    name_de = "Preis"
    name_en = "Prize"
    year = 1988


class AnnualProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualProgramme
        django_get_or_create = ("year",)

    year = 2026
    budget = "70000.00"
    status = PUBLISHED
