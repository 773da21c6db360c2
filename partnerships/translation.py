from modeltranslation.translator import TranslationOptions, register

from .models import Activity, AnnualProgramme, Award, CityImage, CityLink, PartnerCity


@register(PartnerCity)
class PartnerCityTranslation(TranslationOptions):
    fields = (
        "name",
        "country",
        "region",
        "status_reason",
        "summary",
        "history",
        "how_to_take_part",
    )
    required_languages = ("de",)


@register(Award)
class AwardTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("de",)


@register(CityImage)
class CityImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("de",)


@register(CityLink)
class CityLinkTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("de",)


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description", "participants", "funding_programme")
    required_languages = ("de",)


@register(AnnualProgramme)
class AnnualProgrammeTranslation(TranslationOptions):
    fields = ("notes",)
    required_languages = ("de",)
