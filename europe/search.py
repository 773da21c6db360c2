"""Europe's searchable content (see ludwigsburg_intl.search)."""

from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl import areas
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Area


def register():
    from .models import FundingCall, WorkField

    areas.register_search(
        areas.SearchSource(
            key="funding-call",
            kind=_("Funding call"),
            area=Area.EUROPE,
            queryset=FundingCall.objects.published,
            title="title",
            text=("summary", "eligible_applicants"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("europe:call-detail", slug=slug),
            order=30,
        )
    )
    areas.register_search(
        areas.SearchSource(
            key="work-field",
            kind=_("Work field"),
            area=Area.EUROPE,
            queryset=WorkField.objects.published,
            title="title",
            text=("goal", "activities"),
            url_fields=("slug",),
            url=lambda slug: f"{reverse_cached('europe:index')}#{slug}",
            order=31,
        )
    )
