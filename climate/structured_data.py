"""schema.org description of a climate project (see ``ludwigsburg_intl.structured_data``).

A ``Project`` (schema.org's pending type) with its ``funder``. The recorded amount is "granted
or requested": it is given as the ``MonetaryGrant``'s amount only once the project is approved
(or further), so that a requested sum is never presented as granted. Unknown values are left out.
"""

from ludwigsburg_intl.structured_data import SCHEMA
from ludwigsburg_intl.translation_fallback import translated

from .models import Project

GRANTED = {
    Project.ProjectStatus.APPROVED,
    Project.ProjectStatus.IMPLEMENTATION,
    Project.ProjectStatus.COMPLETED,
}


def project(project, request) -> dict | None:
    if not project.is_live:
        return None
    data = {
        "@context": SCHEMA,
        "@type": "Project",
        "name": translated(project, "title").text,
        "url": request.build_absolute_uri(project.get_absolute_url()),
    }
    summary = translated(project, "summary").text
    if summary:
        data["description"] = summary
    if project.funder is not None:
        funder = {"@type": "Organization", "name": translated(project.funder, "name").text}
        data["funder"] = funder
        grant = {"@type": "MonetaryGrant", "funder": funder}
        programme = translated(project, "funding_programme").text
        if programme:
            grant["name"] = programme
        if project.grant_amount is not None and project.project_status in GRANTED:
            grant["amount"] = {
                "@type": "MonetaryAmount",
                "value": float(project.grant_amount),
                "currency": "EUR",
            }
        data["funding"] = grant
    return data
