"""Template helpers shared by every area: translated fields, text rendering, dates, links."""

import datetime
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils import formats
from django.utils.html import escape, format_html, format_html_join, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _

from ludwigsburg_intl import areas, numbers
from ludwigsburg_intl.markup import escape_html
from ludwigsburg_intl.translation_fallback import TranslatedText, translated

register = template.Library()


@register.filter
def tr(obj, field, language=None):
    """A translated field for inline use: German fallback is wrapped in ``<span lang="de">``.
    ``language``: the page's, for code writing many (templates pass none)."""
    if obj is None:
        return ""
    value = translated(obj, field, language)
    if value.is_fallback:
        # format_html(), written out: a briefing shows some thousand of these.
        lang, text = escape_html(value.lang), escape_html(value.text)
        return mark_safe(f'<span lang="{lang}">{text}</span>')  # noqa: S308 - escaped above
    return value.text


@register.filter
def tr_lang(obj, field):
    """The language a translated field is shown in (for a ``lang`` attribute)."""
    return translated(obj, field).lang


@lru_cache(maxsize=512)
def _render_blocks(text: str) -> str:
    # A pure function of the text, and urlize() is slow: each text is rendered once per process
    # (a changed text is a new key; the oldest entries make room).
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    html = []
    for block in blocks:
        if not block.strip():
            continue
        lines = block.split("\n")
        if lines[0].startswith("## "):
            html.append(format_html("<h2>{}</h2>", lines[0][3:].strip()))
            lines = lines[1:]
            if not lines:
                continue
        if all(line.startswith("- ") for line in lines):
            items = format_html_join(
                "", "<li>{}</li>", ((mark_safe(urlize(escape(item[2:]))),) for item in lines)
            )
            html.append(format_html("<ul>{}</ul>", items))
        else:
            body = mark_safe("<br>".join(urlize(escape(line)) for line in lines))
            html.append(format_html("<p>{}</p>", body))
    return mark_safe("\n".join(html))


@register.filter
def render_text(text):
    """Plain text from the admin as HTML: paragraphs, '## ' headings, '- ' lists, links."""
    if isinstance(text, TranslatedText):
        text = text.text
    return _render_blocks(text or "")


@register.inclusion_tag("includes/translated_text.html")
def translated_text(obj, field, css_class="prose"):
    """A translated body text with a notice and ``lang`` where the German text stands in."""
    value = translated(obj, field)
    return {"value": value, "html": _render_blocks(value.text), "css_class": css_class}


@lru_cache(maxsize=2048)
def _same_page_in(here, code, current, script_prefix, urlconf):
    """The address of the page at ``here`` in the language ``code``.

    ``translate_url()`` resolves and reverses the address (about 0.1 ms, twice per language on
    every page): the answer depends only on the arguments, so each process keeps it.
    """
    url = translate_url(here, code)
    if url == here and code != current:
        # No such page in the other language (e.g. on a 404): offer its home page.
        with override(code):
            url = reverse("home")
    return url


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch: the same page in each language, without setting a cookie."""
    request = context.get("request")
    alternates = context.get("alternate_urls") or {}
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        if code in alternates:
            url = alternates[code]
        elif request is not None:
            here = request.get_full_path()
            # Long addresses (odd query strings) are not kept: they would crowd out the pages.
            same_page_in = _same_page_in if len(here) <= 300 else _same_page_in.__wrapped__
            url = same_page_in(
                here, code, current, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
            )
        else:
            url = f"/{code}/"
        info = get_language_info(code)
        links.append(
            {"code": code, "name_local": info["name_local"], "url": url, "active": code == current}
        )
    return links


@register.filter
def email_link(address):
    """A mailto link with the address entity-encoded, so simple harvesters do not read it."""
    if not address:
        return ""
    encoded = "".join(f"&#{ord(c)};" for c in address)
    return mark_safe(f'<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;{encoded}">{encoded}</a>')


def _date(value, fmt):
    return formats.date_format(value, fmt)


@register.simple_tag
def event_when(event):
    """The date (range) of an event in the words of the page's language and its precision."""
    start = event.local_start
    end = event.local_end
    if event.precision == event.Precision.MONTH:
        text = _date(start, "YEAR_MONTH_FORMAT")
        if end and (end.year, end.month) != (start.year, start.month):
            text = f"{text} – {_date(end, 'YEAR_MONTH_FORMAT')}"
        return text
    if event.precision == event.Precision.DAY:
        if end and end.date() != start.date():
            return f"{_date(start, 'DATE_FORMAT')} – {_date(end, 'DATE_FORMAT')}"
        return _date(start, "DATE_FORMAT")
    text = f"{_date(start, 'DATE_FORMAT')}, {_date(start, 'TIME_FORMAT')}"
    if end:
        if end.date() == start.date():
            text = f"{text} – {_date(end, 'TIME_FORMAT')}"
        else:
            text = f"{text} – {_date(end, 'DATE_FORMAT')}, {_date(end, 'TIME_FORMAT')}"
    if event.time_zone != settings.TIME_ZONE:
        local_time = _("local time")
        text = f"{text} ({local_time} {event.time_zone})"
    return text


@register.simple_tag
def event_datetime_attr(event):
    """A machine-readable start for ``<time datetime>``, as precise as the event is known."""
    start = event.local_start
    if event.precision == event.Precision.MONTH:
        return start.strftime("%Y-%m")
    if event.precision == event.Precision.DAY:
        return start.date().isoformat()
    return start.isoformat()


@register.filter
def iso_date(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return ""


@register.filter
def startswith(value, prefix):
    return str(value).startswith(str(prefix))


@register.filter
def euro(amount, decimals=None):
    """An amount of money the local way: "270.000 €" in German, "€270,000" in English."""
    return numbers.euro(amount, decimals)


@register.filter
def previewable_by(obj, user):
    """Whether ``user`` may see this draft (the frame's draft banner shows only to them)."""
    from ludwigsburg_intl.publishing import may_preview

    return may_preview(user, type(obj))


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """The Atom feeds that concern the page: the site-wide ones and its area's own."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    return areas.feeds_for_page(match.namespace if match else None)


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """Autodiscovery links in the head to the feeds that concern the page."""
    return {"feeds": page_feeds(context)}


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        from ludwigsburg_intl.page_cache import fragment

        vary = tuple(str(value.resolve(context)) for value in self.vary)
        return fragment(
            context.get("request"), self.name, vary, lambda: self.nodelist.render(context)
        )


@register.tag
def content_fragment(parser, token):
    """``{% content_fragment "name" vary_on… %}…{% endcontent_fragment %}``: a part of the frame
    that depends only on the content, the language and the values named, rendered once per
    content version (see ``ludwigsburg_intl.page_cache.fragment``). Nothing inside may depend on
    the visitor or on the request otherwise."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first.")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return FragmentNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
