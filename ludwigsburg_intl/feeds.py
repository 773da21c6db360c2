"""Atom feeds, one set per language under ``/<language>/feeds/``.

The shared app serves the calendar's upcoming events and the site-wide feed of everything new,
built from what each area registers with ``areas.register_news``; the areas register feeds of
their own with ``areas.register_feed``. Entries link to the page in the feed's language, and
every object comes through ``published()``.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from . import areas
from .models import Event
from .templatetags.portal import event_when
from .translation_fallback import translated

FEED_ITEMS = 50
SUMMARY_WORDS = 60


def summary_text(*parts) -> str:
    """An entry's summary as plain text: the non-empty parts, the last one shortened."""
    parts = [str(part).strip() for part in parts if part and str(part).strip()]
    if parts:
        parts[-1] = Truncator(parts[-1]).words(SUMMARY_WORDS)
    return "\n".join(parts)


def start_of_day(day: datetime.date) -> datetime.datetime:
    """A date as the moment its day begins in the portal's time zone (Atom wants a moment)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def fallback_lang(obj, field) -> str | None:
    """The language of ``field`` where the German text stands in for the page's language."""
    return translated(obj, field).fallback_lang


def drop_last_modified(response):
    """Django dates a feed or sitemap by its newest entry. That is no "last modified": content
    that enters its publication window or leaves it changes the document without a newer date,
    and a client asking ``If-Modified-Since`` would be told nothing changed. The ETag
    (ConditionalGetMiddleware, page cache) answers conditional requests instead."""
    response.headers.pop("Last-Modified", None)
    return response


class PortalAtomFeed(Atom1Feed):
    """Atom, with ``xml:lang`` on an entry whose text is the German stand-in for English."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("lang"):
            attributes["xml:lang"] = item["lang"]
        return attributes


class PortalFeed(Feed):
    """An Atom feed; subclasses give each entry's plain-text summary as ``item_summary`` and,
    where the title is the German fallback, its language as ``item_lang``."""

    feed_type = PortalAtomFeed
    # Atom wants an author for the feed (or for every entry): the city publishes the portal.
    author_name = _("City of Ludwigsburg")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        drop_last_modified(response)
        return response

    def subtitle(self):
        return self.description

    def item_summary(self, item) -> str:
        return ""

    def item_lang(self, item) -> str | None:
        return None

    def item_extra_kwargs(self, item):
        return {"lang": self.item_lang(item)}

    def item_description(self, item):
        # Atom summaries are HTML: the plain text escaped, its lines kept.
        return linebreaksbr(self.item_summary(item), autoescape=True)


class UpcomingEventsFeed(PortalFeed):
    title = _("Ludwigsburg International: upcoming events")
    description = _("Events of the City of Ludwigsburg's international relations, soonest first.")

    def link(self):
        return reverse("calendar:upcoming")

    def items(self):
        return Event.objects.published().upcoming().for_calendar()[:FEED_ITEMS]

    def item_title(self, item):
        return translated(item, "title").text

    def item_lang(self, item):
        return fallback_lang(item, "title")

    def item_summary(self, item):
        when = event_when(item)
        if item.place:
            when = f"{when}, {item.place}"
        return summary_text(when, translated(item, "description").text)

    def item_updateddate(self, item):
        return item.updated_at


class SiteNewsFeed(PortalFeed):
    title = _("Ludwigsburg International: what is new")
    description = _("New and changed content from every area of the portal, newest first.")

    def link(self):
        return reverse("home")

    def items(self):
        return areas.news(FEED_ITEMS)

    def item_title(self, item):
        return str(item.title)

    def item_link(self, item):
        return item.url

    def item_lang(self, item):
        return item.lang

    def item_summary(self, item):
        return summary_text(item.summary)

    def item_updateddate(self, item):
        return item.date


def changed_most_recently(queryset, limit, *, title="title", summary="summary"):
    """The published objects of ``queryset`` added or changed most recently, as entries of the
    site-wide feed (one query; ``summary`` is a field name or a function of the object)."""
    items = []
    for obj in queryset.published().order_by("-updated_at", "-pk")[:limit]:
        text = summary(obj) if callable(summary) else summary_text(translated(obj, summary).text)
        items.append(
            areas.NewsItem(
                title=translated(obj, title).text,
                url=obj.get_absolute_url(),
                date=obj.updated_at,
                summary=text,
                lang=fallback_lang(obj, title),
            )
        )
    return items


def recent_events(limit: int) -> list[areas.NewsItem]:
    """The calendar's part of the site-wide feed: events added or changed most recently."""
    return changed_most_recently(Event.objects.for_calendar(), limit, summary=event_when)


def register():
    areas.register_news("calendar", recent_events)
    areas.register_feed(
        areas.FeedEntry(
            name="news",
            route=_("whats-new/"),
            feed=SiteNewsFeed(),
            title=_("What is new (Atom feed)"),
            order=0,
        )
    )
    areas.register_feed(
        areas.FeedEntry(
            name="events",
            route=_("events/"),
            feed=UpcomingEventsFeed(),
            title=_("Upcoming events (Atom feed)"),
            namespaces=("calendar",),
            order=10,
        )
    )
