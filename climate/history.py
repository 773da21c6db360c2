"""Record dated changes of projects and milestones, for "what changed since the last meeting".

The handlers below are connected in ``ClimateConfig.ready()``. Before a project or milestone is
saved, the stored values are read; after saving, every difference in status, traffic light,
due date or reached date becomes one ``ProjectChange`` row. A newly created object records
nothing: its first values are not a change.
"""

from django.utils import timezone

from .models import Milestone, Project, ProjectChange

PROJECT_FIELDS = {
    "project_status": ProjectChange.Kind.STATUS,
    "traffic_light": ProjectChange.Kind.TRAFFIC_LIGHT,
}


def remember_stored_project(sender, instance, raw=False, **kwargs):
    instance._stored_values = None
    if raw or not instance.pk:
        return
    instance._stored_values = Project.objects.filter(pk=instance.pk).values(*PROJECT_FIELDS).first()


def record_project_changes(sender, instance, created, raw=False, **kwargs):
    stored = getattr(instance, "_stored_values", None)
    if raw or created or not stored:
        return
    today = timezone.localdate()
    ProjectChange.objects.bulk_create(
        ProjectChange(
            project=instance,
            kind=kind,
            changed_on=today,
            old_value=stored[field] or "",
            new_value=getattr(instance, field) or "",
        )
        for field, kind in PROJECT_FIELDS.items()
        if (stored[field] or "") != (getattr(instance, field) or "")
    )
    instance._stored_values = None


def remember_stored_milestone(sender, instance, raw=False, **kwargs):
    instance._stored_values = None
    if raw or not instance.pk:
        return
    instance._stored_values = (
        Milestone.objects.filter(pk=instance.pk).values("due_date", "reached_on").first()
    )


def record_milestone_changes(sender, instance, created, raw=False, **kwargs):
    stored = getattr(instance, "_stored_values", None)
    if raw:
        return
    changes = []
    if created or not stored:
        # A milestone entered as already reached is still news for the next briefing.
        if instance.reached_on:
            changes.append(
                ProjectChange(
                    project_id=instance.project_id,
                    milestone=instance,
                    kind=ProjectChange.Kind.MILESTONE_REACHED,
                    changed_on=instance.reached_on,
                    new_value=instance.reached_on.isoformat(),
                )
            )
    else:
        if stored["due_date"] != instance.due_date:
            changes.append(
                ProjectChange(
                    project_id=instance.project_id,
                    milestone=instance,
                    kind=ProjectChange.Kind.MILESTONE_MOVED,
                    changed_on=timezone.localdate(),
                    old_value=stored["due_date"].isoformat() if stored["due_date"] else "",
                    new_value=instance.due_date.isoformat(),
                )
            )
        if stored["reached_on"] != instance.reached_on and instance.reached_on:
            changes.append(
                ProjectChange(
                    project_id=instance.project_id,
                    milestone=instance,
                    kind=ProjectChange.Kind.MILESTONE_REACHED,
                    # The day it was reached, which staff may enter afterwards.
                    changed_on=instance.reached_on,
                    old_value=stored["reached_on"].isoformat() if stored["reached_on"] else "",
                    new_value=instance.reached_on.isoformat(),
                )
            )
    ProjectChange.objects.bulk_create(changes)
    instance._stored_values = None
