from django.urls import path

from . import views

app_name = "partnerships"

# The city slugs are the same in both languages (e.g. "montbeliard", "novy-jicin"), so the
# language switch lands on the same city.
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.city_detail, name="city-detail"),
]
