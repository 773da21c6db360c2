"""One way to cut a list into pages, shared by every paginated public list.

A page number that cannot be used never gives an error: a number out of range shows the nearest
page (the first or the last), anything that is not a whole number shows the first page, and the
page says so in a message. A 404 would take away the list the reader came for, and a silent
jump would leave them wondering why the page looks different from the one they asked for.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _


def requested_page(raw: str | None) -> tuple[int, str]:
    """The page number a request asks for (at least 1) and a message when it was unusable.
    Whether the number is beyond the last page is for the caller to say, who knows the count."""
    if not raw:
        return 1, ""
    try:
        number = int(raw)
    except ValueError:
        return 1, _("The page number was not understood. The first page is shown.")
    if number < 1:
        return 1, _("There is no such page. The first page is shown.")
    return min(number, 10**6), ""


def paginate(request, items, per_page: int) -> dict:
    """The context a list page needs: ``page_obj``, ``page_message`` (empty unless the
    requested page number was unusable) and ``query_without_page`` for the page links."""
    paginator = Paginator(items, per_page)
    number, message = requested_page(request.GET.get("page", ""))
    if number > paginator.num_pages:
        number = paginator.num_pages
        message = _("There is no such page. The last page is shown.")
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page_obj": paginator.page(number),
        "page_message": message,
        "query_without_page": query.urlencode(),
    }
