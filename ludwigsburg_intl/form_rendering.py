"""The portal's form renderer: Django's, with the plain widgets rendered in Python.

Django renders every widget through templates (a select through one include per option and
per attribute list), which made a filter form with two small selects cost more than the rest
of a page's template. The widgets every public form uses (the text-like inputs, selects and
textareas) are written here with the very markup of Django's own templates; every other
template (the admin's widgets, checkboxes in lists, a widget with a template of its own) goes
through Django's templates as before. ``tests/core/test_form_rendering.py`` compares both.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"
OPTION = WIDGETS + "select_option.html"


def _shown(value) -> str:
    # {{ value }}: localized (numbers, dates) and escaped, as a template shows it
    return conditional_escape(localize(template_localtime(value)))


def _formatted(value) -> str:
    # {{ value|stringformat:'s' }}: the filter keeps a safe string safe
    text = f"{value}"
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs) -> str:
    # django/forms/widgets/attrs.html
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget) -> str:
    # django/forms/widgets/input.html
    value = widget["value"]
    shown = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


def _option(option) -> str:
    # django/forms/widgets/select_option.html
    return (
        f'<option value="{_formatted(option["value"])}"'
        f"{_attrs(option['attrs'])}>{_shown(option['label'])}</option>"
    )


def _select(widget) -> str | None:
    # django/forms/widgets/select.html
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None  # an option with a template of its own
            # (Django's option template ends with a line break)
            parts.append(f"\n  {_option(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget) -> str:
    # django/forms/widgets/textarea.html
    value = widget["value"]
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_shown(value) if value else ''}</textarea>"
    )


PLAIN = {
    **{
        f"{WIDGETS}{name}.html": _input
        for name in (
            "input", "text", "number", "email", "url", "tel", "search", "password",
            "hidden", "date", "datetime", "time", "color",
        )
    },
    WIDGETS + "select.html": _select,
    WIDGETS + "textarea.html": _textarea,
}  # fmt: skip


class PortalFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        plain = PLAIN.get(template_name)
        if plain is not None and (widget := context.get("widget")) is not None:
            html = plain(widget)
            if html is not None:
                return html
        return super().render(template_name, context, request=request)
