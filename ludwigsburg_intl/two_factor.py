"""The admin's second factor: setting up an authenticator app (TOTP) with recovery codes, and
entering a code after the password. Built on django-otp; the QR code is drawn here as SVG, so
nothing is loaded from another host and nothing runs inline."""

import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six-digit code from your authenticator app, or a recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).lower()


def _next_url(request) -> str:
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _context(request, title, **extra):
    return {
        **admin.site.each_context(request),
        "title": title,
        "next": _next_url(request),
        REDIRECT_FIELD_NAME: _next_url(request),
        **extra,
    }


@sensitive_post_parameters("token")
@never_cache
@staff_member_required
def verify(request):
    """The second step of the login: a code from the app or a recovery code."""
    if not user_has_device(request.user):
        return redirect(f"{reverse('two_factor:setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        for device in devices_for_user(request.user):
            verified = otp_verify_token(request.user, device.persistent_id, token)
            if verified is not None:
                otp_login(request, verified)
                if isinstance(verified, StaticDevice):
                    left = verified.token_set.count()
                    messages.warning(
                        request,
                        _(
                            "You logged in with a recovery code; %(count)d are left. Each code "
                            "works only once."
                        )
                        % {"count": left},
                    )
                return redirect(_next_url(request))
        form.add_error("token", _("This code is not valid. Please try again."))
    return TemplateResponse(
        request,
        "admin/two_factor/verify.html",
        _context(request, _("Two-factor authentication"), form=form),
    )


@sensitive_post_parameters("token")
@never_cache
@staff_member_required
def setup(request):
    """Set up an authenticator app: scan the QR code, confirm with a code, receive recovery
    codes. Someone who has a device must first prove it (a stolen session cannot replace it)."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('two_factor:verify')}?{request.GET.urlencode()}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=str(_("Authenticator app")), confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = _confirm(user, device)
            otp_login(request, device)
            return TemplateResponse(
                request,
                "admin/two_factor/recovery_codes.html",
                _context(request, _("Your recovery codes"), codes=codes),
            )
        form.add_error("token", _("This code is not valid. Please try again."))
    return TemplateResponse(
        request,
        "admin/two_factor/setup.html",
        _context(
            request,
            _("Set up two-factor authentication"),
            form=form,
            qr_code=qr_code_svg(device.config_url),
            key=_grouped(device),
            has_device=user_has_device(user),
        ),
    )


@transaction.atomic
def _confirm(user, device) -> list[str]:
    """The new app replaces any earlier one; the recovery codes are new too."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=str(_("Recovery codes")))
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def _grouped(device) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(data: str):
    svg = segno.make(data, error="m").svg_inline(
        scale=4, light="#fff", title=str(_("QR code for your authenticator app"))
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 (segno's output)


app_name = "two_factor"
urlpatterns = [
    path("verify/", verify, name="verify"),
    path("setup/", setup, name="setup"),
]
