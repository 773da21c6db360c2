from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from ludwigsburg_intl.admin import (
    PUBLISHING_FIELDS,
    LocalFormatsMixin,
    PublishableAdmin,
    set_field_on_each,
)

from .models import (
    FundingApplication,
    FundingCall,
    FundingProgramme,
    FundingTopic,
    InterestSubmission,
    Network,
    Nomination,
    ParticipationProgramme,
    WorkField,
)
from .nominations import check_nomination_count, check_nominee_age, is_current


@admin.register(WorkField)
class WorkFieldAdmin(PublishableAdmin):
    list_display = ("title", "sort_order", "status")
    list_filter = ("status", "sdg_goals")
    search_fields = ("title_de", "title_en", "goal_de", "activities_de")
    filter_horizontal = ("sdg_goals",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "goal", "activities", "sdg_goals", "sort_order")}),
        PUBLISHING_FIELDS,
    )
    prepopulated_fields = {"slug": ("title_de",)}


@admin.register(FundingTopic)
class FundingTopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    list_filter = ("calls__programme",)
    search_fields = ("name_de", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_de",)}


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(PublishableAdmin):
    list_display = ("name", "funder", "is_example", "status")
    list_filter = ("status", "is_example")
    search_fields = ("name_de", "name_en", "funder", "description_de")
    fieldsets = (
        (None, {"fields": ("name", "slug", "funder", "description", "url", "is_example")}),
        PUBLISHING_FIELDS,
    )
    prepopulated_fields = {"slug": ("name_de",)}


@admin.register(FundingCall)
class FundingCallAdmin(PublishableAdmin):
    """Saving a call updates its deadline in the calendar (signal in europe.signals)."""

    list_display = (
        "title",
        "programme",
        "opens_on",
        "deadline",
        "call_state",
        "is_example",
        "status",
    )
    list_filter = (
        "status",
        "is_example",
        "programme",
        "topics",
        ("deadline", admin.DateFieldListFilter),
    )
    search_fields = ("title_de", "title_en", "summary_de", "programme__name_de")
    date_hierarchy = "deadline"
    filter_horizontal = ("topics", "sdg_goals")
    list_select_related = ("programme",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "programme", "summary", "is_example")}),
        (_("Dates and money"), {"fields": ("opens_on", "deadline", "budget")}),
        (_("Who and what"), {"fields": ("eligible_applicants", "topics", "sdg_goals", "url")}),
        PUBLISHING_FIELDS,
    )
    prepopulated_fields = {"slug": ("title_de",)}

    @admin.display(description=_("state"))
    def call_state(self, obj):
        return obj.get_state_display()


@admin.register(FundingApplication)
class FundingApplicationAdmin(PublishableAdmin):
    list_display = ("title", "programme", "year", "outcome", "amount_granted", "status")
    money_fields = ("amount_granted",)
    list_filter = ("status", "outcome", "programme", "year")
    search_fields = ("title_de", "title_en", "partners", "description_de")
    autocomplete_fields = ("call",)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "programme",
                    "call",
                    "year",
                    "outcome",
                    "amount_granted",
                    "partners",
                    "description",
                )
            },
        ),
        PUBLISHING_FIELDS,
    )


@admin.register(Network)
class NetworkAdmin(PublishableAdmin):
    list_display = ("name", "organisation", "sort_order", "status")
    list_filter = ("status",)
    search_fields = ("name_de", "name_en", "organisation_de", "purpose_de")
    fieldsets = (
        (None, {"fields": ("name", "slug", "organisation", "purpose", "url", "sort_order")}),
        PUBLISHING_FIELDS,
    )
    prepopulated_fields = {"slug": ("name_de",)}


class NominationInlineFormSet(BaseInlineFormSet):
    """Refuses more current nominees than the programme allows (rule stored on the programme)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        programme = self.instance
        current = 0
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or self._should_delete_form(form):
                continue
            try:
                check_nominee_age(programme, data.get("age_at_nomination"))
            except forms.ValidationError as error:
                form.add_error(None, error.message_dict["age_at_nomination"])
            if is_current(data.get("mandate_end")):
                current += 1
        check_nomination_count(programme, current)


class NominationInline(admin.TabularInline):
    model = Nomination
    formset = NominationInlineFormSet
    extra = 1
    fields = ("name", "age_at_nomination", "mandate_start", "mandate_end", "notes")


@admin.register(ParticipationProgramme)
class ParticipationProgrammeAdmin(PublishableAdmin):
    list_display = ("name", "organiser", "max_nominations", "age_limit", "status")
    list_filter = ("status", "network")
    search_fields = ("name_de", "name_en", "short_name", "organiser_de")
    inlines = [NominationInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "short_name",
                    "slug",
                    "organiser",
                    "description",
                    "how_to_take_part",
                    "url",
                    "network",
                    "sort_order",
                )
            },
        ),
        (_("Rules"), {"fields": ("max_nominations", "age_limit")}),
        PUBLISHING_FIELDS,
    )
    prepopulated_fields = {"slug": ("name_de",)}


class NominationAdminForm(forms.ModelForm):
    class Meta:
        model = Nomination
        fields = ["programme", "name", "age_at_nomination", "mandate_start", "mandate_end", "notes"]

    def clean(self):
        data = super().clean()
        programme = data.get("programme")
        if programme is None:
            return data
        try:
            check_nominee_age(programme, data.get("age_at_nomination"))
        except forms.ValidationError as error:
            self.add_error(None, error.message_dict["age_at_nomination"])
        if is_current(data.get("mandate_end")):
            others = programme.nominations.current().exclude(pk=self.instance.pk).count()
            check_nomination_count(programme, others + 1)
        return data


@admin.register(Nomination)
class NominationAdmin(LocalFormatsMixin, admin.ModelAdmin):
    form = NominationAdminForm
    list_display = ("name", "programme", "mandate_start", "mandate_end")
    list_filter = ("programme", ("mandate_end", admin.EmptyFieldListFilter))
    search_fields = ("name", "notes")
    list_select_related = ("programme",)


@admin.register(InterestSubmission)
class InterestSubmissionAdmin(LocalFormatsMixin, admin.ModelAdmin):
    """Expressions of interest from the public form; staff only mark them answered."""

    list_display = ("created_at", "name", "email", "programme", "state")
    list_filter = ("state", "programme", ("created_at", admin.DateFieldListFilter))
    search_fields = ("name", "email", "message")
    list_select_related = ("programme",)
    date_hierarchy = "created_at"
    readonly_fields = ("name", "email", "programme", "message", "consent", "language", "created_at")
    fields = ("state", "name", "email", "programme", "message", "consent", "language", "created_at")
    actions = ["mark_answered", "mark_new"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mark selected as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        set_field_on_each(self, request, queryset, "state", InterestSubmission.State.ANSWERED)

    @admin.action(description=_("Mark selected as new"), permissions=["change"])
    def mark_new(self, request, queryset):
        set_field_on_each(self, request, queryset, "state", InterestSubmission.State.NEW)
