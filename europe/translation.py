from modeltranslation.translator import TranslationOptions, register

from .models import (
    FundingApplication,
    FundingCall,
    FundingProgramme,
    FundingTopic,
    Network,
    ParticipationProgramme,
    WorkField,
)


@register(WorkField)
class WorkFieldTranslation(TranslationOptions):
    fields = ("title", "goal", "activities")
    required_languages = ("de",)


@register(FundingTopic)
class FundingTopicTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(FundingProgramme)
class FundingProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("de",)


@register(FundingCall)
class FundingCallTranslation(TranslationOptions):
    fields = ("title", "summary", "eligible_applicants")
    required_languages = ("de",)


@register(FundingApplication)
class FundingApplicationTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("de",)


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "organisation", "purpose")
    required_languages = ("de",)


@register(ParticipationProgramme)
class ParticipationProgrammeTranslation(TranslationOptions):
    fields = ("name", "organiser", "description", "how_to_take_part")
    required_languages = ("de",)
