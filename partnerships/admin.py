from django.contrib import admin

from ludwigsburg_intl.admin import PublishableAdmin

from .models import PartnerCity


@admin.register(PartnerCity)
class PartnerCityAdmin(PublishableAdmin):
    list_display = ("name", "country", "status")
    list_filter = ("status",)
    search_fields = ("name_de", "name_en")
    prepopulated_fields = {"slug": ("name_de",)}
