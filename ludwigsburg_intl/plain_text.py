"""The simple markup of long texts entered in the admin, rendered by the ``render_text`` and
``translated_text`` template tags (``templatetags/portal.py``): every such field tells the
editor the same rules with ``PLAIN_TEXT_HELP``."""

from django.utils.translation import gettext_lazy as _

PLAIN_TEXT_HELP = _(
    "Plain text. An empty line starts a new paragraph; a line starting with '## ' is a "
    "heading; lines starting with '- ' form a list."
)
