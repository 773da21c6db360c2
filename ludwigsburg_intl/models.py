"""What every area of the portal shares: SDG goals, contacts, the events calendar, site pages.

The area apps import from here; this module never imports from them. Events link to area
objects by foreign key (the domain links them), declared with lazy string references.
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .publishing import Publishable, PublishableQuerySet


class Area(models.TextChoices):
    PARTNERSHIPS = "partnerships", _("Partner cities")
    CLIMATE = "climate", _("Climate partnerships")
    EUROPE = "europe", _("Europe")
    NETWORK = "network", _("Development policy network")
    GENERAL = "general", pgettext_lazy("area", "General")


class SDGGoalQuerySet(models.QuerySet):
    pass


class SDGGoal(models.Model):
    """One of the 17 Sustainable Development Goals of the United Nations (loaded by migration)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    short_description = models.CharField(
        _("short description"), max_length=300, blank=True
    )
    colour = models.CharField(
        _("official colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour like #E5243B."))],
    )

    objects = SDGGoalQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self):
        return f"{self.number}. {self.name}"


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


class ContactPerson(Publishable):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=200, help_text=_("For example: town twinning and international contacts")
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


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.exclude(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))

    def in_month(self, year: int, month: int):
        tz = timezone.get_current_timezone()
        from datetime import datetime

        start = datetime(year, month, 1, tzinfo=tz)
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        return self.filter(starts_at__lt=end).filter(
            Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start)
        )

    def for_calendar(self):
        return self.select_related(
            "partner_city", "climate_partnership", "project", "actor"
        ).order_by("starts_at", "pk")


def _time_zone_choices():
    common = ["Europe/Berlin", "Europe/Paris", "Europe/London", "Europe/Prague", "Europe/Rome",
              "Europe/Kyiv", "Europe/Simferopol", "America/Chicago", "America/Guayaquil",
              "Africa/Ouagadougou", "Europe/Brussels"]
    return [(tz, tz) for tz in common]


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
        help_text=_("For whole-day events the time is ignored; for month-only dates, any day of the month."),
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
    partner_city = models.ForeignKey(
        "partnerships.PartnerCity",
        verbose_name=_("partner city"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    climate_partnership = models.ForeignKey(
        "climate.ClimatePartnership",
        verbose_name=_("climate partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    project = models.ForeignKey(
        "climate.Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("group or actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="events"
    )
    # A stable identifier for iCalendar, so that calendar apps update rather than duplicate.
    uid = models.CharField(_("calendar UID"), max_length=100, unique=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

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
        return reverse("calendar:event-detail", kwargs={"pk": self.pk})

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
    def is_past(self):
        return (self.ends_at or self.starts_at) < timezone.now()


class SitePageQuerySet(PublishableQuerySet):
    def in_footer(self):
        return self.published().filter(show_in_footer=True).order_by("footer_order", "slug")


class SitePage(Publishable):
    """An editable page: Impressum, privacy statement, accessibility statement, Leichte Sprache."""

    slug = models.SlugField(_("address (slug)"), unique=True, help_text=_("Part of the page's web address."))
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(
        _("text"),
        help_text=_("Plain text. An empty line starts a new paragraph; a line starting with '## ' is a "
            "heading; lines starting with '- ' form a list."),
    )
    show_in_footer = models.BooleanField(_("link in footer"), default=True)
    footer_order = models.PositiveSmallIntegerField(_("order in footer"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SitePageQuerySet.as_manager()

    class Meta:
        ordering = ["footer_order", "slug"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:page", kwargs={"slug": self.slug})
