import django.db.models.deletion
from django.db import migrations, models

# Until this migration a call found its deadline event by this calendar UID.
OLD_UID = "europe-call-{pk}@ludwigsburg-international"


def link_deadline_events(apps, schema_editor):
    """Turn the UID convention into the link; the events keep their UIDs, so calendar apps
    that subscribed go on updating the same entries."""
    FundingCall = apps.get_model("europe", "FundingCall")
    Event = apps.get_model("ludwigsburg_intl", "Event")
    calls = {OLD_UID.format(pk=pk): pk for pk in FundingCall.objects.values_list("pk", flat=True)}
    for event_pk, uid in Event.objects.filter(uid__in=calls).values_list("pk", "uid"):
        FundingCall.objects.filter(pk=calls[uid]).update(deadline_event=event_pk)


def restore_uid_convention(apps, schema_editor):
    FundingCall = apps.get_model("europe", "FundingCall")
    Event = apps.get_model("ludwigsburg_intl", "Event")
    for call_pk, event_pk in FundingCall.objects.filter(deadline_event__isnull=False).values_list(
        "pk", "deadline_event"
    ):
        Event.objects.filter(pk=event_pk).update(uid=OLD_UID.format(pk=call_pk))


class Migration(migrations.Migration):
    dependencies = [
        ("europe", "0002_interest_retention_and_throttle_spam"),
        ("ludwigsburg_intl", "0003_site_page_help_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingcall",
            name="deadline_event",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="funding_call",
                to="ludwigsburg_intl.event",
                verbose_name="deadline in the calendar",
            ),
        ),
        migrations.RunPython(link_deadline_events, restore_uid_convention),
    ]
