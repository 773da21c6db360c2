from django import forms
from django.utils.translation import gettext_lazy as _

from .models import InterestSubmission, ParticipationProgramme

MESSAGE_MAX_LENGTH = 3000
NAME_MAX_LENGTH = 200


class InterestForm(forms.ModelForm):
    """The public expression-of-interest form. ``website`` is a honeypot for bots."""

    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = InterestSubmission
        fields = ["name", "email", "programme", "message", "consent"]
        labels = {
            "name": _("Your name"),
            "email": _("Your e-mail address"),
            "programme": _("Programme"),
            "message": _("Your message"),
            "consent": _(
                "I agree that the City of Ludwigsburg stores my details to answer my message."
            ),
        }
        help_texts = {
            "email": _("We use it only to answer you."),
            "message": _("At most 3,000 characters."),
        }
        error_messages = {
            "name": {
                "required": _("Please enter your name."),
                "max_length": _("Please shorten your name to at most %(limit_value)d characters."),
            },
            "email": {
                "required": _("Please enter your e-mail address."),
                "invalid": _("Please enter a valid e-mail address, for example name@example.org."),
                "max_length": _("The e-mail address is too long."),
            },
            "programme": {
                "required": _("Please choose a programme."),
                "invalid_choice": _("Please choose one of the programmes in the list."),
            },
            "message": {
                "required": _("Please write a short message."),
                "max_length": _(
                    "Please shorten your message to at most %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            },
            "consent": {
                "required": _("We can only store and answer your message with your consent."),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = ParticipationProgramme.objects.published()
        self.fields["programme"].empty_label = _("Please choose")
        # The full name in the page's language (``__str__`` may give an untranslated short name).
        self.fields["programme"].label_from_instance = lambda programme: programme.name
        self.fields["consent"].required = True
        # Server-side limits only: no maxlength attribute, so an over-long text is not cut off
        # silently but answered with a clear message.
        for name in ("name", "message"):
            self.fields[name].widget.attrs.pop("maxlength", None)

    @property
    def is_spam(self) -> bool:
        """True when the honeypot was filled in (by a bot: people do not see the field)."""
        return bool(self.data.get("website", "").strip())
