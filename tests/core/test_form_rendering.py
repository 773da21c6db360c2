"""The portal's form renderer writes the plain widgets in Python: the markup must be exactly what
Django's own widget templates give, for every public form, unbound, bound and with errors."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import override

from climate.filters import ProjectFilter
from europe.filters import FundingCallFilter
from europe.forms import InterestForm
from ludwigsburg_intl.filters import EventFilter
from ludwigsburg_intl.form_rendering import PortalFormRenderer
from ludwigsburg_intl.search import SearchForm
from partnerships.filters import ActivityFilter
from tests.europe.factories import ParticipationProgrammeFactory

pytestmark = pytest.mark.django_db


def _both(form):
    """Each field's widget as the portal's renderer and as Django's templates write it."""
    fast, templates = PortalFormRenderer(), DjangoTemplates()
    pairs = []
    for field in form:
        form.renderer = fast
        ours = str(field)
        form.renderer = templates
        theirs = str(field)
        pairs.append((field.name, ours, theirs))
    return pairs


def _assert_same(form):
    for name, ours, theirs in _both(form):
        assert ours == theirs, name


class Everything(forms.Form):
    """Each widget the renderer writes itself, with awkward values."""

    text = forms.CharField(widget=forms.TextInput(attrs={"data-x": "\"<&>'", "disabled": True}))
    number = forms.IntegerField(widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    email = forms.EmailField()
    url = forms.URLField(required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    when = forms.DateTimeField(required=False)
    time = forms.TimeField(required=False)
    choice = forms.ChoiceField(
        choices=[
            ("", "—"),
            ("a", "A & B"),
            ("Gruppe", [("b", "<b>"), ("c", mark_safe("<i>c</i>"))]),
        ]
    )
    several = forms.MultipleChoiceField(choices=[(1, "eins"), (2, "zwei")], required=False)
    text_area = forms.CharField(widget=forms.Textarea, required=False)
    safe = forms.CharField(
        widget=forms.TextInput(attrs={"title": mark_safe("<safe>")}), required=False
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "text": 'x"><script>',
            "number": "12a",
            "email": "no mail",
            "url": "javascript:x",
            "hidden": "<h>",
            "password": "p&w",
            "date": "2023-06-14",
            "when": "nonsense",
            "time": "12:00",
            "choice": "c",
            "several": ["1", "2"],
            "text_area": "Zeile 1\n<Zeile 2>",
            "safe": "ok",
        },
    ],
)
def test_every_plain_widget_is_written_as_django_writes_it(data):
    form = Everything(data)
    form.is_bound and form.is_valid()
    _assert_same(form)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    "data", [None, {"month": "2023-13", "area": "nowhere"}, {"month": "2023-06", "area": "europe"}]
)
def test_the_calendar_filter_is_unchanged(language, data):
    with override(language):
        _assert_same(EventFilter(data).form)


@pytest.mark.parametrize("data", [None, {"pillar": "x", "year": "1999"}, {"year": "2023"}])
def test_the_activity_filter_is_unchanged(data):
    _assert_same(ActivityFilter(data, years=[2024, 2023]).form)


@pytest.mark.parametrize("data", [None, {"year": "zwei", "project_status": "?"}])
def test_the_project_and_call_filters_are_unchanged(data):
    _assert_same(ProjectFilter(data).form)
    _assert_same(FundingCallFilter(data).form)
    _assert_same(FundingCallFilter({"deadline_from": "14.06.2023", "topic": "x"}).form)


@pytest.mark.parametrize("data", [None, {"q": '"Solar', "area": "x", "kind": ""}])
def test_the_search_form_is_unchanged(data):
    _assert_same(SearchForm(data))


def test_the_interest_form_is_unchanged():
    ParticipationProgrammeFactory()
    _assert_same(InterestForm())
    form = InterestForm({"name": "", "email": "x", "message": "<b>" * 2000, "programme": "9"})
    form.is_valid()
    _assert_same(form)


def test_other_widgets_still_use_the_templates():
    """A checkbox list has no Python version: Django's templates write it."""

    class Boxes(forms.Form):
        boxes = forms.MultipleChoiceField(
            choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
        )

    html = str(Boxes()["boxes"])
    assert 'type="checkbox"' in html and "<div" in html


def test_labels_are_localized_as_the_templates_do():
    """Numbers and dates in a label are shown as the page's language writes them."""

    class Labels(forms.Form):
        amount = forms.ChoiceField(
            choices=[("1", Decimal("1.5")), ("2", datetime.date(2026, 6, 1)), ("3", 1234.5)]
        )
        text = forms.CharField(widget=forms.Textarea, initial=Decimal("2.5"))

    for language in ("de", "en"):
        with override(language):
            _assert_same(Labels())
