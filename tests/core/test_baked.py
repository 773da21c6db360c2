"""Baked QuerySets (``ludwigsburg_intl.querysets.Baked``): a page's query built and compiled once,
then run with new values. What a visitor would notice if it went wrong: another object's page,
a draft on a public page, scheduled content that never appears, the other language's order."""

import datetime

import pytest
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from ludwigsburg_intl.models import Office, SDGGoal, SitePage
from ludwigsburg_intl.querysets import Baked, forget_prebuilt
from tests.factories import PUBLISHED, ContactPersonFactory, OfficeFactory, SitePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    forget_prebuilt()
    yield
    forget_prebuilt()


def _counting(build):
    calls = []

    def counted(*args, **kwargs):
        calls.append(kwargs)
        return build(*args, **kwargs)

    return counted, calls


def test_each_call_finds_the_object_of_its_own_values():
    first = SitePageFactory(slug="erste")
    second = SitePageFactory(slug="zweite")
    build, calls = _counting(lambda slug: SitePage.objects.published().filter(slug=slug))
    page = Baked(build, slug=str)
    assert list(page(slug="erste")) == [first]
    assert list(page(slug="zweite")) == [second]
    assert list(page(slug="dritte")) == []
    # Built twice, once with each set of stand-ins, then never again.
    assert len(calls) == 2


def test_the_sql_is_compiled_once(monkeypatch):
    SitePageFactory(slug="erste")
    page = Baked(lambda slug: SitePage.objects.published().filter(slug=slug), slug=str)
    list(page(slug="erste"))
    compiled = []
    original = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        compiled.append(self.query)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    with CaptureQueriesContext(connection) as queries:
        assert [p.slug for p in page(slug="erste")] == ["erste"]
    assert compiled == []
    assert len(queries) == 1


def test_a_draft_and_scheduled_content_follow_the_clock():
    page = Baked(lambda slug: SitePage.objects.published().filter(slug=slug), slug=str)
    draft = SitePageFactory(slug="entwurf", status="draft")
    later = SitePageFactory(slug="spaeter", publish_from=timezone.now() + datetime.timedelta(1))
    assert list(page(slug="entwurf")) == []
    assert list(page(slug="spaeter")) == []
    # The condition is the database's clock, not a moment fixed when the query was baked.
    SitePage.objects.filter(pk=later.pk).update(
        publish_from=timezone.now() - datetime.timedelta(minutes=1)
    )
    draft.status = PUBLISHED
    draft.save()
    assert list(page(slug="spaeter")) == [later]
    assert list(page(slug="entwurf")) == [draft]


def test_each_language_has_its_own_sql():
    SitePageFactory(slug="a", title_de="Apfel", title_en="Zebra")
    SitePageFactory(slug="b", title_de="Birne", title_en="Apple")
    titles = Baked(lambda: SitePage.objects.published().order_by("title"))
    with translation.override("de"):
        assert [p.slug for p in titles()] == ["a", "b"]
    with translation.override("en"):
        assert [p.slug for p in titles()] == ["b", "a"]


def test_what_is_done_to_a_copy_is_compiled_as_usual():
    for number in range(3):
        SitePageFactory(slug=f"seite-{number}", footer_order=number)
    pages = Baked(
        lambda order: SitePage.objects.published().filter(footer_order__gte=order).order_by("slug"),
        order=int,
    )
    later = pages(order=1)
    assert later.count() == 2
    assert [p.slug for p in later.filter(slug="seite-2")] == ["seite-2"]
    assert [p.slug for p in later[:1]] == ["seite-1"]
    assert later.exists()
    # Still the baked query itself, after its copies.
    assert [p.slug for p in later] == ["seite-1", "seite-2"]
    assert str(later.query).count("footer_order") == 2  # the condition and the order


def test_a_limit_is_a_shape_with_its_own_sql():
    for number in range(4):
        SitePageFactory(slug=f"seite-{number}")
    first = Baked(lambda limit: SitePage.objects.published().order_by("slug")[:limit])
    assert len(list(first(shape=(1,)))) == 1
    assert len(list(first(shape=(3,)))) == 3


def test_numbers_dates_and_moments_take_their_places():
    goal = SDGGoal.objects.get(number=13)
    by_number = Baked(lambda number: SDGGoal.objects.filter(number=number), number=int)
    assert list(by_number(number=13)) == [goal]
    assert list(by_number(number=4)) == [SDGGoal.objects.get(number=4)]
    page = SitePageFactory(publish_until=timezone.now() + datetime.timedelta(days=3))
    until = Baked(
        lambda moment: SitePage.objects.filter(publish_until__gt=moment), moment=datetime.datetime
    )
    assert list(until(moment=timezone.now())) == [page]
    assert list(until(moment=timezone.now() + datetime.timedelta(days=4))) == []


def test_a_number_out_of_its_columns_range_finds_nothing_as_in_django():
    # A number from an address may be anything: no row, and no error from the database.
    by_number = Baked(lambda number: SDGGoal.objects.filter(number=number), number=int)
    assert list(by_number(number=10**6)) == []
    assert list(by_number(number=-(10**30))) == []
    assert list(by_number(number=13)) == [SDGGoal.objects.get(number=13)]


def test_none_is_refused():
    # "= NULL" is never true in SQL, where Django would have written "IS NULL".
    page = Baked(lambda slug: SitePage.objects.filter(slug=slug), slug=str)
    with pytest.raises(TypeError):
        page(slug=None)
    with pytest.raises(TypeError):
        page()


def test_a_value_changed_on_its_way_into_the_sql_is_refused():
    contains = Baked(lambda word: SitePage.objects.filter(title__contains=word), word=str)
    # "%...%": the parameter is not the value.
    with pytest.raises(ValueError, match="Baked: "):
        list(contains(word="Seite"))


def test_a_slot_the_query_does_not_use_is_refused():
    unused = Baked(lambda slug: SitePage.objects.all(), slug=str)
    with pytest.raises(ValueError, match="not plain parameters"):
        list(unused(slug="x"))


def test_a_query_whose_sql_depends_on_a_value_is_refused():
    def build(number):
        # A different shape for the second set of stand-ins.
        query = SDGGoal.objects.filter(number=number)
        return query.filter(pk__gt=0) if number > 30_500 else query

    with pytest.raises(ValueError, match="depends on the values"):
        list(Baked(build, number=int)(number=3))


def test_a_constant_equal_to_a_stand_in_stays_a_constant():
    # 30,001 is the first set's first stand-in for a number: only a value that changes with
    # the stand-ins is taken for the slot.
    SitePageFactory(slug="x", footer_order=30_001)
    pages = Baked(lambda slug: SitePage.objects.filter(footer_order=30_001, slug=slug), slug=str)
    assert [p.slug for p in pages(slug="x")] == ["x"]


def test_a_union_with_a_baked_queryset_uses_the_real_values():
    SitePageFactory(slug="erste")
    SitePageFactory(slug="zweite")
    page = Baked(lambda slug: SitePage.objects.published().filter(slug=slug), slug=str)
    list(page(slug="erste"))  # baked
    union = page(slug="erste").union(SitePage.objects.filter(slug="zweite"))
    assert sorted(p.slug for p in union) == ["erste", "zweite"]
    assert [p.slug for p in page(slug="erste").intersection(SitePage.objects.all())] == ["erste"]
    assert [p.slug for p in SitePage.objects.filter(slug="zweite") | page(slug="erste")] != []


def test_a_related_managers_stand_in_object_is_not_handed_on():
    # Built from a related manager (``office.people``): the objects found must not carry the
    # stand-in office, even where the real office's id equals a stand-in.
    office = OfficeFactory(pk=30_001, name_de="Echte Dienststelle")
    ContactPersonFactory(office=office)
    people = Baked(lambda office: Office(pk=office).people.published(), office=int)
    (person,) = people(office=office.pk)
    assert person.office.name_de == "Echte Dienststelle"
