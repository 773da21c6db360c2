"""The editor account model and the editor groups (roles).

The groups are filled by the same ``sync_roles()`` that ``manage.py sync_roles`` and the
``post_migrate`` handler run. It uses the current models on purpose: it writes only the tables of
auth and contenttypes (whose latest migrations it depends on) and creates the permissions it
needs itself, so it works on a fresh database before the area apps' tables exist. The
``post_migrate`` handler keeps the groups in step after every later migrate (a new model's
permissions come into existence only then).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def create_roles(apps, schema_editor):
    from ludwigsburg_intl.roles import sync_roles

    sync_roles(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("ludwigsburg_intl", "0004_content_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EditorAccount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "one_time_password_hash",
                    models.CharField(
                        blank=True,
                        help_text="While the account's password is still this one, it must be changed.",
                        max_length=128,
                        verbose_name="one-time password (hash)",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="editor_account",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "editor account",
                "verbose_name_plural": "editor accounts",
            },
        ),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
