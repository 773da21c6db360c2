"""The local development-policy network: actors, the coordination office, memberships at state
and federal level, the network's programmes (LokalGlobal, Eine-Welt-Forum, Nachhaltigkeitstage)
and municipal SDG indicators.

Facts that are not known (a founding date, a period of membership, an indicator value) stay
empty; nothing is filled in for the look of it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.history import tracked
from ludwigsburg_intl.links import reverse_cached
from ludwigsburg_intl.models import Event, SDGGoal
from ludwigsburg_intl.plain_text import PLAIN_TEXT_HELP
from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet
from ludwigsburg_intl.search import search_indexes, search_rank_field, search_vector_field

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2200)]


@tracked
class Topic(models.Model):
    """A subject local actors work on, e.g. fair trade or climate protection."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class ActorQuerySet(PublishableQuerySet):
    def for_directory(self):
        """Everything a list of actors shows, fetched in a fixed number of queries."""
        from partnerships.models import PartnerCity

        return self.prefetch_related(
            "topics",
            "sdg_goals",
            Prefetch("partner_cities", queryset=PartnerCity.objects.published()),
        )

    def tagged_with_sdg(self, goal):
        return self.published().filter(sdg_goals=goal)


@tracked
class Actor(Publishable):
    """A group, association, initiative, school or organisation active in development policy."""

    class Kind(models.TextChoices):
        GROUP = "group", _("Group")
        ASSOCIATION = "association", _("Association")
        INITIATIVE = "initiative", _("Initiative")
        SCHOOL = "school", _("School")
        MIGRANT_ORGANISATION = "migrant", _("Migrant organisation")
        NETWORK = "network", _("Network")
        CATEGORY = "category", _("Collective entry (several groups)")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.GROUP,
        db_index=True,
        help_text=_("Use “collective entry” for an entry that describes many groups, not one."),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=PLAIN_TEXT_HELP,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="actors"
    )
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="network_actors"
    )
    partner_cities = models.ManyToManyField(
        "partnerships.PartnerCity",
        verbose_name=_("partner cities"),
        blank=True,
        related_name="network_actors",
    )
    climate_partnerships = models.ManyToManyField(
        "climate.ClimatePartnership",
        verbose_name=_("climate partnerships"),
        blank=True,
        related_name="network_actors",
    )
    projects = models.ManyToManyField(
        "climate.Project", verbose_name=_("projects"), blank=True, related_name="network_actors"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="network_actors",
        help_text=_(
            "Events of the shared calendar this stakeholder holds or takes part in; shown on its "
            "page and in its calendar file."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    contact_consent = models.BooleanField(
        _("contact details may be published"),
        default=False,
        help_text=_(
            "Tick only when the stakeholder has agreed in writing. Without this, the contact "
            "details below are kept for the office and never shown on the public site or in "
            "exports."
        ),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    contact_address = models.CharField(_("postal address"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "name", summary=("summary",), body=("description",))
    search_en = search_vector_field("en", "name", summary=("summary",), body=("description",))
    search_rank_de = search_rank_field("de", "name", summary=("summary",))
    search_rank_en = search_rank_field("en", "name", summary=("summary",))

    objects = ActorQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("actor")
        ordering = ["name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("network:actor-detail", slug=self.slug)

    @property
    def public_contact(self):
        """The contact details the public may see: none without the actor's consent."""
        if not self.contact_consent:
            return None
        details = {
            "name": self.contact_name,
            "email": self.contact_email,
            "phone": self.contact_phone,
            "address": self.contact_address,
        }
        return details if any(details.values()) else None


class ProgrammeQuerySet(PublishableQuerySet):
    def tagged_with_sdg(self, goal):
        return self.published().filter(sdg_goals=goal)


@tracked
class Programme(Publishable):
    """A recurring format of the local network with its own events, e.g. the Eine-Welt-Forum."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=PLAIN_TEXT_HELP,
    )
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="network_programmes"
    )
    actors = models.ManyToManyField(
        Actor, verbose_name=_("stakeholders taking part"), blank=True, related_name="programmes"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="network_programmes",
        help_text=_("Events of the shared calendar that belong to this programme."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Full-text search (ludwigsburg_intl.search), kept current by PostgreSQL itself.
    search_de = search_vector_field("de", "name", summary=("summary",), body=("description",))
    search_en = search_vector_field("en", "name", summary=("summary",), body=("description",))
    search_rank_de = search_rank_field("de", "name", summary=("summary",))
    search_rank_en = search_rank_field("en", "name", summary=("summary",))

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        indexes = search_indexes("programme")
        ordering = ["sort_order", "name"]
        verbose_name = _("network programme")
        verbose_name_plural = _("network programmes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("network:programme-detail", slug=self.slug)


class CoordinationItemQuerySet(PublishableQuerySet):
    def tasks(self):
        return self.filter(kind=CoordinationItem.Kind.TASK)

    def cooperation(self):
        return self.filter(kind=CoordinationItem.Kind.COOPERATION)

    def outlook(self):
        return self.filter(kind=CoordinationItem.Kind.OUTLOOK)


@tracked
class CoordinationItem(Publishable):
    """One task of the coordination office, or one partner inside the city administration."""

    class Kind(models.TextChoices):
        TASK = "task", _("Task of the coordination office")
        COOPERATION = "cooperation", _("Cooperation inside the administration")
        OUTLOOK = "outlook", _("Plan for the coming years")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="network_coordination_items"
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = CoordinationItemQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "sort_order", "pk"]
        verbose_name = _("coordination office item")
        verbose_name_plural = _("coordination office items")

    def __str__(self):
        return self.title


@tracked
class Membership(Publishable):
    """How the city takes part at state and federal level: a membership, a role, an event."""

    class Kind(models.TextChoices):
        MEMBERSHIP = "membership", _("Membership")
        CHAIR = "chair", _("Chair or jury")
        EVENT = "event", _("Participation in an event")
        DIALOGUE = "dialogue", _("Dialogue or consultation")
        EXCHANGE = "exchange", _("Exchange with experts")

    class Level(models.TextChoices):
        STATE = "state", _("State (Baden-Württemberg)")
        FEDERAL = "federal", _("Federal")
        INTERNATIONAL = "international", _("International")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, db_index=True)
    name = models.CharField(_("body, event or person"), max_length=200)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Who runs the body or event, e.g. Städtetag Baden-Württemberg."),
    )
    role = models.CharField(_("role of the city"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("from (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty if not known."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("until (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty if not known or still running."),
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("further information (link)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("membership or body")
        verbose_name_plural = _("memberships and bodies")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end must not lie before the start.")})

    @property
    def period(self):
        """The period as far as it is known, or '' when nothing is known."""
        if self.start_year and self.end_year:
            if self.start_year == self.end_year:
                return str(self.start_year)
            return f"{self.start_year}–{self.end_year}"
        if self.start_year:
            return _("since %(year)s") % {"year": self.start_year}
        if self.end_year:
            return _("until %(year)s") % {"year": self.end_year}
        return ""


@tracked
class StatePartner(Publishable):
    """A partner at state level the city works with, e.g. the Städtetag's project office."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=PLAIN_TEXT_HELP,
    )
    url = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("partner at state level")
        verbose_name_plural = _("partners at state level")

    def __str__(self):
        return self.name


class IndicatorQuerySet(PublishableQuerySet):
    def with_values(self):
        return self.prefetch_related("values", "sdg_goals")

    def tagged_with_sdg(self, goal):
        return self.published().filter(sdg_goals=goal)


@tracked
class Indicator(Publishable):
    """A municipal indicator for the SDGs with its yearly values."""

    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=50, help_text=_("For example: euros, per cent, number")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    sdg_goals = models.ManyToManyField(
        SDGGoal, verbose_name=_("SDG goals"), blank=True, related_name="network_indicators"
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_cached("network:indicator-detail", slug=self.slug)

    @property
    def has_example_values(self):
        return any(value.is_example for value in self.values.all())


@tracked
class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    is_example = models.BooleanField(
        _("example value"),
        default=False,
        help_text=_(
            "An illustrative value, not a measured one. "
            "It is marked as an example on the public site."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("yearly value")
        verbose_name_plural = _("yearly values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="network_indicator_value_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.year}"
