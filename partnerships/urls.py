from django.urls import path

from . import exports, views

app_name = "partnerships"

# The city slugs are the same in both languages (e.g. "montbeliard", "novy-jicin"), so the
# language switch lands on the same city.
urlpatterns = [
    path("", views.index, name="index"),
    path("data.csv", exports.city_data, {"fmt": "csv"}, name="data-csv"),
    path("data.json", exports.city_data, {"fmt": "json"}, name="data-json"),
    path("<slug:slug>/", views.city_detail, name="city-detail"),
]
