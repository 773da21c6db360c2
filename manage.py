#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ludwigsburg_intl.settings.dev")
    from django.core.management import execute_from_command_line

    from ludwigsburg_intl.history import command_context

    # Changes a command makes to content are recorded with its name (see history.py).
    with command_context(sys.argv):
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
