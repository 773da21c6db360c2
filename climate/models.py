"""Climate partnerships, their projects with funding records, and committee meetings.

What a committee briefing calls "changed since the previous meeting" is read from status
reports (``reported_on``) and from the history the database records of every project and
milestone (``climate.history``).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ludwigsburg_intl.choices import ChoiceLabels
from ludwigsburg_intl.history import tracked
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Event, SDGGoal
from ludwigsburg_intl.numbers import grouped
from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet
from ludwigsburg_intl.search import search_indexes, search_rank_field, search_vector_field
from ludwigsburg_intl.translation_fallback import shown_fields

NOT_NEGATIVE = MinValueValidator(
    Decimal("0"), message=_("An amount of money must not be negative.")
)
YEAR_VALIDATORS = [
    MinValueValidator(1950, message=_("Enter a year from 1950 on.")),
    MaxValueValidator(2100, message=_("Enter a year up to 2100.")),
]


def money_field(verbose_name, help_text=""):
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=help_text,
    )


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Only the year is known")
    MONTH = "month", _("Only the month is known")
    DAY = "day", _("Exact day")


@tracked
class ClimatePartnership(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    city = models.CharField(_("partner town"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    themes = models.CharField(
        _("themes"),
        max_length=300,
        blank=True,
        help_text=_("For example: environment and transport"),
    )
    partners = models.TextField(
        _("partners"),
        blank=True,
        help_text=_("Who else takes part, one per line starting with '- '."),
    )
    partner_city = models.ForeignKey(
        "partnerships.PartnerCity",
        verbose_name=_("together with partner city"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="climate_partnerships",
        help_text=_("A partner city of Ludwigsburg that carries this climate partnership too."),
    )
    action_programme = models.TextField(_("action programme"), blank=True)
    project_outline_count = models.PositiveSmallIntegerField(
        _("number of project outlines in the action programme"),
        null=True,
        blank=True,
        help_text=_("Leave empty if not known."),
    )
    outlook = models.TextField(_("outlook"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="climate_partnerships"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="climate_partnerships",
        help_text=_(
            "Events of the shared calendar with this partnership (visits, exchanges); shown on "
            "its page together with its projects' events."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field(
        "de",
        "name",
        summary=("summary", "city", "country"),
        body=("themes", "partners", "action_programme", "outlook"),
    )
    search_en = search_vector_field(
        "en",
        "name",
        summary=("summary", "city", "country"),
        body=("themes", "partners", "action_programme", "outlook"),
    )
    search_rank_de = search_rank_field(
        "de",
        "name",
        summary=("summary", "city", "country"),
    )
    search_rank_en = search_rank_field(
        "en",
        "name",
        summary=("summary", "city", "country"),
    )

    class Meta:
        indexes = search_indexes("climatepartnership")
        ordering = ["sort_order", "name"]
        verbose_name = _("climate partnership")
        verbose_name_plural = _("climate partnerships")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("climate:partnership-detail", slug=self.slug)


@tracked
class SituationEntry(models.Model):
    """One dated line of a partnership's situation timeline (e.g. a coup, people fleeing)."""

    partnership = models.ForeignKey(
        ClimatePartnership,
        verbose_name=_("climate partnership"),
        on_delete=models.CASCADE,
        related_name="situation_entries",
    )
    date = models.DateField(
        _("date"),
        help_text=_("For a year or month only, enter its first day and set the precision."),
    )
    precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    text = models.TextField(_("what happened"))

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("situation entry")
        verbose_name_plural = _("situation timeline")

    def __str__(self):
        return f"{self.when}: {self.text[:60]}"

    @property
    def when(self):
        if self.precision == DatePrecision.YEAR:
            return str(self.date.year)
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.date, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.date, "DATE_FORMAT")

    @property
    def iso(self):
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return self.date.strftime("%Y-%m")
        return self.date.isoformat()


@tracked
class Funder(models.Model):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self):
        return self.short_name or self.name


# What a row of the council's project tables reads of a project, besides its title.
TABLE_COLUMNS = (
    "slug",
    "partnership_id",
    "project_status",
    "traffic_light",
    "grant_amount",
    "start_year",
    "end_year",
)


# A project without a status report for this many days needs one (admin filter, start page).
REPORT_INTERVAL_DAYS = 90


class ProjectQuerySet(PublishableQuerySet):
    def running_in(self, year: int):
        """Projects whose period includes ``year``; an unknown end counts as still running."""
        return self.filter(start_year__lte=year).filter(
            Q(end_year__gte=year) | Q(end_year__isnull=True)
        )

    def by_partnership(self):
        """Projects of one partnership next to each other, the partnerships in their own order:
        the council's tables show one row group per partnership."""
        return self.order_by(
            "partnership__sort_order",
            "partnership__name_de",
            "partnership_id",
            "sort_order",
            "title",
        )

    def with_overview_data(self):
        """The columns of the status overview, as annotations: one query for all projects.

        Only what a row shows is read (the title in the page's language and German); the
        partnerships come separately (``climate.tables.with_partnerships``), a few for all rows.
        """
        reports = StatusReport.objects.published().filter(project=OuterRef("pk"))
        open_milestones = Milestone.objects.filter(
            project=OuterRef("pk"), reached_on__isnull=True
        ).order_by("due_date", "pk")
        return self.only(*TABLE_COLUMNS, *shown_fields("title")).annotate(
            last_report_on=Subquery(reports.order_by("-reported_on").values("reported_on")[:1]),
            next_milestone_due=Subquery(open_milestones.values("due_date")[:1]),
            **{
                f"next_milestone_{name}": Subquery(open_milestones.values(name)[:1])
                for name in shown_fields("title")
            },
        )

    def needing_report(self, days=90, today=None):
        since = (today or timezone.localdate()) - datetime.timedelta(days=days)
        recent = StatusReport.objects.filter(project=OuterRef("pk"), reported_on__gte=since)
        return self.filter(~Exists(recent))


@tracked
class Project(Publishable):
    publication_requires = ("partnership",)

    class ProjectStatus(models.TextChoices):
        OUTLINE = "outline", _("Outline")
        APPLIED = "applied", _("Applied for")
        APPROVED = "approved", _("Approved")
        IMPLEMENTATION = "implementation", _("In implementation")
        COMPLETED = "completed", _("Completed")
        PAUSED = "paused", _("Paused")
        REJECTED = "rejected", _("Rejected")

    class TrafficLight(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        DELAYED = "delayed", _("Delayed")

    slug = models.SlugField(_("address (slug)"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    partnership = models.ForeignKey(
        ClimatePartnership,
        verbose_name=_("climate partnership"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    summary = models.TextField(_("summary"), blank=True)
    project_status = models.CharField(
        _("project status"),
        max_length=20,
        choices=ProjectStatus.choices,
        blank=True,
        db_index=True,
        help_text=_("Leave empty if the sources do not say. Changes are recorded with their date."),
    )
    traffic_light = models.CharField(
        _("traffic light"),
        max_length=10,
        choices=TrafficLight.choices,
        blank=True,
        help_text=_("Leave empty while not assessed. Changes are recorded with their date."),
    )
    traffic_light_reason = models.TextField(_("reason for the traffic light"), blank=True)
    funder = models.ForeignKey(
        Funder,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_("Leave empty if not known."),
    )
    funding_programme = models.CharField(_("funding programme"), max_length=200, blank=True)
    grant_amount = money_field(
        _("granted or requested amount (EUR)"), _("In euros, with at most two decimal places.")
    )
    own_share = money_field(_("own share (EUR)"), _("Leave empty if not known."))
    start_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    risks = models.TextField(_("risks"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="climate_projects"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="climate_projects",
        help_text=_("Events of the shared calendar belonging to this project; shown on its page."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field(
        "de", "title", summary=("summary",), body=("funding_programme", "risks")
    )
    search_en = search_vector_field(
        "en", "title", summary=("summary",), body=("funding_programme", "risks")
    )
    search_rank_de = search_rank_field("de", "title", summary=("summary",))
    search_rank_en = search_rank_field("en", "title", summary=("summary",))

    objects = ProjectQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("project")
        ordering = ["partnership__sort_order", "sort_order", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_cached("climate:project-detail", slug=self.slug)

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The last year must not lie before the first year.")}
            )
        if (
            self.traffic_light
            and self.traffic_light != self.TrafficLight.ON_TRACK
            and not self.traffic_light_reason_de
        ):
            raise ValidationError(
                {
                    "traffic_light": _(
                        "Give a reason (in German at least) when a project is at risk or delayed."
                    )
                }
            )

    @property
    def period(self):
        if self.start_year and self.end_year:
            return (
                f"{self.start_year}–{self.end_year}"
                if self.end_year != self.start_year
                else str(self.start_year)
            )
        if self.start_year:
            return pgettext_lazy("period", "from %(year)s") % {"year": self.start_year}
        return ""


@tracked
class Component(models.Model):
    """A part of a project with a measurable target, e.g. 500 solar home systems."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="components"
    )
    title = models.CharField(_("title"), max_length=300)
    target = models.DecimalField(
        _("target"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("A target must not be negative."))],
        help_text=_("How many, e.g. 500. Leave empty if the component has no countable target."),
    )
    unit = models.CharField(
        _("unit"), max_length=100, blank=True, help_text=_("e.g. solar home systems")
    )
    progress = models.DecimalField(
        _("progress"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("Progress must not be negative."))],
        help_text=_("How many are done. Leave empty while not known."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.progress is not None and self.target is None:
            raise ValidationError({"target": _("Enter a target before recording progress.")})
        if self.progress is not None and self.target is not None and self.progress > self.target:
            raise ValidationError(
                {
                    "progress": _(
                        "The progress (%(progress)s) must not exceed the target (%(target)s)."
                    )
                    % {"progress": self.progress, "target": self.target}
                }
            )

    @property
    def target_display(self):
        return "" if self.target is None else grouped(self.target, 0)

    @property
    def progress_display(self):
        return "" if self.progress is None else grouped(self.progress, 0)

    @property
    def percent(self):
        if self.progress is None or not self.target:
            return None
        return int(self.progress * 100 / self.target)


@tracked
class Milestone(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"))
    reached_on = models.DateField(_("reached on"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title


@tracked
class StatusReport(Publishable):
    # A report is part of its project: not public while the project is not.
    publication_requires = ("project",)

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField(_("date of the report"))
    text = models.TextField(_("report"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        indexes = [models.Index(fields=["project", "reported_on"])]

    def __str__(self):
        return f"{self.project} – {self.reported_on}"


@tracked
class ProjectChange(ChoiceLabels, models.Model):
    """A dated change of a project's status, traffic light or milestones.

    No longer written: ``climate.history`` reads the changes from the recorded history and
    gives them in this shape, unsaved. The table keeps what was recorded before the history
    began (readable in the admin)."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status changed")
        TRAFFIC_LIGHT = "traffic_light", _("Traffic light changed")
        MILESTONE_MOVED = "milestone_moved", _("Milestone moved")
        MILESTONE_REACHED = "milestone_reached", _("Milestone reached")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="changes"
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="changes",
    )
    kind = models.CharField(_("kind of change"), max_length=20, choices=Kind.choices)
    changed_on = models.DateField(_("date of the change"), db_index=True)
    old_value = models.CharField(_("before"), max_length=50, blank=True)
    new_value = models.CharField(_("after"), max_length=50, blank=True)

    class Meta:
        ordering = ["changed_on", "pk"]
        verbose_name = _("recorded change")
        verbose_name_plural = _("recorded changes")
        indexes = [models.Index(fields=["project", "changed_on"])]

    def __str__(self):
        return f"{self.project}: {self.get_kind_display()} ({self.changed_on})"

    def _label(self, value):
        if not value:
            return _("not recorded")
        if self.kind == self.Kind.STATUS:
            return (
                Project.ProjectStatus(value).label
                if value in Project.ProjectStatus.values
                else value
            )
        if self.kind == self.Kind.TRAFFIC_LIGHT:
            return (
                Project.TrafficLight(value).label if value in Project.TrafficLight.values else value
            )
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value

    @property
    def old_label(self):
        return self._label(self.old_value)

    @property
    def new_label(self):
        return self._label(self.new_value)


@tracked
class Committee(models.Model):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.name


@tracked
class CommitteeMeeting(Publishable):
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date of the meeting"))
    paper_number = models.CharField(_("council paper number"), max_length=50, blank=True)
    paper_url = models.URLField(_("link to the council paper"), blank=True)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date"], name="climate_one_meeting_per_committee_day"
            )
        ]

    def __str__(self):
        return f"{self.committee} – {formats.date_format(self.date, 'DATE_FORMAT')}"

    def get_absolute_url(self):
        return reverse_cached("climate:briefing", pk=self.pk)
