from django.contrib import admin

from ludwigsburg_intl.admin import PublishableAdmin

from .models import Actor


@admin.register(Actor)
class ActorAdmin(PublishableAdmin):
    list_display = ("name", "status")
    list_filter = ("status",)
    search_fields = ("name_de", "name_en")
