from django.shortcuts import render
from django.utils.translation import gettext as _


def index(request, slug=None):
    return render(request, "partnerships/index.html", {"breadcrumbs": [(_("Partner cities"), None)]})
