"""Projects and milestones as they were on a day, and what changed between two days, read from
the history the database records (``ludwigsburg_intl.history``: django-pghistory keeps every
version of a row, both languages, with the time it was written).

One query per model and question, whatever the number of projects: the state on a day is the
newest version before its end (``DISTINCT ON`` the object); the changes of a period compare each
version written in it with the one before (``LAG`` over the object's versions). Versions are
ordered as they were written (``pgh_id``).

The days are the council's: a change belongs to the day (Europe/Berlin) on which it was saved.
A milestone counts as reached on the day entered as reached, which staff may enter afterwards.

``ProjectChange`` rows are no longer written: status, traffic-light and milestone changes are
these versions, read as ``ProjectChange`` objects that are not saved (the shape the pages and
the CSV show).
"""

import datetime

from django.db.models import Exists, F, OuterRef, Window
from django.db.models.functions import Lag
from django.utils import timezone

from ludwigsburg_intl.history import INSERT, event_model

from .models import Milestone, Project, ProjectChange


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first moment after ``day`` in the portal's time zone."""
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=timezone.get_current_timezone()
    )


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def newest_versions(versions):
    """The rows of ``versions_at_query()`` as ``{id: {field: value}}``; deleted objects are
    left out."""
    return {v["pgh_obj_id"]: v for v in versions if v["pgh_label"] != "delete"}


def versions_at_query(model, moment, objects, fields, where=None):
    """The newest version of each of ``objects`` (a queryset of ids) written before ``moment``,
    only those matching ``where`` (a ``Q`` on the version's fields, applied after picking): one
    query, for ``newest_versions()`` (the briefing bakes it)."""
    event = event_model(model)
    newest = (
        event.objects.filter(pgh_obj_id__in=objects, pgh_created_at__lt=moment)
        .order_by("pgh_obj_id", "-pgh_id")
        .distinct("pgh_obj_id")
    )
    if where is not None:
        newest = event.objects.filter(where, pgh_id__in=newest.values("pgh_id"))
    return newest.values("pgh_obj_id", "pgh_label", *fields)


def entered_after(model, ids, moment, known_since=None) -> set:
    """Those of ``ids`` whose creation the history recorded at or after ``moment`` and after
    the creation of ``known_since`` (an object: when it was entered, if the history recorded
    it). Objects that existed before the history was recorded have no such version. One query.
    """
    if not ids:
        return set()
    entered = event_model(model).objects.filter(
        pgh_obj_id__in=ids, pgh_label=INSERT, pgh_created_at__gte=moment
    )
    if known_since is not None:
        known = event_model(type(known_since)).objects.filter(
            pgh_obj_id=known_since.pk, pgh_label=INSERT
        )
        entered = entered.exclude(
            Exists(known.filter(pgh_created_at__gte=OuterRef("pgh_created_at")))
        )
    return set(entered.values_list("pgh_obj_id", flat=True))


def changed_versions_query(model, objects, since, until, fields):
    """The versions of the objects changed in [since, until) (``since`` None: from the first)
    with the values of the version before each, oldest first, for ``changed_versions()``. One
    query; the versions before ``since`` are read only for the objects changed in the period."""
    event = event_model(model)
    in_period = event.objects.filter(pgh_obj_id__in=objects, pgh_created_at__lt=until)
    if since is not None:
        in_period = in_period.filter(pgh_created_at__gte=since)
    window = {"partition_by": [F("pgh_obj_id")], "order_by": [F("pgh_id")]}
    return (
        event.objects.filter(
            pgh_obj_id__in=in_period.values("pgh_obj_id"), pgh_created_at__lt=until
        )
        .annotate(
            previous_version=Window(Lag("pgh_id"), **window),
            **{f"old_{name}": Window(Lag(name), **window) for name in fields},
        )
        .values(
            "pgh_obj_id",
            "pgh_created_at",
            "pgh_label",
            "previous_version",
            *fields,
            *(f"old_{n}" for n in fields),
        )
        .order_by("pgh_id")
    )


def changed_versions(versions, since):
    """The rows of ``changed_versions_query()`` written in the period (since ``since``)."""
    # The versions before ``since`` (of the objects changed since) are read for the LAG only.
    # An object older than the history has a change as its first version: what it was before is
    # unknown, so that version reports nothing (rather than "not recorded -> ..." changes).
    return [
        v
        for v in versions
        if (since is None or v["pgh_created_at"] >= since)
        and (v["previous_version"] is not None or v["pgh_label"] == INSERT)
    ]


PROJECT_STATE = {
    "project_status": ProjectChange.Kind.STATUS,
    "traffic_light": ProjectChange.Kind.TRAFFIC_LIGHT,
}


def project_changes(projects, since, until):
    """Status and traffic-light changes of ``projects`` (a queryset of ids) saved in
    [since, until), and the ids of the projects created then: (``{id: [changes]}``, ids)."""
    versions = project_changes_query(projects, since, until)
    return project_changes_in(changed_versions(versions, since))


def project_changes_query(projects, since, until):
    """The query of ``project_changes()``: rows for ``changed_versions()``."""
    return changed_versions_query(Project, projects, since, until, PROJECT_STATE)


def project_changes_in(versions):
    """``project_changes()`` of the rows ``changed_versions()`` picked."""
    changes, created = {}, set()
    for version in versions:
        project_id = version["pgh_obj_id"]
        if version["pgh_label"] == INSERT:
            created.add(project_id)
            continue
        for name, kind in PROJECT_STATE.items():
            old, new = version[f"old_{name}"] or "", version[name] or ""
            if old != new:
                changes.setdefault(project_id, []).append(
                    ProjectChange(
                        project_id=project_id,
                        kind=kind,
                        changed_on=_local_day(version["pgh_created_at"]),
                        old_value=old,
                        new_value=new,
                    )
                )
    return changes, created


MILESTONE_FIELDS = ("project_id", "due_date", "reached_on", "title_de", "title_en")


def milestone_changes(projects, since, until):
    """Milestones of ``projects`` moved or reached in [since, until): ``{project id: [changes]}``.

    Each change names its milestone as it was titled then (both languages)."""
    return milestone_changes_in(
        changed_versions(milestone_changes_query(projects, since, until), since)
    )


def milestone_changes_query(projects, since, until):
    """The query of ``milestone_changes()``: rows for ``changed_versions()``."""
    milestones = Milestone.objects.filter(project__in=projects).values("pk")
    return changed_versions_query(Milestone, milestones, since, until, MILESTONE_FIELDS)


def milestone_changes_in(versions):
    """``milestone_changes()`` of the rows ``changed_versions()`` picked."""
    changes = {}
    for version in versions:
        found = []
        if version["due_date"] != version["old_due_date"] and version["pgh_label"] != INSERT:
            day = _local_day(version["pgh_created_at"])
            found.append((ProjectChange.Kind.MILESTONE_MOVED, day, version["old_due_date"]))
        if version["reached_on"] and version["reached_on"] != version["old_reached_on"]:
            found.append((ProjectChange.Kind.MILESTONE_REACHED, version["reached_on"], None))
        for kind, day, old in found:
            new = version["due_date"] if kind == ProjectChange.Kind.MILESTONE_MOVED else day
            milestone = Milestone(
                pk=version["pgh_obj_id"],
                project_id=version["project_id"],
                title_de=version["title_de"],
                title_en=version["title_en"],
            )
            changes.setdefault(version["project_id"], []).append(
                ProjectChange(
                    project_id=version["project_id"],
                    milestone=milestone,
                    kind=kind,
                    changed_on=day,
                    old_value=old.isoformat() if old else "",
                    new_value=new.isoformat(),
                )
            )
    return changes


def changes_of(project) -> list[ProjectChange]:
    """Every recorded change of ``project`` and its milestones, newest first (three queries)."""
    ids = Project.objects.filter(pk=project.pk).values("pk")
    until = timezone.now() + datetime.timedelta(seconds=1)
    changes = project_changes(ids, None, until)[0].get(project.pk, [])
    changes += milestone_changes(ids, None, until).get(project.pk, [])
    return sorted(changes, key=lambda change: change.changed_on, reverse=True)
