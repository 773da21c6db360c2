from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import health, opendata_views, views

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


def favicon(request):
    # Resolved per request: the hashed static name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt),
    path("favicon.ico", favicon),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("calendar/"), include(calendar_patterns)),
    path(_("pages/"), include(pages_patterns)),
    path(_("open-data/"), include(opendata_patterns)),
    path(_("partner-cities/"), include("partnerships.urls")),
    path(_("climate-partnerships/"), include("climate.urls")),
    path(_("europe/"), include("europe.urls")),
    path(_("network/"), include("network.urls")),
    prefix_default_language=True,
)

handler404 = "ludwigsburg_intl.errors.page_not_found"
handler500 = "ludwigsburg_intl.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static as media_static

    urlpatterns += media_static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
