"""The Europe area's feeds: funding calls with their deadlines, and its part of "what is new"."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ludwigsburg_intl.areas import NewsItem
from ludwigsburg_intl.feeds import (
    FEED_ITEMS,
    PortalFeed,
    changed_most_recently,
    fallback_lang,
    summary_text,
)
from ludwigsburg_intl.translation_fallback import translated

from .models import FundingCall, berlin_today


def _open_calls():
    """Calls that can still be applied for, or will open: published, programme included."""
    return (
        FundingCall.objects.published()
        .exclude(deadline__lt=berlin_today())
        .select_related("programme")
    )


def _call_summary(call):
    deadline = _("Deadline: %(date)s.") % {"date": formats.date_format(call.deadline)}
    example = _("Example, not a real call") if call.is_example or call.programme.is_example else ""
    return summary_text(deadline, example, translated(call, "summary").text)


class FundingCallFeed(PortalFeed):
    title = gettext_lazy("Ludwigsburg International: EU funding calls")
    description = gettext_lazy(
        "Calls for EU funding that matter for Ludwigsburg and can still be applied for, with "
        "their deadlines, nearest deadline first."
    )

    def link(self):
        return reverse("europe:call-list")

    def items(self):
        return _open_calls().order_by("deadline", "pk")[:FEED_ITEMS]

    def item_title(self, item):
        return translated(item, "title").text

    def item_lang(self, item):
        return fallback_lang(item, "title")

    def item_summary(self, item):
        return _call_summary(item)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


def recent(limit: int) -> list[NewsItem]:
    """Calls added or changed most recently that can still be applied for (one query)."""
    return changed_most_recently(_open_calls(), limit, summary=_call_summary)
