import django_filters
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.filters import DateInput

from .models import FundingCall, FundingTopic


class FundingCallFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=FundingCall.State.choices,
        empty_label=_("All states"),
        method="filter_state",
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=FundingTopic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    deadline_from = django_filters.DateFilter(
        label=_("Deadline from"),
        field_name="deadline",
        lookup_expr="gte",
        widget=DateInput(),
        help_text=_("Format: YYYY-MM-DD"),
    )
    deadline_until = django_filters.DateFilter(
        label=_("Deadline until"),
        field_name="deadline",
        lookup_expr="lte",
        widget=DateInput(),
        help_text=_("Format: YYYY-MM-DD"),
    )

    class Meta:
        model = FundingCall
        fields = ["state", "topic", "deadline_from", "deadline_until"]

    def filter_state(self, queryset, name, value):
        return queryset.in_state(value) if value else queryset

    def filter_queryset(self, queryset):
        # A call with several matching topics must still be listed once.
        return super().filter_queryset(queryset).distinct()
