from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet


class ClimatePartnershipQuerySet(PublishableQuerySet):
    pass


class ClimatePartnership(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    objects = ClimatePartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("climate partnership")
        verbose_name_plural = _("climate partnerships")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("climate:partnership-detail", kwargs={"slug": self.slug})


class ProjectQuerySet(PublishableQuerySet):
    pass


class Project(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    partnership = models.ForeignKey(
        ClimatePartnership,
        verbose_name=_("climate partnership"),
        on_delete=models.PROTECT,
        related_name="projects",
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("climate:project-detail", kwargs={"slug": self.slug})
