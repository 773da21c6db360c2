"""What the climate area adds to the editors' start page (the admin index)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import DashboardItem

from .models import REPORT_INTERVAL_DAYS, Project


def projects_without_report(request):
    """For the admin index: projects without a status report in the reporting interval."""
    if not request.user.has_perm("climate.view_project"):
        return None
    count = Project.objects.needing_report(REPORT_INTERVAL_DAYS).count()
    return DashboardItem(
        title=_("Climate projects without a status report in the last %(days)s days")
        % {"days": REPORT_INTERVAL_DAYS},
        count=count,
        url=reverse("admin:climate_project_changelist") + "?needs_report=yes",
    )
