"""The registry through which the four area apps show up on shared pages.

The home page lists each area's latest items, and the SDG pages list everything tagged with a
goal, without this package importing the area apps: each area registers an ``AreaSection``
in its ``AppConfig.ready()``. An area that derives calendar events from its own objects (a
call's deadline) also names the derived events whose source is not public, so that
``Event.objects.published()`` leaves them out everywhere.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse


@dataclass(frozen=True)
class Teaser:
    """One item as a shared page shows it: title, link, what kind of thing it is."""

    title: object  # str or TranslatedText
    url: str
    kind: str
    summary: object = ""
    lang: str | None = None  # set when the text is a fallback in another language


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
    extra: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return reverse(self.index_url_name)


_sections: dict[str, AreaSection] = {}


def register(section: AreaSection) -> None:
    _sections[section.key] = section


def sections() -> list[AreaSection]:
    return sorted(_sections.values(), key=lambda s: s.order)


def get(key: str) -> AreaSection | None:
    return _sections.get(key)


def hidden_events(at: datetime.datetime) -> list[Q]:
    """What each area says about its derived events that are not public at ``at``."""
    return [section.hidden_events(at) for section in sections() if section.hidden_events]
