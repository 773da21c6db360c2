from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import areas
from .models import ContactPerson, Event, Office, SDGGoal, SitePage
from .publishing import Publishable

PUBLISHING_FIELDS = (
    _("Publication"),
    {"fields": ("status", "publish_from", "publish_until", "review_on")},
)


def set_field_on_each(model_admin, request, queryset, field_name, value):
    """The body of every admin action that sets one field: what an editor's own save would do.

    Each object that differs is saved on its own rather than with ``queryset.update()``, so that
    the signals areas rely on (e.g. a funding call's deadline in the calendar) see the change, and
    gets an entry in the admin log ("history") naming the old and the new value. The action
    itself must be declared with ``permissions=["change"]``: Django then neither offers it to,
    nor runs it for, a user without the change permission of the model.
    """
    field = queryset.model._meta.get_field(field_name)
    labels = dict(field.flatchoices)
    # A save limited to the field would leave "last changed" timestamps (auto_now) behind, and
    # with them feeds, teasers and sitemaps that order by them.
    update_fields = [field_name] + [
        f.name for f in queryset.model._meta.concrete_fields if getattr(f, "auto_now", False)
    ]

    def label(raw):
        return str(labels.get(raw, raw))

    changed = 0
    with transaction.atomic():
        for obj in queryset:
            old = getattr(obj, field_name)
            if old == value:
                continue
            setattr(obj, field_name, value)
            obj.save(update_fields=update_fields)
            model_admin.log_change(
                request,
                obj,
                _("Changed %(field)s from “%(old)s” to “%(new)s”.")
                % {"field": field.verbose_name, "old": label(old), "new": label(value)},
            )
            changed += 1
    opts = queryset.model._meta
    if changed:
        message = ngettext(
            "%(count)d %(items)s changed: %(field)s is now “%(value)s”.",
            "%(count)d %(items)s changed: %(field)s is now “%(value)s”.",
            changed,
        )
        items, level = model_ngettext(opts, changed), messages.SUCCESS
    else:
        message = _(
            "Nothing changed: %(field)s was already “%(value)s” for all selected %(items)s."
        )
        items, level = opts.verbose_name_plural, messages.INFO
    model_admin.message_user(
        request,
        message
        % {"count": changed, "items": items, "field": field.verbose_name, "value": label(value)},
        level,
    )
    return changed


class PublishingActionsMixin:
    """The publish/unpublish actions for every admin of a ``Publishable`` model.

    A mixin rather than part of ``PublishableAdmin``, so that an admin of a model without
    translated fields (a plain ``ModelAdmin``) gets exactly the same actions.
    """

    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish selected items"), permissions=["change"])
    def publish(self, request, queryset):
        set_field_on_each(
            self, request, self.editable(queryset), "status", Publishable.Status.PUBLISHED
        )

    @admin.action(description=_("Set selected items to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        set_field_on_each(
            self, request, self.editable(queryset), "status", Publishable.Status.DRAFT
        )

    def editable(self, queryset):
        """The objects an action may change (all, unless an admin says otherwise)."""
        return queryset


class PublishableAdmin(PublishingActionsMixin, TabbedTranslationAdmin):
    """Base admin for translated content: publication state in lists, filters and actions."""


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
    """Events of their own are edited here; an event an area derives from its content (a funding
    call's deadline) is shown read-only: it follows its source, where it is edited."""

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

    def _derived(self, obj) -> bool:
        return obj is not None and Event.objects.filter(areas.derived_events(), pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._derived(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._derived(obj)

    def editable(self, queryset):
        return queryset.exclude(areas.derived_events())

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, self.editable(queryset))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if self._derived(obj):
            self.message_user(
                request,
                _(
                    "This event is taken from other content (e.g. a funding call's deadline) and "
                    "follows it: change it there."
                ),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)


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
