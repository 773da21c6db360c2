"""What needs an editor's attention: translations, ageing content, scheduled publication.

**Translation status.** Every model registered with modeltranslation is found through its
registry (this module names no area). An object's English is *missing* when a translated field
has German but no English, and *stale* when its German changed after its English was last
changed or marked as checked. When the two changed is recorded in one table,
``TranslationState``, by the ``pre_save``/``post_save`` handlers below, which compare the stored
values with the saved ones: admin forms, admin actions and management commands that save objects
are all covered. A bulk ``update()`` or raw SQL bypasses them (the portal's code does not change
translated texts that way). Objects not edited since tracking began have no row: their English
counts as current.

**Review.** Every publishable object has a review date: the one an editor set (``review_on``),
or else twelve months after its last change (``updated_at``).

**Publication.** Published content with a start in the future is *scheduled*, published content
whose end has passed is *expired*.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Greatest
from django.db.models.lookups import Exact
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import areas
from .models import TranslationState
from .publishing import Publishable

SOURCE_LANGUAGE = "de"  # what editors write first
TARGET_LANGUAGE = "en"  # what must follow it
REVIEW_MONTHS = 12
# The translation board lists at most this many objects of one model; the rest are a link away.
BOARD_LIMIT = 50

# Query parameters of the list filters, also used for the dashboard's links.
TRANSLATION_PARAM, MISSING, STALE = "translation", "missing", "stale"
REVIEW_PARAM, OVERDUE = "review", "overdue"
PUBLICATION_PARAM, SCHEDULED, EXPIRED, MY_DRAFTS = "publication", "scheduled", "expired", "mine"


# --- Which models ---------------------------------------------------------------------------


def translated_models() -> list[type[models.Model]]:
    return sorted(
        (m for m in translator.get_registered_models() if not m._meta.abstract),
        key=lambda m: m._meta.label,
    )


def is_translated(model) -> bool:
    return model in translator.get_registered_models()


def is_publishable(model) -> bool:
    return issubclass(model, Publishable)


def translation_field_pairs(model) -> list[tuple[models.Field, models.Field]]:
    """(German field, English field) for each translated field, in the model's field order."""
    names = translator.get_options_for_model(model).all_fields
    return [
        (
            model._meta.get_field(build_localized_fieldname(f.name, SOURCE_LANGUAGE)),
            model._meta.get_field(build_localized_fieldname(f.name, TARGET_LANGUAGE)),
        )
        for f in model._meta.concrete_fields
        if f.name in names
    ]


# --- Translation status -----------------------------------------------------------------------


def _empty(f: models.Field) -> Q:
    condition = Q(**{f"{f.name}__isnull": True})
    if f.empty_strings_allowed:
        condition |= Q(**{f.name: ""})
    return condition


def missing_q(model) -> Q:
    """Some translated field has German but no English."""
    condition = Q(pk__in=[])
    for de, en in translation_field_pairs(model):
        condition |= ~_empty(de) & _empty(en)
    return condition


def stale_q(model) -> Q:
    """The German changed after the English was last changed or checked (and no English is
    missing: that is reported as missing)."""
    states = TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        de_changed_at__isnull=False,
    ).filter(
        # GREATEST ignores NULL in PostgreSQL: the later of the two, if any.
        Q(en_changed_at__isnull=True, checked_at__isnull=True)
        | Q(de_changed_at__gt=Greatest("en_changed_at", "checked_at"))
    )
    return Q(Exists(states)) & ~missing_q(model)


def needs_translation_q(model) -> Q:
    return missing_q(model) | stale_q(model)


def _stored_differs(old, new) -> bool:
    # A form gives "" where the database may hold NULL: both mean "no text".
    return (old or "") != (new or "")


def remember_translation_changes(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save``: which language's texts this save changes (compared with the stored row)."""
    instance._translation_changes = None
    if raw or instance._state.adding or instance.pk is None:
        return  # a new object: nothing can be out of date yet (missing English is seen anyway)
    pairs = translation_field_pairs(sender)
    if update_fields is not None:
        pairs = [(de, en) for de, en in pairs if {de.name, en.name} & set(update_fields)]
    if not pairs:
        return
    names = [f.name for pair in pairs for f in pair]
    stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    if stored is None:
        return

    def changed(f):
        return _stored_differs(stored[f.name], getattr(instance, f.name))

    instance._translation_changes = (
        any(changed(de) for de, _en in pairs),
        any(changed(en) for _de, en in pairs),
    )


def record_translation_changes(sender, instance, raw=False, **kwargs):
    """``post_save``: note when the German and the English changed."""
    changes = getattr(instance, "_translation_changes", None)
    if raw or not changes or not any(changes):
        return
    de_changed, en_changed = changes
    now = timezone.now()
    values = {}
    if de_changed:
        values["de_changed_at"] = now
    if en_changed:
        values["en_changed_at"] = now
    TranslationState.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(sender),
        object_id=instance.pk,
        defaults=values,
    )
    instance._translation_changes = None


def forget_translation_state(sender, instance, **kwargs):
    """``post_delete``: a deleted object has no translation to do."""
    TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    for model in translated_models():
        uid = f"translation-state-{model._meta.label_lower}"
        pre_save.connect(remember_translation_changes, sender=model, dispatch_uid=uid)
        post_save.connect(record_translation_changes, sender=model, dispatch_uid=uid)
        post_delete.connect(forget_translation_state, sender=model, dispatch_uid=uid)


def mark_translation_checked(model_admin, request, queryset) -> int:
    """Admin action body: the English of the selected objects with stale English matches their
    German. Like ``set_field_on_each``: each object gets an entry in the admin log."""
    model = queryset.model
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    checked = 0
    with transaction.atomic():
        for obj in queryset.filter(stale_q(model)):
            TranslationState.objects.filter(content_type=content_type, object_id=obj.pk).update(
                checked_at=now
            )
            model_admin.log_change(
                request, obj, _("Marked the English translation as checked against the German.")
            )
            checked += 1
    if checked:
        model_admin.message_user(
            request,
            ngettext(
                "The English of %(count)d item is marked as checked.",
                "The English of %(count)d items is marked as checked.",
                checked,
            )
            % {"count": checked},
        )
    else:
        model_admin.message_user(
            request,
            _(
                "Nothing changed: none of the selected items had English older than its German "
                "(missing English must be written, not checked)."
            ),
            "info",
        )
    return checked


# --- Review -----------------------------------------------------------------------------------


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def next_review_date(today: datetime.date | None = None) -> datetime.date:
    return months_before(today or timezone.localdate(), -REVIEW_MONTHS)


def review_overdue_q(today: datetime.date | None = None) -> Q:
    """The review date has come: the editor's date, or twelve months after the last change."""
    today = today or timezone.localdate()
    cutoff = datetime.datetime.combine(
        months_before(today, REVIEW_MONTHS),
        datetime.time.max,
        tzinfo=timezone.get_current_timezone(),
    )
    return Q(review_on__lte=today) | Q(review_on__isnull=True, updated_at__lte=cutoff)


# --- Publication ------------------------------------------------------------------------------


def scheduled_q(now=None) -> Q:
    return Q(status=Publishable.Status.PUBLISHED, publish_from__gt=now or timezone.now())


def expired_q(now=None) -> Q:
    return Q(status=Publishable.Status.PUBLISHED, publish_until__lte=now or timezone.now())


def last_changed_by_q(model, user) -> Q:
    """The latest entry of the admin log for the object names ``user``."""
    latest = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), models.CharField()),
        )
        .order_by("-action_time", "-pk")
        .values("user_id")[:1]
    )
    return Q(Exact(Subquery(latest), user.pk))


def my_drafts_q(model, user) -> Q:
    return Q(status=Publishable.Status.DRAFT) & last_changed_by_q(model, user)


def publication_label(obj, now=None) -> str:
    """Publication as a list shows it: "scheduled for 14.06.2027", "expired since …"."""
    now = now or timezone.now()
    if obj.status == Publishable.Status.PUBLISHED:
        if obj.publish_until and obj.publish_until <= now:
            return _("expired since %(date)s") % {"date": _short_date(obj.publish_until)}
        if obj.publish_from and obj.publish_from > now:
            return _("appears on %(date)s") % {"date": _short_date(obj.publish_from)}
    return str(obj.get_status_display())


def _short_date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


# --- The admin index ("dashboard") and the translation board ----------------------------------


@dataclass
class Cell:
    count: int
    url: str


@dataclass
class DashboardRow:
    """One model on the admin index: how many of its objects need what."""

    model: type
    name: str
    area: str
    cells: dict[str, Cell | None] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells.values() if cell)


COLUMNS = (
    (MY_DRAFTS, PUBLICATION_PARAM),
    (SCHEDULED, PUBLICATION_PARAM),
    (MISSING, TRANSLATION_PARAM),
    (STALE, TRANSLATION_PARAM),
    (OVERDUE, REVIEW_PARAM),
)


def column_titles() -> dict[str, str]:
    return {
        MY_DRAFTS: _("My drafts"),
        SCHEDULED: _("Scheduled"),
        MISSING: _("English missing"),
        STALE: _("English out of date"),
        OVERDUE: _("Review overdue"),
    }


def _changelist_url(model, **params) -> str | None:
    try:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(params)}" if params else url


def _viewable_admins(request, admin_site):
    """(model, model admin) of every translated or publishable model the user may view, in the
    order of the admin index."""
    found = []
    for model, model_admin in admin_site._registry.items():
        if not (is_translated(model) or is_publishable(model)):
            continue
        if model_admin.has_view_or_change_permission(request):
            found.append((model, model_admin))
    return sorted(found, key=lambda pair: (_app_order(pair[0]), str(pair[0]._meta.verbose_name)))


def _app_order(model):
    from django.conf import settings

    name = model._meta.app_config.name
    apps = [a.split(".")[0] for a in settings.INSTALLED_APPS]
    return apps.index(name) if name in apps else len(apps)


def _counts(model, queryset, request, now, today) -> dict[str, int]:
    """All of a model's counts in one query."""
    conditions = {}
    if is_publishable(model):
        conditions[MY_DRAFTS] = my_drafts_q(model, request.user)
        conditions[SCHEDULED] = scheduled_q(now)
        conditions[OVERDUE] = review_overdue_q(today)
    if is_translated(model):
        conditions[MISSING] = missing_q(model)
        conditions[STALE] = stale_q(model)
    return queryset.order_by().aggregate(
        **{key: Count("pk", filter=condition) for key, condition in conditions.items()}
    )


def dashboard(request, admin_site) -> dict:
    """What the admin index shows an editor: per model they may view, a count and a link for
    each thing that needs doing, and what the areas add (``areas.register_dashboard_item``)."""
    now, today = timezone.now(), timezone.localdate()
    rows = []
    totals = dict.fromkeys(key for key, _param in COLUMNS)
    for model, model_admin in _viewable_admins(request, admin_site):
        # What the model's list shows, so that a number and its filtered list agree.
        counts = _counts(model, model_admin.get_queryset(request), request, now, today)
        row = DashboardRow(
            model=model,
            name=str(model._meta.verbose_name_plural),
            area=str(model._meta.app_config.verbose_name),
        )
        for key, param in COLUMNS:
            if key not in counts:
                row.cells[key] = None
                continue
            totals[key] = (totals[key] or 0) + counts[key]
            row.cells[key] = (
                Cell(counts[key], _changelist_url(model, **{param: key})) if counts[key] else None
            )
        if row.total:
            rows.append(row)
    titles = column_titles()
    return {
        "columns": [(key, titles[key], totals[key]) for key, _param in COLUMNS],
        "rows": rows,
        "area_items": areas.dashboard_items(request),
        "board_url": reverse("admin:translation-board"),
    }


@dataclass
class BoardEntry:
    obj: object
    url: str | None
    missing: bool


@dataclass
class BoardSection:
    model: type
    name: str
    missing: int
    stale: int
    entries: list[BoardEntry]
    list_url: str | None

    @property
    def more(self) -> int:
        return self.missing + self.stale - len(self.entries)


def _parent_admin_url(model, admin_site):
    """An object edited inline in another's form is linked to that form."""
    for f in model._meta.concrete_fields:
        if f.many_to_one and f.related_model in admin_site._registry:
            return f
    return None


def translation_board(request, admin_site) -> list[tuple[str, list[BoardSection], int, int]]:
    """Per area (app) the translated models the user may view: counts and the objects to do.
    Two queries per model, whatever the number of objects."""
    by_area: dict[str, list[BoardSection]] = {}
    for model in translated_models():
        model_admin = admin_site._registry.get(model)
        if model_admin is not None:
            if not model_admin.has_view_or_change_permission(request):
                continue
            parent = None
        else:
            opts = model._meta
            if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                continue
            parent = _parent_admin_url(model, admin_site)
        objects = (
            model._base_manager.all()
            if model_admin is None
            else model_admin.get_queryset(request).order_by()
        )
        counts = objects.aggregate(
            missing=Count("pk", filter=missing_q(model)), stale=Count("pk", filter=stale_q(model))
        )
        if not (counts["missing"] or counts["stale"]):
            continue
        queryset = (
            objects.filter(needs_translation_q(model))
            .annotate(is_missing=models.ExpressionWrapper(missing_q(model), models.BooleanField()))
            .order_by("-is_missing", "pk")
        )
        if parent is not None:
            queryset = queryset.select_related(parent.name)
        entries = []
        for obj in queryset[:BOARD_LIMIT]:
            if parent is None:
                url = _change_url(model, obj.pk)
            else:
                related = getattr(obj, parent.name)
                url = _change_url(parent.related_model, related.pk) if related else None
            entries.append(BoardEntry(obj=obj, url=url, missing=obj.is_missing))
        section = BoardSection(
            model=model,
            name=str(model._meta.verbose_name_plural),
            missing=counts["missing"],
            stale=counts["stale"],
            entries=entries,
            list_url=_changelist_url(model) if model_admin else None,
        )
        by_area.setdefault(str(model._meta.app_config.verbose_name), []).append(section)
    return [
        (
            area,
            sections,
            sum(s.missing for s in sections),
            sum(s.stale for s in sections),
        )
        for area, sections in sorted(by_area.items(), key=lambda i: _app_order(i[1][0].model))
    ]


def _change_url(model, pk) -> str | None:
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])
    except NoReverseMatch:
        return None
