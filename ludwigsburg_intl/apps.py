from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LudwigsburgIntlConfig(AppConfig):
    name = "ludwigsburg_intl"
    verbose_name = _("Portal: shared content")

    def ready(self):
        from . import history

        # First: the admin and the checks need the history models of every area.
        history.make_event_models()

        from django.conf import settings

        from . import editorial, feeds, signals
        from .opendata_views import register_event_dataset

        signals.connect()
        feeds.register()
        editorial.connect_signals()
        register_event_dataset()

        from .search import register_shared as register_search

        register_search()

        if settings.DATABASES["default"]["ENGINE"] == "ludwigsburg_intl.db.embedded":
            from .db.embedded.base import exit_cleanly_on_sigterm

            exit_cleanly_on_sigterm()
