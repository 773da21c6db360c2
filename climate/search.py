"""The climate partnerships' searchable content (see ludwigsburg_intl.search)."""

from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl import areas
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Area


def register():
    from .models import ClimatePartnership, Project

    areas.register_search(
        areas.SearchSource(
            key="climate-partnership",
            kind=_("Climate partnership"),
            area=Area.CLIMATE,
            queryset=ClimatePartnership.objects.published,
            title="name",
            text=("summary", "themes", "action_programme", "outlook"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("climate:partnership-detail", slug=slug),
            order=20,
        )
    )
    areas.register_search(
        areas.SearchSource(
            key="climate-project",
            kind=_("Climate project"),
            area=Area.CLIMATE,
            queryset=Project.objects.published,
            title="title",
            text=("summary", "risks"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("climate:project-detail", slug=slug),
            order=21,
        )
    )
