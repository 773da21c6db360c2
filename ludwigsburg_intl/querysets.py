"""The base of every content model's QuerySet: columns that no page reads are not fetched.

A field can say ``loaded_by_default = False`` (the search index's ``tsvector`` columns do: they
are often longer than the text they index, and only the search reads them, inside its own SQL).
Every QuerySet a manager starts, related managers included, defers such columns; ``only()``,
``values()`` and SQL expressions are unaffected, and reading the attribute of an object still
works (one query, as for any deferred field).
"""

import datetime
import functools
from functools import cache

from django.db import models
from django.utils.translation import get_language
from psycopg.types import numeric


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


class Baked:
    """A QuerySet built and compiled to SQL once per process (and language), then run again
    with new values: building a page's query (filters, joins, subqueries, annotations) and
    compiling it costs more Python than the database takes to answer it.

    ``build(**slots)`` makes the QuerySet from the values named in ``slots`` (name → ``str``,
    ``int``, ``datetime`` or ``date``); everything else in it must be the same every time (the
    language is part of the key; "now" is a slot or the database's clock). It is built once with
    stand-in values, compiled, and the stand-ins' places among the parameters are noted;
    ``baked(**values)`` hands out a copy whose SQL is that text with the values in those places.
    Anything done to the copy (``filter()``, slicing, ``count()``, ``union()``) starts from the
    QuerySet built again with the real values and compiled as usual: correct, but the cost is
    back; so a baked QuerySet is built whole, slicing included, and then only iterated.
    Prefetches it names still run as usual, after it.

    The two sets of stand-ins differ in every part (a number's last four digits, a moment's
    year, month, day and time), so a value derived from a slot (``now.month``) shows as a changed
    parameter and is refused; a branch in ``build`` on a slot's value is refused only where the
    two sets take different branches, so ``build`` should not branch on them (a ``shape`` is
    for that).

    The same idea as SQLAlchemy's "baked queries"; django-prepared-queries, which did this for
    Django, was last released for Django 1.x.
    """

    def __init__(self, build, **slots):
        unknown = {name: kind for name, kind in slots.items() if kind not in _STAND_INS}
        if unknown:
            raise TypeError(f"Baked: no stand-in for the slot types {unknown}")
        self.build = build
        self.slots = slots

    def __call__(self, shape=(), **values):
        """The QuerySet for ``values``. ``shape``: a few fixed values the SQL itself depends on
        (a limit, whether a filter applies), handed to ``build`` first; each has its own SQL."""
        if values.keys() != self.slots.keys():
            raise TypeError(
                f"Baked: values for {sorted(self.slots)} expected, got {sorted(values)}"
            )
        if None in values.values():
            # SQL's "= NULL" is never true, where Django would have written "IS NULL".
            raise TypeError("Baked: None is no value for a slot")
        entry = prebuilt_value(("baked", self, shape, get_language()), lambda: self._bake(shape))
        params = list(entry.params)
        for index, name, kind in entry.positions:
            value = values[name]
            # In the type the field gave it (``Int2`` for a small integer: the prepared
            # statement's parameter types stay the same).
            if (
                kind in _INTEGER_BOUNDS
                and not -_INTEGER_BOUNDS[kind] <= value < _INTEGER_BOUNDS[kind]
            ):
                # Out of the column's range (a number from an address): the ordinary QuerySet,
                # which Django answers as it does such numbers (no row for "=", without asking
                # the database).
                return self.build(*shape, **values)
            params[index] = value if type(value) is kind else kind(value)
        queryset = entry.queryset._chain()
        query = queryset.query
        query.__class__ = _baked_query_class(type(query))
        query._baked = (entry, tuple(params), functools.partial(self.build, *shape, **values))
        return queryset

    def _bake(self, shape):
        # Built twice, with two sets of stand-ins: a slot's places are those where the two
        # differ by just that, so a constant that happens to equal a stand-in is never taken
        # for one, and a query whose shape depends on a slot's value is refused.
        first, second = (
            {
                name: _STAND_INS[kind](round_, number)
                for number, (name, kind) in enumerate(self.slots.items(), 1)
            }
            for round_ in (0, 1)
        )
        queryset, compiler, sql, params = self._compile(shape, first)
        _queryset, _compiler, second_sql, second_params = self._compile(shape, second)
        if second_sql != sql or len(second_params) != len(params):
            raise ValueError(f"Baked: the SQL depends on the values of the slots: {sql}")
        positions = []
        for index, (value, second_value) in enumerate(zip(params, second_params, strict=True)):
            names = [
                name
                for name in first
                # psycopg's own types, such as ``Int2``, stand in for numbers of a field.
                if isinstance(value, type(first[name]))
                and value == first[name]
                and second_value == second[name]
            ]
            if names:
                positions.append((index, names[0], type(value)))
            elif _plain(value) != _plain(second_value):
                raise ValueError(f"Baked: parameter {index} changes with the slots' values: {sql}")
        missing = set(first) - {name for _index, name, _kind in positions}
        if missing:
            # The value was changed on its way into the SQL (``contains``: "%...%"), or was
            # not used at all (a number out of the field's range): it cannot be put in its
            # place later.
            raise ValueError(
                f"Baked: the slots {sorted(missing)} are not plain parameters of {sql}"
            )
        state = {
            name: value for name, value in compiler.__dict__.items() if name not in _PER_COMPILER
        }
        return _BakedEntry(queryset, sql, tuple(params), tuple(positions), state)

    def _compile(self, shape, stand_ins):
        queryset = self.build(*shape, **stand_ins)
        # A related manager (``city.climate_partnerships``) hands its instance to the objects it
        # finds and to the database router: here a stand-in object, not to be handed on.
        queryset._known_related_objects = {}
        queryset._hints = {}
        # Compiled on a copy: compiling notes things in the query.
        compiler = queryset.query.chain().get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, params


# The integer types Django gives the values of integer fields, and their ranges.
_INTEGER_BOUNDS = {numeric.Int2: 2**15, numeric.Int4: 2**31, numeric.Int8: 2**63}


def _plain(value):
    # psycopg's wrappers (``Jsonb``) compare by identity; what they wrap is the value.
    return getattr(value, "obj", value)


class _BakedEntry:
    __slots__ = ("queryset", "sql", "params", "positions", "state")

    def __init__(self, queryset, sql, params, positions, state):
        self.queryset = queryset
        self.sql = sql
        self.params = params
        self.positions = positions
        self.state = state


# Stand-ins, two sets that differ in every part: numbers in the range of a small integer field
# (30,001… and 31,247…), private-use characters, moments and days in 2001 and 2002.
_STAND_INS = {
    str: lambda round_, number: f"\ue000baked-{round_}-{number}\ue001",
    int: lambda round_, number: (30_000 + number, 31_246 + number)[round_],
    datetime.datetime: lambda round_, number: (
        (
            datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC),
            datetime.datetime(2002, 3, 5, 13, 47, 29, 500_000, tzinfo=datetime.UTC),
        )[round_]
        + datetime.timedelta(microseconds=number)
    ),
    datetime.date: lambda round_, number: (
        (datetime.date(2001, 1, 1), datetime.date(2002, 3, 5))[round_]
        + datetime.timedelta(days=number)
    ),
}
# A compiler's own links; everything else it noted while compiling (the columns and how to make
# objects of them) is shared by the compilers of a baked QuerySet's copies, and only read.
_PER_COMPILER = frozenset({"query", "connection", "using", "elide_empty", "quote_cache"})


@cache
def _baked_query_class(query_class):
    class BakedQuery(query_class):
        def clone(self):
            # A copy may be changed (a filter, a slice, ``count()``): it is the query built
            # with the real values (the baked one holds the stand-ins), compiled as usual.
            _entry, _params, build = self._baked
            return build().query

        def get_compiler(self, using=None, connection=None, elide_empty=True):
            compiler = super().get_compiler(using, connection, elide_empty)
            entry, params, _build = self._baked
            compiler.__dict__.update(entry.state)
            compiled = (entry.sql, params)

            def as_sql(with_limits=True, with_col_aliases=False):
                if with_limits and not with_col_aliases:
                    return compiled
                # Compiled otherwise (a part of a ``union()``, which Django does not copy): the
                # query built with the real values, compiled as usual, in this compiler's place.
                real = self.clone().get_compiler(
                    compiler.using, compiler.connection, compiler.elide_empty
                )
                result = real.as_sql(with_limits, with_col_aliases)
                compiler.__dict__.update(real.__dict__)
                return result

            compiler.as_sql = as_sql
            return compiler

    BakedQuery.__name__ = BakedQuery.__qualname__ = f"Baked{query_class.__name__}"
    return BakedQuery
