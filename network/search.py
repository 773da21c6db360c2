"""The network's searchable content, the SDG pages included (see ludwigsburg_intl.search)."""

from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl import areas
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Area, SDGGoal


def register():
    from .models import Actor, Programme

    areas.register_search(
        areas.SearchSource(
            key="actor",
            kind=_("Group or actor"),
            area=Area.NETWORK,
            queryset=Actor.objects.published,
            title="name",
            text=("summary", "description"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("network:actor-detail", slug=slug),
            order=40,
        )
    )
    areas.register_search(
        areas.SearchSource(
            key="programme",
            kind=_("Programme"),
            area=Area.NETWORK,
            queryset=Programme.objects.published,
            title="name",
            text=("summary", "description"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("network:programme-detail", slug=slug),
            order=41,
        )
    )
    # The goals are shared data (loaded by migration, always public); their pages are the network's.
    areas.register_search(
        areas.SearchSource(
            key="sdg",
            kind=_("Sustainable Development Goal"),
            area=Area.NETWORK,
            queryset=SDGGoal.objects.all,
            title="name",
            text=("short_description",),
            url_fields=("number",),
            url=lambda number: reverse_cached("network:sdg-detail", number=int(number)),
            order=42,
        )
    )
