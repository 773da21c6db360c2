"""The base of every content model's QuerySet: columns that no page reads are not fetched.

A field can say ``loaded_by_default = False`` (the search index's ``tsvector`` columns do: they
are often longer than the text they index, and only the search reads them, inside its own SQL).
Every QuerySet a manager starts, related managers included, defers such columns; ``only()``,
``values()`` and SQL expressions are unaffected, and reading the attribute of an object still
works (one query, as for any deferred field).
"""

from functools import cache

from django.db import models
from django.utils.translation import get_language


@cache
def _not_loaded(model) -> frozenset[str]:
    return frozenset(
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "loaded_by_default", True) is False
    )


class LeanQuerySet(models.QuerySet):
    # Whether this QuerySet is one a manager has just started (no filter, nothing changed):
    # ``prebuilt()`` may then hand out a copy of a QuerySet built once per process.
    _fresh = False

    def __init__(self, model=None, query=None, using=None, hints=None):
        super().__init__(model=model, query=query, using=using, hints=hints)
        # Only a QuerySet a manager starts comes without a query; clones bring theirs.
        if query is None and model is not None:
            self._fresh = True
            if names := _not_loaded(model):
                self.query.add_deferred_loading(names)

    def _chain(self):
        chained = super()._chain()
        if chained is self:
            # Django changes a QuerySet in place where it asks for that (a related manager
            # filters the one its manager started): it is no longer fresh.
            self._fresh = False
        return chained

    def prebuilt(self, key: str, build):
        """``build(self)``, built once per process for a fresh QuerySet (``Model.objects``)
        and copied for each use: building a condition with joins and subqueries costs more
        Python than running it. ``build`` must not depend on the request, the time (use the
        database's clock, ``Now()``) or anything else that changes; a QuerySet that is not
        fresh (a related manager's, a filtered one) is built each time."""
        if not self._fresh or self._deferred_filter is not None:
            return build(self)
        # Not keyed by ``type(self)``: django-modeltranslation makes a new class for each
        # QuerySet a manager starts.
        cache_key = (self.model, self._db, key, get_language())
        return prebuilt_value(cache_key, lambda: build(self))._chain()


# QuerySets ``prebuilt()`` made, by (model, database, key, language). Bounded:
# one entry per model and purpose; nothing in them changes with the content.
_prebuilt: dict = {}


def prebuilt_value(key, build):
    """``build()``, once per process under ``key``: for what is derived from the QuerySets
    ``prebuilt()`` keeps (compiled SQL), and forgotten with them."""
    value = _prebuilt.get(key)
    if value is None:
        value = _prebuilt[key] = build()
    return value


def forget_prebuilt() -> None:
    """Build again what ``prebuilt()`` kept: after the areas' registry changed (``areas``)."""
    _prebuilt.clear()


class CompiledSubquery(models.Expression):
    """``queryset`` (one column, e.g. ``values("pk")``) as a subquery whose SQL is compiled the
    first time a query uses it and then reused: Django compiles a QuerySet used as a subquery
    again in every query (and, in a condition built once by ``prebuilt()``, in every request),
    which for a condition with joins and subqueries of its own costs more than running it.
    Only for a QuerySet that names no outer query (no ``OuterRef``); what it selects is fixed
    when it is made, so a moment in it is fixed too (``Now()`` stays the database's clock)."""

    def __init__(self, queryset, output_field=None):
        super().__init__(output_field=output_field or models.IntegerField())
        # Compiled on its own, a QuerySet keeps its model's default ordering, which a subquery
        # does not need (Django drops it from the subqueries it compiles itself).
        self.queryset = queryset.order_by()
        self._compiled = None

    def as_sql(self, compiler, connection):
        if self._compiled is None:
            # On a copy: compiling changes a query's bookkeeping, and this one is shared by
            # every request (and thread) using the condition.
            query = self.queryset.query.clone()
            sql, params = query.get_compiler(connection=connection).as_sql()
            self._compiled = (f"({sql})", tuple(params))
        return self._compiled

    def get_group_by_cols(self):
        return []
