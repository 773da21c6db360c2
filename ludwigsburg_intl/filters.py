import datetime
import re

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Area, Event


class DateInput(forms.DateInput):
    """``<input type="date">``, whose value HTML allows only as an ISO date (2023-06-14).

    A value that is no date (typed into the address) is left out, as a browser would drop it;
    the field's error message says what was wrong.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        value = super().format_value(value)
        if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return None
        return value


class MonthInput(forms.TextInput):
    """``<input type="month">``: the value is a month as YYYY-MM or left out (see DateInput).

    Browsers without a month picker show a text box; the field's help text gives the format
    (HTML allows no placeholder on this type).
    """

    input_type = "month"

    def format_value(self, value):
        value = super().format_value(value)
        match = re.fullmatch(r"(\d{4})-(\d{2})", value or "")
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) == 0:
            return None
        return value


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
        widget=MonthInput(),
        help_text=_("Format: YYYY-MM"),
    )
    area = django_filters.ChoiceFilter(
        label=_("Area"), choices=Area.choices, empty_label=_("All areas")
    )

    class Meta:
        model = Event
        fields = ["month", "area"]
