import pytest

from ludwigsburg_intl.models import SDGGoal


@pytest.fixture
def goal(db):
    return SDGGoal.objects.get(number=12)


@pytest.fixture
def partner_city(db):
    from partnerships.models import PartnerCity

    return PartnerCity.objects.create(
        slug="montbeliard",
        name_de="Montbéliard",
        name_en="Montbéliard",
        country_de="Frankreich",
        country_en="France",
        status="published",
    )
