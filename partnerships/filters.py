import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Activity


class ActivityFilter(django_filters.FilterSet):
    """The activities on a city page, by pillar and year (GET parameters, no JavaScript)."""

    pillar = django_filters.ChoiceFilter(
        label=_("Pillar of cooperation"),
        choices=Activity.Pillar.choices,
        empty_label=_("All pillars"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        choices=[],
        empty_label=_("All years"),
        method="filter_year",
    )

    class Meta:
        model = Activity
        fields = ["pillar", "year"]

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Only years in which there are activities are offered; any other value is refused by
        # the form with a message, never turned into an error page.
        self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in years]

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value)) if value else queryset
