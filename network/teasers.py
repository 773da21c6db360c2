"""The network area on shared pages: the home page's latest items and the SDG pages.

Each function answers in one query, whatever the amount of content (the SDG pages call every
area's helper, so the page's query count stays constant).
"""

from django.db.models import CharField, F, Value
from django.urls import reverse
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser
from ludwigsburg_intl.querysets import Baked
from ludwigsburg_intl.translation_fallback import pick

from .models import Actor, CoordinationItem, Indicator, Programme


def _rows(queryset, kind, title_field, summary_field, slug_field="slug"):
    slug = F(slug_field) if slug_field else Value("", output_field=CharField())
    return (
        queryset.order_by()
        .annotate(
            item_kind=Value(kind, output_field=CharField()),
            item_slug=slug,
            title_de_=F(f"{title_field}_de"),
            title_en_=F(f"{title_field}_en"),
            summary_de_=F(f"{summary_field}_de"),
            summary_en_=F(f"{summary_field}_en"),
        )
        .values_list(
            "item_kind", "item_slug", "title_de_", "title_en_", "summary_de_", "summary_en_"
        )
    )


KIND_LABELS = {
    "actor": lambda: _("Stakeholder"),
    "programme": lambda: _("Network programme"),
    "indicator": lambda: _("Indicator"),
    "task": lambda: _("Task of the coordination office"),
}


def _url(kind, slug):
    if kind == "actor":
        return reverse("network:actor-detail", kwargs={"slug": slug})
    if kind == "programme":
        return reverse("network:programme-detail", kwargs={"slug": slug})
    if kind == "indicator":
        return reverse("network:indicator-detail", kwargs={"slug": slug})
    return reverse("network:coordination")


def _tagged(goal):
    return (
        _rows(Actor.objects.tagged_with_sdg(goal), "actor", "name", "summary")
        .union(
            _rows(Programme.objects.tagged_with_sdg(goal), "programme", "name", "summary"),
            _rows(Indicator.objects.tagged_with_sdg(goal), "indicator", "name", "description"),
            _rows(
                CoordinationItem.objects.published().tasks().filter(sdg_goals=goal),
                "task",
                "title",
                "description",
                slug_field=None,
            ),
            all=True,
        )
        .order_by("item_kind", "title_de_")
    )


# Built and compiled once (``Baked``).
TAGGED = Baked(_tagged, goal=int)


def tagged_with_sdg(goal) -> list[Teaser]:
    """Published actors, programmes, indicators and office tasks tagged with ``goal``: one query."""
    teasers = []
    for kind, slug, title_de, title_en, summary_de, summary_en in TAGGED(goal=goal.pk):
        title = pick({"de": title_de, "en": title_en})
        summary = pick({"de": summary_de, "en": summary_en})
        teasers.append(
            Teaser(
                title=title.text,
                url=_url(kind, slug),
                kind=KIND_LABELS[kind](),
                summary=summary.text[:300],
                lang=title.fallback_lang,
            )
        )
    return teasers


# Built and compiled once per limit (``Baked``).
LATEST_ACTORS = Baked(
    lambda limit: Actor.objects.published().order_by("-created_at", "-pk")[:limit]
)


def latest(limit: int) -> list[Teaser]:
    """The actors most recently added to the directory (one query)."""
    actors = LATEST_ACTORS(shape=(limit,))
    return [Teaser.of(a, a.get_kind_display(), title="name", summary="summary") for a in actors]
