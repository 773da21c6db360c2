"""Translation status and review dates (ludwigsburg_intl/editorial.py).

``review_on`` starts empty: the review falls due twelve months after the last change. Models that
had no ``updated_at`` get it with this migration's time for existing rows (an upper bound, as in
``0007_updated_at``): nothing recorded when they changed before. Translation states start with no
row per object: the existing English counts as current.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('ludwigsburg_intl', '0007_updated_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='contactperson',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='contactperson',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name='last changed'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='event',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.AddField(
            model_name='sitepage',
            name='review_on',
            field=models.DateField(blank=True, help_text='When the content should be checked again. Leave empty for twelve months after the last change.', null=True, verbose_name='review on'),
        ),
        migrations.CreateModel(
            name='TranslationState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='object id')),
                ('de_changed_at', models.DateTimeField(blank=True, null=True, verbose_name='German last changed')),
                ('en_changed_at', models.DateTimeField(blank=True, null=True, verbose_name='English last changed')),
                ('checked_at', models.DateTimeField(blank=True, null=True, verbose_name='English last checked')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype', verbose_name='content type')),
            ],
            options={
                'verbose_name': 'translation state',
                'verbose_name_plural': 'translation states',
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='translation_state_one_per_object')],
            },
        ),
    ]
