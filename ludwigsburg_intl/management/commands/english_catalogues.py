"""English is the source language: every English catalogue entry reads exactly as its msgid.

gettext's ``msgen`` fills only empty entries, so when a msgid changes, ``msgmerge`` keeps the old
English text as a "fuzzy" match and ``msgen`` leaves it: the page would show the old wording.
This command rewrites every entry of the English catalogues from its msgid (and msgid_plural),
drops fuzzy flags and previous-msgid comments, and leaves the header alone. ``make messages``
runs it after ``makemessages``.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


def _strings(lines: list[str], keyword: str) -> list[str]:
    """The quoted lines of ``keyword`` (its own line and the continuation lines after it)."""
    for index, line in enumerate(lines):
        if line.startswith(keyword + " "):
            found = [line[len(keyword) + 1 :]]
            for following in lines[index + 1 :]:
                if not following.startswith('"'):
                    break
                found.append(following)
            return found
    return []


def english_entry(entry: str) -> str:
    lines = entry.split("\n")
    msgid = _strings(lines, "msgid")
    if not msgid or msgid == ['""']:
        return entry  # the header, or something that is no entry
    plural = _strings(lines, "msgid_plural")
    kept = []
    skipping = False
    for line in lines:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                kept.append("#, " + ", ".join(flags))
            continue
        if line.startswith("msgstr"):
            skipping = True
            continue
        if skipping and line.startswith('"'):
            continue
        skipping = False
        kept.append(line)
    if plural:
        kept += ["msgstr[0] " + msgid[0], *msgid[1:], "msgstr[1] " + plural[0], *plural[1:]]
    else:
        kept += ["msgstr " + msgid[0], *msgid[1:]]
    return "\n".join(kept)


class Command(BaseCommand):
    help = "Make every entry of the English .po files read as its msgid (English is the source)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        paths = sorted(
            p
            for p in base.glob("**/locale/en/LC_MESSAGES/django.po")
            if ".venv" not in p.parts and "var" not in p.parts
        )
        for path in paths:
            text = path.read_text(encoding="utf-8")
            entries = text.rstrip("\n").split("\n\n")
            rewritten = "\n\n".join(english_entry(entry) for entry in entries) + "\n"
            if rewritten != text:
                path.write_text(rewritten, encoding="utf-8")
                if options["verbosity"]:
                    self.stdout.write(f"Rewritten: {path.relative_to(base)}")
