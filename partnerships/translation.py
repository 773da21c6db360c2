from modeltranslation.translator import TranslationOptions, register

from .models import PartnerCity


@register(PartnerCity)
class PartnerCityTranslation(TranslationOptions):
    fields = ("name", "country")
    required_languages = ("de",)
