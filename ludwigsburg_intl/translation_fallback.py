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

    @property
    def fallback_lang(self) -> str | None:
        """The language to mark (``lang="de"``) where the German text stands in, else None."""
        return self.lang if self.is_fallback else None


def pick(texts, language: str | None = None) -> TranslatedText:
    """The text for ``language`` (default: the active one) from ``texts``, a mapping of language
    code to text, or the German text where that one is empty. The one place the rule lives:
    templates (``tr``, ``translated_text``), teasers, SDG pages, feeds, tables and the texts
    derived from content (a call's deadline event) all come here."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    value = texts.get(language)
    if value:
        return TranslatedText(value, language, False)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    value = texts.get(default) or ""
    return TranslatedText(value, default, language != default and bool(value))


def translated(obj, field: str, language: str | None = None) -> TranslatedText:
    """``pick()`` for the translated ``field`` of ``obj``: a model, or any object with
    ``<field>_de`` and ``<field>_en`` attributes (e.g. a queryset annotation). Only the
    language's own column and the German one are read, so the columns ``shown_fields()`` left
    out of a query are never fetched one object at a time."""
    # ``pick()``, written out for the two columns: tables call this for every cell.
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return TranslatedText(value, language, False)
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language != default:
        value = getattr(obj, f"{field}_{default}", None)
    return TranslatedText(value or "", default, language != default and bool(value))


def shown_fields(*fields: str, language: str | None = None) -> list[str]:
    """The columns a page in ``language`` reads for the translated ``fields``: the language's
    own and the German fallback, for ``QuerySet.only()`` (the other languages stay unread)."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    languages = [language] if language == default else [language, default]
    return [f"{name}_{code}" for name in fields for code in languages]
