from modeltranslation.translator import TranslationOptions, register

from .models import Actor


@register(Actor)
class ActorTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)
