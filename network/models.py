from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ludwigsburg_intl.publishing import Publishable, PublishableQuerySet


class ActorQuerySet(PublishableQuerySet):
    pass


class Actor(Publishable):
    slug = models.SlugField(_("address (slug)"), unique=True)
    name = models.CharField(_("name"), max_length=200)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:actor-detail", kwargs={"slug": self.slug})
