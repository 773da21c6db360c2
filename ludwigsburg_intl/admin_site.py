"""The portal's admin site: Django's, except that a relation field's search (autocomplete)
also answers an editor who may add or change the model holding the field.

Without this, an editor would need the view permission on every model their forms link to
(an area's editors on the calendar's events they link to their content; one area's editors on
another area's objects), and so would see other parts of the portal in the admin. The search
returns only the names of the objects that can be linked.

It also serves the history pages (``history_admin.py``): each tracked model's "History" with
its versions and restore, and the audit log at ``/admin/audit/``."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class RelationSearchView(AutocompleteJsonView):
    def has_perm(self, request, obj=None):
        if super().has_perm(request, obj):
            return True
        opts = self.source_field.model._meta
        return any(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in ("add", "change")
        )


class PortalAdminSite(AdminSite):
    def autocomplete_view(self, request):
        return RelationSearchView.as_view(admin_site=self)(request)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every translated or publishable model's admin gets the translation, review and
        publication filters, column and actions (``admin_editorial``) in this one place."""
        from django.contrib.admin import ModelAdmin
        from django.db.models.base import ModelBase

        from .admin_editorial import with_editorial_status

        if isinstance(model_or_iterable, ModelBase):
            model_or_iterable = [model_or_iterable]
        for model in model_or_iterable:
            super().register(
                model, with_editorial_status(model, admin_class or ModelAdmin), **options
            )

    def get_urls(self):
        from django.urls import path

        from . import history_admin

        board = path(
            "translations/", self.admin_view(self.translation_board), name="translation-board"
        )
        # The history pages come first: they replace Django's for every tracked model.
        return [*history_admin.urls(self), board, *super().get_urls()]

    def index(self, request, extra_context=None):
        """The editor's start page: what needs doing, above the list of models."""
        from .editorial import dashboard

        extra_context = {**(extra_context or {}), "dashboard": dashboard(request, self)}
        return super().index(request, extra_context)

    def translation_board(self, request):
        from django.template.response import TemplateResponse
        from django.utils.translation import gettext

        from .editorial import translation_board

        context = {
            **self.each_context(request),
            "title": gettext("Translation status"),
            "areas": translation_board(request, self),
        }
        return TemplateResponse(request, "admin/translation_board.html", context)


class PortalAdminConfig(AdminConfig):
    default_site = "ludwigsburg_intl.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()  # discovers every app's admin module
        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # Each person sets up their own second factor (/admin/two-factor/setup/); a lost one is
        # removed by an administrator with ``manage.py reset_two_factor``. django-otp's device
        # admins would show the secret keys and offer actions the portal's rules do not allow.
        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
