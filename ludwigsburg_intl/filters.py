import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Area, Event


class MonthField(forms.CharField):
    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2023-10.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not (1900 <= year <= 2200 and 1 <= month <= 12) or len(value) > 7:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return (year, month)


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.in_month(*value)


class EventFilter(django_filters.FilterSet):
    month = MonthFilter(
        label=_("Month"),
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2023-10"}),
        help_text=_("Format: YYYY-MM"),
    )
    area = django_filters.ChoiceFilter(
        label=_("Area"), choices=Area.choices, empty_label=_("All areas")
    )

    class Meta:
        model = Event
        fields = ["month", "area"]
