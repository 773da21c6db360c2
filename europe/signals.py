"""Keeps each funding call's deadline event in step with the call (see ``deadlines``).

``connect()`` is called from ``EuropeConfig.ready()``.
"""

from django.db.models.signals import post_delete, post_save

from .deadlines import remove_call_deadline_event, sync_call_deadline_event
from .models import FundingCall, FundingProgramme


def sync_deadline_event_on_call_save(sender, instance, raw=False, **kwargs):
    if not raw:
        sync_call_deadline_event(instance)


def remove_deadline_event_on_call_delete(sender, instance, **kwargs):
    remove_call_deadline_event(instance)


def sync_deadline_events_on_programme_save(sender, instance, raw=False, **kwargs):
    """The programme's name appears in each deadline event's description."""
    if not raw:
        for call in instance.calls.select_related("programme"):
            sync_call_deadline_event(call)


def connect() -> None:
    post_save.connect(
        sync_deadline_event_on_call_save,
        sender=FundingCall,
        dispatch_uid="europe_sync_deadline_event_on_call_save",
    )
    post_delete.connect(
        remove_deadline_event_on_call_delete,
        sender=FundingCall,
        dispatch_uid="europe_remove_deadline_event_on_call_delete",
    )
    post_save.connect(
        sync_deadline_events_on_programme_save,
        sender=FundingProgramme,
        dispatch_uid="europe_sync_deadline_events_on_programme_save",
    )
