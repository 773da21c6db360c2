"""The registry through which the four area apps show up on shared pages.

The home page lists each area's latest items, and the SDG pages list everything tagged with a
goal, without this package importing the area apps: each area registers an ``AreaSection``
in its ``AppConfig.ready()``. An area that derives calendar events from its own objects (a
call's deadline) also names the derived events whose source is not public, so that
``Event.objects.published()`` leaves them out everywhere. The calendar's events know no area
object: each area declares its own relation to them (``register_event_link``), and the event
page asks the registry what an event concerns (``linked_to_events``).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, Q
from django.urls import reverse

from .querysets import forget_prebuilt
from .translation_fallback import translated


@dataclass(frozen=True)
class Teaser:
    """One item as a shared page shows it: title, link, what kind of thing it is.

    Each area builds its teasers in its ``teasers.py``, usually with ``Teaser.of()``."""

    title: str
    url: str
    kind: str
    summary: str = ""
    lang: str | None = None  # set when the text is a fallback in another language

    @classmethod
    def of(cls, obj, kind, title: str = "title", summary: str | None = None) -> "Teaser":
        """The teaser of a model object: its translated ``title`` (and ``summary``) field, with
        the German fallback marked, linked to ``obj.get_absolute_url()``."""
        text = translated(obj, title)
        return cls(
            title=text.text,
            url=obj.get_absolute_url(),
            kind=str(kind),
            summary=translated(obj, summary).text if summary else "",
            lang=text.fallback_lang,
        )


@dataclass
class AreaSection:
    key: str  # one of ludwigsburg_intl.models.Area
    title: object
    description: object
    index_url_name: str
    order: int = 0
    # latest(limit) -> list[Teaser]: the newest published items, one or two queries at most.
    latest: Callable[[int], list[Teaser]] | None = None
    # tagged_with_sdg(goal) -> list[Teaser]: published items tagged with an SDG goal.
    tagged_with_sdg: Callable[[object], list[Teaser]] | None = None
    # hidden_events(at) -> Q over ludwigsburg_intl.Event: the events derived from this area's
    # objects whose source is not published at ``at`` (one subquery, no join on Event).
    hidden_events: Callable[[datetime.datetime], Q] | None = None
    # derived_events() -> Q over ludwigsburg_intl.Event: all events the area derives from its
    # objects and keeps in step with them (edited at their source, read-only in the calendar).
    derived_events: Callable[[], Q] | None = None

    @property
    def url(self) -> str:
        return reverse(self.index_url_name)


_sections: dict[str, AreaSection] = {}


def register(section: AreaSection) -> None:
    _sections[section.key] = section
    # What was built from the sections (``Event.objects.published()``) is built again.
    forget_prebuilt()


def sections() -> list[AreaSection]:
    return sorted(_sections.values(), key=lambda s: s.order)


def get(key: str) -> AreaSection | None:
    return _sections.get(key)


def hidden_events(at) -> list[Q]:
    """What each area says about its derived events that are not public at ``at`` (a moment,
    or the database's clock: ``Now()``)."""
    return [section.hidden_events(at) for section in sections() if section.hidden_events]


def derived_events() -> Q:
    """The events any area derives from its objects (none: an empty condition)."""
    condition = Q(pk__in=[])
    for section in sections():
        if section.derived_events:
            condition |= section.derived_events()
    return condition


# --- What a calendar event concerns ------------------------------------------------------------
# The events calendar names no area: each area declares in its own models how its objects link
# to events (a many-to-many field, or a one-to-one for an event derived from the object) and
# registers that relation here, in its ``AppConfig.ready()``.


@dataclass(frozen=True)
class EventLink:
    """One area model's relation to ``ludwigsburg_intl.Event``."""

    key: str  # stable: the key of its column in the open data
    label: object  # what an event's page calls such an object (translated)
    model: type  # the area's publishable model
    relation: str  # its field pointing at Event: a ManyToManyField or a OneToOneField
    title_field: str = "name"  # the (translated) field that names an object
    order: int = 0
    column_label: object = None  # the open-data column's heading, when not ``label``


@dataclass(frozen=True)
class LinkedObject:
    link: EventLink
    object: object

    @property
    def title_field(self) -> str:
        return self.link.title_field


_event_links: dict[str, EventLink] = {}


def register_event_link(link: EventLink) -> None:
    _event_links[link.key] = link


def event_links() -> list[EventLink]:
    return sorted(_event_links.values(), key=lambda link: (link.order, link.key))


def linked_to_events(event_ids, *, viewer=None) -> dict[int, list[LinkedObject]]:
    """What each of the events concerns: the area objects linked to it, in the order the areas
    registered, one query per relation. Only published objects (with all they require); drafts
    too of the models ``viewer`` (a staff user in the admin) may view."""
    event_ids = list(event_ids)
    linked: dict[int, list[LinkedObject]] = {pk: [] for pk in event_ids}
    if not event_ids:
        return linked
    for link in event_links():
        opts = link.model._meta
        may_view = viewer is not None and viewer.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        )
        objects = link.model.objects.all() if may_view else link.model.objects.published()
        # The annotation reuses the filter's join: it names the matching event of each row.
        rows = objects.filter(**{f"{link.relation}__in": event_ids}).annotate(
            linked_event_id=F(link.relation)
        )
        for obj in rows:
            linked[obj.linked_event_id].append(LinkedObject(link, obj))
    return linked


# --- Sitemaps and feeds ------------------------------------------------------------------------
# Kept apart from AreaSection: each area registers its sitemaps, its part of the site-wide feed
# and its own feeds with the functions below, in its ``AppConfig.ready()``.

_sitemaps: dict[str, object] = {}


def register_sitemaps(sitemaps: dict[str, object]) -> None:
    """Sitemap sections (``django.contrib.sitemaps.Sitemap`` instances) by a unique name."""
    _sitemaps.update(sitemaps)


def sitemaps() -> dict[str, object]:
    return dict(_sitemaps)


@dataclass(frozen=True)
class NewsItem:
    """One entry of the site-wide feed: something published or changed, and when."""

    title: str
    url: str
    date: object  # an aware datetime: when it was published or last changed
    summary: str = ""
    lang: str | None = None  # set when the title is a fallback in another language


_news: dict[str, Callable[[int], list[NewsItem]]] = {}


def register_news(key: str, recent: Callable[[int], list[NewsItem]]) -> None:
    """``recent(limit)``: the newest published items of an area, newest first, one query."""
    _news[key] = recent


def news(limit: int) -> list[NewsItem]:
    """The ``limit`` newest items of every area together, newest first."""
    items = [item for recent in _news.values() for item in recent(limit)]
    return sorted(items, key=lambda item: item.date, reverse=True)[:limit]


@dataclass(frozen=True)
class FeedEntry:
    """A feed at ``/<language>/feeds/<route>``, linked from the head of the pages it concerns."""

    name: str  # URL name in the "feeds" namespace
    route: object  # the translated URL word(s), e.g. gettext_lazy("funding-calls/")
    feed: object  # a django.contrib.syndication.views.Feed instance
    title: object
    # URL namespaces of the pages that link to the feed; empty: every page.
    namespaces: tuple[str, ...] = ()
    order: int = 0

    @property
    def url(self) -> str:
        return reverse(f"feeds:{self.name}")


_feeds: dict[str, FeedEntry] = {}


def register_feed(entry: FeedEntry) -> None:
    _feeds[entry.name] = entry


def feeds() -> list[FeedEntry]:
    return sorted(_feeds.values(), key=lambda entry: entry.order)


def feeds_for_page(namespace: str | None) -> list[FeedEntry]:
    """The feeds a page of ``namespace`` announces: the site-wide ones and its own area's."""
    return [entry for entry in feeds() if not entry.namespaces or namespace in entry.namespaces]


# --- Open data: each area registers its datasets (see ludwigsburg_intl.opendata) --------------


@dataclass(frozen=True)
class Dataset:
    """One downloadable dataset as the open-data page and the DCAT catalogue describe it."""

    key: str  # stable, used in the catalogue's identifiers
    title: object
    description: object
    # format ("csv", "json") -> URL name of the download in that format
    distributions: dict[str, str]
    # modified() -> the latest change of the dataset's content, or None when not recorded
    modified: Callable[[], object]
    area: str = "general"  # one of ludwigsburg_intl.models.Area
    licence: str = "dl-by-de/2.0"  # a key of ludwigsburg_intl.opendata.LICENCES
    order: int = 0


_datasets: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    _datasets[dataset.key] = dataset


def datasets() -> list[Dataset]:
    return sorted(_datasets.values(), key=lambda d: (d.order, d.key))


# --- Search: each area declares its searchable models (see ludwigsburg_intl.search) -----------


@dataclass(frozen=True)
class SearchSource:
    """One kind of searchable content: a model with the generated columns ``search_de`` and
    ``search_en`` (``ludwigsburg_intl.search.search_vector_field``) and how a hit links to it."""

    key: str  # unique, the value of the search page's "kind" filter, e.g. "climate-project"
    kind: object  # label of the kind, e.g. gettext_lazy("Climate project")
    area: str  # one of ludwigsburg_intl.models.Area
    # queryset() -> Model.objects.published(): only what is public now is found.
    queryset: Callable[[], object]
    title: str  # the translated field shown as the hit's title, e.g. "name"
    # Translated fields the snippet is taken from (the summary first), e.g. ("summary", "history").
    text: tuple[str, ...] = ()
    # Up to two field paths whose values build the hit's address, e.g. ("slug",) or ("city__slug",)
    url_fields: tuple[str, ...] = ("pk",)
    # url(*values) -> the hit's address from the values of ``url_fields``.
    url: Callable[..., str] = str
    # A field holding each object's area where objects of one model belong to different areas
    # (calendar events); then ``area`` is only the default.
    area_field: str = ""
    order: int = 0


_search_sources: dict[str, SearchSource] = {}


def register_search(source: SearchSource) -> None:
    _search_sources[source.key] = source
    forget_prebuilt()  # the search's SQL is compiled once from the sources


def search_sources() -> list[SearchSource]:
    return sorted(_search_sources.values(), key=lambda s: (s.order, s.key))


# --- The admin index: what an area adds to the editor's list of things to do -----------------


@dataclass(frozen=True)
class DashboardItem:
    """One line on the admin index: what needs doing, how many, and the filtered list."""

    title: object
    count: int
    url: str


# key -> item(request) -> DashboardItem, or None when the user may not see it (checked by the
# area itself: the models and permissions are its own).
_dashboard_items: dict[str, Callable[[object], DashboardItem | None]] = {}


def register_dashboard_item(key: str, item: Callable[[object], DashboardItem | None]) -> None:
    _dashboard_items[key] = item


def dashboard_items(request) -> list[DashboardItem]:
    return [found for item in _dashboard_items.values() if (found := item(request)) is not None]
