"""Full-text search across every area, with PostgreSQL's own text search (no extension needed).

The index: each searchable model has two stored generated columns, ``search_de`` and
``search_en`` (``search_vector_field``), with a GIN index each. PostgreSQL computes them on every
insert and update, bulk ``update()`` and raw SQL included, so the index is never stale and needs
no rebuild command. Titles weigh most (A), summaries next (B), longer texts least (C). The German
column is built with the ``german`` configuration; the English one takes each field's English
text with the ``english`` configuration and, where the English text is missing, the German text
standing in for it with the ``german`` configuration, so that it is stemmed as German.

The query: each area declares its searchable models through ``areas.register_search``; the shared
layer declares its own (site pages, events). Every source is filtered through ``published()`` at
query time, so what leaves publication leaves the results at once. Two SQL statements answer a
page whatever the number of hits: a ``UNION ALL`` of one ``SELECT`` per source with common
columns (kind, key, rank), ranked, counted (``count(*) OVER ()``) and cut to the page; then the
page's hits alone get their titles, addresses and highlighted snippets (``ts_headline``).

Typo tolerance: a query without hits is compared with the words of the published titles and
summaries (difflib), cached per content version until the next publication boundary.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import reduce

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Case, F, Func, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, NullIf
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import areas
from .querysets import prebuilt_value

# The text search configuration of each page language; German is the fallback language.
CONFIGS = {"de": "german", "en": "english"}
FALLBACK_LANGUAGE = "de"
MAX_QUERY_LENGTH = 200
# Private-use characters mark the highlighted words in ts_headline's output: the text is escaped
# first, then only these markers become <mark> (see ``highlight``).
MARK_START, MARK_STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
VOCABULARY_TIMEOUT = 24 * 60 * 60
INDEX_NAMES = {"de": _("search index (German)"), "en": _("search index (English)")}
RANK_NAMES = {"de": _("search ranking (German)"), "en": _("search ranking (English)")}


# --- The index: generated columns ------------------------------------------------------------


def _vector(field: str, language: str, weight: str):
    return SearchVector(f"{field}_{language}", config=CONFIGS[language], weight=weight)


def _weighted(field: str, language: str, weight: str):
    if language == FALLBACK_LANGUAGE:
        return _vector(field, language, weight)
    return Case(
        When(Q(**{f"{field}_{language}__gt": ""}), then=_vector(field, language, weight)),
        default=_vector(field, FALLBACK_LANGUAGE, weight),
        output_field=SearchVectorField(),
    )


class StoredSearchVectorField(models.GeneratedField):
    """A stored generated ``tsvector`` column. Django's own checks of a generated field ask the
    database server for its version (whether it has virtual columns too), so ``check --deploy``
    would open a connection; stored generated columns exist on every PostgreSQL since 12."""

    # Only the search reads the index, inside its own SQL: QuerySets do not fetch it
    # (``querysets.LeanQuerySet``).
    loaded_by_default = False

    def __init__(self, **kwargs):
        kwargs.setdefault("output_field", SearchVectorField())
        kwargs.setdefault("db_persist", True)
        super().__init__(**kwargs)

    def _check_supported(self, databases):
        return []

    def _check_persistence(self, databases):
        return []


def search_vector_field(language, title, summary=(), body=()):
    """A stored generated ``tsvector`` column of a model's text in ``language``: ``title`` (A),
    the ``summary`` fields (B) and the ``body`` fields (C), translated fields by their base name.
    In the fallback language's column each text is indexed with its own configuration; in the
    other one, a field without a translation contributes the German text, indexed as German."""
    parts = _weighted_parts(language, title, summary, body)
    return StoredSearchVectorField(expression=_concat(parts), verbose_name=INDEX_NAMES[language])


def search_rank_field(language, title, summary=()):
    """The column the hits are ranked by: ``search_vector_field`` without the ``body`` (which
    only finds). Ranking reads the whole vector of every hit, and a common word has thousands;
    the index's vectors hold every word of long texts, this one only the title (A) and the
    summary (B), so a hit found in the body alone ranks below every title and summary hit."""
    parts = _weighted_parts(language, title, summary)
    return StoredSearchVectorField(expression=_concat(parts), verbose_name=RANK_NAMES[language])


def _weighted_parts(language, title, summary=(), body=()):
    return [
        _weighted(name, language, weight)
        for weight, names in (("A", (title,)), ("B", summary), ("C", body))
        for name in names
    ]


def _concat(parts):
    return reduce(
        lambda a, b: models.expressions.CombinedExpression(
            a, "||", b, output_field=SearchVectorField()
        ),
        parts,
    )


def search_indexes(model_name: str):
    """The GIN indexes of a model's two search columns, for its ``Meta.indexes``."""
    from django.contrib.postgres.indexes import GinIndex

    return [
        GinIndex(fields=[f"search_{code}"], name=f"{model_name}_search_{code}"[:30])
        for code in CONFIGS
    ]


# --- Reading the query -----------------------------------------------------------------------

_UNWANTED = {"Cc", "Cf", "Cs", "Co", "Cn"}  # control, format (bidi marks), surrogates, unassigned
_LAST_WORD = re.compile(r"(?:^|\s)(\w{3,})$")
_WORD = re.compile(r"[^\W\d_]{3,}")


def clean_query(raw: str) -> tuple[str, bool]:
    """The query as searched: normalised (NFC), without control and format characters, spaces
    collapsed, at most ``MAX_QUERY_LENGTH`` characters; and whether it had to be shortened."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if unicodedata.category(c) in _UNWANTED else c for c in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        return text[:MAX_QUERY_LENGTH].rstrip(), True
    return text, False


def _query_words(text: str) -> tuple[str, str | None, str]:
    """``(text, prefix, rest)``: the words, the last word as a raw prefix query ("'solar':*",
    None where there is none: a phrase in quotes, a last word shorter than three letters) and
    the words before it."""
    last = _LAST_WORD.search(text) if '"' not in text else None
    if not last:
        return text, None, ""
    # Only letters and digits: safe inside the raw tsquery syntax.
    return text, f"'{last.group(1).lower()}':*", text[: last.start(1)].strip()


def text_query(text: str, language: str, words=None):
    """The ``tsquery`` of a visitor's words: web-search syntax (quotes, ``or``, ``-word``) with
    the page language's configuration, the last word also as a prefix ("Solar" finds
    "Solarstrom"); on pages in another language than German also with the German configuration,
    for the German text that stands in for missing translations. ``words``: the parts of
    ``_query_words()`` given directly."""
    text, prefix_text, rest = words or _query_words(text)
    configs = [CONFIGS[language]]
    if language != FALLBACK_LANGUAGE:
        configs.append(CONFIGS[FALLBACK_LANGUAGE])
    query = None
    for config in configs:
        part = SearchQuery(text, search_type="websearch", config=config)
        if prefix_text is not None:
            prefix = SearchQuery(prefix_text, search_type="raw", config=config)
            if rest:
                prefix = SearchQuery(rest, search_type="websearch", config=config) & prefix
            part = part | prefix
        query = part if query is None else query | part
    return query


# --- Running it ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: object
    area: str
    title: str
    title_lang: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around the matching words
    snippet_lang: str
    rank: float


def _translated(field: str, language: str):
    """The field in the page language, or the German text standing in for it."""
    if language == FALLBACK_LANGUAGE:
        return Coalesce(F(f"{field}_{language}"), Value(""), output_field=models.TextField())
    return Coalesce(
        NullIf(F(f"{field}_{language}"), Value("")),
        F(f"{field}_{FALLBACK_LANGUAGE}"),
        Value(""),
        output_field=models.TextField(),
    )


def _text_language(field: str, language: str):
    if language == FALLBACK_LANGUAGE:
        return Value(language)
    return Case(
        When(Q(**{f"{field}_{language}__gt": ""}), then=Value(language)),
        default=Value(FALLBACK_LANGUAGE),
        output_field=models.CharField(),
    )


def _ranked(source: areas.SearchSource, language: str, query, area: str = ""):
    """One source's hits, only what ranking and ordering need (no texts: they are long)."""
    column = f"search_{language}"
    queryset = source.queryset()
    if area and source.area_field:
        queryset = queryset.filter(**{source.area_field: area})
    return (
        queryset.filter(**{column: query})
        .order_by()
        .annotate(
            hit_kind=Value(source.key),
            hit_pk=F("pk"),
            hit_rank=SearchRank(F(f"search_rank_{language}"), query),
            hit_title=_translated(source.title, language),
        )
        .values("hit_kind", "hit_pk", "hit_rank", "hit_title")
    )


def _shown(source: areas.SearchSource, language: str, query, pks):
    """The page's hits of one source with what the page shows: title, address, snippet."""
    text = [_translated(name, language) for name in source.text]
    snippet = (
        Concat(
            *[part for name in text for part in (name, Value(" \n "))],
            Value(""),
            output_field=models.TextField(),
        )
        if text
        else Value("")
    )
    snippet_lang = _text_language(source.text[0], language) if source.text else Value(language)
    config = Func(
        Case(
            When(Q(hit_text_lang=FALLBACK_LANGUAGE), then=Value(CONFIGS[FALLBACK_LANGUAGE])),
            default=Value(CONFIGS[language]),
        ),
        template="(%(expressions)s)::regconfig",
        output_field=models.TextField(),
    )
    # The markers are taken out of the text first, so that only PostgreSQL's mark words.
    clean_text = Func(snippet, Value(MARK_START + MARK_STOP), Value(""), function="translate")
    url_values = [Cast(F(name), models.CharField()) for name in source.url_fields]
    url_values += [Value("")] * (2 - len(url_values))
    area = (
        Cast(F(source.area_field), models.CharField()) if source.area_field else Value(source.area)
    )
    return (
        source.queryset()
        .filter(pk__in=pks)
        .order_by()
        .annotate(
            hit_kind=Value(source.key),
            hit_pk=F("pk"),
            hit_area=area,
            hit_title=_translated(source.title, language),
            hit_title_lang=_text_language(source.title, language),
            hit_text_lang=snippet_lang,
            hit_url_a=url_values[0],
            hit_url_b=url_values[1],
        )
        .annotate(
            hit_snippet=Func(
                config,
                clean_text,
                query,
                Value(HEADLINE_OPTIONS),
                function="ts_headline",
                output_field=models.TextField(),
            )
        )
        .values(
            "hit_kind",
            "hit_pk",
            "hit_area",
            "hit_title",
            "hit_title_lang",
            "hit_text_lang",
            "hit_url_a",
            "hit_url_b",
            "hit_snippet",
        )
    )


def sources(area: str = "", kind: str = "") -> list[areas.SearchSource]:
    return [
        source
        for source in areas.search_sources()
        if (not area or source.area == area or source.area_field)
        and (not kind or source.key == kind)
    ]


def _union(querysets):
    union = querysets[0].union(*querysets[1:], all=True) if len(querysets) > 1 else querysets[0]
    return union.order_by()


# Stand-ins for the visitor's words in the SQL ``_ranked_sql`` keeps: private-use characters,
# which ``clean_query`` takes out of every query.
_STAND_INS = ("\ue010words\ue010", "\ue011prefix\ue011", "\ue012rest\ue012")


def _ranked_sql(chosen, language, area, words) -> tuple[str, list]:
    """The SQL of every source's ranked hits, and its parameters. Building and compiling the
    ``UNION`` of a dozen published() QuerySets costs more Python than PostgreSQL needs to run
    it, and only the words change from one search to the next: the SQL is compiled once per
    kind of query (language, filters, whether there is a prefix and words before it) with
    stand-ins for the words, which are then put in the parameters. The text of the SQL stays
    the same, so PostgreSQL keeps it prepared too."""
    text, prefix, rest = words
    shape = (prefix is not None, bool(rest))
    key = ("search", language, area, tuple((s.key, id(s)) for s in chosen), shape)

    def build():
        stand_in_words = (
            _STAND_INS[0],
            _STAND_INS[1] if shape[0] else None,
            _STAND_INS[2] * shape[1],
        )
        query = text_query("", language, stand_in_words)
        union = _union([_ranked(source, language, query, area) for source in chosen])
        sql, params = union.query.get_compiler(connection=connection).as_sql()
        return sql, tuple(params)

    sql, params = prebuilt_value(key, build)
    actual = dict(zip(_STAND_INS, (text, prefix, rest), strict=True))
    return sql, [actual.get(p, p) if isinstance(p, str) else p for p in params]


# Settings for the search's transaction only (``set_config(..., true)``, one statement):
# - enable_seqscan: the planner underestimates what a sequential scan costs here (it unpacks
#   every row's stored tsvector to test it) and picks one for common words;
# - enable_indexscan: the same for a plain index scan (of the primary key) testing each row's
#   vector: the GIN index's bitmap finds the hits without reading the others;
# - jit: what the planner cannot avoid then (a small table's primary key) it costs as disabled,
#   and that cost would have it compile the query (JIT: 2 s, not 30 ms);
# - plan_cache_mode: a statement kept prepared (server-side binding) gets a generic plan after
#   five runs, one for any words: 2.5 times slower than one for these;
# - max_parallel_workers_per_gather: starting workers costs more than the few index pages each
#   source reads.
PLANNER_SETTINGS = {
    "enable_seqscan": "off",
    "enable_indexscan": "off",
    "jit": "off",
    "plan_cache_mode": "force_custom_plan",
    "max_parallel_workers_per_gather": "0",
}


def _set_planner(cursor, values) -> None:
    cursor.execute(
        "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in PLANNER_SETTINGS),
        list(values),
    )


def search(text: str, language: str, *, area="", kind="", limit=10, offset=0):
    """``(hits, total)``: the page's hits, best first, and how many there are in all.

    Two queries whatever the number of hits: the ranked, counted and cut list of every source's
    hits (kind, key and rank only), then titles, addresses and snippets for the page's hits."""
    chosen = sources(area, kind)
    if not text or not chosen:
        return [], 0
    words = _query_words(text)
    query = text_query(text, language, words)
    union_sql, union_params = _ranked_sql(chosen, language, area, words)
    sql = f"""
        SELECT hits.hit_kind, hits.hit_pk, hits.hit_rank, count(*) OVER ()
        FROM ({union_sql}) AS hits
        ORDER BY hits.hit_rank DESC, hits.hit_title, hits.hit_kind, hits.hit_pk
        LIMIT %s OFFSET %s
    """
    # Inside a transaction begun elsewhere (a savepoint here) the settings would last to its
    # end: they are put back after the query.
    nested = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if nested:
            cursor.execute(
                "SELECT " + ", ".join(f"current_setting('{name}')" for name in PLANNER_SETTINGS)
            )
            previous = cursor.fetchone()
        _set_planner(cursor, PLANNER_SETTINGS.values())
        try:
            cursor.execute(sql, (*union_params, limit, offset))
            ranked = cursor.fetchall()
        finally:
            if nested:
                _set_planner(cursor, previous)
    if not ranked:
        return [], 0
    total = ranked[0][3]
    by_key = {source.key: source for source in chosen}
    pks: dict[str, list] = {}
    for kind_key, pk, _rank, _total in ranked:
        pks.setdefault(kind_key, []).append(pk)
    shown = {
        (row["hit_kind"], row["hit_pk"]): row
        for row in _union(
            [_shown(by_key[key], language, query, key_pks) for key, key_pks in pks.items()]
        )
    }
    hits = []
    for kind_key, pk, rank, _total in ranked:
        row = shown.get((kind_key, pk))
        if row is None:  # left publication between the two queries
            continue
        source = by_key[kind_key]
        args = [row["hit_url_a"], row["hit_url_b"]][: len(source.url_fields)]
        hits.append(
            Hit(
                kind=source.kind,
                area=row["hit_area"],
                title=row["hit_title"],
                title_lang=row["hit_title_lang"],
                url=source.url(*args),
                snippet=highlight(row["hit_snippet"] or ""),
                snippet_lang=row["hit_text_lang"],
                rank=rank,
            )
        )
    return hits, total


def highlight(headline: str) -> str:
    """``ts_headline``'s output as safe HTML: every piece of text escaped, and <mark> only where
    PostgreSQL put the markers (balanced, whatever the text itself contains)."""
    parts, open_mark = [], False
    for piece in re.split(f"([{MARK_START}{MARK_STOP}])", headline):
        if piece == MARK_START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif piece == MARK_STOP:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(escape(re.sub(r"\s+", " ", piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts).strip())  # noqa: S308 - built from escaped pieces above


# --- Suggestions -----------------------------------------------------------------------------


def _vocabulary_sql(language: str):
    """One query: the distinct words (3+ letters) of the published titles and summaries."""
    parts, params = [], []
    for source in areas.search_sources():
        fields = (source.title, *source.text[:1])
        queryset = (
            source.queryset()
            .order_by()
            .annotate(
                words=Concat(
                    *[p for f in fields for p in (_translated(f, language), Value(" "))],
                    Value(""),
                    output_field=models.TextField(),
                )
            )
            .values("words")
        )
        sql, sub_params = queryset.query.get_compiler(connection=connection).as_sql()
        parts.append(f"({sql})")
        params.extend(sub_params)
    union = " UNION ALL ".join(parts)
    # The 'simple' configuration only splits and lower-cases: three times faster than a regular
    # expression here. Words keep no capitals; ``suggest`` copies the visitor's.
    return (
        "SELECT DISTINCT word FROM ("
        "SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig, docs.words))) AS word "
        f"FROM ({union}) AS docs) AS w WHERE char_length(word) >= 3",
        params,
    )


def vocabulary_key(language: str, version) -> str:
    return f"search-vocabulary:{language}:{version}"


def vocabulary(language: str) -> frozenset[str]:
    """The index's words (lower case, letters only, 3 or more), from the published titles and
    summaries; cached per content version until the next moment some content enters or leaves
    publication."""
    from . import page_cache

    cache = page_cache.page_cache()
    try:
        version = page_cache.content_version()
    except DatabaseError:
        version = None
    key = vocabulary_key(language, version)
    if version is not None:
        stored = page_cache._cache_call(cache.get, key)
        if stored is not None:
            return stored
    if not areas.search_sources():
        return frozenset()
    sql, params = _vocabulary_sql(language)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        result = frozenset(word for (word,) in cursor.fetchall() if word.isalpha())
    # Inside a transaction the version may roll back and be counted again by later changes:
    # a list kept under it then would speak for other content (as page_cache.fragment() knows).
    if version is not None and not connection.in_atomic_block:
        now = timezone.now()
        boundary = page_cache.next_publication_boundary(now)
        seconds = VOCABULARY_TIMEOUT
        if boundary:
            seconds = min(seconds, int((boundary - now).total_seconds()))
        if seconds > 0:
            page_cache._cache_call(cache.set, key, result, seconds)
    return result


def suggest(text: str, language: str) -> str:
    """The query with each unknown word replaced by the nearest word of the index, or ""."""
    known = vocabulary(language)
    if not known:
        return ""
    changed = False

    def nearest(match):
        nonlocal changed
        word = match.group(0)
        lower = word.lower()
        if lower in known:
            return word
        size = len(lower)
        candidates = [w for w in known if abs(len(w) - size) <= max(2, size // 3)]
        close = difflib.get_close_matches(lower, candidates, n=1, cutoff=0.75)
        if not close:
            return word
        changed = True
        return close[0].capitalize() if word[0].isupper() else close[0]

    suggestion = _WORD.sub(nearest, text)
    return suggestion if changed else ""


def register_shared():
    """The shared layer's own searchable content: site pages and calendar events."""
    from .links import reverse_cached
    from .models import Area, Event, SitePage

    areas.register_search(
        areas.SearchSource(
            key="page",
            kind=_("Page"),
            area=Area.GENERAL,
            queryset=SitePage.objects.published,
            title="title",
            text=("summary", "body"),
            url_fields=("slug",),
            url=lambda slug: reverse_cached("pages:page", slug=slug),
            order=50,
        )
    )
    areas.register_search(
        areas.SearchSource(
            key="event",
            kind=_("Event"),
            area=Area.GENERAL,
            area_field="area",
            queryset=Event.objects.published,
            title="title",
            text=("description", "place"),
            url_fields=("pk",),
            url=lambda pk: reverse_cached("calendar:event-detail", pk=int(pk)),
            order=51,
        )
    )


# --- The search page's form ------------------------------------------------------------------


class SearchForm(forms.Form):
    """What the visitor asked: the words, and optionally one area and one kind of content.
    The words are never refused (``clean_query`` makes any text searchable); an unknown area
    or kind is reported and ignored."""

    q = forms.CharField(label=_("Search for"), required=False, strip=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    kind = forms.ChoiceField(label=_("Kind of content"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Area

        registered = {source.area for source in areas.search_sources()}
        self.fields["area"].choices = [("", _("All areas"))] + [
            (value, label) for value, label in Area.choices if value in registered
        ]
        self.fields["kind"].choices = [("", _("All kinds"))] + [
            (source.key, source.kind) for source in areas.search_sources()
        ]
        self.fields["q"].widget.attrs.update({"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"})
        self.fields["q"].widget.input_type = "search"
        # clean_query() takes out NUL and other control characters instead of refusing them.
        self.fields["q"].validators = []

    def value(self, name: str) -> str:
        """The cleaned value, or "" where it was not valid."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""


class Hits:
    """One page of hits with the total number, in the shape ``Paginator`` reads: it asks for
    ``count()`` and slices out the page that ``search()`` has already fetched."""

    def __init__(self, hits, total, number, per_page):
        self.hits, self.total = hits, total
        self.offset = (number - 1) * per_page

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice) and index.start == self.offset:
            return self.hits
        raise IndexError(index)
