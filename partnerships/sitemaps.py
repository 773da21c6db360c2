"""The partner cities' sections of the sitemap (registered in apps.py)."""

from django.db.models import Max, Q
from django.db.models.functions import Greatest

from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import Activity, PartnerCity


def sitemaps():
    return {
        "partnerships": NamedPagesSitemap(["partnerships:index"]),
        # A city's page shows its published activities: a new one changes the page.
        "partner-cities": ObjectSitemap(
            PartnerCity.objects.all(),
            lastmod=Greatest(
                "updated_at",
                Max(
                    "activities__updated_at",
                    filter=Q(activities__in=Activity.objects.published().values("pk")),
                ),
            ),
        ),
    }
