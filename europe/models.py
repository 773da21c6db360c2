"""The city's work with and in the European Union.

Work fields, EU funding (programmes, calls, the city's applications), networks, participation
programmes for council members with their nominees (staff only), and expressions of interest
sent through the public form.
"""

import datetime
import uuid
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ludwigsburg_intl.history import tracked
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import SDGGoal
from ludwigsburg_intl.plain_text import PLAIN_TEXT_HELP
from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet
from ludwigsburg_intl.search import search_indexes, search_rank_field, search_vector_field

# Calls are open until the end of the deadline day in Ludwigsburg's time zone, whatever the
# server's or the visitor's time zone.
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
CLOSING_SOON_DAYS = 30


def berlin_today(now: datetime.datetime | None = None) -> datetime.date:
    return timezone.localtime(now or timezone.now(), BERLIN).date()


@tracked
class WorkField(Publishable):
    """One of the five fields of the city's EU work, with its goal and current activities."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"), help_text=_("What the city wants to achieve in this field."))
    activities = models.TextField(
        _("current activities"),
        blank=True,
        help_text=PLAIN_TEXT_HELP,
    )
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="europe_work_fields"
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "title", summary=("goal",), body=("activities",))
    search_en = search_vector_field("en", "title", summary=("goal",), body=("activities",))
    search_rank_de = search_rank_field("de", "title", summary=("goal",))
    search_rank_en = search_rank_field("en", "title", summary=("goal",))

    class Meta:
        indexes = search_indexes("workfield")
        ordering = ["sort_order", "slug"]
        verbose_name = _("work field")
        verbose_name_plural = _("work fields")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_cached("europe:index") + f"#{self.slug}"


@tracked
class FundingTopic(models.Model):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("funding topic")
        verbose_name_plural = _("funding topics")

    def __str__(self):
        return self.name


@tracked
class FundingProgramme(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(
        _("funding body"),
        max_length=200,
        blank=True,
        help_text=_("For example: European Commission"),
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("official website"), blank=True)
    is_example = models.BooleanField(
        _("example only"),
        default=False,
        help_text=_(
            "Demo content: the public page says clearly that this is not a real programme."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def __str__(self):
        return self.name


class FundingCallQuerySet(PublishableQuerySet):
    """Call states are computed from the dates, always relative to the day in Europe/Berlin."""

    def upcoming(self, today=None):
        return self.filter(opens_on__gt=today or berlin_today())

    def open(self, today=None):
        today = today or berlin_today()
        return self.filter(Q(opens_on__isnull=True) | Q(opens_on__lte=today), deadline__gte=today)

    def closed(self, today=None):
        return self.filter(deadline__lt=today or berlin_today())

    def closing_soon(self, today=None, days=CLOSING_SOON_DAYS):
        today = today or berlin_today()
        return self.open(today).filter(deadline__lte=today + datetime.timedelta(days=days))

    def in_state(self, state, today=None):
        return {
            FundingCall.State.UPCOMING: self.upcoming,
            FundingCall.State.OPEN: self.open,
            FundingCall.State.CLOSED: self.closed,
            FundingCall.State.CLOSING_SOON: self.closing_soon,
        }[state](today)

    def for_list(self):
        return self.select_related("programme").prefetch_related("topics")


@tracked
class FundingCall(Publishable):
    """A call for EU funding. Open from ``opens_on`` until the end of the deadline day (Berlin)."""

    publication_requires = ("programme",)

    class State(models.TextChoices):
        UPCOMING = "upcoming", pgettext_lazy("call state", "Upcoming")
        OPEN = "open", pgettext_lazy("call state", "Open")
        CLOSING_SOON = "closing-soon", pgettext_lazy("call state", "Closing within 30 days")
        CLOSED = "closed", pgettext_lazy("call state", "Closed")

    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="calls",
    )
    slug = models.SlugField(_("address (slug)"), unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    opens_on = models.DateField(
        _("open from"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the call is already open."),
    )
    deadline = models.DateField(
        _("deadline"),
        help_text=_(
            "Last day for applications. The call counts as open until the end of this day "
            "(Berlin time)."
        ),
    )
    budget = models.DecimalField(
        _("budget (euros)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total budget of the call in euros; leave empty if unknown."),
    )
    topics = models.ManyToManyField(
        FundingTopic, verbose_name=_("topics"), blank=True, related_name="calls"
    )
    eligible_applicants = models.TextField(_("eligible applicants"), blank=True)
    url = models.URLField(_("official call page"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="europe_funding_calls"
    )
    is_example = models.BooleanField(
        _("example only"),
        default=False,
        help_text=_("Demo content: the public page says clearly that this is not a real call."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Kept in step by europe.deadlines; public exactly while the call is (see europe.apps).
    deadline_event = models.OneToOneField(
        "ludwigsburg_intl.Event",
        verbose_name=_("deadline in the calendar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="funding_call",
    )

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field(
        "de", "title", summary=("summary",), body=("eligible_applicants",)
    )
    search_en = search_vector_field(
        "en", "title", summary=("summary",), body=("eligible_applicants",)
    )
    search_rank_de = search_rank_field("de", "title", summary=("summary",))
    search_rank_en = search_rank_field("en", "title", summary=("summary",))

    objects = FundingCallQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("fundingcall")
        ordering = ["deadline", "pk"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_cached("europe:call-detail", slug=self.slug)

    def clean(self):
        super().clean()
        if self.opens_on and self.deadline and self.opens_on > self.deadline:
            raise ValidationError({"deadline": _("The deadline must not lie before the opening.")})

    def state_on(self, today: datetime.date) -> str:
        if self.opens_on and today < self.opens_on:
            return self.State.UPCOMING
        if today > self.deadline:
            return self.State.CLOSED
        return self.State.OPEN

    @property
    def state(self) -> str:
        return self.state_on(berlin_today())

    def is_closing_soon_on(self, today: datetime.date) -> bool:
        return (
            self.state_on(today) == self.State.OPEN
            and (self.deadline - today).days <= CLOSING_SOON_DAYS
        )

    @property
    def is_closing_soon(self) -> bool:
        return self.is_closing_soon_on(berlin_today())

    @property
    def days_left(self) -> int:
        return (self.deadline - berlin_today()).days

    def get_state_display(self):
        return self.State(self.state).label


@tracked
class FundingApplication(Publishable):
    """An application of the city for EU funding, and the project if it was funded."""

    publication_requires = ("programme", "call")

    class Outcome(models.TextChoices):
        PREPARING = "preparing", _("In preparation")
        SUBMITTED = "submitted", _("Submitted")
        FUNDED = "funded", _("Funded")
        REJECTED = "rejected", _("Not funded")

    title = models.CharField(_("project title"), max_length=250)
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("call"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    year = models.PositiveSmallIntegerField(
        _("year of application"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    outcome = models.CharField(_("state"), max_length=10, choices=Outcome.choices)
    amount_granted = models.DecimalField(
        _("amount granted (euros)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("application for funding")
        verbose_name_plural = _("applications for funding")

    def __str__(self):
        return f"{self.title} ({self.year})"


@tracked
class Network(Publishable):
    """A network or membership of the city, and what it is for."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=250)
    organisation = models.CharField(_("run by"), max_length=250, blank=True)
    purpose = models.TextField(_("what it is for"))
    url = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name


@tracked
class ParticipationProgramme(Publishable):
    """A European programme open to council members, with its eligibility rules as data."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    organiser = models.CharField(_("organiser"), max_length=250)
    description = models.TextField(_("description"))
    how_to_take_part = models.TextField(_("how to take part"), blank=True)
    max_nominations = models.PositiveSmallIntegerField(
        _("maximum nominees of the city"),
        validators=[MinValueValidator(1)],
        help_text=_("How many council members the city may name at the same time."),
    )
    age_limit = models.PositiveSmallIntegerField(
        _("age limit (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(18), MaxValueValidator(120)],
        help_text=_("Highest age of a nominee; leave empty if there is none."),
    )
    url = models.URLField(_("website"), blank=True)
    network = models.ForeignKey(
        Network,
        verbose_name=_("network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("participation programme")
        verbose_name_plural = _("participation programmes")

    def __str__(self):
        return self.short_name or self.name


class NominationQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or berlin_today()
        return self.filter(Q(mandate_end__isnull=True) | Q(mandate_end__gte=today))


class Nomination(models.Model):
    """A council member the city named for a programme. For staff only, never public."""

    programme = models.ForeignKey(
        ParticipationProgramme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    name = models.CharField(_("name"), max_length=200)
    age_at_nomination = models.PositiveSmallIntegerField(
        _("age when nominated"),
        null=True,
        blank=True,
        validators=[MinValueValidator(18), MaxValueValidator(120)],
        help_text=_("Needed where the programme has an age limit."),
    )
    mandate_start = models.DateField(_("mandate from"))
    mandate_end = models.DateField(
        _("mandate until"),
        null=True,
        blank=True,
        help_text=_("Leave empty while it is open-ended."),
    )
    notes = models.TextField(_("internal notes"), blank=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "-mandate_start", "name"]
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.mandate_end and self.mandate_start and self.mandate_end < self.mandate_start:
            raise ValidationError({"mandate_end": _("The mandate must not end before it starts.")})


class InterestSubmissionQuerySet(models.QuerySet):
    def new(self):
        """Not yet answered (the editors' start page counts them)."""
        return self.filter(state=InterestSubmission.State.NEW)

    def past_retention(self, cutoff: datetime.datetime):
        """Those answered before ``cutoff``, and those never answered received before it."""
        return self.filter(
            Q(answered_at__lt=cutoff) | Q(answered_at__isnull=True, created_at__lt=cutoff)
        )


class InterestSubmission(models.Model):
    """An expression of interest or question sent through the public form."""

    # Personal data no public page shows: its rows do not refresh cached pages.
    page_cache_exempt = True

    class State(models.TextChoices):
        NEW = "new", pgettext_lazy("submission state", "New")
        ANSWERED = "answered", pgettext_lazy("submission state", "Answered")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    programme = models.ForeignKey(
        ParticipationProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    message = models.TextField(_("message"), max_length=3000)
    consent = models.BooleanField(_("consent to store the data"))
    language = models.CharField(_("language of the form"), max_length=5)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(
        _("answered"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the state becomes “answered”; the retention period runs from it."),
    )
    # The confirmation page is addressed by this token (no session, no cookie).
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = InterestSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            # Without the time of the answer the retention period could not be computed.
            models.CheckConstraint(
                condition=Q(state="answered", answered_at__isnull=False)
                | Q(state="new", answered_at__isnull=True),
                name="europe_interestsubmission_answered_at_with_state",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.programme}"

    def save(self, *args, **kwargs):
        # Keep the time of the answer in step with the state, however the state was changed.
        if self.state == self.State.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        elif self.state != self.State.ANSWERED:
            self.answered_at = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "state" in update_fields:
            kwargs["update_fields"] = {*update_fields, "answered_at"}
        super().save(*args, **kwargs)


class SubmissionThrottle(models.Model):
    """One form submission by a client, to limit submissions per hour (IP stored only hashed).

    Rows older than an hour are of no use: each submission and ``purge_personal_data`` delete them.
    """

    # Personal data no public page shows: its rows do not refresh cached pages.
    page_cache_exempt = True

    client_hash = models.CharField(_("client (hashed)"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    # Honeypot hits count against their client but not against the form's total per hour, so
    # that bots cannot use up the total and lock everybody else out.
    is_spam = models.BooleanField(_("caught by the honeypot"), default=False)

    class Meta:
        verbose_name = _("form submission (rate limit)")
        verbose_name_plural = _("form submissions (rate limit)")

    def __str__(self):
        return f"{self.client_hash[:8]}… {self.created_at:%Y-%m-%d %H:%M}"
