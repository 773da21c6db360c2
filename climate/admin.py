from django.contrib import admin

from ludwigsburg_intl.admin import PublishableAdmin

from .models import ClimatePartnership, Project


@admin.register(ClimatePartnership)
class ClimatePartnershipAdmin(PublishableAdmin):
    list_display = ("name", "status")
    list_filter = ("status",)
    search_fields = ("name_de", "name_en")


@admin.register(Project)
class ProjectAdmin(PublishableAdmin):
    list_display = ("title", "partnership", "status")
    list_filter = ("status", "partnership")
    search_fields = ("title_de", "title_en")
