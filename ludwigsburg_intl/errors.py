"""Error pages in the site's design and language."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def server_error(request):
    # No request context and no database: the 500 page must render whatever broke.
    return HttpResponseServerError(loader.render_to_string("500.html", {}))
