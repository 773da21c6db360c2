from django.urls import path

from . import views

app_name = "climate"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.index, name="partnership-detail"),
    path("projekt/<slug:slug>/", views.index, name="project-detail"),
]
