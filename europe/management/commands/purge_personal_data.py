"""Delete the personal data of the interest form once it is no longer needed.

Run it every five minutes (README, "Deleting personal data"): the privacy statement promises that
hashed addresses are kept for an hour (at most five minutes longer), and expressions of interest
for ``INTEREST_SUBMISSION_RETENTION_MONTHS`` after they were answered, or after they were received
when nobody answered them. Their entries in the admin's history go with them.
"""

import calendar
import datetime

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from europe.models import InterestSubmission, SubmissionThrottle
from europe.ratelimit import WINDOW


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same local time ``months`` calendar months earlier (31 March - 1 month = 28/29 Feb)."""
    local = timezone.localtime(moment)
    year, month_index = divmod(local.year * 12 + local.month - 1 - months, 12)
    month = month_index + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


class Command(BaseCommand):
    help = (
        "Delete the interest form's hashed client addresses older than one hour and the "
        "expressions of interest past their retention period (INTEREST_SUBMISSION_RETENTION_MONTHS "
        "after the answer; after receipt when unanswered). Safe to run at any time and repeatedly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        now = timezone.now()
        months = settings.INTEREST_SUBMISSION_RETENTION_MONTHS
        cutoff = months_before(now, months)
        throttles = SubmissionThrottle.objects.filter(created_at__lt=now - WINDOW)
        submissions = InterestSubmission.objects.past_retention(cutoff).order_by("created_at")
        verb = "Would delete" if dry_run else "Deleted"

        with transaction.atomic():
            # Locked, so that a submission answered meanwhile is not deleted on old grounds.
            expired = list(
                submissions.select_for_update().values("pk", "created_at", "answered_at")
            )
            if verbosity >= 2:
                for row in expired:
                    answered = row["answered_at"]
                    self.stdout.write(
                        f"{verb} expression of interest #{row['pk']}: received "
                        f"{_when(row['created_at'])}, "
                        + (f"answered {_when(answered)}" if answered else "never answered")
                    )
            if dry_run:
                throttle_count = throttles.count()
            else:
                throttle_count, _ = throttles.delete()
                pks = [row["pk"] for row in expired]
                InterestSubmission.objects.filter(pk__in=pks).delete()
                # The admin's history names each submission (its name): it goes with it.
                LogEntry.objects.filter(
                    content_type=ContentType.objects.get_for_model(InterestSubmission),
                    object_id__in=[str(pk) for pk in pks],
                ).delete()

        if verbosity >= 1:
            answered = sum(1 for row in expired if row["answered_at"])
            self.stdout.write(
                f"{verb} {throttle_count} rate-limit entr{'y' if throttle_count == 1 else 'ies'} "
                f"(hashed addresses) older than one hour."
            )
            self.stdout.write(
                f"{verb} {len(expired)} expression{'' if len(expired) == 1 else 's'} of interest "
                f"past the retention period of {months} months "
                f"({answered} answered, {len(expired) - answered} never answered, "
                f"before {_when(cutoff)})."
            )


def _when(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M %Z}"
