"""Translation status and review dates (ludwigsburg_intl/editorial.py).

``review_on`` starts empty: the review falls due twelve months after the last change. Models that
had no ``updated_at`` get it with this migration's time for existing rows (an upper bound, as in
``0007_updated_at``): nothing recorded when they changed before. Translation states start with no
row per object: the existing English counts as current.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partnerships', '0003_suspended_and_association_labels'),
    ]

    operations = [
        migrations.AddField(
            model_name='activity',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='annualprogramme',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='annualprogramme',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name='last changed'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='partnercity',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
    ]
