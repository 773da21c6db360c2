"""What every area of the portal shares: SDG goals, contacts, the events calendar, site pages.

The area apps import from here; this module never imports or names them. An area links its
objects to calendar events from its own models and registers the relation in ``areas``.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import areas
from .history import tracked
from .links import reverse_cached
from .plain_text import PLAIN_TEXT_HELP
from .publishing import Publishable, PublishableQuerySet
from .querysets import LeanQuerySet
from .search import search_indexes, search_rank_field, search_vector_field


class Area(models.TextChoices):
    PARTNERSHIPS = "partnerships", _("Partner cities")
    CLIMATE = "climate", _("Climate partnerships")
    EUROPE = "europe", _("Europe")
    NETWORK = "network", _("Development policy network")
    GENERAL = "general", pgettext_lazy("area", "General")


@tracked
class SDGGoal(models.Model):
    """One of the 17 Sustainable Development Goals of the United Nations (loaded by migration)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    colour = models.CharField(
        _("official colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour like #E5243B."))],
    )

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "name", summary=("short_description",))
    search_en = search_vector_field("en", "name", summary=("short_description",))
    search_rank_de = search_rank_field("de", "name", summary=("short_description",))
    search_rank_en = search_rank_field("en", "name", summary=("short_description",))

    objects = LeanQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("sdggoal")
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self):
        return f"{self.number}. {self.name}"


@tracked
class Office(models.Model):
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=100, default="Ludwigsburg")
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name


class ContactPersonQuerySet(PublishableQuerySet):
    def in_footer(self):
        return self.published().filter(show_in_footer=True)

    def for_area(self, area):
        return self.published().filter(areas__contains=[area])


@tracked
class ContactPerson(Publishable):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        help_text=_("For example: town twinning and international contacts"),
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("office"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    areas = models.JSONField(
        _("areas"),
        default=list,
        blank=True,
        help_text=_("The portal areas this person is the contact for."),
    )
    show_in_footer = models.BooleanField(_("show in footer"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.role})"


class LocalPeriodEnd(models.Func):
    """The end of the day or month containing a moment, in a time zone given per row.

    ``(date_trunc(unit, moment AT TIME ZONE tz) + interval '1 unit') AT TIME ZONE tz``
    """

    output_field = models.DateTimeField()

    def __init__(self, moment, tz, unit):
        if unit not in ("day", "month"):
            raise ValueError(unit)
        self.unit = unit
        super().__init__(moment, tz)

    def as_sql(self, compiler, connection, **extra_context):
        moment, moment_params = compiler.compile(self.source_expressions[0])
        tz, tz_params = compiler.compile(self.source_expressions[1])
        unit = self.unit
        sql = (
            f"((date_trunc('{unit}', ({moment}) AT TIME ZONE {tz}) + interval '1 {unit}')"
            f" AT TIME ZONE {tz})"
        )
        return sql, (*moment_params, *tz_params, *tz_params)


def effective_end_expression():
    """When an event is over: its end (or start) for exact times; the end of its last day for
    whole-day events; the end of the month where only the month is known — each in the event's
    own time zone. So a whole-day event stays "upcoming" all through its last day."""
    last = Coalesce("ends_at", "starts_at")
    return models.Case(
        models.When(precision="time", then=last),
        models.When(precision="day", then=LocalPeriodEnd(last, models.F("time_zone"), "day")),
        default=LocalPeriodEnd(last, models.F("time_zone"), "month"),
        output_field=models.DateTimeField(),
    )


# Made once: Django compares an expression by an identity it derives from the arguments (with
# ``inspect``), once per instance; QuerySets copy the instance and keep what it derived.
EFFECTIVE_END = effective_end_expression()
hash(EFFECTIVE_END)


class EventQuerySet(PublishableQuerySet):
    def _published_at(self, at):
        """Published at ``at`` and, for an event an area derives from one of its objects (a
        call's deadline), only while that object is public, with all it requires: the areas
        name those events through the registry, so every list, page and feed follows."""
        queryset = super()._published_at(at)
        for hidden in areas.hidden_events(at):
            queryset = queryset.exclude(hidden)
        return queryset

    def with_effective_end(self):
        return self.annotate(effective_end=EFFECTIVE_END)

    def upcoming(self, now=None):
        """Events not yet over: running now or still to come."""
        return self.with_effective_end().filter(effective_end__gt=now or timezone.now())

    def past(self, now=None):
        return self.with_effective_end().filter(effective_end__lte=now or timezone.now())

    def in_month(self, year: int, month: int):
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        return self.with_effective_end().filter(starts_at__lt=end, effective_end__gt=start)

    def for_calendar(self):
        """In the calendar's order. What an event concerns is asked of the areas
        (``areas.linked_to_events``) where a page shows it."""
        return self.order_by("starts_at", "pk")


def _time_zone_choices():
    common = [
        "Europe/Berlin",
        "Europe/Paris",
        "Europe/London",
        "Europe/Prague",
        "Europe/Rome",
        "Europe/Kyiv",
        "Europe/Simferopol",
        "America/Chicago",
        "America/Guayaquil",
        "Africa/Ouagadougou",
        "Europe/Brussels",
    ]
    return [(tz, tz) for tz in common]


@tracked
class Event(Publishable):
    """A dated occurrence in the site-wide calendar, belonging to one area."""

    class Precision(models.TextChoices):
        TIME = "time", _("Exact time")
        DAY = "day", _("Whole days")
        MONTH = "month", _("Only the month is known")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(
        _("start"),
        help_text=_(
            "For whole-day events the time is ignored; for month-only dates, any day of the month."
        ),
    )
    ends_at = models.DateTimeField(_("end"), null=True, blank=True)
    precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=Precision.choices,
        default=Precision.TIME,
        help_text=_("Record only what is known: a month, whole days, or exact times."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Berlin",
        choices=_time_zone_choices(),
        help_text=_("The time zone of the place where the event happens."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices, db_index=True)
    url = models.URLField(_("further information (link)"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="events"
    )
    # A stable identifier for iCalendar, so that calendar apps update rather than duplicate.
    uid = models.CharField(_("calendar UID"), max_length=100, unique=True, editable=False)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "title", summary=("description",), body=("place",))
    search_en = search_vector_field("en", "title", summary=("description",), body=("place",))
    # An event's description is all its text: only the title ranks (see search_rank_field).
    search_rank_de = search_rank_field("de", "title")
    search_rank_en = search_rank_field("en", "title")

    objects = EventQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("event")
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    @property
    def is_live(self) -> bool:
        # An event derived from an area's object follows it (see EventQuerySet.published).
        if not super().is_live:
            return False
        return self.pk is None or type(self).objects.published().filter(pk=self.pk).exists()

    def save(self, *args, **kwargs):
        if not self.uid:
            import uuid

            self.uid = f"{uuid.uuid4()}@ludwigsburg-international"
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end must not lie before the start.")})
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError({"time_zone": _("Unknown time zone.")}) from exc

    def get_absolute_url(self):
        return reverse_cached("calendar:event-detail", pk=self.pk)

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.tzinfo)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.tzinfo) if self.ends_at else None

    @property
    def over_at(self):
        """When the event is over; the Python twin of ``EventQuerySet.with_effective_end``."""
        last = timezone.localtime(self.ends_at or self.starts_at, self.tzinfo)
        if self.precision == self.Precision.TIME:
            return last
        if self.precision == self.Precision.DAY:
            day = last.date() + datetime.timedelta(days=1)
        else:
            day = datetime.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
        return datetime.datetime.combine(day, datetime.time(), tzinfo=self.tzinfo)

    @property
    def is_past(self):
        return self.over_at <= timezone.now()


class SitePageQuerySet(PublishableQuerySet):
    def in_footer(self):
        return self.published().filter(show_in_footer=True).order_by("footer_order", "slug")


@tracked
class SitePage(Publishable):
    """An editable page: Impressum, privacy statement, accessibility statement, Leichte Sprache."""

    slug = models.SlugField(
        _("address (slug)"), unique=True, help_text=_("Part of the page's web address.")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(
        _("text"),
        help_text=PLAIN_TEXT_HELP,
    )
    show_in_footer = models.BooleanField(_("link in footer"), default=True)
    footer_order = models.PositiveSmallIntegerField(_("order in footer"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "title", summary=("summary",), body=("body",))
    search_en = search_vector_field("en", "title", summary=("summary",), body=("body",))
    search_rank_de = search_rank_field("de", "title", summary=("summary",))
    search_rank_en = search_rank_field("en", "title", summary=("summary",))

    objects = SitePageQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("sitepage")
        ordering = ["footer_order", "slug"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_cached("pages:page", slug=self.slug)


class DemoObject(models.Model):
    """Which object the demo content created for which of its entries, so that running the demo
    loader again finds it even after an editor renamed it, and never changes it."""

    key = models.CharField(_("demo entry"), max_length=500, unique=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # Bookkeeping of the loader, shown on no page.
    page_cache_exempt = True

    class Meta:
        verbose_name = _("demo content entry")
        verbose_name_plural = _("demo content entries")

    def __str__(self):
        return self.key


class EditorAccount(models.Model):
    """What the portal keeps about a staff account beyond Django's user: the one-time password
    an account was created with, until its owner has replaced it (see ``create_editor``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="editor_account",
    )
    one_time_password_hash = models.CharField(
        _("one-time password (hash)"),
        max_length=128,
        blank=True,
        help_text=_("While the account's password is still this one, it must be changed."),
    )

    class Meta:
        verbose_name = _("editor account")
        verbose_name_plural = _("editor accounts")

    def __str__(self):
        return str(self.user)

    @property
    def must_change_password(self) -> bool:
        return bool(self.one_time_password_hash) and (
            self.one_time_password_hash == self.user.password
        )


class TranslationState(models.Model):
    """When the German and the English of one translated object last changed, and when an editor
    last confirmed that the English still matches the German.

    One table for every model registered with modeltranslation (see ``editorial.py``, which keeps
    it up to date on each save). An object without a row has not been edited since translation
    tracking began: its English counts as current.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    de_changed_at = models.DateTimeField(_("German last changed"), null=True, blank=True)
    en_changed_at = models.DateTimeField(_("English last changed"), null=True, blank=True)
    checked_at = models.DateTimeField(_("English last checked"), null=True, blank=True)

    # Bookkeeping of the admin, shown on no public page.
    page_cache_exempt = True

    class Meta:
        verbose_name = _("translation state")
        verbose_name_plural = _("translation states")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="translation_state_one_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"
