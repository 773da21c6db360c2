"""When each public page last changed: the sitemap's lastmod and the feeds' dates.

Rows that exist before this migration get its time: an upper bound, since nothing recorded when
they changed before.
"""

import django.utils.timezone
from django.db import migrations, models


def updated_at():
    return models.DateTimeField(
        auto_now=True, default=django.utils.timezone.now, verbose_name="last changed"
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0004_stakeholder_labels")]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="programme",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="statepartner",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicator",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
    ]
