import django_filters
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.models import SDGGoal

from .models import Actor, Topic


def _partner_cities(request):
    from partnerships.models import PartnerCity

    return PartnerCity.objects.published()


class ActorFilter(django_filters.FilterSet):
    """The directory filter. Unknown values make the form invalid; the view then lists all."""

    type = django_filters.ChoiceFilter(
        field_name="kind",
        label=_("Type"),
        choices=Actor.Kind.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("Choose one of the listed types.")},
    )
    sdg = django_filters.ModelChoiceFilter(
        field_name="sdg_goals",
        label=_("SDG goal"),
        queryset=SDGGoal.objects.all(),
        to_field_name="number",
        empty_label=_("All goals"),
        error_messages={"invalid_choice": _("Choose one of the 17 goals.")},
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="topics",
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("Choose one of the listed topics.")},
    )
    city = django_filters.ModelChoiceFilter(
        field_name="partner_cities",
        label=_("Partner city"),
        queryset=_partner_cities,
        to_field_name="slug",
        empty_label=_("All partner cities"),
        error_messages={"invalid_choice": _("Choose one of the listed partner cities.")},
    )

    class Meta:
        model = Actor
        fields = ["type", "sdg", "topic", "city"]
