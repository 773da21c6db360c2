from django.shortcuts import render
from django.utils.translation import gettext as _


def index(request, slug=None):
    return render(request, "europe/index.html", {"breadcrumbs": [(_("Europe"), None)]})
