from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from . import areas
from .models import ContactPerson, SitePage


@dataclass(frozen=True)
class NavLink:
    """An area in the main navigation, in one language."""

    url: str
    title: str


@lru_cache(maxsize=64)
def _nav_sections(language, script_prefix, urlconf):
    # The areas' addresses and titles depend only on the language and the URL configuration:
    # reversed once per process, not on every page.
    return tuple(NavLink(section.url, str(section.title)) for section in areas.sections())


def site(request):
    """What the frame of every page needs: navigation, footer pages and footer contacts."""
    return {
        "nav_sections": lambda: _nav_sections(
            get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
        ),
        # Links only: not the pages' bodies (the privacy statement, in every language).
        "footer_pages": SimpleLazyObject(
            lambda: list(SitePage.objects.in_footer().only("slug", "title"))
        ),
        "footer_contacts": SimpleLazyObject(
            lambda: list(ContactPerson.objects.in_footer().select_related("office"))
        ),
    }
