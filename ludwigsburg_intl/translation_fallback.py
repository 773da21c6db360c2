"""Which language a translated field is shown in.

Content is entered in German (required) and English (optional). Where the English text is
missing, the English page shows the German one, marked ``lang="de"`` and with a notice, so a
screen reader pronounces it right and the reader knows why.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language


@dataclass(frozen=True)
class TranslatedText:
    text: str
    lang: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def translated(obj, field: str, language: str | None = None) -> TranslatedText:
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return TranslatedText(value, language, False)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    value = getattr(obj, f"{field}_{default}", None) or ""
    return TranslatedText(value, default, language != default and bool(value))


def shown_fields(*fields: str, language: str | None = None) -> list[str]:
    """The columns a page in ``language`` reads for the translated ``fields``: the language's
    own and the German fallback, for ``QuerySet.only()`` (the other languages stay unread)."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    languages = [language] if language == default else [language, default]
    return [f"{name}_{code}" for name in fields for code in languages]
