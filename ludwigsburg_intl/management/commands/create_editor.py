import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ludwigsburg_intl import roles
from ludwigsburg_intl.models import EditorAccount


class Command(BaseCommand):
    help = (
        "Create an editor account in one or more role groups (by name or short key, e.g. "
        "'europa'). The account is staff, never superuser, and gets a one-time password, printed "
        "once, that its owner must change at the first login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--group",
            action="append",
            required=True,
            help="A role's group name or key; repeat for several roles.",
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"]
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        groups = []
        for wanted in options["group"]:
            role = roles.find(wanted)
            if role is None:
                choices = ", ".join(f"{r.key} ({r.name})" for r in roles.roles())
                raise CommandError(f"No role {wanted!r}. Roles: {choices}")
            group = Group.objects.filter(name=role.name).first()
            if group is None:
                raise CommandError(f"The group {role.name!r} is missing: run sync_roles first.")
            groups.append(group)

        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            user = User.objects.create_user(
                username,
                options["email"],
                password,
                first_name=options["first_name"],
                last_name=options["last_name"],
                is_staff=True,
                is_superuser=False,
            )
            user.groups.set(groups)
            EditorAccount.objects.create(user=user, one_time_password_hash=user.password)

        self.stdout.write(f"Created editor {username!r} in: {', '.join(g.name for g in groups)}")
        self.stdout.write(f"One-time password (shown only now): {password}")
        self.stdout.write("The password must be changed at the first login.")
