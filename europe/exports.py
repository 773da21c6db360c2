"""The EU funding calls as open data (CSV and JSON), registered for the open-data page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area
from ludwigsburg_intl.opendata import Column, latest_change, table_response
from ludwigsburg_intl.translation_fallback import translated

from .models import FundingCall, FundingProgramme

COLUMNS = [
    Column("title", gettext_lazy("Title")),
    Column("programme", gettext_lazy("Programme")),
    Column("funding_body", gettext_lazy("Funding body")),
    Column("opens_on", gettext_lazy("Open from")),
    Column("deadline", gettext_lazy("Deadline")),
    Column("state", gettext_lazy("State")),
    Column("budget_eur", gettext_lazy("Budget (EUR)"), places=2),
    Column("topics", gettext_lazy("Topics")),
    Column("sdg_goals", gettext_lazy("SDG goals")),
    Column("example_only", gettext_lazy("Example only")),
    Column("official_page", gettext_lazy("Official call page")),
    Column("summary", gettext_lazy("Summary")),
    Column("page", gettext_lazy("Page on this portal")),
]


def records(request):
    calls = FundingCall.objects.published().for_list().prefetch_related("sdg_goals")
    return [
        {
            "title": translated(call, "title").text,
            "programme": translated(call.programme, "name").text,
            "funding_body": call.programme.funder or None,
            "opens_on": call.opens_on,
            "deadline": call.deadline,
            "state": call.get_state_display(),
            "budget_eur": call.budget,
            "topics": [translated(topic, "name").text for topic in call.topics.all()],
            "sdg_goals": [goal.number for goal in call.sdg_goals.all()],
            "example_only": call.is_example or call.programme.is_example,
            "official_page": call.url or None,
            "summary": translated(call, "summary").text or None,
            "page": request.build_absolute_uri(call.get_absolute_url()),
        }
        for call in calls.order_by("deadline", "pk")
    ]


@require_safe
def call_data(request, fmt):
    return table_response(request, fmt, COLUMNS, records(request), title=_("EU funding calls"))


def register():
    areas.register_dataset(
        areas.Dataset(
            key="funding-calls",
            title=gettext_lazy("EU funding calls"),
            description=gettext_lazy(
                "Calls for EU funding that matter to the city and its partners: programme, "
                "opening, deadline, state, budget in euros and topics."
            ),
            distributions={"csv": "europe:data-csv", "json": "europe:data-json"},
            modified=lambda: latest_change(FundingCall, FundingProgramme),
            area=Area.EUROPE,
            order=30,
        )
    )
