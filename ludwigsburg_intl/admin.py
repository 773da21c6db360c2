from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from . import areas
from .models import ContactPerson, Event, Office, SDGGoal, SitePage
from .numbers import euro
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


def short_date(value) -> str:
    """A date as the site's tables write it: 14.06.2023 (14/06/2023 in English)."""
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def short_datetime(value) -> str:
    """A moment as the site's tables write it, in Berlin time: 14.06.2023 18:30."""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class LocalFormatsMixin:
    """Change lists write dates and money as the site does (14.06.2023, 270.000 €), not as
    Django's admin would (14. Juni 2023, 270000,00).

    Every date and date-time field in ``list_display`` is written short; the fields named in
    ``money_fields`` as amounts in euros. Sorting by the column still sorts by the field. A
    column computed by the admin formats its value itself with ``short_date()`` or ``euro()``.
    """

    money_fields: tuple[str, ...] = ()

    def get_list_display(self, request):
        return [self._local_column(name) for name in super().get_list_display(request)]

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        if links is None:
            return None
        return [self._local_column(name) for name in links]

    def _local_column(self, name):
        if not isinstance(name, str) or name in self.list_editable:
            return name
        # One function per column and admin: the change list finds a column by identity.
        columns = self.__dict__.setdefault("_local_columns", {})
        if name not in columns:
            columns[name] = self._make_local_column(name)
        return columns[name]

    def _make_local_column(self, name):
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return name
        if name in self.money_fields:
            write = euro
        elif isinstance(field, models.DateTimeField):
            write = short_datetime
        elif isinstance(field, models.DateField):
            write = short_date
        else:
            return name

        def column(obj):
            value = getattr(obj, name)
            return None if value is None else write(value)

        column.__name__ = name  # keeps the column's CSS class (column-<name>, field-<name>)
        return admin.display(description=field.verbose_name, ordering=name)(column)


class PublishableAdmin(LocalFormatsMixin, PublishingActionsMixin, TabbedTranslationAdmin):
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
    call's deadline) is shown read-only: it follows its source, where it is edited. Events are
    linked to area content where that content is edited; this page lists those links."""

    list_display = ("title", "starts_at", "precision", "area", "place", "status")
    list_filter = ("status", "area", "precision", ("starts_at", admin.DateFieldListFilter))
    search_fields = ("title_de", "title_en", "place_de", "place_en", "description_de")
    date_hierarchy = "starts_at"
    filter_horizontal = ("sdg_goals",)
    readonly_fields = ("linked_to",)
    fieldsets = (
        (None, {"fields": ("title", "description", "area", "url")}),
        (
            _("Date and place"),
            {"fields": ("starts_at", "ends_at", "precision", "time_zone", "place")},
        ),
        (
            _("Concerns"),
            {"fields": ("linked_to", "sdg_goals")},
        ),
        PUBLISHING_FIELDS,
    )

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            obj._viewer = request.user  # "linked to" shows drafts only of what they may view
        return obj

    @admin.display(description=_("linked to"))
    def linked_to(self, obj):
        """The area content that names this event, each linked to its own admin page: that is
        where the link is made or removed. Drafts only of what the editor may view: another
        area's unpublished titles are not the calendar editors' to read."""
        viewer = getattr(obj, "_viewer", None)
        linked = areas.linked_to_events([obj.pk], viewer=viewer)[obj.pk] if obj and obj.pk else []
        if not linked:
            kinds = ", ".join(
                str(link.model._meta.verbose_name_plural)
                for link in areas.event_links()
                if link.model._meta.get_field(link.relation).many_to_many  # not a derived event
            )
            return _(
                "Not linked to other content. An event is linked where the content it concerns is "
                "edited: %(kinds)s."
            ) % {"kinds": kinds}
        not_public = " ({})".format(_("not public"))
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li>{}: <a href="{}">{}</a>{}</li>',
                (
                    (
                        item.link.label,
                        _admin_url(item.object),
                        str(item.object),
                        "" if item.object.is_live else not_public,
                    )
                    for item in linked
                ),
            ),
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


def _admin_url(obj) -> str:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


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


# --- Django's user and group admins, with the permissions named in German ----------------------

PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "Add"),
    "change": pgettext_lazy("permission", "Change"),
    "delete": pgettext_lazy("permission", "Delete"),
    "view": pgettext_lazy("permission", "View"),
}


def permission_label(permission) -> str:
    """ "Partnerstädte | Partnerstadt | Ändern" rather than Django's "… | Can change partner
    city": a permission's name is stored once, in English; its model's names are translated."""
    action, _sep, model_name = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model_name == permission.content_type.model:
        return f"{permission.content_type} | {PERMISSION_ACTIONS[action]}"
    return str(permission)


class PermissionLabelsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class GroupAdmin(PermissionLabelsMixin, auth_admin.GroupAdmin):
    pass


@admin.register(User)
class UserAdmin(PermissionLabelsMixin, auth_admin.UserAdmin):
    pass
