from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.history import tracked
from ludwigsburg_intl.images import RenditionImage
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import SDGGoal
from ludwigsburg_intl.plain_text import PLAIN_TEXT_HELP
from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet
from ludwigsburg_intl.search import search_indexes, search_rank_field, search_vector_field

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2200)]


class PartnerCityQuerySet(PublishableQuerySet):
    def in_order_of_partnership(self):
        """Oldest partnership first; cities whose start year is unknown come last."""
        return self.order_by(models.F("partnership_since").asc(nulls_last=True), "name")


@tracked
class PartnerCity(Publishable):
    class PartnershipStatus(models.TextChoices):
        ACTIVE = "active", _("active")
        RESTING = "resting", _("suspended")

    slug = models.SlugField(
        _("address (slug)"),
        unique=True,
        help_text=_("Part of the web address, the same in every language, e.g. “novy-jicin”."),
    )
    name = models.CharField(_("name"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    region = models.CharField(
        _("region"), max_length=100, blank=True, help_text=_("For example: South Wales, Missouri.")
    )
    partnership_since = models.PositiveSmallIntegerField(
        _("partner city since (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the year is not known; the site then says so."),
    )
    partnership_status = models.CharField(
        _("state of the partnership"),
        max_length=10,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
        db_index=True,
    )
    status_reason = models.TextField(
        _("public reason for the state"),
        blank=True,
        help_text=_("Shown prominently on the city's page. Required when the partnership rests."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=400,
        default="",
        help_text=_("One or two sentences for the overview."),
    )
    history = models.TextField(
        _("history"),
        blank=True,
        help_text=PLAIN_TEXT_HELP,
    )
    how_to_take_part = models.TextField(
        _("how to take part"),
        blank=True,
        help_text=_("Associations, school exchanges and other ways for citizens to join in."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive, e.g. 47.51 – places the city on the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive, west negative, e.g. -90.50."),
    )
    contact_persons = models.ManyToManyField(
        "ludwigsburg_intl.ContactPerson",
        verbose_name=_("contact persons"),
        blank=True,
        related_name="partner_cities",
    )
    sdg_goals = models.ManyToManyField(
        "ludwigsburg_intl.SDGGoal",
        verbose_name=_("SDG goals"),
        blank=True,
        related_name="partner_cities",
    )
    events = models.ManyToManyField(
        "ludwigsburg_intl.Event",
        verbose_name=_("events"),
        blank=True,
        related_name="partner_cities",
        help_text=_("Events of the shared calendar with this city; shown on its page."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field(
        "de", "name", summary=("summary", "country", "region"), body=("history", "how_to_take_part")
    )
    search_en = search_vector_field(
        "en", "name", summary=("summary", "country", "region"), body=("history", "how_to_take_part")
    )
    search_rank_de = search_rank_field("de", "name", summary=("summary", "country", "region"))
    search_rank_en = search_rank_field("en", "name", summary=("summary", "country", "region"))

    objects = PartnerCityQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("partnercity")
        ordering = ["name"]
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("partnerships:city-detail", slug=self.slug)

    @property
    def is_resting(self) -> bool:
        return self.partnership_status == self.PartnershipStatus.RESTING

    def clean(self):
        super().clean()
        if self.is_resting and not (self.status_reason or "").strip():
            raise ValidationError(
                {"status_reason": _("Give the public reason why the partnership rests.")}
            )
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _(
                    "Enter both latitude and longitude, or neither (the city is then not on "
                    "the map)."
                )
            )


@tracked
class Award(models.Model):
    city = models.ForeignKey(
        PartnerCity, verbose_name=_("partner city"), on_delete=models.CASCADE, related_name="awards"
    )
    name = models.CharField(_("name of the award"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = [models.F("year").asc(nulls_last=True), "name"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.name} ({self.year})" if self.year else self.name


@tracked
class CityImage(RenditionImage):
    city = models.ForeignKey(
        PartnerCity, verbose_name=_("partner city"), on_delete=models.CASCADE, related_name="images"
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")


@tracked
class CityLink(models.Model):
    city = models.ForeignKey(
        PartnerCity, verbose_name=_("partner city"), on_delete=models.CASCADE, related_name="links"
    )
    label = models.CharField(_("link text"), max_length=200)
    url = models.URLField(_("web address"))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.label


def short_list(queryset, fields=None):
    """The rows of ``queryset`` (filtered by an ``OuterRef``), in its order, as one array column
    of the outer query: a short list of plain values (numbers, texts, file names) that comes
    with its object instead of costing a query of its own. ``fields``: the columns to bring
    (all by default); ``short_list_objects()`` makes model instances of them again."""
    # Columns the database computes (the search index) are never part of such a list.
    names = fields or [
        field.attname for field in queryset.model._meta.concrete_fields if not field.generated
    ]
    return ArraySubquery(queryset.values_list(JSONObject(**{name: name for name in names})))


def short_list_objects(model, rows, using):
    """Instances of ``model`` from the rows of a ``short_list()`` column (fields not brought
    are deferred)."""
    objects = []
    for row in rows:
        names = [f.attname for f in model._meta.concrete_fields if f.attname in row]
        objects.append(model.from_db(using, names, [row[name] for name in names]))
    return objects


def with_short_lists(activities):
    """Activities of ``for_listing()`` with their lists as ``organiser_list``/``goal_list``."""
    actor = Activity._meta.get_field("organisers").related_model
    for activity in activities:
        using = activity._state.db
        activity.organiser_list = short_list_objects(actor, activity.organiser_rows, using)
        activity.goal_list = short_list_objects(SDGGoal, activity.goal_rows, using)
    return activities


# What an activity's listing shows of an organiser: its linked name.
ACTOR_FIELDS = ("id", "slug", "name", "name_de", "name_en")


class ActivityQuerySet(PublishableQuerySet):
    def in_year(self, year):
        """Activities that took place in ``year``: by their year or their date range."""
        return self.filter(Q(year=year) | Q(starts_on__year__lte=year, ends_on__year__gte=year))

    def for_city(self, city):
        """A city's own activities and those that concern all partner cities."""
        return self.filter(Q(city=city) | Q(city__isnull=True))

    def for_listing(self):
        """With the published organisers and the SDG goals of each activity as array columns:
        ``with_short_lists()`` turns them into objects (no query per list)."""
        organisers = self.model._meta.get_field("organisers")
        actors = organisers.related_model.objects.published().filter(
            **{organisers.related_query_name(): OuterRef("pk")}
        )
        return (
            self.select_related("city")
            .annotate(
                organiser_rows=short_list(actors, ACTOR_FIELDS),
                goal_rows=short_list(SDGGoal.objects.filter(partnership_activities=OuterRef("pk"))),
            )
            .order_by(
                models.F("year").desc(nulls_last=True),
                models.F("starts_on").desc(nulls_last=True),
                "title",
            )
        )

    def years(self):
        """The distinct known years, newest first (for the year filter)."""
        return (
            self.exclude(year__isnull=True)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )


@tracked
class Activity(Publishable):
    """Something done in a partnership, typed by the pillars of cooperation."""

    publication_requires = ("city",)

    class Pillar(models.TextChoices):
        DELEGATION = "delegation", _("Delegation meetings")
        PROJECT = "project", _("(Funded) projects")
        SCHOOL_EXCHANGE = "school", _("School exchanges")
        CLUBS = "clubs", _("Activities of associations")
        MILESTONE = "milestone", _("Milestones of the partnership")

    city = models.ForeignKey(
        PartnerCity,
        verbose_name=_("partner city"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Leave empty for activities that concern all partner cities."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    pillar = models.CharField(
        _("pillar of cooperation"), max_length=12, choices=Pillar.choices, db_index=True
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        db_index=True,
        help_text=_("Leave empty when not known. Filled in from the start date if one is given."),
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    organisers = models.ManyToManyField(
        "network.Actor",
        verbose_name=_("organisers (groups of the network)"),
        blank=True,
        related_name="partnership_activities",
    )
    participants = models.CharField(
        _("other participants"),
        max_length=300,
        blank=True,
        help_text=_("Participants not listed in the network area, in a few words."),
    )
    funding_programme = models.CharField(_("funding programme"), max_length=200, blank=True)
    funding_amount = models.DecimalField(
        _("funding amount (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    programme = models.ForeignKey(
        "AnnualProgramme",
        verbose_name=_("planned in the annual programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planned_activities",
    )
    sdg_goals = models.ManyToManyField(
        "ludwigsburg_intl.SDGGoal",
        verbose_name=_("SDG goals"),
        blank=True,
        related_name="partnership_activities",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "title", summary=("description",), body=("participants",))
    search_en = search_vector_field("en", "title", summary=("description",), body=("participants",))
    search_rank_de = search_rank_field("de", "title", summary=("description",))
    search_rank_en = search_rank_field("en", "title", summary=("description",))

    objects = ActivityQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("activity")
        ordering = [models.F("year").desc(nulls_last=True), "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.city_id:
            return f"{self.city.get_absolute_url()}#activity-{self.pk}"
        return f"{reverse_cached('partnerships:index')}#activity-{self.pk}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not lie before the start.")})
        if self.starts_on:
            if self.year and self.year != self.starts_on.year:
                raise ValidationError({"year": _("The year must be the year of the start date.")})
            self.year = self.starts_on.year
        if self.funding_amount is not None and not self.funding_programme:
            raise ValidationError(
                {"funding_programme": _("Name the funding programme of the amount.")}
            )


class AnnualProgrammeQuerySet(PublishableQuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def current(self, today=None):
        """The published programme of this calendar year with its published focus cities and
        planned activities (prefetched), or None."""
        year = (today or timezone.localdate()).year
        return (
            self.published()
            .for_year(year)
            .prefetch_related(
                models.Prefetch(
                    "focus_cities", queryset=PartnerCity.objects.published().order_by("name")
                ),
                models.Prefetch(
                    "planned_activities",
                    queryset=Activity.objects.published().select_related("city"),
                ),
            )
            .first()
        )


@tracked
class AnnualProgramme(Publishable):
    """The year's plan: the budget for the partnerships and the (at most two) focus cities."""

    MAX_FOCUS_CITIES = 2

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    budget = models.DecimalField(
        _("budget (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    focus_cities = models.ManyToManyField(
        PartnerCity,
        verbose_name=_("focus cities"),
        blank=True,
        related_name="focus_programmes",
        help_text=_(
            "The budget allows a focused exchange with only two cities a year. Leave empty "
            "until the choice is made; the site then says it is not yet decided."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = AnnualProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual programme")
        verbose_name_plural = _("annual programmes")

    def __str__(self):
        return str(self.year)
