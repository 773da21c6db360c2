import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from ludwigsburg_intl.models import Area, ContactPerson, Event
from ludwigsburg_intl.pagination import paginate
from ludwigsburg_intl.publishing import get_visible_or_404

from .filters import FundingCallFilter
from .forms import InterestForm
from .models import (
    CLOSING_SOON_DAYS,
    FundingApplication,
    FundingCall,
    InterestSubmission,
    Network,
    ParticipationProgramme,
    WorkField,
    berlin_today,
)
from .ratelimit import admit

CALLS_PER_PAGE = 20
# How long the confirmation page shows what was sent (its address is the only key to it).
CONFIRMATION_SHOWS_DATA_FOR = datetime.timedelta(hours=1)


def _europe_events():
    return Event.objects.published().upcoming().filter(area=Area.EUROPE).for_calendar()


@require_safe
def index(request):
    today = berlin_today()
    return render(
        request,
        "europe/index.html",
        {
            "work_fields": list(WorkField.objects.published().prefetch_related("sdg_goals")),
            "closing_soon": list(
                FundingCall.objects.published().closing_soon(today).select_related("programme")[:5]
            ),
            "programmes": list(ParticipationProgramme.objects.published()),
            "events": list(_europe_events()[:5]),
            "contacts": list(ContactPerson.objects.for_area(Area.EUROPE).select_related("office")),
            "closing_soon_days": CLOSING_SOON_DAYS,
            "breadcrumbs": [(_("Europe"), None)],
        },
    )


@require_safe
def call_list(request):
    calls = FundingCall.objects.published().for_list()
    call_filter = FundingCallFilter(request.GET or None, queryset=calls)
    filtered = call_filter.qs if call_filter.is_bound and call_filter.is_valid() else calls
    pages = paginate(request, filtered.order_by("deadline", "pk"), CALLS_PER_PAGE)
    calls = pages["page_obj"].object_list
    applications = FundingApplication.objects.published().select_related("programme", "call")
    return render(
        request,
        "europe/call_list.html",
        {
            **pages,
            "filter": call_filter,
            "calls": calls,
            "any_example": any(call.is_example for call in calls),
            "applications": list(applications),
            "closing_soon_days": CLOSING_SOON_DAYS,
            "breadcrumbs": [(_("Europe"), "europe:index"), (_("EU funding calls"), None)],
        },
    )


@require_safe
def call_detail(request, slug):
    queryset = FundingCall.objects.for_list().prefetch_related("sdg_goals")
    call = get_visible_or_404(queryset, request, slug=slug)
    events = Event.objects.published().filter(pk=call.deadline_event_id)
    return render(
        request,
        "europe/call_detail.html",
        {
            "object": call,
            "call": call,
            "deadline_event": events.first(),
            "closing_soon_days": CLOSING_SOON_DAYS,
            "breadcrumbs": [
                (_("Europe"), "europe:index"),
                (_("EU funding calls"), "europe:call-list"),
                (call.title, None),
            ],
        },
    )


@require_safe
def network_list(request):
    networks = Network.objects.published().prefetch_related(
        Prefetch("programmes", queryset=ParticipationProgramme.objects.published())
    )
    return render(
        request,
        "europe/network_list.html",
        {
            "networks": list(networks),
            "breadcrumbs": [(_("Europe"), "europe:index"), (_("European networks"), None)],
        },
    )


@require_safe
def participation(request):
    return render(
        request,
        "europe/participation.html",
        {
            "programmes": list(ParticipationProgramme.objects.published()),
            "breadcrumbs": [
                (_("Europe"), "europe:index"),
                (_("Participation for council members"), None),
            ],
        },
    )


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def interest_form(request):
    """The only page of the area that sets a cookie (CSRF): it holds a real form."""
    refusal = None
    if request.method == "POST":
        form = InterestForm(request.POST)
        spam = form.is_spam
        if spam or form.is_valid():
            with transaction.atomic():
                refusal = admit(request, spam=spam)
                if refusal is None and spam:
                    # Bots are told "thank you" and nothing is stored.
                    return redirect("europe:interest-thanks")
                if refusal is None:
                    submission = form.save(commit=False)
                    submission.language = get_language() or "de"
                    submission.save()
                    return redirect("europe:interest-thanks-token", token=submission.token)
    else:
        initial = {}
        slug = request.GET.get("programme")
        if slug:
            programme = ParticipationProgramme.objects.published().filter(slug=slug[:50]).first()
            if programme:
                initial["programme"] = programme
        form = InterestForm(initial=initial)
    response = render(
        request,
        "europe/interest_form.html",
        {
            "form": form,
            "refusal": refusal,
            "retention_months": settings.INTEREST_SUBMISSION_RETENTION_MONTHS,
            "breadcrumbs": [
                (_("Europe"), "europe:index"),
                (_("Participation for council members"), "europe:participation"),
                (_("Express your interest"), None),
            ],
        },
        status=429 if refusal else 200,
    )
    if refusal:
        response["Retry-After"] = str(refusal.retry_after)
    return response


@require_safe
def interest_thanks(request, token=None):
    submission = None
    if token is not None:
        submission = (
            InterestSubmission.objects.select_related("programme")
            .filter(token=token, created_at__gte=timezone.now() - CONFIRMATION_SHOWS_DATA_FOR)
            .first()
        )
    response = render(
        request,
        "europe/interest_thanks.html",
        {
            "submission": submission,
            "breadcrumbs": [
                (_("Europe"), "europe:index"),
                (_("Participation for council members"), "europe:participation"),
                (_("Thank you"), None),
            ],
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response
