from modeltranslation.translator import TranslationOptions, register

from .models import (
    ClimatePartnership,
    Committee,
    Component,
    Funder,
    Milestone,
    Project,
    SituationEntry,
    StatusReport,
)


@register(ClimatePartnership)
class ClimatePartnershipTranslation(TranslationOptions):
    fields = (
        "name",
        "city",
        "country",
        "summary",
        "themes",
        "partners",
        "action_programme",
        "outlook",
    )
    required_languages = ("de",)


@register(SituationEntry)
class SituationEntryTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("de",)


@register(Funder)
class FunderTranslation(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = ("de",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "traffic_light_reason", "funding_programme", "risks")
    required_languages = ("de",)


@register(Component)
class ComponentTranslation(TranslationOptions):
    fields = ("title", "unit")
    required_languages = ("de",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("de",)


@register(StatusReport)
class StatusReportTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("de",)


@register(Committee)
class CommitteeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("de",)
