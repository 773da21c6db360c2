from decimal import Decimal
from types import SimpleNamespace

import pytest

from network import charts
from network.models import Actor, Membership

from .factories import ActorFactory, MembershipFactory


@pytest.mark.django_db
def test_published_hides_drafts_and_expired_actors():
    from django.utils import timezone

    live = ActorFactory()
    ActorFactory(status="draft")
    ActorFactory(publish_until=timezone.now() - timezone.timedelta(days=1))
    assert list(Actor.objects.published()) == [live]


@pytest.mark.django_db
def test_public_contact_needs_consent():
    actor = ActorFactory(contact_name="Erika Muster", contact_email="erika@example.org")
    assert actor.public_contact is None
    actor.contact_consent = True
    assert actor.public_contact["email"] == "erika@example.org"
    # Consent without any details: nothing to show.
    assert ActorFactory(contact_consent=True).public_contact is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(2018, 2018, "2018"), (2014, 2016, "2014–2016"), (2020, None, "seit 2020"), (None, None, "")],
)
def test_membership_period_says_only_what_is_known(start, end, expected):
    assert str(MembershipFactory(start_year=start, end_year=end).period) == expected


@pytest.mark.django_db
def test_membership_end_before_start_is_refused():
    from django.core.exceptions import ValidationError

    membership = Membership(
        kind="membership", level="state", name_de="AG", start_year=2020, end_year=2019
    )
    with pytest.raises(ValidationError):
        membership.clean()


def _values(*pairs, example=False):
    return [SimpleNamespace(year=y, value=Decimal(v), is_example=example) for y, v in pairs]


def test_chart_bars_are_proportional_to_values():
    chart = charts.bar_chart(_values((2021, "10"), (2022, "20"), (2023, "5")))
    heights = {bar.year: bar.height for bar in chart.bars}
    assert heights[2022] == pytest.approx(2 * heights[2021], rel=0.02)
    assert heights[2021] == pytest.approx(2 * heights[2023], rel=0.02)
    # Every bar stands on the zero line and the grid starts at zero.
    assert all(bar.y + bar.height == pytest.approx(chart.baseline_y, abs=0.2) for bar in chart.bars)
    assert chart.grid[0].value == 0


def test_chart_handles_negative_and_equal_values():
    chart = charts.bar_chart(_values((2021, "-3"), (2022, "3")))
    below, above = chart.bars
    assert below.y == pytest.approx(chart.baseline_y, abs=0.2)
    assert above.y + above.height == pytest.approx(chart.baseline_y, abs=0.2)
    assert charts.bar_chart(_values((2021, "0"), (2022, "0"))) is not None
    assert charts.bar_chart([]) is None
