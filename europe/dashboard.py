"""What the Europe area adds to the editors' start page (the admin index)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import DashboardItem

from .models import InterestSubmission


def new_submissions(request):
    """For the admin index: expressions of interest not answered yet, only for those who may
    see this personal data."""
    if not request.user.has_perm("europe.view_interestsubmission"):
        return None
    return DashboardItem(
        title=_("New expressions of interest from the form"),
        count=InterestSubmission.objects.new().count(),
        url=reverse("admin:europe_interestsubmission_changelist") + "?state__exact=new",
    )
