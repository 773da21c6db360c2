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
    dependencies = [("climate", "0002_projects_reports_meetings")]

    operations = [
        migrations.AddField(
            model_name="climatepartnership",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="project",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="statusreport",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="committeemeeting",
            name="updated_at",
            field=updated_at(),
            preserve_default=False,
        ),
    ]
