"""The partner cities' part of the site-wide feed."""

from ludwigsburg_intl.feeds import changed_most_recently

from .models import Activity, PartnerCity


def recent(limit: int):
    """Activities and partner cities added or changed most recently (two queries)."""
    return changed_most_recently(
        Activity.objects.select_related("city"), limit, summary="description"
    ) + changed_most_recently(PartnerCity.objects.all(), limit, title="name")
