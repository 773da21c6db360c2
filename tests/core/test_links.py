import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from ludwigsburg_intl import links
from ludwigsburg_intl.links import reverse_cached


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(
    ("viewname", "kwargs"),
    [
        ("climate:project-detail", {"slug": "solar-schule_2"}),
        ("calendar:event-detail", {"pk": 42}),
        ("partnerships:index", {}),
    ],
)
def test_reverse_cached_gives_the_url_reverse_gives(language, viewname, kwargs):
    with translation.override(language):
        assert reverse_cached(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)
        # the second call fills in the stored pattern
        assert reverse_cached(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)


def test_reverse_cached_refuses_what_reverse_refuses():
    reverse_cached("climate:project-detail", slug="ok")
    with pytest.raises(NoReverseMatch):
        reverse_cached("climate:project-detail", slug="not/a slug")
    with pytest.raises(NoReverseMatch):
        reverse_cached("calendar:event-detail", pk="abc")


def test_reverse_cached_follows_the_script_prefix():
    links._templates.clear()
    try:
        set_script_prefix("/portal/")
        assert reverse_cached("climate:project-detail", slug="x").startswith("/portal/de/")
    finally:
        set_script_prefix("/")
    assert reverse_cached("climate:project-detail", slug="x").startswith("/de/")
