from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from ludwigsburg_intl.admin import (
    PUBLISHING_FIELDS,
    LocalFormatsMixin,
    PublishableAdmin,
    PublishingActionsMixin,
    short_date,
)

from .models import (
    REPORT_INTERVAL_DAYS,
    ClimatePartnership,
    Committee,
    CommitteeMeeting,
    Component,
    Funder,
    Milestone,
    Project,
    ProjectChange,
    SituationEntry,
    StatusReport,
)


class SituationEntryInline(TranslationTabularInline):
    model = SituationEntry
    extra = 0


@admin.register(ClimatePartnership)
class ClimatePartnershipAdmin(PublishableAdmin):
    list_display = ("name", "country", "partner_city", "status")
    list_filter = ("status", "country")
    search_fields = ("name_de", "name_en", "city_de", "country_de")
    prepopulated_fields = {"slug": ("name_de",)}
    filter_horizontal = ("sdg_goals",)
    autocomplete_fields = ("events",)
    inlines = [SituationEntryInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "city",
                    "country",
                    "summary",
                    "themes",
                    "partners",
                    "partner_city",
                )
            },
        ),
        (
            _("Action programme and outlook"),
            {"fields": ("action_programme", "project_outline_count", "outlook")},
        ),
        (_("Events"), {"fields": ("events",)}),
        (_("Display"), {"fields": ("sdg_goals", "sort_order")}),
        PUBLISHING_FIELDS,
    )


@admin.register(Funder)
class FunderAdmin(TabbedTranslationAdmin):
    list_display = ("name", "short_name")
    list_filter = ("projects__partnership",)
    search_fields = ("name_de", "name_en", "short_name_de")
    prepopulated_fields = {"slug": ("short_name_de",)}


class ComponentInline(TranslationTabularInline):
    model = Component
    extra = 0


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0


class StatusReportInline(TranslationStackedInline):
    model = StatusReport
    extra = 0
    fields = ("reported_on", "text", "status")
    ordering = ("-reported_on",)


class NeedsReportFilter(admin.SimpleListFilter):
    title = _("needs a report")
    parameter_name = "needs_report"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Yes: no report in the last %(days)s days") % {"days": REPORT_INTERVAL_DAYS}),
            ("no", _("No: reported in the last %(days)s days") % {"days": REPORT_INTERVAL_DAYS}),
        ]

    def queryset(self, request, queryset):
        needing = queryset.needing_report(REPORT_INTERVAL_DAYS)
        if self.value() == "yes":
            return needing
        if self.value() == "no":
            return queryset.exclude(pk__in=needing.values("pk"))
        return queryset


@admin.register(Project)
class ProjectAdmin(PublishableAdmin):
    list_display = (
        "title",
        "partnership",
        "project_status",
        "traffic_light",
        "grant_amount",
        "period_display",
        "last_report",
        "status",
    )
    money_fields = ("grant_amount",)
    list_filter = (
        "status",
        "project_status",
        "traffic_light",
        "partnership",
        "funder",
        NeedsReportFilter,
    )
    search_fields = ("title_de", "title_en", "summary_de", "funding_programme_de")
    prepopulated_fields = {"slug": ("title_de",)}
    filter_horizontal = ("sdg_goals",)
    autocomplete_fields = ("events",)
    list_select_related = ("partnership",)
    inlines = [ComponentInline, MilestoneInline, StatusReportInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "partnership", "summary")}),
        (
            _("State"),
            {"fields": ("project_status", "traffic_light", "traffic_light_reason", "risks")},
        ),
        (
            _("Funding"),
            {
                "fields": (
                    "funder",
                    "funding_programme",
                    "grant_amount",
                    "own_share",
                    "start_year",
                    "end_year",
                )
            },
        ),
        (_("Events"), {"fields": ("events",)}),
        (_("Display"), {"fields": ("sdg_goals", "sort_order")}),
        PUBLISHING_FIELDS,
    )

    def get_queryset(self, request):
        latest = StatusReport.objects.filter(project=OuterRef("pk")).order_by("-reported_on")
        return (
            super()
            .get_queryset(request)
            .annotate(last_report_on=Subquery(latest.values("reported_on")[:1]))
        )

    @admin.display(description=_("period"))
    def period_display(self, obj):
        return obj.period

    @admin.display(description=_("last report"), ordering="last_report_on")
    def last_report(self, obj):
        return short_date(obj.last_report_on) if obj.last_report_on else None


@admin.register(StatusReport)
class StatusReportAdmin(PublishableAdmin):
    list_display = ("project", "reported_on", "status")
    list_filter = ("status", "project__partnership", ("reported_on", admin.DateFieldListFilter))
    search_fields = ("text_de", "text_en", "project__title_de")
    date_hierarchy = "reported_on"
    autocomplete_fields = ("project",)
    list_select_related = ("project",)
    fieldsets = ((None, {"fields": ("project", "reported_on", "text")}), PUBLISHING_FIELDS)


@admin.register(ProjectChange)
class ProjectChangeAdmin(LocalFormatsMixin, admin.ModelAdmin):
    """The history is written automatically; it is read here, never edited."""

    list_display = ("project", "kind", "changed_on", "old_value", "new_value", "milestone")
    list_filter = ("kind", "project__partnership", ("changed_on", admin.DateFieldListFilter))
    search_fields = ("project__title_de", "milestone__title_de")
    list_select_related = ("project", "milestone")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Committee)
class CommitteeAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    list_filter = ("meetings__date",)
    search_fields = ("name_de", "name_en")
    prepopulated_fields = {"slug": ("name_de",)}


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(LocalFormatsMixin, PublishingActionsMixin, admin.ModelAdmin):
    # No translated fields, so the plain admin with the shared publishing actions.
    list_display = ("committee", "date", "paper_number", "status")
    list_filter = ("status", "committee", ("date", admin.DateFieldListFilter))
    search_fields = ("committee__name_de", "paper_number")
    date_hierarchy = "date"
    fieldsets = (
        (None, {"fields": ("committee", "date", "paper_number", "paper_url")}),
        PUBLISHING_FIELDS,
    )
