from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from ludwigsburg_intl.admin import PUBLISHING_FIELDS, PublishableAdmin

from .models import (
    Actor,
    CoordinationItem,
    Indicator,
    IndicatorValue,
    Membership,
    Programme,
    StatePartner,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    list_filter = ("actors__kind",)
    search_fields = ("name_de", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_de",)}


@admin.register(Actor)
class ActorAdmin(PublishableAdmin):
    list_display = ("name", "kind", "contact_consent", "status")
    list_filter = ("status", "kind", "contact_consent", "topics", "sdg_goals")
    search_fields = ("name_de", "name_en", "summary_de", "summary_en", "slug")
    prepopulated_fields = {"slug": ("name_de",)}
    filter_horizontal = (
        "topics",
        "sdg_goals",
        "partner_cities",
        "climate_partnerships",
        "projects",
    )
    autocomplete_fields = ("events",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "summary", "description", "website")}),
        (
            _("Links"),
            {
                "fields": (
                    "topics",
                    "sdg_goals",
                    "partner_cities",
                    "climate_partnerships",
                    "projects",
                    "events",
                )
            },
        ),
        (
            _("Contact details"),
            {
                "fields": (
                    "contact_consent",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "contact_address",
                ),
                "description": _("Shown on the public site only when the stakeholder has agreed."),
            },
        ),
        PUBLISHING_FIELDS,
    )


@admin.register(Programme)
class ProgrammeAdmin(PublishableAdmin):
    list_display = ("name", "sort_order", "status")
    list_filter = ("status", "sdg_goals")
    search_fields = ("name_de", "name_en", "summary_de", "summary_en")
    prepopulated_fields = {"slug": ("name_de",)}
    filter_horizontal = ("sdg_goals", "actors")
    autocomplete_fields = ("events",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary", "description", "sort_order")}),
        (_("Links"), {"fields": ("sdg_goals", "actors", "events")}),
        PUBLISHING_FIELDS,
    )


@admin.register(CoordinationItem)
class CoordinationItemAdmin(PublishableAdmin):
    list_display = ("title", "kind", "sort_order", "status")
    list_filter = ("status", "kind")
    search_fields = ("title_de", "title_en", "description_de")
    filter_horizontal = ("sdg_goals",)


@admin.register(Membership)
class MembershipAdmin(PublishableAdmin):
    list_display = ("name", "kind", "level", "role", "start_year", "end_year", "status")
    list_filter = ("status", "kind", "level")
    search_fields = ("name_de", "name_en", "organisation_de", "role_de")


@admin.register(StatePartner)
class StatePartnerAdmin(PublishableAdmin):
    list_display = ("name", "organisation", "status")
    list_filter = ("status",)
    search_fields = ("name_de", "name_en", "organisation_de")
    prepopulated_fields = {"slug": ("name_de",)}


class IndicatorValueInline(TranslationTabularInline):
    model = IndicatorValue
    extra = 1
    fields = ("year", "value", "is_example", "note")


@admin.register(Indicator)
class IndicatorAdmin(PublishableAdmin):
    list_display = ("name", "unit", "value_count", "example_values", "status")
    list_filter = ("status", "sdg_goals", "values__is_example")
    search_fields = ("name_de", "name_en", "source_de")
    prepopulated_fields = {"slug": ("name_de",)}
    filter_horizontal = ("sdg_goals",)
    inlines = [IndicatorValueInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("values")

    @admin.display(description=_("yearly values"))
    def value_count(self, obj):
        return len(obj.values.all())

    @admin.display(description=_("contains example values"), boolean=True)
    def example_values(self, obj):
        return obj.has_example_values


@admin.register(IndicatorValue)
class IndicatorValueAdmin(TabbedTranslationAdmin):
    list_display = ("indicator", "year", "value", "is_example")
    list_filter = ("is_example", "indicator", "year")
    search_fields = ("indicator__name_de", "indicator__name_en", "note_de")
