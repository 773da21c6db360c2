"""The list filters, column and actions every translated or publishable model's admin gets.

The portal's admin site adds ``EditorialAdminMixin`` to each such admin when it is registered
(``admin_site.PortalAdminSite.register``), so no area has to remember it.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import editorial


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = editorial.TRANSLATION_PARAM

    def lookups(self, request, model_admin):
        return [
            ("needed", _("needs translation")),
            (editorial.MISSING, _("English missing")),
            (editorial.STALE, _("English out of date")),
        ]

    def queryset(self, request, queryset):
        model = queryset.model
        condition = {
            "needed": editorial.needs_translation_q,
            editorial.MISSING: editorial.missing_q,
            editorial.STALE: editorial.stale_q,
        }.get(self.value())
        return queryset.filter(condition(model)) if condition else queryset


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = editorial.REVIEW_PARAM

    def lookups(self, request, model_admin):
        return [
            (editorial.OVERDUE, _("review overdue")),
            ("later", _("review later")),
        ]

    def queryset(self, request, queryset):
        if self.value() == editorial.OVERDUE:
            return queryset.filter(editorial.review_overdue_q())
        if self.value() == "later":
            return queryset.exclude(editorial.review_overdue_q())
        return queryset


class PublicationFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = editorial.PUBLICATION_PARAM

    def lookups(self, request, model_admin):
        return [
            (editorial.SCHEDULED, _("scheduled")),
            (editorial.EXPIRED, _("expired")),
            (editorial.MY_DRAFTS, _("my drafts (last changed by me)")),
        ]

    def queryset(self, request, queryset):
        if self.value() == editorial.SCHEDULED:
            return queryset.filter(editorial.scheduled_q())
        if self.value() == editorial.EXPIRED:
            return queryset.filter(editorial.expired_q())
        if self.value() == editorial.MY_DRAFTS:
            return queryset.filter(editorial.my_drafts_q(queryset.model, request.user))
        return queryset


class EditorialAdminMixin:
    """Translation status, review and scheduled publication in the lists of a model's admin."""

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if editorial.is_publishable(self.model):
            filters += [PublicationFilter, ReviewFilter]
        if editorial.is_translated(self.model):
            filters.append(TranslationStatusFilter)
        return filters

    def get_list_display(self, request):
        display = list(super().get_list_display(request))
        if editorial.is_publishable(self.model) and "status" in display:
            display[display.index("status")] = "publication_state"
        return display

    @admin.display(description=_("publication status"), ordering="status")
    def publication_state(self, obj):
        return editorial.publication_label(obj, timezone.now())

    @admin.action(
        description=_("Mark the English of selected items as checked"), permissions=["change"]
    )
    def mark_translation_checked(self, request, queryset):
        editorial.mark_translation_checked(self, request, queryset)

    @admin.action(
        description=_("Mark selected items as reviewed (next review in 12 months)"),
        permissions=["change"],
    )
    def mark_reviewed(self, request, queryset):
        from .admin import set_field_on_each

        editable = getattr(self, "editable", lambda queryset: queryset)
        set_field_on_each(
            self, request, editable(queryset), "review_on", editorial.next_review_date()
        )


def with_editorial_status(model, admin_class):
    """``admin_class`` with the mixin, for a translated or publishable ``model``."""
    translated, publishable = editorial.is_translated(model), editorial.is_publishable(model)
    if not (translated or publishable) or issubclass(admin_class, EditorialAdminMixin):
        return admin_class
    attrs = {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__}
    if admin_class.actions is not None:
        extra = (["mark_translation_checked"] if translated else []) + (
            ["mark_reviewed"] if publishable else []
        )
        attrs["actions"] = [*admin_class.actions, *extra]
    return type(admin_class.__name__, (EditorialAdminMixin, admin_class), attrs)
