"""The Europe area on shared pages: the home page's latest items and the SDG pages."""

from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser

from .models import FundingCall, WorkField, berlin_today


def _call_teaser(call: FundingCall) -> Teaser:
    kind = _("Funding call (example)") if call.is_example else _("Funding call")
    return Teaser.of(call, kind, summary="summary")


def _work_field_teaser(field: WorkField) -> Teaser:
    return Teaser.of(field, _("EU work field"), summary="goal")


def latest(limit: int) -> list[Teaser]:
    """Calls that can still be applied for, the nearest deadline first (one query)."""
    calls = (
        FundingCall.objects.published()
        .exclude(deadline__lt=berlin_today())
        .order_by("deadline", "pk")
    )
    return [_call_teaser(call) for call in calls.select_related("programme")[:limit]]


def tagged_with_sdg(goal) -> list[Teaser]:
    fields = WorkField.objects.published().filter(sdg_goals=goal).distinct()
    calls = FundingCall.objects.published().filter(sdg_goals=goal).distinct()
    return [_work_field_teaser(f) for f in fields] + [_call_teaser(c) for c in calls]
