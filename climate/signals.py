"""Wires the project history (``climate.history``) to the models it records.

``connect()`` is called from ``ClimateConfig.ready()``.
"""

from django.db.models.signals import post_save, pre_save

from . import history
from .models import Milestone, Project


def connect() -> None:
    pre_save.connect(
        history.remember_stored_project, sender=Project, dispatch_uid="climate_remember_project"
    )
    post_save.connect(
        history.record_project_changes, sender=Project, dispatch_uid="climate_record_project"
    )
    pre_save.connect(
        history.remember_stored_milestone, sender=Milestone, dispatch_uid="climate_remember_ms"
    )
    post_save.connect(
        history.record_milestone_changes, sender=Milestone, dispatch_uid="climate_record_ms"
    )
