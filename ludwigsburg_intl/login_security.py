"""Safe login for the admin: lockout after failed attempts (django-axes), the second factor
(django-otp), the one-time password of a new editor account, and staff session limits.

The setting ``OTP_REQUIRED_FOR`` says who must use a second factor:
``"superusers-and-personal-data"`` (superusers and everyone who may see personal data),
``"all-staff"`` or ``"none"``.
"""

import time

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .client_address import client_address

LOGIN_AT_SESSION_KEY = "portal_login_at"

LOCKOUT_MESSAGE = _(
    "Too many failed login attempts: logging in with this user name from this address is "
    "locked for 15 minutes. Please try again later, or ask an administrator to lift the lock."
)

OTP_MODES = ("superusers-and-personal-data", "all-staff", "none")


def client_ip(request) -> str:
    """The client's address for the login lockout: as the trusted proxies saw it."""
    return client_address(request)


def lockout_response(request, original_response=None, credentials=None):
    """The admin's login page with the lockout explained in the editor's language (axes'
    own answer is a bare English sentence)."""
    from django.contrib.admin.forms import AdminAuthenticationForm

    form = AdminAuthenticationForm(request)
    form.cleaned_data = {}
    form.add_error(None, str(LOCKOUT_MESSAGE))
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": "",
        "form": form,
        REDIRECT_FIELD_NAME: request.POST.get(REDIRECT_FIELD_NAME, reverse("admin:index")),
    }
    # Rendered at once: django-axes returns it from its middleware, after the template stage.
    return render(request, "admin/login.html", context, status=429)


def second_factor_required(user) -> bool:
    from .roles import is_personal_data_user

    mode = getattr(settings, "OTP_REQUIRED_FOR", "superusers-and-personal-data")
    if mode not in OTP_MODES:
        raise ValueError(f"OTP_REQUIRED_FOR must be one of {OTP_MODES}, not {mode!r}")
    if mode == "none" or not (user.is_active and user.is_staff):
        return False
    if mode == "all-staff":
        return True
    return is_personal_data_user(user)


def remember_login_time(sender, request, user, **kwargs):
    """``user_logged_in`` handler: the start of the session, for its absolute limit."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_SESSION_KEY] = int(time.time())


class LoginSecurityMiddleware:
    """After authentication: ends a session older than ``STAFF_SESSION_MAX_AGE`` whatever its
    activity (the idle limit is the session's own age, renewed by every request), and keeps a
    staff user in the admin's login steps until they are done: the second factor where it is
    required, then replacing a one-time password."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is no login to check: an anonymous visitor's session
        # is never loaded (public pages stay cacheable and cookie-free).
        user = getattr(request, "user", None)
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and user is not None and user.is_authenticated:
            login_at = request.session.get(LOGIN_AT_SESSION_KEY)
            max_age = getattr(settings, "STAFF_SESSION_MAX_AGE", 8 * 60 * 60)
            if login_at is None or time.time() - login_at > max_age:
                logout(request)
            elif request.path.startswith(reverse("admin:index")) and user.is_staff:
                response = self.next_login_step(request, user)
                if response is not None:
                    return response
        return self.get_response(request)

    def next_login_step(self, request, user):
        from django_otp import user_has_device

        always_open = {
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
            reverse("two_factor:verify"),
            reverse("two_factor:setup"),
        }
        if request.path in always_open:
            return None
        next_query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        if second_factor_required(user) and not user.is_verified():
            step = "two_factor:verify" if user_has_device(user) else "two_factor:setup"
            return redirect(f"{reverse(step)}?{next_query}")
        if request.path in (
            reverse("admin:password_change"),
            reverse("admin:password_change_done"),
        ):
            return None
        account = getattr(user, "editor_account", None)
        if account is not None and account.must_change_password:
            messages.warning(
                request, _("Please replace your one-time password with a password of your own.")
            )
            return redirect(reverse("admin:password_change"))
        return None
