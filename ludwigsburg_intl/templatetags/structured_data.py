"""``{% json_ld data %}``: schema.org data as a JSON-LD data block (see ``structured_data``)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ludwigsburg_intl import structured_data

register = template.Library()


@register.simple_tag
def json_ld(data):
    """``<script type="application/ld+json">`` with the escaping of Django's ``json_script``;
    nothing when there is nothing to describe."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(structured_data.to_json(data)),  # escaped by to_json
    )


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    return json_ld(structured_data.event(event, context["request"]))


@register.simple_tag
def city_office_json_ld(contacts):
    return json_ld(structured_data.city_office(contacts)) if contacts else ""
