from django.urls import path

from . import views

app_name = "europe"

urlpatterns = [
    path("", views.index, name="index"),

]
