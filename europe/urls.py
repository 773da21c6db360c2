from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import exports, views

app_name = "europe"

urlpatterns = [
    path("", views.index, name="index"),
    path("data.csv", exports.call_data, {"fmt": "csv"}, name="data-csv"),
    path("data.json", exports.call_data, {"fmt": "json"}, name="data-json"),
    path(_("funding-calls/"), views.call_list, name="call-list"),
    path(_("funding-calls/<slug:slug>/"), views.call_detail, name="call-detail"),
    path(_("networks/"), views.network_list, name="network-list"),
    path(_("participation/"), views.participation, name="participation"),
    path(_("participation/interest/"), views.interest_form, name="interest-form"),
    path(_("participation/interest/thanks/"), views.interest_thanks, name="interest-thanks"),
    path(
        _("participation/interest/thanks/<uuid:token>/"),
        views.interest_thanks,
        name="interest-thanks-token",
    ),
]
