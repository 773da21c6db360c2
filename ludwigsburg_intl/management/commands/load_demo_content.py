import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the portal's demo content (both languages) from the facts of the public source "
        "texts. Idempotent: running it again updates the same objects and creates no duplicates."
    )

    def handle(self, *args, **options):
        # Each app may have a `demo` module with a `load()` function; the shared parts first,
        # then the areas in the order of INSTALLED_APPS (so they can link to shared objects).
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app_config.name}.demo":
                        raise
                    continue
                module.load()
                if options["verbosity"]:
                    self.stdout.write(f"Demo content loaded: {app_config.verbose_name}")
