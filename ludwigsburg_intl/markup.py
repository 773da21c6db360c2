"""Escaping for HTML written in Python where a page writes thousands of values."""

from html import escape

from django.utils.functional import Promise


def escape_html(value) -> str:
    """``django.utils.html.conditional_escape(value)``: text is escaped, HTML marked safe is
    not. Without Django's check for lazy texts around every call (``keep_lazy``), which costs
    more than the escaping; a lazy text is made a string first, as there."""
    if isinstance(value, Promise):
        value = str(value)
    html = getattr(value, "__html__", None)
    return html() if html is not None else escape(str(value))
