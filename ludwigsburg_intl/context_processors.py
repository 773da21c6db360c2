from django.utils.functional import SimpleLazyObject

from . import areas
from .models import ContactPerson, SitePage


def site(request):
    """What the frame of every page needs: navigation, footer pages and footer contacts."""
    return {
        "nav_sections": areas.sections,
        "footer_pages": SimpleLazyObject(lambda: list(SitePage.objects.in_footer())),
        "footer_contacts": SimpleLazyObject(
            lambda: list(ContactPerson.objects.in_footer().select_related("office"))
        ),
    }
