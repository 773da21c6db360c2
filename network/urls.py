from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import exports, views

app_name = "network"

actor_patterns = [
    path("", views.actor_list, name="actor-list"),
    path(_("actors.csv"), exports.actor_data, {"fmt": "csv"}, name="actor-csv"),
    path(_("actors.json"), exports.actor_data, {"fmt": "json"}, name="actor-json"),
    path("<slug:slug>/", views.actor_detail, name="actor-detail"),
    path(_("<slug:slug>/calendar.ics"), views.actor_ical, name="actor-ical"),
]

programme_patterns = [
    path("<slug:slug>/", views.programme_detail, name="programme-detail"),
    path(_("<slug:slug>/calendar.ics"), views.programme_ical, name="programme-ical"),
]

sdg_patterns = [
    path("", views.sdg_index, name="sdg-index"),
    path("<int:number>/", views.sdg_detail, name="sdg-detail"),
    path("<int:number>/export.csv", exports.sdg_data, {"fmt": "csv"}, name="sdg-csv"),
    path("<int:number>/export.json", exports.sdg_data, {"fmt": "json"}, name="sdg-json"),
    path(_("indicators/"), views.indicator_list, name="indicator-list"),
    path(_("indicators/values.csv"), exports.indicator_data, {"fmt": "csv"}, name="indicators-csv"),
    path(
        _("indicators/values.json"),
        exports.indicator_data,
        {"fmt": "json"},
        name="indicators-json",
    ),
    path(_("indicators/<slug:slug>/"), views.indicator_detail, name="indicator-detail"),
    path(
        _("indicators/<slug:slug>/values.csv"),
        exports.indicator_data,
        {"fmt": "csv"},
        name="indicator-csv",
    ),
    path(
        _("indicators/<slug:slug>/values.json"),
        exports.indicator_data,
        {"fmt": "json"},
        name="indicator-json",
    ),
]

urlpatterns = [
    path("", views.index, name="index"),
    path(_("actors/"), include(actor_patterns)),
    path(_("programmes/"), include(programme_patterns)),
    path(_("coordination-office/"), views.coordination, name="coordination"),
    path(_("state-and-federal/"), views.state_and_federal, name="state-and-federal"),
    path(
        _("state-and-federal/<slug:slug>/"), views.state_partner_detail, name="state-partner-detail"
    ),
    path("sdg/", include(sdg_patterns)),
]
