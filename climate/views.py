from django.shortcuts import render
from django.utils.translation import gettext as _


def index(request, slug=None):
    return render(request, "climate/index.html", {"breadcrumbs": [(_("Climate partnerships"), None)]})
