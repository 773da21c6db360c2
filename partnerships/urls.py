from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.index, name="city-detail"),
]
