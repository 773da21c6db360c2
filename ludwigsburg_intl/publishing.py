"""One publishing mechanism for every content model of the portal.

A content model inherits ``Publishable`` and gets ``status`` (draft or published) with an
optional ``publish_from``/``publish_until`` window. ``published()`` is the only way public
views, lists, counts, feeds and exports select content; staff with the model's view permission
may open a draft's public page, where the frame shows a "draft" banner. Related objects a page
shows go through it too: ``prefetch_published()`` (or a ``Prefetch`` with a ``published()``
queryset) for lists of them, ``is_live`` for a single related object, and
``publication_requires`` where an object cannot be public without another (a call without its
programme).
"""

from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Now
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ChoiceLabels
from .querysets import LeanQuerySet


def published_q(at, prefix: str = "") -> Q:
    """The condition "published at ``at``", for this model or (with ``prefix``) a relation."""
    return (
        Q(**{f"{prefix}status": Publishable.Status.PUBLISHED})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": at}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": at}))
    )


def published_condition(model, at, prefix: str = "") -> Q:
    """``published_q`` for ``model`` and, through ``publication_requires``, for everything it
    requires, at any depth (a report of a project of a draft partnership is not public).
    A nullable relation may be empty."""
    condition = published_q(at, prefix)
    for relation in model.publication_requires:
        field = model._meta.get_field(relation)
        related = published_condition(field.related_model, at, f"{prefix}{relation}__")
        if field.null:
            related |= Q(**{f"{prefix}{relation}__isnull": True})
        condition &= related
    return condition


class PublishableQuerySet(LeanQuerySet):
    def published(self, at=None):
        """Published now, and so is every object named in ``Model.publication_requires``
        (a call of a draft programme is not public either), and what that requires.

        "Now" is the database's clock at each statement (``Now()``: PostgreSQL's
        ``statement_timestamp()``), so the condition never changes and ``Model.objects``
        builds it once per process (``prebuilt()``); ``at`` asks for another moment."""
        if at is not None:
            return self._published_at(at)
        return self.prebuilt("published", lambda queryset: queryset._published_at(Now()))

    def _published_at(self, at):
        return self.filter(published_condition(self.model, at))

    def prefetch_published(self, *lookups):
        """``prefetch_related()`` that fetches only what is published of a publishable model at
        every step of each lookup: an activity's draft organiser is neither named nor linked,
        while the activity itself stays."""
        prefetches = {}
        for lookup in lookups:
            model, path = self.model, []
            for part in lookup.split(LOOKUP_SEP):
                model = model._meta.get_field(part).related_model
                path.append(part)
                step = LOOKUP_SEP.join(path)
                if step not in prefetches:
                    prefetches[step] = (
                        Prefetch(step, queryset=model.objects.published())
                        if issubclass(model, Publishable)
                        else step
                    )
        return self.prefetch_related(*prefetches.values())

    def visible_to(self, user):
        """Everything for staff who may view this model in the admin (to preview drafts), only
        published content for everyone else."""
        if may_preview(user, self.model):
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
        # No index: nearly every row is published, so it never narrows a page's query, and the
        # planner took it over the search's GIN index, testing the words of every row.
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
    # Content ages: an editor looks at it again by its review date (see ``editorial.py``).
    # Models that declared these themselves keep their own, identical, definition.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    review_on = models.DateField(
        _("review on"),
        null=True,
        blank=True,
        help_text=_(
            "When the content should be checked again. Leave empty for twelve months after "
            "the last change."
        ),
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


def may_preview(user, model) -> bool:
    """Whether ``user`` may see drafts of ``model`` on the public site: active staff with the
    model's view permission (an editor of one area does not preview another area's drafts)."""
    from .login_security import second_factor_required

    if user is None or not (user.is_active and user.is_staff):
        return False
    # Half way through the login (password given, second factor still due) is not logged in.
    if second_factor_required(user) and not getattr(user, "is_verified", lambda: False)():
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def get_visible_or_404(queryset, request, **lookup):
    """The object for a public detail page: drafts only for those who may preview them
    (``may_preview``), a 404 for everyone else."""
    try:
        return queryset.visible_to(request.user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def one_or_404(queryset):
    """The one object of ``queryset`` (a lookup by a unique field), or a 404."""
    objects = list(queryset)
    if not objects:
        raise Http404
    return objects[0]
