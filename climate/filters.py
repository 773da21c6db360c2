import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ClimatePartnership, Funder, Project


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.running_in(value)


def published_partnerships(request):
    return ClimatePartnership.objects.published()


class ProjectFilter(django_filters.FilterSet):
    partnership = django_filters.ModelChoiceFilter(
        label=_("Climate partnership"),
        # A callable, so that the publication window is checked at request time.
        queryset=published_partnerships,
        to_field_name="slug",
        empty_label=_("All partnerships"),
    )
    project_status = django_filters.ChoiceFilter(
        label=_("Project status"),
        choices=Project.ProjectStatus.choices,
        empty_label=_("Every status"),
    )
    funder = django_filters.ModelChoiceFilter(
        label=_("Funder"),
        queryset=Funder.objects.all(),
        to_field_name="slug",
        empty_label=_("All funders"),
        null_label=_("Funder not known"),
    )
    year = YearFilter(
        label=_("Running in year"),
        min_value=1950,
        max_value=2100,
        help_text=_("For example 2024"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = Project
        fields = ["partnership", "project_status", "funder", "year"]
