"""The Europe area's sections of the sitemap (registered in apps.py)."""

from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import FundingCall


def sitemaps():
    return {
        "europe": NamedPagesSitemap(
            [
                "europe:index",
                "europe:call-list",
                "europe:network-list",
                "europe:participation",
                "europe:interest-form",
            ]
        ),
        "funding-calls": ObjectSitemap(FundingCall.objects.all()),
    }
