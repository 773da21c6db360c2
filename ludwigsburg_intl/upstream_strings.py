"""Strings of Django 6.1 and its add-ons that editors see but whose German catalogues lack.

Django's German admin, auth and core catalogues lag behind 6.1 (the action bar's "Run" and
"- Select an option -", the delete confirmations, the password-based login switch), as do
django-otp's and django-filter's. Without a German entry the admin shows the English. The
German is in the portal's own catalogue (``locale/de/LC_MESSAGES/django.po``), which takes
precedence over the apps' catalogues. Listing the strings here keeps them there: ``make
messages`` drops every entry that no source file names.

The admin's JavaScript strings (calendar, clock, selection boxes) are in the hand-kept
``locale/de/LC_MESSAGES/djangojs.po``: ``make messages`` does not touch that file.

``tests/core/test_admin_german.py`` finds any string of these catalogues without German, so a
Django upgrade that adds strings fails the tests until they are listed here and translated.
Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

DJANGO_ADMIN = [
    gettext_noop('The app "%s" could not be found.'),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects."),
    gettext_noop("Run"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
    gettext_noop("In case you’ve forgotten, you are:"),
]

DJANGO_AUTH = [
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
]

DJANGO_CORE = [
    gettext_noop("Haitian Creole"),
    gettext_noop("- Select an option -"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("No %s matches the given query."),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
]

ADD_ONS = [
    gettext_noop("sent by email"),  # django-otp
    gettext_noop("is null"),  # django-filter
    gettext_noop("Select a lookup."),  # django-filter
]
