"""The rules of a participation programme, checked when staff enter nominees."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import berlin_today


def check_nominee_age(programme, age) -> None:
    if programme is None or programme.age_limit is None:
        return
    if age is None:
        raise ValidationError(
            {"age_at_nomination": _("This programme has an age limit: please enter the age.")}
        )
    if age > programme.age_limit:
        raise ValidationError(
            {
                "age_at_nomination": _("This programme is open only up to the age of %(limit)d.")
                % {"limit": programme.age_limit}
            }
        )


def check_nomination_count(programme, current_count: int) -> None:
    """Refuse more current nominees than the programme allows the city to name."""
    if programme is None or programme.max_nominations is None:
        return
    if current_count > programme.max_nominations:
        raise ValidationError(
            ngettext(
                "“%(programme)s” allows the city to name at most %(max)d council member at a "
                "time; this would make %(count)d. End a mandate (“mandate until”) or remove a "
                "nominee first.",
                "“%(programme)s” allows the city to name at most %(max)d council members at a "
                "time; this would make %(count)d. End a mandate (“mandate until”) or remove a "
                "nominee first.",
                programme.max_nominations,
            )
            % {
                "programme": programme,
                "max": programme.max_nominations,
                "count": current_count,
            },
            code="too_many_nominations",
        )


def is_current(mandate_end, today=None) -> bool:
    return mandate_end is None or mandate_end >= (today or berlin_today())
