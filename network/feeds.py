"""The network area's part of the site-wide feed."""

from ludwigsburg_intl.feeds import changed_most_recently

from .models import Actor, Indicator, Programme


def recent(limit: int):
    """Actors, programmes and indicators added or changed most recently (three queries)."""
    return (
        changed_most_recently(Actor.objects.all(), limit, title="name")
        + changed_most_recently(Programme.objects.all(), limit, title="name")
        + changed_most_recently(Indicator.objects.all(), limit, title="name", summary="description")
    )
