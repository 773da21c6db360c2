"""Time the status overview and a committee briefing with a large amount of data.

Builds 500 projects, 5,000 status reports and 50 committee meetings (plus components,
milestones and five years of their history) inside a transaction that is rolled back at the
end, so the database is left as it was. Each page is rendered several times with Django's test
client; the median is printed. Target: under 100 ms per page.
"""

import datetime
import os
import random
import statistics
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries, transaction
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from climate.models import (
    ClimatePartnership,
    Committee,
    CommitteeMeeting,
    Component,
    Funder,
    Milestone,
    Project,
    StatusReport,
)
from ludwigsburg_intl import history, page_cache

TARGET_MS = 100


def _tables():
    models = [ClimatePartnership, Committee, CommitteeMeeting, Component, Funder, Milestone]
    models += [Project, StatusReport]
    tables = [model._meta.db_table for model in models]
    tables += [history.event_model(model)._meta.db_table for model in (Project, Milestone)]
    return [connection.ops.quote_name(table) for table in tables]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the climate status overview and a committee briefing (data is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=500)
        parser.add_argument("--reports", type=int, default=5000)
        parser.add_argument("--meetings", type=int, default=50)
        parser.add_argument("--runs", type=int, default=7)
        parser.add_argument(
            "--strict",
            action="store_true",
            help=f"Exit with status 1 if a page takes {TARGET_MS} ms or more.",
        )

    def handle(self, *args, **options):
        results = {}
        # An earlier run's rolled-back rows are dead rows until autovacuum comes by; runs a few
        # minutes apart would otherwise read each other's (a live database is vacuumed).
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(_tables())}")
        try:
            # The frame's fragments (footer, feed links) are kept as on the site, although the
            # data lives in a transaction; this process ends after the rollback.
            with transaction.atomic(), page_cache.fragments_kept_in_transaction():
                meeting = self.build(options["projects"], options["reports"], options["meetings"])
                client = Client(HTTP_HOST="localhost")
                # A CSRF cookie: the page cache (production settings) never serves the page.
                name, value = page_cache.bypass_cookie()
                client.cookies[name] = value
                pages = []
                for language in ("de", "en"):
                    with override(language):
                        pages += [
                            (f"overview ({language})", reverse("climate:status-overview")),
                            (
                                f"briefing ({language})",
                                reverse("climate:briefing", kwargs={"pk": meeting.pk}),
                            ),
                            (
                                f"briefing CSV ({language})",
                                reverse("climate:briefing-csv", kwargs={"pk": meeting.pk}),
                            ),
                        ]
                for label, path in pages:
                    results[label] = self.measure(client, path, options["runs"])
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(
            f"Climate benchmark: {options['projects']} projects, {options['reports']} status "
            f"reports, {options['meetings']} meetings; median of {options['runs']} runs "
            "(first run not counted)"
        )
        failed = False
        for label, (median, cpu, queries, size) in results.items():
            ok = median < TARGET_MS
            failed |= not ok
            self.stdout.write(
                f"  {label:<20} {median:7.1f} ms (Python CPU {cpu:6.1f} ms)  {queries:3d} queries  "
                f"{size / 1024:6.1f} KiB  {'ok' if ok else f'SLOWER THAN {TARGET_MS} ms'}"
            )
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        if load is not None:
            self.stdout.write(f"Load average during the run: {load:.1f} on {os.cpu_count()} CPUs.")
        self.stdout.write("The benchmark data has been rolled back.")
        if failed and options["strict"]:
            raise SystemExit(1)

    def measure(self, client, path, runs):
        response = client.get(path)  # warm-up: templates, translations, connection
        assert response.status_code == 200, (path, response.status_code)
        timings, cpu = [], []
        for _ in range(runs):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        return (
            statistics.median(timings),
            statistics.median(cpu),
            len(queries),
            len(response.content),
        )

    def build(self, n_projects, n_reports, n_meetings):
        rng = random.Random(4)
        partnerships = [
            ClimatePartnership.objects.create(
                slug=f"bench-{i}",
                name_de=f"Benchmark-Partnerschaft {i}",
                name_en=f"Benchmark partnership {i}",
                status="published",
            )
            for i in range(4)
        ]
        funders = [
            Funder.objects.create(slug=f"bench-funder-{i}", name_de=f"Förderer {i}")
            for i in range(3)
        ]
        statuses = [value for value, _label in Project.ProjectStatus.choices]
        lights = ["", "on_track", "at_risk", "delayed"]
        projects = Project.objects.bulk_create(
            Project(
                slug=f"bench-project-{i}",
                title_de=f"Benchmark-Projekt {i}",
                title_en=f"Benchmark project {i}",
                partnership=partnerships[i % len(partnerships)],
                funder=funders[i % len(funders)] if i % 5 else None,
                project_status=statuses[i % len(statuses)],
                traffic_light=lights[i % len(lights)],
                traffic_light_reason_de="Grund" if i % 4 > 1 else "",
                grant_amount=Decimal(rng.randint(1000, 500000)) + Decimal("0.25")
                if i % 7
                else None,
                start_year=2018 + i % 6,
                end_year=2021 + i % 6,
                status="published" if i % 25 else "draft",
            )
            for i in range(n_projects)
        )
        Component.objects.bulk_create(
            Component(
                project=p,
                title_de=f"Bestandteil {k}",
                target=Decimal(100),
                progress=Decimal(k * 10),
                sort_order=k,
            )
            for p in projects
            for k in range(3)
        )
        start = datetime.date(2020, 1, 1)
        milestones = Milestone.objects.bulk_create(
            Milestone(
                project=p,
                title_de=f"Meilenstein {k}",
                title_en=f"Milestone {k}",
                due_date=start + datetime.timedelta(days=rng.randint(0, 2000)),
                reached_on=start + datetime.timedelta(days=rng.randint(0, 1500))
                if k == 0
                else None,
            )
            for p in projects
            for k in range(3)
        )
        StatusReport.objects.bulk_create(
            StatusReport(
                project=projects[i % len(projects)],
                reported_on=start + datetime.timedelta(days=rng.randint(0, 1800)),
                text_de=f"Sachstandsbericht {i}: Die Umsetzung läuft.",
                text_en=f"Status report {i}: implementation is under way.",
                status="published" if i % 10 else "draft",
            )
            for i in range(n_reports)
        )
        committee = Committee.objects.create(slug="bench-committee", name_de="Benchmark-Ausschuss")
        meetings = CommitteeMeeting.objects.bulk_create(
            CommitteeMeeting(
                committee=committee,
                date=start + datetime.timedelta(days=36 * i),
                status="published",
            )
            for i in range(n_meetings)
        )
        self.build_history(projects, milestones)
        with connection.cursor() as cursor:
            # Planner statistics, as a live database has them after autovacuum.
            cursor.execute("ANALYZE")
        return meetings[len(meetings) // 2]

    def build_history(self, projects, milestones):
        """Versions as the history would hold them after five years: everything entered before
        the first meeting, then status and traffic-light changes and moved milestones spread
        over the years (the triggers record the real time; the versions are dated afterwards)."""
        entered = datetime.datetime(2019, 12, 1, 12, tzinfo=datetime.UTC)
        for model in history.tracked_models():
            history.event_model(model).objects.update(pgh_created_at=entered)
        statuses = [value for value, _label in Project.ProjectStatus.choices]
        for step in range(4):
            Project.objects.filter(pk__in=[p.pk for p in projects[step::3]]).update(
                project_status=statuses[step % len(statuses)],
                traffic_light=["on_track", "at_risk", "delayed", ""][step],
            )
        Milestone.objects.filter(pk__in=[m.pk for m in milestones[::3]]).update(
            due_date=F("due_date") + datetime.timedelta(days=30)
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(0.4)")
            for model in (Project, Milestone):
                table = history.event_model(model)._meta.db_table
                cursor.execute(
                    f"UPDATE {table} SET pgh_created_at = %s + random() * interval '1800 days' "
                    "WHERE pgh_label = 'update'",
                    [datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)],
                )
