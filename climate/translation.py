from modeltranslation.translator import TranslationOptions, register

from .models import ClimatePartnership, Project


@register(ClimatePartnership)
class ClimatePartnershipTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("de",)
