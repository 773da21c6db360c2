from django.shortcuts import render
from django.utils.translation import gettext as _


def index(request, slug=None):
    return render(request, "network/index.html", {"breadcrumbs": [(_("Development policy network"), None)]})
