"""One publishing mechanism for every content model of the portal.

A content model inherits ``Publishable`` and gets ``status`` (draft or published) with an
optional ``publish_from``/``publish_until`` window. ``published()`` is the only way public
views, lists, counts, feeds and exports select content; staff may open a draft's public page,
where the frame shows a "draft" banner.
"""

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ChoiceLabels


def published_q(at, prefix: str = "") -> Q:
    """The condition "published at ``at``", for this model or (with ``prefix``) a relation."""
    return (
        Q(**{f"{prefix}status": Publishable.Status.PUBLISHED})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": at}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": at}))
    )


class PublishableQuerySet(models.QuerySet):
    def published(self, at=None):
        """Published now, and so is every object named in ``Model.publication_requires``
        (a call of a draft programme is not public either). A nullable relation may be empty."""
        at = at or timezone.now()
        condition = published_q(at)
        for relation in self.model.publication_requires:
            related = published_q(at, prefix=f"{relation}__")
            if self.model._meta.get_field(relation).null:
                related |= Q(**{f"{relation}__isnull": True})
            condition &= related
        return self.filter(condition)

    def visible_to(self, user):
        """Everything for staff (to preview drafts), only published content for the public."""
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.published()


class Publishable(ChoiceLabels, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published content is shown to the public."),
    )
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Optional: the content appears only from this moment on."),
    )
    publish_until = models.DateTimeField(
        _("publish until"),
        null=True,
        blank=True,
        help_text=_("Optional: the content disappears from the public site at this moment."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    is_publishable = True
    # Foreign keys to other publishable objects whose publication this object depends on.
    publication_requires: tuple[str, ...] = ()

    @property
    def is_live(self) -> bool:
        now = timezone.now()
        own = (
            self.status == self.Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )
        return own and all(
            related is None or related.is_live
            for related in (getattr(self, name) for name in self.publication_requires)
        )

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError(
                {"publish_until": _("The end of publication must lie after its start.")}
            )


def get_visible_or_404(queryset, request, **lookup):
    """The object for a public detail page: drafts only for staff, a 404 for everyone else."""
    try:
        return queryset.visible_to(request.user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
