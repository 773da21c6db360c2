from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from ludwigsburg_intl.admin import PUBLISHING_FIELDS, PublishableAdmin

from .models import Activity, AnnualProgramme, Award, CityImage, CityLink, PartnerCity


class AwardInline(TranslationTabularInline):
    model = Award
    extra = 0


class CityImageInline(TranslationStackedInline):
    model = CityImage
    extra = 0
    fields = ("image", "alt_text", "caption", "credit", "sort_order")


class CityLinkInline(TranslationTabularInline):
    model = CityLink
    extra = 0


class ActivityInline(TranslationStackedInline):
    model = Activity
    extra = 0
    fields = (
        "title",
        "pillar",
        "year",
        "starts_on",
        "ends_on",
        "description",
        "organisers",
        "participants",
        "funding_programme",
        "funding_amount",
        "sdg_goals",
        "status",
    )
    autocomplete_fields = ("organisers",)
    filter_horizontal = ("sdg_goals",)
    show_change_link = True


class PartnershipSinceFilter(admin.SimpleListFilter):
    title = _("start year known")
    parameter_name = "since_known"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no, still unknown"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(partnership_since__isnull=False)
        if self.value() == "no":
            return queryset.filter(partnership_since__isnull=True)
        return queryset


@admin.register(PartnerCity)
class PartnerCityAdmin(PublishableAdmin):
    list_display = ("name", "country", "partnership_since", "partnership_status", "status")
    list_filter = ("status", "partnership_status", PartnershipSinceFilter)
    search_fields = ("name_de", "name_en", "country_de", "country_en", "region_de", "slug")
    prepopulated_fields = {"slug": ("name_de",)}
    filter_horizontal = ("contact_persons", "sdg_goals")
    autocomplete_fields = ("events",)
    inlines = [ActivityInline, AwardInline, CityImageInline, CityLinkInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "country", "region", "summary")}),
        (
            _("Partnership"),
            {"fields": ("partnership_since", "partnership_status", "status_reason", "history")},
        ),
        (_("Taking part"), {"fields": ("how_to_take_part", "contact_persons", "sdg_goals")}),
        (_("Map"), {"fields": ("latitude", "longitude")}),
        (_("Events"), {"fields": ("events",)}),
        PUBLISHING_FIELDS,
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("summary"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Activity.objects.years()
        return [(str(y), str(y)) for y in years] + [("unknown", _("not known"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "unknown":
            return queryset.filter(year__isnull=True)
        if value and value.isdigit():
            return queryset.in_year(int(value))
        return queryset


@admin.register(Activity)
class ActivityAdmin(PublishableAdmin):
    list_display = ("title", "city", "pillar", "year", "status")
    list_filter = ("status", "pillar", YearListFilter, "city", "programme")
    search_fields = ("title_de", "title_en", "description_de", "participants_de")
    list_select_related = ("city",)
    autocomplete_fields = ("organisers", "city")
    filter_horizontal = ("sdg_goals",)
    fieldsets = (
        (None, {"fields": ("title", "city", "pillar", "description")}),
        (_("When"), {"fields": ("year", "starts_on", "ends_on", "programme")}),
        (
            _("Who and how"),
            {
                "fields": (
                    "organisers",
                    "participants",
                    "funding_programme",
                    "funding_amount",
                    "sdg_goals",
                )
            },
        ),
        PUBLISHING_FIELDS,
    )


class AnnualProgrammeForm(forms.ModelForm):
    class Meta:
        model = AnnualProgramme
        fields = ["year", "budget", "focus_cities", "notes", "status"]

    def clean_focus_cities(self):
        cities = self.cleaned_data["focus_cities"]
        if len(cities) > AnnualProgramme.MAX_FOCUS_CITIES:
            raise forms.ValidationError(
                _("The budget allows at most %(max)d focus cities a year."),
                params={"max": AnnualProgramme.MAX_FOCUS_CITIES},
            )
        return cities


class PlannedActivityInline(TranslationStackedInline):
    model = Activity
    fk_name = "programme"
    extra = 0
    fields = ("title", "city", "pillar", "year", "starts_on", "ends_on", "description", "status")
    verbose_name = _("planned activity")
    verbose_name_plural = _("planned activities")
    show_change_link = True


@admin.register(AnnualProgramme)
class AnnualProgrammeAdmin(PublishableAdmin):
    form = AnnualProgrammeForm
    inlines = [PlannedActivityInline]
    list_display = ("year", "budget", "status")
    money_fields = ("budget",)
    list_filter = ("status",)
    search_fields = ("year", "notes_de")
    filter_horizontal = ("focus_cities",)
    fieldsets = ((None, {"fields": ("year", "budget", "focus_cities", "notes")}), PUBLISHING_FIELDS)
