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

    def get_urls(self):
        from . import history_admin

        # The history pages come first: they replace Django's for every tracked model.
        return history_admin.urls(self) + super().get_urls()


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
