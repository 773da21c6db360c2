from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet


class PartnerCityQuerySet(PublishableQuerySet):
    pass


class PartnerCity(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    country = models.CharField(_("country"), max_length=100)

    objects = PartnerCityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner city")
        verbose_name_plural = _("partner cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:city-detail", kwargs={"slug": self.slug})
