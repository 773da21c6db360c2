"""The climate-partnership editors' role (see ludwigsburg_intl/roles.py)."""

from ludwigsburg_intl import roles

roles.register(
    roles.Role(
        key="klima",
        name="Redaktion Klimapartnerschaften",
        order=20,
        permissions={
            "climate.climatepartnership": roles.EDIT,
            "climate.project": roles.EDIT,
            "climate.statusreport": roles.EDIT,
            "climate.funder": roles.EDIT,
            "climate.committee": roles.EDIT,
            "climate.committeemeeting": roles.EDIT,
            # Edited inline on the partnership's or the project's page.
            "climate.situationentry": roles.EDIT_AND_DELETE,
            "climate.component": roles.EDIT_AND_DELETE,
            "climate.milestone": roles.EDIT_AND_DELETE,
            # Written automatically from the project's changes: read only.
            "climate.projectchange": roles.VIEW_ONLY,
        },
    )
)
