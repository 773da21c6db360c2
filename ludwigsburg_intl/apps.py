from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LudwigsburgIntlConfig(AppConfig):
    name = "ludwigsburg_intl"
    verbose_name = _("Portal: shared content")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_migrate

        from . import editorial, feeds
        from .opendata_views import register_event_dataset
        from .page_cache import install_triggers
        from .roles import sync_roles_after_migrate

        post_migrate.connect(install_triggers, sender=self, dispatch_uid="page-cache-triggers")
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="sync-editor-roles")

        from django.contrib.auth.signals import user_logged_in

        from .login_security import remember_login_time

        user_logged_in.connect(remember_login_time, dispatch_uid="remember-login-time")

        feeds.register()
        editorial.connect_signals()
        register_event_dataset()

        if settings.DATABASES["default"]["ENGINE"] == "ludwigsburg_intl.db.embedded":
            from .db.embedded.base import exit_cleanly_on_sigterm

            exit_cleanly_on_sigterm()
