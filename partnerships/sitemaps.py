"""The partner cities' sections of the sitemap (registered in apps.py)."""

from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import PartnerCity


def sitemaps():
    return {
        "partnerships": NamedPagesSitemap(["partnerships:index"]),
        "partner-cities": ObjectSitemap(PartnerCity.objects.all()),
    }
