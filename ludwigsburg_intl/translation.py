from modeltranslation.translator import TranslationOptions, register

from .models import ContactPerson, Event, Office, SDGGoal, SitePage


@register(SDGGoal)
class SDGGoalTranslation(TranslationOptions):
    fields = ("name", "short_description")
    required_languages = ("de", "en")


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(ContactPerson)
class ContactPersonTranslation(TranslationOptions):
    fields = ("role",)
    required_languages = ("de",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ("de",)


@register(SitePage)
class SitePageTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("de",)
