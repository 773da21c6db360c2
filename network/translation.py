from modeltranslation.translator import TranslationOptions, register

from .models import (
    Actor,
    CoordinationItem,
    Indicator,
    IndicatorValue,
    Membership,
    Programme,
    StatePartner,
    Topic,
)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Actor)
class ActorTranslation(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("de",)


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "summary", "description")
    required_languages = ("de",)


@register(CoordinationItem)
class CoordinationItemTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("de",)


@register(Membership)
class MembershipTranslation(TranslationOptions):
    fields = ("name", "organisation", "role", "description")
    required_languages = ("de",)


@register(StatePartner)
class StatePartnerTranslation(TranslationOptions):
    fields = ("name", "organisation", "summary", "description")
    required_languages = ("de",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "source", "description")
    required_languages = ("de",)


@register(IndicatorValue)
class IndicatorValueTranslation(TranslationOptions):
    fields = ("note",)
