"""Translation status and review dates (ludwigsburg_intl/editorial.py).

``review_on`` starts empty: the review falls due twelve months after the last change. Models that
had no ``updated_at`` get it with this migration's time for existing rows (an upper bound, as in
``0007_updated_at``): nothing recorded when they changed before. Translation states start with no
row per object: the existing English counts as current.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('climate', '0003_updated_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='climatepartnership',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='committeemeeting',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='project',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='statusreport',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
    ]
