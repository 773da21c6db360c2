"""British English date formats for the English pages (Django's `en` formats are American).

Found through ``FORMAT_MODULE_PATH``; everything that formats a date or time (the ``date``
filter, ``formats.date_format``, ``localize``) uses these on English pages, in CSV downloads
and in the iCalendar exports. Numbers keep Django's English separators.
"""

DATE_FORMAT = "j F Y"  # 14 June 2023
TIME_FORMAT = "H:i"  # 18:30
DATETIME_FORMAT = "j F Y, H:i"  # 14 June 2023, 18:30
YEAR_MONTH_FORMAT = "F Y"  # June 2023
MONTH_DAY_FORMAT = "j F"  # 14 June
SHORT_DATE_FORMAT = "d/m/Y"  # 14/06/2023
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 14/06/2023 18:30
FIRST_DAY_OF_WEEK = 1  # Monday

# Input: ISO first (what <input type="date"> sends), then the British forms; never the
# American month-first forms, which would read 03/04/2024 as 4 March.
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2023-06-14
    "%d/%m/%Y",  # 14/06/2023
    "%d/%m/%y",  # 14/06/23
    "%d %B %Y",  # 14 June 2023
    "%d %b %Y",  # 14 Jun 2023
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%d/%m/%y %H:%M:%S",
    "%d/%m/%y %H:%M:%S.%f",
    "%d/%m/%y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
