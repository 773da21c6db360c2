from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import ContactPerson, Event, Office, SDGGoal, SitePage

PUBLISHING_FIELDS = (_("Publication"), {"fields": ("status", "publish_from", "publish_until")})


class PublishableAdmin(TabbedTranslationAdmin):
    """Base admin for content: publication state in lists, filters and a bulk action."""

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish selected items"))
    def publish(self, request, queryset):
        self._set_status(queryset, "published")

    @admin.action(description=_("Set selected items to draft"))
    def unpublish(self, request, queryset):
        self._set_status(queryset, "draft")

    def _set_status(self, queryset, status):
        # One save per object rather than queryset.update(), so that the signals areas rely on
        # (e.g. a funding call's deadline in the calendar) see the change.
        for obj in queryset:
            if obj.status != status:
                obj.status = status
                obj.save(update_fields=["status"])


@admin.register(SDGGoal)
class SDGGoalAdmin(TabbedTranslationAdmin):
    list_display = ("number", "name", "colour")
    search_fields = ("name_de", "name_en", "number")
    list_filter = ("number",)
    ordering = ("number",)


@admin.register(Office)
class OfficeAdmin(TabbedTranslationAdmin):
    list_display = ("name", "street", "postcode", "city", "phone", "email")
    search_fields = ("name_de", "name_en", "street", "email")
    list_filter = ("city",)


@admin.register(ContactPerson)
class ContactPersonAdmin(PublishableAdmin):
    list_display = ("name", "role", "office", "email", "show_in_footer", "status")
    list_filter = ("status", "show_in_footer", "office")
    search_fields = ("name", "role_de", "role_en", "email")
    fieldsets = (
        (None, {"fields": ("name", "role", "office", "phone", "fax", "email", "areas")}),
        (_("Display"), {"fields": ("show_in_footer", "sort_order")}),
        PUBLISHING_FIELDS,
    )


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ("title", "starts_at", "precision", "area", "place", "status")
    list_filter = ("status", "area", "precision", ("starts_at", admin.DateFieldListFilter))
    search_fields = ("title_de", "title_en", "place_de", "place_en", "description_de")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("partner_city", "climate_partnership", "project", "actor")
    filter_horizontal = ("sdg_goals",)
    fieldsets = (
        (None, {"fields": ("title", "description", "area", "url")}),
        (
            _("Date and place"),
            {"fields": ("starts_at", "ends_at", "precision", "time_zone", "place")},
        ),
        (
            _("Concerns"),
            {"fields": ("partner_city", "climate_partnership", "project", "actor", "sdg_goals")},
        ),
        PUBLISHING_FIELDS,
    )


@admin.register(SitePage)
class SitePageAdmin(PublishableAdmin):
    list_display = ("title", "slug", "show_in_footer", "footer_order", "status", "updated_at")
    list_filter = ("status", "show_in_footer")
    search_fields = ("title_de", "title_en", "body_de", "body_en", "slug")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Footer"), {"fields": ("show_in_footer", "footer_order")}),
        PUBLISHING_FIELDS,
    )


admin.site.site_header = _("Ludwigsburg International – editing")
admin.site.site_title = _("Ludwigsburg International")
admin.site.index_title = _("Content of the portal")
