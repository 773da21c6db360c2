from django.utils.functional import SimpleLazyObject

from . import areas
from .models import ContactPerson, SitePage


def site(request):
    """What the frame of every page needs: navigation, footer pages and footer contacts."""
    return {
        "nav_sections": areas.sections,
        # Links only: not the pages' bodies (the privacy statement, in every language).
        "footer_pages": SimpleLazyObject(
            lambda: list(SitePage.objects.in_footer().only("slug", "title"))
        ),
        "footer_contacts": SimpleLazyObject(
            lambda: list(ContactPerson.objects.in_footer().select_related("office"))
        ),
    }
