import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_media

from . import areas, health, opendata_views, views
from .sitemaps import shared_sitemaps, without_last_modified

calendar_patterns = (
    [
        path("", views.upcoming_events, name="upcoming"),
        path(_("archive/"), views.past_events, name="past"),
        path("<int:pk>/", views.event_detail, name="event-detail"),
        path("<int:pk>/ical/", views.event_ical, name="event-ical"),
        path(_("calendar.ics"), views.calendar_ical, name="ical"),
        path("data.csv", opendata_views.event_data, {"fmt": "csv"}, name="data-csv"),
        path("data.json", opendata_views.event_data, {"fmt": "json"}, name="data-json"),
    ],
    "calendar",
)

opendata_patterns = (
    [
        path("", opendata_views.open_data, name="index"),
        path("catalog.jsonld", opendata_views.catalogue, name="catalogue"),
    ],
    "opendata",
)

pages_patterns = ([path("<slug:slug>/", views.site_page, name="page")], "pages")

# The shared feeds and those the areas registered (areas.register_feed in their apps.py).
feed_patterns = (
    [path(entry.route, entry.feed, name=entry.name) for entry in areas.feeds()],
    "feeds",
)

# The shared app's sitemap sections and those the areas registered (areas.register_sitemaps).
sitemaps = {**shared_sitemaps(), **areas.sitemaps()}


def favicon(request):
    # Resolved per request: the hashed static name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


urlpatterns = [
    path("admin/two-factor/", include("ludwigsburg_intl.two_factor")),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt),
    path(
        "sitemap.xml",
        without_last_modified(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        without_last_modified(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("favicon.ico", favicon),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("calendar/"), include(calendar_patterns)),
    path(_("pages/"), include(pages_patterns)),
    path(_("search/"), views.search_page, name="search"),
    path("feeds/", include(feed_patterns)),
    path(_("open-data/"), include(opendata_patterns)),
    path(_("partner-cities/"), include("partnerships.urls")),
    path(_("climate-partnerships/"), include("climate.urls")),
    path(_("europe/"), include("europe.urls")),
    path(_("network/"), include("network.urls")),
    prefix_default_language=True,
)

handler404 = "ludwigsburg_intl.errors.page_not_found"
handler500 = "ludwigsburg_intl.errors.server_error"

if settings.DEBUG or settings.SERVE_MEDIA:
    # In production the web server in front of gunicorn serves /media/ (see the README); a local
    # copy in the production shape (`make run`) has no such server and asks Django to.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
