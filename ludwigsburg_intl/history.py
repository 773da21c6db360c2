"""The history of every piece of content: who changed what, when, and what it was before.

Recorded by the database itself (django-pghistory): each content model marked ``@tracked`` gets
an event model ``<Model>History`` and row triggers that copy the whole row, both languages of
every translated field included, into it on insert, on an update that changes a value, and on
delete. So an edit in an admin form, an admin action, a bulk ``update()``, a management command
and raw SQL are recorded alike; a save that changes nothing records nothing.

Who and where: ``HistoryMiddleware`` attaches the user and the request path (and the admin
action's name) to every change a request makes; ``manage.py`` attaches the command's name
(``command_context``). Changes made otherwise (a shell without manage.py, a migration run by
the test runner) are recorded without a source.

Personal data (the Europe form's submissions, council nominations) and bookkeeping tables are
not tracked: their models are simply never marked. Areas mark their own models; this module
names none of them.
"""

import contextlib

import django
import pghistory
import pghistory.middleware
import pgtrigger
from django.apps import apps

# The label of each kind of event, as stored in ``pgh_label``.
INSERT, UPDATE, DELETE = "insert", "update", "delete"

_marked: list[type] = []


def tracked(model):
    """Class decorator for a content model: record its history.

    The event model is made later, in ``make_event_models()``: django-modeltranslation adds the
    language columns (``title_de``, ``title_en``) only when the apps are ready, and the history
    must hold both of them."""
    _marked.append(model)
    return model


def make_event_models() -> None:
    """Create the ``<Model>History`` event model of every marked model (run once, from
    ``LudwigsburgIntlConfig.ready()``, after modeltranslation has added its fields)."""
    while _marked:
        model = _marked.pop(0)
        pghistory.track(
            pghistory.InsertEvent(INSERT, trigger_name="history_insert"),
            # A save that changes nothing but "last changed" (auto_now) is no new version.
            pghistory.UpdateEvent(
                UPDATE,
                trigger_name="history_update",
                condition=pgtrigger.AnyChange(exclude_auto=True),
            ),
            pghistory.DeleteEvent(DELETE, trigger_name="history_delete"),
            model_name=f"{model.__name__}History",
            # The object's versions: ``obj.versions``; kept when the object is deleted (the
            # reference has no database constraint).
            obj_field=pghistory.ObjForeignKey(related_name="versions"),
            # History is no public content: writing it must not expire cached pages twice.
            attrs={"page_cache_exempt": True},
            # Nobody edits history: no add/change/delete/view permissions to hand out.
            meta={"default_permissions": ()},
        )(model)


def event_model(model):
    """The history model of ``model``, or None when it is not tracked."""
    for candidate in apps.get_models():
        if getattr(candidate, "pgh_tracked_model", None) is model:
            return candidate
    return None


def tracked_models() -> list[type]:
    """Every tracked content model."""
    return [m.pgh_tracked_model for m in apps.get_models() if getattr(m, "pgh_tracked_model", None)]


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class HistoryMiddleware(pghistory.middleware.HistoryMiddleware):
    """Attach the user, the path and (in the admin's lists) the action to a request's changes.

    Only requests that may change something (``PGHISTORY_MIDDLEWARE_METHODS``) are wrapped."""

    def get_context(self, request):
        context = super().get_context(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Kept with the change, so that it stays readable after the account is deleted.
            context["username"] = user.get_username()
        # CsrfViewMiddleware reads the form anyway; a list's action names what the editor chose.
        if request.content_type in FORM_TYPES and "_selected_action" in request.POST:
            context["action"] = request.POST.get("action", "")
        return context


# Commands that change no content, or whose SQL must reach the database unaltered (the
# context is sent as a prefix to each statement).
UNTRACKED_COMMANDS = {
    "runserver",  # each request carries its own context (HistoryMiddleware)
    "test",
    "migrate",
    "makemigrations",
    "sqlmigrate",
    "dbshell",
    "collectstatic",
    "compilemessages",
    "makemessages",
    "check",
    "help",
}


@contextlib.contextmanager
def command_context(argv: list[str]):
    """Attach the management command's name (``manage.py NAME …``) to the changes it makes."""
    name = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else ""
    if not name or name in UNTRACKED_COMMANDS:
        yield
        return
    django.setup()  # the context is bound to the database connection
    with pghistory.context(command=name):
        yield
