from django.core.management.base import BaseCommand

from ludwigsburg_intl.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Make the editor groups match the roles declared in the apps' roles.py: create missing "
        "groups, add and remove permissions. Prints each change; never changes group members."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        changes = sync_roles(using=options["database"])
        for line in changes:
            self.stdout.write(line)
        if options["verbosity"]:
            self.stdout.write(
                f"{len(changes)} change(s)." if changes else "The roles were already in step."
            )
