"""Editor roles: Django groups whose permissions are declared in code, next to the models.

Each app may have a ``roles.py`` that calls :func:`register` for the role of its editors. This
module never names an area model: the areas declare their own. Looking up the objects of
another app in a relation field (the calendar events an area's object links to) needs no
permission on them (see ``admin_site.py``), so no role has to see another area or the calendar.

``sync_roles()`` makes the groups match the declarations: it creates missing groups, adds and
removes permissions, reports every change and never touches a group's members. It runs in the
data migration ``0005_editor_roles``, after every ``migrate`` (a ``post_migrate`` handler, so a new
model's permissions reach its role at once) and as ``manage.py sync_roles``.

Delete rights: editors unpublish content rather than delete it (an unpublished object keeps its
history and can come back). They may delete the small parts edited inline in their parent
(milestones, pictures, links, values), because the admin's inline "delete" box needs the
permission and a wrong line must be removable. Personal data can be deleted by its own group
(a request for erasure).
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

ADD, CHANGE, DELETE, VIEW = "add", "change", "delete", "view"
EDIT = (ADD, CHANGE, VIEW)
EDIT_AND_DELETE = (ADD, CHANGE, DELETE, VIEW)
VIEW_ONLY = (VIEW,)

SHARED_CONTENT = "gemeinsam"


@dataclass(frozen=True)
class Role:
    key: str  # short name for commands: ``create_editor --group europa``
    name: str  # the group's name; German, as editors see it in the admin
    # "app_label.modelname" -> actions, e.g. {"europe.fundingcall": EDIT}
    permissions: dict[str, tuple[str, ...]]
    # The models of a personal-data role are personal data: no other role may hold any
    # permission on them, and the second factor can be required for its members.
    personal_data: bool = False
    order: int = 100


_roles: dict[str, Role] = {}


def register(role: Role) -> Role:
    _roles[role.key] = role
    return role


def discover() -> None:
    """Import every installed app's ``roles`` module (as the admin does with ``admin``)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("roles")


def roles() -> list[Role]:
    discover()
    return sorted(_roles.values(), key=lambda role: (role.order, role.name))


def find(key_or_name: str) -> Role | None:
    wanted = key_or_name.strip().casefold()
    for role in roles():
        if wanted in (role.key.casefold(), role.name.casefold()):
            return role
    return None


def personal_data_models() -> set[str]:
    """The "app_label.modelname" of every model marked as personal data."""
    return {model for role in roles() if role.personal_data for model in role.permissions}


def check_declarations() -> None:
    personal = personal_data_models()
    for role in roles():
        if role.personal_data:
            continue
        leaked = personal & set(role.permissions)
        if leaked:
            raise ImproperlyConfigured(
                f"Role {role.name!r} names personal-data models {sorted(leaked)}; only their "
                "personal-data role may."
            )


def is_personal_data_user(user) -> bool:
    """Whether the user may see any personal data (superusers may see everything)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    for model in personal_data_models():
        app_label, model_name = model.split(".")
        if any(user.has_perm(f"{app_label}.{action}_{model_name}") for action in (VIEW, CHANGE)):
            return True
    return False


def _ensure_permissions(using: str) -> None:
    """Permissions are made by ``post_migrate`` app by app; make sure all of them exist first,
    so that the first migrate of a fresh database already fills every group."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        if app_config.models_module is None:
            continue
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)


def _wanted_permissions(role: Role, available: dict):
    wanted = set()
    for model, actions in role.permissions.items():
        app_label, model_name = model.split(".")
        for action in actions:
            permission = available.get((app_label, model_name, f"{action}_{model_name}"))
            if permission is None:
                raise ImproperlyConfigured(
                    f"Role {role.name!r}: there is no permission {action}_{model_name} "
                    f"in {app_label}."
                )
            wanted.add(permission)
    return wanted


def _label(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def sync_roles(using: str = "default") -> list[str]:
    """Make the groups match the declared roles; return what was changed, one line each."""
    from django.contrib.auth.models import Group, Permission

    check_declarations()
    _ensure_permissions(using)
    available = {
        (p.content_type.app_label, p.content_type.model, p.codename): p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    changes: list[str] = []
    role_groups = set()
    for role in roles():
        group, created = Group.objects.using(using).get_or_create(name=role.name)
        role_groups.add(group.pk)
        if created:
            changes.append(f"Created group {role.name!r}")
        wanted = _wanted_permissions(role, available)
        present = set(group.permissions.select_related("content_type"))
        for permission in sorted(wanted - present, key=_label):
            changes.append(f"{role.name}: added {_label(permission)}")
        for permission in sorted(present - wanted, key=_label):
            changes.append(f"{role.name}: removed {_label(permission)}")
        if wanted != present:
            group.permissions.set(wanted)

    # Groups an administrator made by hand are left alone, except that personal data stays
    # with its own role.
    personal = personal_data_models()
    for group in Group.objects.using(using).exclude(pk__in=role_groups):
        leaked = [
            permission
            for permission in group.permissions.select_related("content_type")
            if f"{permission.content_type.app_label}.{permission.content_type.model}" in personal
        ]
        for permission in sorted(leaked, key=_label):
            changes.append(
                f"{group.name}: removed {_label(permission)} (personal data belongs to its own "
                "role only)"
            )
        if leaked:
            group.permissions.remove(*leaked)
    return changes


def sync_roles_after_migrate(sender, using="default", plan=None, **kwargs):
    """``post_migrate`` handler: after the last app's permissions exist, sync the roles."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    sync_roles(using=using)


register(
    Role(
        key=SHARED_CONTENT,
        name="Redaktion Gemeinsame Inhalte",
        order=50,
        permissions={
            "ludwigsburg_intl.sitepage": EDIT,
            "ludwigsburg_intl.contactperson": EDIT,
            "ludwigsburg_intl.office": EDIT,
            "ludwigsburg_intl.event": EDIT,
            "ludwigsburg_intl.sdggoal": VIEW_ONLY,
        },
    )
)
