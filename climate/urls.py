from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import exports, views

app_name = "climate"

urlpatterns = [
    path("", views.index, name="index"),
    path("data.csv", exports.project_data, {"fmt": "csv"}, name="data-csv"),
    path("data.json", exports.project_data, {"fmt": "json"}, name="data-json"),
    path(_("status/"), views.status_overview, name="status-overview"),
    path(_("projects/<slug:slug>/"), views.project_detail, name="project-detail"),
    path(_("briefings/"), views.meeting_list, name="meeting-list"),
    path(_("briefings/<int:pk>/"), views.briefing, name="briefing"),
    path(
        _("briefings/<int:pk>/briefing.csv"),
        views.briefing_data,
        {"fmt": "csv"},
        name="briefing-csv",
    ),
    path(
        _("briefings/<int:pk>/briefing.json"),
        views.briefing_data,
        {"fmt": "json"},
        name="briefing-json",
    ),
    path(_("briefings/<int:pk>/print.css"), views.briefing_print_css, name="briefing-print-css"),
    path("<slug:slug>/", views.partnership_detail, name="partnership-detail"),
]
