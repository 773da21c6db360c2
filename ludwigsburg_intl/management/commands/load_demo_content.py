import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ludwigsburg_intl import demo


class Command(BaseCommand):
    help = (
        "Load the portal's demo content (both languages) from the facts of the public source "
        "texts. It only creates what is missing: an object that exists is never changed, "
        "republished or relinked, whatever an editor did to it. --reset restores the demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore every demo object to the demo's texts, states and links (asks first).",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation of --reset.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content is not loaded under these settings (production): it would mix "
                "example content into the portal's real content."
            )
        if options["reset"] and options["interactive"]:
            answer = input(
                "This restores every demo object to the demo's texts, states and links and "
                "undoes what editors changed in them. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")
        run = demo.start_run(reset=options["reset"])
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
                before = len(run.created)
                module.load()
                if options["verbosity"]:
                    done = len(run.created) - before
                    verb = "restored" if options["reset"] else "created"
                    self.stdout.write(f"Demo content: {app_config.verbose_name}: {done} {verb}")
