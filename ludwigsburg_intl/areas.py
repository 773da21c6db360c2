"""The registry through which the four area apps show up on shared pages.

The home page lists each area's latest items, and the SDG pages list everything tagged with a
goal, without this package importing the area apps: each area registers an ``AreaSection``
in its ``AppConfig.ready()``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

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
