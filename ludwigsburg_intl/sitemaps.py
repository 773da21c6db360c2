"""The sitemap: every public page in both languages, with hreflang alternates and x-default.

The shared app lists its own pages here; each area registers its sections through
``areas.register_sitemaps`` and ``urls.py`` joins them. Objects come only through
``published()``, so drafts and content outside its publication window never appear.
"""

from functools import wraps

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .feeds import drop_last_modified
from .models import Event, SitePage


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Django's x-default drops the language prefix, assuming the default language has none;
        # here every language has one, so x-default is the German page itself.
        for url in urls:
            by_language = {a["lang_code"]: a["location"] for a in url["alternates"]}
            for alternate in url["alternates"]:
                if alternate["lang_code"] == "x-default":
                    alternate["location"] = by_language[settings.LANGUAGE_CODE]
        return urls


class NamedPagesSitemap(PortalSitemap):
    """Pages without an object of their own (home, lists), by URL name."""

    def __init__(self, url_names):
        self.url_names = list(url_names)

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


class ObjectSitemap(PortalSitemap):
    """One page per object: published ones only. ``lastmod`` is ``date_field``, or an
    expression (e.g. the newest of the object's and its published reports' times) if given."""

    def __init__(self, queryset, *, date_field="updated_at", lastmod=None, location=None):
        self.queryset = queryset
        self.date_field = date_field
        self.lastmod_expression = lastmod
        self.location_of = location

    def items(self):
        queryset = self.queryset.all()  # a fresh queryset: published() asks for "now"
        if hasattr(queryset, "published"):
            queryset = queryset.published()
        if self.lastmod_expression is not None:
            queryset = queryset.annotate(sitemap_lastmod=self.lastmod_expression)
        return queryset

    def location(self, item):
        return self.location_of(item) if self.location_of else item.get_absolute_url()

    def lastmod(self, item):
        if self.lastmod_expression is not None:
            return item.sitemap_lastmod
        return getattr(item, self.date_field) if self.date_field else None


def shared_sitemaps() -> dict[str, Sitemap]:
    return {
        "pages": NamedPagesSitemap(["home", "calendar:upcoming", "calendar:past"]),
        "events": ObjectSitemap(Event.objects.all()),
        "site-pages": ObjectSitemap(SitePage.objects.all()),
    }


def without_last_modified(view):
    """A sitemap view without its Last-Modified header (see feeds.drop_last_modified)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return drop_last_modified(view(request, *args, **kwargs))

    return wrapped
