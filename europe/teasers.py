"""The Europe area on shared pages: the home page's latest items and the SDG pages."""

import datetime

from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser
from ludwigsburg_intl.querysets import Baked

from .models import FundingCall, WorkField, berlin_today


def _call_teaser(call: FundingCall) -> Teaser:
    kind = _("Funding call (example)") if call.is_example else _("Funding call")
    return Teaser.of(call, kind, summary="summary")


def _work_field_teaser(field: WorkField) -> Teaser:
    return Teaser.of(field, _("EU work field"), summary="goal")


# Built and compiled once per limit (``Baked``).
OPEN_CALLS = Baked(
    lambda limit, today: (
        FundingCall.objects.published()
        .exclude(deadline__lt=today)
        .order_by("deadline", "pk")
        .select_related("programme")[:limit]
    ),
    today=datetime.date,
)


def latest(limit: int) -> list[Teaser]:
    """Calls that can still be applied for, the nearest deadline first (one query)."""
    return [_call_teaser(call) for call in OPEN_CALLS(shape=(limit,), today=berlin_today())]


# Built and compiled once (``Baked``).
WORK_FIELDS_TAGGED = Baked(
    lambda goal: WorkField.objects.published().filter(sdg_goals=goal).distinct(), goal=int
)
CALLS_TAGGED = Baked(
    lambda goal: FundingCall.objects.published().filter(sdg_goals=goal).distinct(), goal=int
)


def tagged_with_sdg(goal) -> list[Teaser]:
    fields = WORK_FIELDS_TAGGED(goal=goal.pk)
    calls = CALLS_TAGGED(goal=goal.pk)
    return [_work_field_teaser(f) for f in fields] + [_call_teaser(c) for c in calls]
