"""Django's PostgreSQL backend, with server-side binding that django-pghistory can live with.

With ``OPTIONS["server_side_binding"]`` (settings: ``DB_PREPARED_STATEMENTS``) psycopg sends the
parameters apart from the SQL, and PostgreSQL keeps a statement a connection runs repeatedly
prepared instead of planning it again. PostgreSQL refuses parameters in a string of several
statements, and django-pghistory puts one in front of each statement it records a change under
(``SELECT set_config('pghistory.context_id', ...); INSERT ...``): this backend's cursor runs that
prefix as a statement of its own first (one more round trip, only while a change is recorded).
"""

from django.db.backends.postgresql import base

# What django-pghistory puts in front of a statement (pghistory.runtime._inject_history_context),
# with positional or with named parameters.
HISTORY_PREFIXES = {
    placeholders: (
        f"SELECT set_config('pghistory.context_id', {placeholders[0]}, true), "
        f"set_config('pghistory.context_metadata', {placeholders[1]}, true); "
    )
    for placeholders in (
        ("%s", "%s"),
        ("%(pghistory__context_id)s", "%(pghistory__context_metadata)s"),
    )
}


class ServerBindingCursor(base.ServerBindingCursor):
    def execute(self, query, params=None, **kwargs):
        if isinstance(query, bytes):
            text = query.decode()
        else:
            text = query if isinstance(query, str) else None
        if text is not None:
            for (id_name, _metadata_name), prefix in HISTORY_PREFIXES.items():
                if text.startswith(prefix):
                    if id_name == "%s":
                        head_params, params = tuple(params[:2]), tuple(params[2:])
                    else:
                        head_params = params
                    super().execute(prefix.rstrip("; "), head_params)
                    return super().execute(text[len(prefix) :], params or None, **kwargs)
        return super().execute(query, params, **kwargs)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        if params.get("cursor_factory") is base.ServerBindingCursor:
            params["cursor_factory"] = ServerBindingCursor
        return params
