"""The history in the admin: each object's versions with what changed, restoring a version,
and the site-wide audit list.

The views replace Django's object history (the "History" button of every tracked model's change
form) and are added to the admin site by ``PortalAdminSite.get_urls()``. Permissions are the
model admin's: viewing the history needs the view or change permission, restoring needs the
change permission; the audit list shows only models the person may view.
"""

import datetime
import json
from dataclasses import dataclass, field

import pghistory
from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import get_content_type_for_model
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import IntegrityError, connection, models, transaction
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import history, roles

PER_PAGE = 25
LOG_ENTRIES = 30
AUDIT_PER_PAGE = 50
EMPTY = "—"

KIND_LABELS = {
    history.INSERT: gettext_lazy("created"),
    history.UPDATE: gettext_lazy("changed"),
    history.DELETE: gettext_lazy("deleted"),
}


# --- Fields and values -------------------------------------------------------------------------


def compared_fields(model) -> list[models.Field]:
    """The fields a version shows and a restore writes back: every stored field except the
    primary key, Django's own timestamps, columns the database computes (the search index, not
    kept in the history), and the untranslated column behind a translated field (its language
    columns, ``title_de`` and ``title_en``, are shown instead)."""
    translated = {
        f.translated_field.name
        for f in model._meta.concrete_fields
        if getattr(f, "translated_field", None) is not None
    }
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and f.editable  # what the code keeps (a call's deadline event, a uid) is not restored
        and not f.generated
        and f.name not in translated
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def _related_names(fields, rows) -> dict:
    """``str()`` of every object the rows' foreign keys name: one query per foreign key field."""
    names = {}
    for f in fields:
        if not f.is_relation:
            continue
        ids = {row[f.attname] for row in rows if row.get(f.attname) is not None}
        if ids:
            related = f.related_model._base_manager.in_bulk(ids)
            names[f.attname] = {pk: str(obj) for pk, obj in related.items()}
    return names


def display(f, value, related_names) -> str:
    """A stored value as an editor reads it: choices by label, dates localised, yes/no."""
    if value is None or value == "":
        return EMPTY
    if f.is_relation:
        name = related_names.get(f.attname, {}).get(value)
        return name if name is not None else _("#%(id)s (deleted)") % {"id": value}
    if f.flatchoices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if isinstance(value, datetime.date | int | float) or hasattr(value, "quantize"):
        return formats.localize(value)
    return str(value)


def _values(event, fields) -> dict:
    """A version's (or the object's) stored values by column; files by their name."""
    return {f.attname: _file_name(getattr(event, f.attname)) for f in fields}


def _file_name(value):
    return value.name if isinstance(value, FieldFile) else value


@dataclass
class Change:
    label: str
    old: str
    new: str
    long: bool = False
    # The language of a translated field's values (``lang`` on the page: WCAG 3.1.2).
    lang: str = ""


@dataclass
class Version:
    event: object
    kind: str
    who: str
    source: str
    changes: list[Change] = field(default_factory=list)
    is_current: bool = False
    restorable: bool = False


def diff(fields, before: dict | None, after: dict, related_names) -> list[Change]:
    """What differs between two versions' values, field by field (all set values when there
    is no version before)."""
    changes = []
    for f in fields:
        old = before.get(f.attname) if before is not None else None
        new = after.get(f.attname)
        if before is None and new in (None, ""):
            continue
        if before is not None and (old == new or (old in (None, "") and new in (None, ""))):
            continue
        old_text = display(f, old, related_names) if before is not None else EMPTY
        new_text = display(f, new, related_names)
        changes.append(
            Change(
                label=str(capfirst(f.verbose_name)),
                old=old_text,
                new=new_text,
                long=isinstance(f, models.TextField),
                lang=getattr(f, "language", "") or "",
            )
        )
    return changes


# --- Who and from where ------------------------------------------------------------------------


def _user_names(metadatas) -> dict:
    ids = {m.get("user") for m in metadatas if m and m.get("user") is not None}
    if not ids:
        return {}
    users = get_user_model()._default_manager.filter(pk__in=ids)
    return {user.pk: (user.get_full_name() or user.get_username()) for user in users}


def who(metadata, user_names) -> str:
    if not metadata:
        return EMPTY
    user = metadata.get("user")
    if user is not None:
        return (
            user_names.get(user)
            or metadata.get("username")
            or _("#%(id)s (deleted)") % {"id": user}
        )
    if metadata.get("command"):
        return _("System")
    return EMPTY


def source(metadata, model_admin=None) -> str:
    """Where a change was made: an admin page, an admin action, a restore or a command."""
    if not metadata:
        return _("directly in the database")
    if metadata.get("restored_from"):
        restored = datetime.datetime.fromisoformat(metadata["restored_from"])
        return _("restore of the version of %(when)s") % {
            "when": formats.localize(timezone.localtime(restored))
        }
    if metadata.get("command"):
        return _("command “%(name)s”") % {"name": metadata["command"]}
    action = metadata.get("action")
    if action:
        label = action
        found = model_admin.get_action(action) if model_admin is not None else None
        if found:
            label = str(found.description) % {
                "verbose_name_plural": model_admin.opts.verbose_name_plural
            }
        return _("list action “%(action)s”") % {"action": label}
    if metadata.get("url"):
        return _("admin page %(path)s") % {"path": metadata["url"]}
    return EMPTY


# --- One object's history ----------------------------------------------------------------------


def _history_context(request, model_admin, obj_id, obj):
    model = model_admin.model
    event_model = history.event_model(model)
    fields = compared_fields(model)
    events = event_model.objects.filter(pgh_obj_id=obj_id).order_by("-pgh_id")
    paginator = Paginator(events.select_related("pgh_context"), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    rows = list(page.object_list)
    if not rows:
        return page, []
    before = events.filter(pgh_id__lt=rows[-1].pgh_id).first()
    chain = rows + ([before] if before else [])
    values = [_values(e, fields) for e in chain]
    related_names = _related_names(fields, values)
    metadatas = [e.pgh_context.metadata if e.pgh_context_id else None for e in rows]
    user_names = _user_names(metadatas)
    may_restore = obj is not None and model_admin.has_change_permission(request, obj)
    current = _values(obj, fields) if obj is not None else None
    newest_id = events.values_list("pgh_id", flat=True).first() if page.number > 1 else None
    if newest_id is None:
        newest_id = rows[0].pgh_id
    versions = []
    for index, event in enumerate(rows):
        previous = values[index + 1] if index + 1 < len(values) else None
        kind = KIND_LABELS.get(event.pgh_label, event.pgh_label)
        version = Version(
            event=event,
            kind=kind,
            who=who(metadatas[index], user_names),
            source=source(metadatas[index], model_admin),
        )
        if event.pgh_label != history.DELETE:
            version.changes = diff(fields, previous, values[index], related_names)
            version.is_current = event.pgh_id == newest_id
            version.restorable = (
                may_restore
                and not version.is_current
                and current is not None
                and bool(diff(fields, current, values[index], {}))
            )
        versions.append(version)
    return page, versions


def object_history_view(request, model_admin, object_id):
    model = model_admin.model
    opts = model._meta
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is not None:
        if not model_admin.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        obj_id = obj.pk
    else:
        # A deleted object's history stays readable for those who may view the model.
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            obj_id = opts.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None
        if not history.event_model(model).objects.filter(pgh_obj_id=obj_id).exists():
            raise Http404
    page, versions = _history_context(request, model_admin, obj_id, obj)
    # Django's admin log says in words what the admin did (an action, a restore, the links of a
    # many-to-many field, which the versions do not hold): the newest entries, below the versions.
    log = (
        LogEntry.objects.filter(
            object_id=str(obj_id), content_type=get_content_type_for_model(model)
        )
        .select_related("user")
        .order_by("-action_time")[:LOG_ENTRIES]
    )
    title = str(obj) if obj is not None else _("deleted %(name)s") % {"name": opts.verbose_name}
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Change history: %s") % title,
        "subtitle": None,
        "object": obj,
        "object_id": obj_id,
        "opts": opts,
        "module_name": str(capfirst(opts.verbose_name_plural)),
        "versions": versions,
        "log_entries": log,
        "page_obj": page,
        "paginator": page.paginator,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/history/object_history.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def restore_view(request, model_admin, object_id, version_id):
    """Confirm, then write a version's values back: the result is a new version, and the
    versions after the restored one stay."""
    model = model_admin.model
    opts = model._meta
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    event_model = history.event_model(model)
    event = (
        event_model.objects.filter(pgh_obj_id=obj.pk, pgh_id=version_id)
        .exclude(pgh_label=history.DELETE)
        .first()
    )
    if event is None:
        raise Http404
    fields = compared_fields(model)
    wanted = _values(event, fields)
    current = _values(obj, fields)
    history_url = reverse(
        f"{model_admin.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
        args=[obj.pk],
    )
    if request.method == "POST":
        when = formats.localize(timezone.localtime(event.pgh_created_at))
        for f in fields:
            setattr(obj, f.attname, wanted[f.attname])
        try:
            # Files are not checked again: a restored picture is the one that was accepted.
            obj.full_clean(exclude=[f.name for f in fields if isinstance(f, models.FileField)])
            with (
                transaction.atomic(),
                pghistory.context(
                    restored_version=event.pgh_id, restored_from=event.pgh_created_at.isoformat()
                ),
            ):
                obj.save()
        except ValidationError as error:
            problems = "; ".join(
                f"{name}: {' '.join(texts)}" if name != "__all__" else " ".join(texts)
                for name, texts in error.message_dict.items()
            )
            model_admin.message_user(
                request,
                _("The version of %(when)s cannot be restored: %(problems)s")
                % {"when": when, "problems": problems},
                messages.ERROR,
            )
            return HttpResponseRedirect(history_url)
        except IntegrityError:
            model_admin.message_user(
                request,
                _("The version of %(when)s cannot be restored: it conflicts with other content.")
                % {"when": when},
                messages.ERROR,
            )
            return HttpResponseRedirect(history_url)
        model_admin.log_change(
            request, obj, _("Restored the version of %(when)s.") % {"when": when}
        )
        model_admin.message_user(
            request,
            _("The version of %(when)s was restored as a new version; later versions are kept.")
            % {"when": when},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(history_url)
    related_names = _related_names(fields, [wanted, current])
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Restore an earlier version"),
        "subtitle": None,
        "object": obj,
        "opts": opts,
        "module_name": str(capfirst(opts.verbose_name_plural)),
        "event": event,
        "changes": diff(fields, current, wanted, related_names),
        "history_url": history_url,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/history/restore.html", context)


# --- The audit list ----------------------------------------------------------------------------


def _display_name(data: dict, model) -> str:
    """A name for an object in the audit list, from the version's own values (no query)."""
    language = (get_language() or "de")[:2]
    for name in ("title", "name", "label"):
        for key in (f"{name}_{language}", f"{name}_de", name):
            if data.get(key):
                return str(data[key])
    return f"{capfirst(model._meta.verbose_name)} #{data.get(model._meta.pk.attname)}"


class AuditFilterForm(forms.Form):
    area = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    person = forms.TypedChoiceField(
        label=gettext_lazy("Person"), required=False, coerce=int, empty_value=None
    )
    # The last day a filter may name: the day after it must still be a date.
    LAST_DAY = datetime.date(9999, 12, 30)
    since = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[MaxValueValidator(LAST_DAY)],
    )
    until = forms.DateField(
        label=gettext_lazy("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[MaxValueValidator(LAST_DAY)],
    )

    def __init__(self, *args, areas, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("All areas")), *areas]
        self.fields["person"].choices = [("", _("Everyone")), *people]

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError(_("The start date must not be after the end date."))
        return data


def visible_models(request, admin_site) -> list:
    """The tracked models whose history this person may see: those they may view in the admin;
    never personal data."""
    personal = roles.personal_data_models()
    result = []
    for model in history.tracked_models():
        if model._meta.label_lower in personal:
            continue
        model_admin = admin_site._registry.get(model)
        if model_admin is not None and model_admin.has_view_or_change_permission(request):
            result.append(model)
    return result


class AuditEntries:
    """The matching versions of many history tables, newest first, read a page at a time:
    one query for the count and one for a page (a ``Paginator`` asks for both)."""

    def __init__(self, models_, *, person=None, since=None, until=None):
        self.models = list(models_)
        self.person, self.since, self.until = person, since, until

    def _union(self):
        parts, params = [], []
        for model in self.models:
            event_model = history.event_model(model)
            table = connection.ops.quote_name(event_model._meta.db_table)
            where, where_params = ["TRUE"], []
            if self.person is not None:
                where.append("c.metadata->>'user' = %s")
                where_params.append(str(self.person))
            if self.since:
                where.append("e.pgh_created_at >= %s")
                where_params.append(self.since)
            if self.until:
                where.append("e.pgh_created_at < %s")
                where_params.append(self.until)
            parts.append(
                f"SELECT %s AS model, e.pgh_id, e.pgh_obj_id::text AS obj_id, e.pgh_created_at, "
                f"e.pgh_label, c.metadata FROM {table} e "
                "LEFT JOIN pghistory_context c ON c.id = e.pgh_context_id "
                f"WHERE {' AND '.join(where)}"
            )
            params += [model._meta.label_lower, *where_params]
        return " UNION ALL ".join(parts), params

    def count(self):
        if not self.models:
            return 0
        union, params = self._union()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({union}) AS entries", params)
            return cursor.fetchone()[0]

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not self.models:
            return []
        union, params = self._union()
        limit = window.stop - window.start
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT model, pgh_id, obj_id, pgh_created_at, pgh_label, metadata "
                f"FROM ({union}) AS entries ORDER BY pgh_created_at DESC, pgh_id DESC "
                "LIMIT %s OFFSET %s",
                [*params, limit, window.start],
            )
            # Django leaves JSON from the database undecoded.
            return [(*row[:5], _json(row[5])) for row in cursor.fetchall()]


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _changed_fields(rows) -> dict:
    """For each (model, pgh_id) on a page: its values and the names of the columns that differ
    from the version before (None for the first), in one query."""
    if not rows:
        return {}
    by_model: dict[str, list[int]] = {}
    for model_label, pgh_id, *_rest in rows:
        by_model.setdefault(model_label, []).append(pgh_id)
    parts, params = [], []
    for model_label, ids in by_model.items():
        event_model = history.event_model(apps.get_model(model_label))
        table = connection.ops.quote_name(event_model._meta.db_table)
        parts.append(
            f"SELECT %s, e.pgh_id, to_jsonb(e), "
            "(SELECT array_agg(n.key) FROM jsonb_each(to_jsonb(e)) n "
            " JOIN jsonb_each(to_jsonb(p)) o ON o.key = n.key "
            " WHERE n.value IS DISTINCT FROM o.value AND n.key NOT LIKE 'pgh%%'), "
            "p.pgh_id IS NULL "
            f"FROM {table} e LEFT JOIN LATERAL (SELECT * FROM {table} p0 "
            " WHERE p0.pgh_obj_id = e.pgh_obj_id AND p0.pgh_id < e.pgh_id "
            " ORDER BY p0.pgh_id DESC LIMIT 1) p ON TRUE "
            "WHERE e.pgh_id = ANY(%s)"
        )
        params += [model_label, ids]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {
            (label, pgh_id): (_json(data), changed or [], first)
            for label, pgh_id, data, changed, first in cursor.fetchall()
        }


@dataclass
class AuditEntry:
    when: datetime.datetime
    kind: str
    area: str
    model_name: str
    object_name: str
    history_url: str
    who: str
    source: str
    changed: list[str]


def audit_view(request, admin_site):
    allowed = visible_models(request, admin_site)
    areas = sorted(
        {
            (m._meta.app_label, str(apps.get_app_config(m._meta.app_label).verbose_name))
            for m in allowed
        },
        key=lambda item: item[1],
    )
    # Who may be chosen: every staff account for those who may see the accounts, otherwise
    # only oneself (an area editor learns nothing about the other accounts from this list).
    staff = get_user_model()._default_manager.filter(is_staff=True).order_by("username")
    if not request.user.has_perm("auth.view_user"):
        staff = staff.filter(pk=request.user.pk)
    people = [(user.pk, user.get_full_name() or user.get_username()) for user in staff]
    form = AuditFilterForm(request.GET or None, areas=areas, people=people)
    chosen, person, since, until = allowed, None, None, None
    if form.is_bound and form.is_valid():
        area = form.cleaned_data["area"]
        if area:
            chosen = [m for m in allowed if m._meta.app_label == area]
        person = form.cleaned_data["person"]
        tz = timezone.get_current_timezone()
        if form.cleaned_data["since"]:
            since = datetime.datetime.combine(form.cleaned_data["since"], datetime.time(), tz)
        if form.cleaned_data["until"]:
            until = datetime.datetime.combine(
                form.cleaned_data["until"] + datetime.timedelta(days=1), datetime.time(), tz
            )
    elif form.is_bound:
        chosen = []
    paginator = Paginator(
        AuditEntries(chosen, person=person, since=since, until=until), AUDIT_PER_PAGE
    )
    page = paginator.get_page(request.GET.get("p"))
    rows = list(page.object_list)
    details = _changed_fields(rows)
    user_names = _user_names([row[5] for row in rows])
    entries = []
    for model_label, pgh_id, obj_id, created_at, label, metadata in rows:
        model = apps.get_model(model_label)
        data, changed_columns, first = details.get((model_label, pgh_id), ({}, [], True))
        labels = []
        if label == history.UPDATE and not first:
            changed = set(changed_columns)
            labels = [
                str(capfirst(f.verbose_name)) for f in compared_fields(model) if f.column in changed
            ]
        model_admin = admin_site._registry.get(model)
        entries.append(
            AuditEntry(
                when=created_at,
                kind=KIND_LABELS.get(label, label),
                area=str(apps.get_app_config(model._meta.app_label).verbose_name),
                model_name=str(capfirst(model._meta.verbose_name)),
                object_name=_display_name(data, model),
                history_url=reverse(
                    f"{admin_site.name}:{model._meta.app_label}_{model._meta.model_name}_history",
                    args=[obj_id],
                ),
                who=who(metadata, user_names),
                source=source(metadata, model_admin),
                changed=labels,
            )
        )
    query = request.GET.copy()
    query.pop("p", None)
    context = {
        **admin_site.each_context(request),
        "title": _("Audit log: all changes"),
        "subtitle": None,
        "form": form,
        "entries": entries,
        "page_obj": page,
        "paginator": paginator,
        "query": query.urlencode(),
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/history/audit.html", context)


def urls(admin_site) -> list:
    """The history pages of every tracked model in ``admin_site``, and the audit list; placed
    before the site's own URLs, so that a model's "History" button leads here."""
    patterns = [path("audit/", admin_site.admin_view(_bind(audit_view, admin_site)), name="audit")]
    for model, model_admin in admin_site._registry.items():
        if history.event_model(model) is None:
            continue
        prefix = f"{model._meta.app_label}/{model._meta.model_name}/<path:object_id>/history/"
        name = f"{model._meta.app_label}_{model._meta.model_name}"
        patterns += [
            path(
                prefix,
                admin_site.admin_view(_bind(object_history_view, model_admin)),
                name=f"{name}_history",
            ),
            path(
                f"{prefix}<int:version_id>/restore/",
                admin_site.admin_view(_bind(restore_view, model_admin)),
                name=f"{name}_restore",
            ),
        ]
    return patterns


def _bind(view, first):
    def bound(request, *args, **kwargs):
        return view(request, first, *args, **kwargs)

    bound.__name__ = view.__name__
    return bound
