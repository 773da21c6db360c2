"""What the shared app does when something happens elsewhere, wired in one place.

Every app wires its signal receivers the same way: the receivers live next to the work they do,
and the app's ``signals.connect()``, called from its ``AppConfig.ready()``, connects each one
with a ``dispatch_uid`` and, for model signals, with the ``sender`` it concerns, so that no
receiver runs on every other model's save.
"""

from django.apps import apps
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_migrate, post_save

from .images import RenditionImage, create_renditions_after_upload, delete_files_after_delete
from .login_security import remember_login_time
from .page_cache import install_triggers
from .roles import sync_roles_after_migrate


def connect() -> None:
    post_migrate.connect(
        install_triggers,
        sender=apps.get_app_config("ludwigsburg_intl"),
        dispatch_uid="page-cache-triggers",
    )
    # Every app's post_migrate: the handler waits for the last app's permissions.
    post_migrate.connect(sync_roles_after_migrate, dispatch_uid="sync-editor-roles")
    user_logged_in.connect(remember_login_time, dispatch_uid="remember-login-time")

    # The area apps' image models (all models are loaded when ready() runs).
    for model in apps.get_models():
        if issubclass(model, RenditionImage):
            label = model._meta.label_lower
            post_save.connect(
                create_renditions_after_upload,
                sender=model,
                dispatch_uid=f"create-renditions-after-upload:{label}",
            )
            post_delete.connect(
                delete_files_after_delete,
                sender=model,
                dispatch_uid=f"delete-image-files-after-delete:{label}",
            )
