"""The network area's sections of the sitemap, SDG pages included (registered in apps.py)."""

from django.urls import reverse

from ludwigsburg_intl.models import SDGGoal
from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import Actor, Indicator, Programme, StatePartner


def sitemaps():
    return {
        "network": NamedPagesSitemap(
            [
                "network:index",
                "network:actor-list",
                "network:coordination",
                "network:state-and-federal",
                "network:sdg-index",
                "network:indicator-list",
            ]
        ),
        "actors": ObjectSitemap(Actor.objects.all()),
        "network-programmes": ObjectSitemap(Programme.objects.all()),
        "state-partners": ObjectSitemap(
            StatePartner.objects.all(),
            location=lambda partner: reverse(
                "network:state-partner-detail", kwargs={"slug": partner.slug}
            ),
        ),
        "indicators": ObjectSitemap(Indicator.objects.all()),
        # Every goal has its page, whatever is tagged with it; the goals never change.
        "sdg-goals": ObjectSitemap(
            SDGGoal.objects.all(),
            date_field=None,
            location=lambda goal: reverse("network:sdg-detail", kwargs={"number": goal.number}),
        ),
    }
