"""Time the site search over 10,000 published documents.

Builds 5,000 site pages and 5,000 calendar events (German and English text of a few hundred
words each, from a vocabulary of common and rare words) inside a transaction that is rolled
back at the end, so the database is left as it was. Each query runs as the search function
alone (one SQL statement) and as the whole search page (Django's test client); median and p95
are printed. Target: under 50 ms for each.
"""

import datetime
import os
import random
import statistics
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from ludwigsburg_intl import page_cache, search
from ludwigsburg_intl.models import Area, Event, SitePage

TARGET_MS = 50

# Words every document may contain, with how often (share of documents).
COMMON_DE = {"Partnerschaft": 0.4, "Klimaschutz": 0.2, "Schüleraustausch": 0.05, "Solar": 0.03}
COMMON_EN = {"partnership": 0.4, "climate": 0.2, "exchange": 0.05, "solar": 0.03}
SYLLABLES = "ka lu mi sto ber an ge ta ri on el fa wa sen dor pel ku ni ra ho".split()

QUERIES = [
    ("de", "Partnerschaft", "a word in 40 % of the documents"),
    ("de", "Schüleraustausch", "a word in 5 %"),
    ("de", "Solar Partnerschaft", "two words"),
    ("de", '"Klimaschutz Partnerschaft"', "a phrase"),
    ("de", "Klimasch", "a prefix"),
    ("de", "Mitnichtenwort", "no hit (suggestion from the cached vocabulary)"),
    ("en", "partnerships", "English, 40 %"),
    ("en", "solar exchange", "English, two words"),
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the site search over 10,000 documents (the data is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=21)
        parser.add_argument(
            "--strict",
            action="store_true",
            help=f"Exit with status 1 if a median or p95 is {TARGET_MS} ms or more.",
        )

    def handle(self, *args, **options):
        rows = []
        try:
            # The frame's fragments (footer, feed links) are kept as on the site, although the
            # data lives in a transaction; this process ends after the rollback.
            with transaction.atomic(), page_cache.fragments_kept_in_transaction():
                started = time.perf_counter()
                self.build(options["documents"])
                built = time.perf_counter() - started
                client = Client(HTTP_HOST="localhost")
                # A CSRF cookie: the page cache (production settings) never serves the page.
                name, value = page_cache.bypass_cookie()
                client.cookies[name] = value
                # The cache key of the vocabulary holds the content version, which repeats
                # after a rollback: forget what an earlier run stored under it.
                version = page_cache.content_version()
                for language in ("de", "en"):
                    page_cache.page_cache().delete(search.vocabulary_key(language, version))
                with override("de"):
                    started = time.perf_counter()
                    search.vocabulary("de")
                    vocabulary_ms = (time.perf_counter() - started) * 1000
                for language in ("de", "en"):
                    # Built once per content version and kept, as on the site; search.vocabulary()
                    # keeps nothing inside a transaction (this one is rolled back), so it is put
                    # into the cache here, and taken out again after the rollback (below).
                    page_cache.page_cache().set(
                        search.vocabulary_key(language, version), search.vocabulary(language), 3600
                    )
                for language, text, label in QUERIES:
                    with override(language):
                        path = reverse("search")
                        total = search.search(text, language)[1]
                        sql = self.measure(
                            lambda t=text, lang=language: search.search(t, lang), options["runs"]
                        )
                        page = self.measure(
                            lambda p=path, t=text: client.get(p, {"q": t}), options["runs"]
                        )
                    rows.append((f"{text} ({language})", label, total, sql, page))
                raise Rollback
        except Rollback:
            pass
        # The content version rolled back with the data, and real edits will count it up to the
        # numbers used here again: the word lists built from the benchmark's documents must not
        # be found under them (as suggestions for real visitors).
        for language in ("de", "en"):
            for number in range(page_cache.content_version(), version + 1):
                page_cache.page_cache().delete(search.vocabulary_key(language, number))
        self.stdout.write(
            f"Search benchmark: {options['documents']:,} published documents (built in "
            f"{built:.0f} s), {options['runs']} runs per query; milliseconds"
        )
        self.stdout.write(
            f"  {'query':<34} {'hits':>6}  {'search() median/p95':>19} {'CPU':>5}"
            f"  {'page median/p95':>16} {'CPU':>5}"
        )
        failed = False
        for text, label, total, sql, page in rows:
            ok = max(*sql[:2], *page[:2]) < TARGET_MS
            failed |= not ok
            self.stdout.write(
                f"  {text:<34} {total:>6}  {sql[0]:10.1f} /{sql[1]:7.1f} {sql[2]:5.1f}"
                f"  {page[0]:8.1f} /{page[1]:6.1f} {page[2]:5.1f}"
                f"  {'ok' if ok else f'SLOWER THAN {TARGET_MS} ms'}  ({label})"
            )
        self.stdout.write(
            f"Building the vocabulary for suggestions (once per content change): "
            f"{vocabulary_ms:.0f} ms."
        )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        if load is not None:
            self.stdout.write(f"Load average during the run: {load:.1f} on {os.cpu_count()} CPUs.")
        self.stdout.write("The benchmark data has been rolled back.")
        if failed and options["strict"]:
            raise SystemExit(1)

    @staticmethod
    def measure(call, runs):
        """Median and p95 of the wall time, and the median of this process's CPU time (which a
        busy machine inflates less; the database's share is not in it)."""
        call()  # warm-up
        timings, cpu = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            call()
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        return statistics.median(timings), p95, statistics.median(cpu)

    def build(self, documents):
        rng = random.Random(13)
        rare = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(3000)]

        def text(common, words):
            chosen = [w for w, share in common.items() if rng.random() < share]
            chosen += rng.choices(rare, k=words)
            rng.shuffle(chosen)
            return " ".join(chosen).capitalize() + "."

        pages = documents // 2
        SitePage.objects.bulk_create(
            SitePage(
                slug=f"benchmark-{n}",
                title_de=text(COMMON_DE, 4),
                title_en=text(COMMON_EN, 4),
                summary_de=text(COMMON_DE, 20),
                summary_en=text(COMMON_EN, 20),
                body_de=text(COMMON_DE, 300),
                body_en=text(COMMON_EN, 300) if n % 3 else "",  # a third German only
                show_in_footer=False,
                status=SitePage.Status.PUBLISHED,
            )
            for n in range(pages)
        )
        start = timezone.now() + datetime.timedelta(days=1)
        Event.objects.bulk_create(
            Event(
                title_de=text(COMMON_DE, 5),
                title_en=text(COMMON_EN, 5) if n % 2 else "",
                description_de=text(COMMON_DE, 150),
                description_en=text(COMMON_EN, 150) if n % 2 else "",
                place_de="Ludwigsburg",
                starts_at=start + datetime.timedelta(hours=n),
                area=rng.choice(Area.values),
                uid=f"{uuid.uuid4()}@benchmark",
                status=Event.Status.PUBLISHED,
            )
            for n in range(documents - pages)
        )
        with connection.cursor() as cursor:
            for model in (SitePage, Event):
                table = model._meta.db_table
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
                # New entries of a GIN index wait in its pending list, which every search reads
                # through, until autovacuum moves them into the index: a few edits on the site,
                # 10,000 documents here. This does for the benchmark what autovacuum does.
                cursor.execute(
                    "SELECT gin_clean_pending_list(indexrelid::regclass) FROM pg_index"
                    " JOIN pg_class ON pg_class.oid = indexrelid JOIN pg_am ON pg_am.oid = relam"
                    " WHERE indrelid = %s::regclass AND amname = 'gin'",
                    [table],
                )
