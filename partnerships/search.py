"""The partner cities' searchable content (see ludwigsburg_intl.search)."""

from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl import areas
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Area


def _activity_url(city_slug, pk):
    if city_slug:
        return f"{reverse_cached('partnerships:city-detail', slug=city_slug)}#activity-{pk}"
    return f"{reverse_cached('partnerships:index')}#activity-{pk}"


def register():
    from .models import Activity, PartnerCity

    areas.register_search(
        areas.SearchSource(
            key="partner-city",
            kind=_("Partner city"),
            area=Area.PARTNERSHIPS,
            queryset=PartnerCity.objects.published,
            title="name",
            text=("summary", "history", "how_to_take_part"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("partnerships:city-detail", slug=slug),
            order=10,
        )
    )
    areas.register_search(
        areas.SearchSource(
            key="activity",
            kind=_("Activity"),
            area=Area.PARTNERSHIPS,
            queryset=Activity.objects.published,
            title="title",
            text=("description", "participants"),
            url_fields=("city__slug", "pk"),
            url=_activity_url,
            order=11,
        )
    )
