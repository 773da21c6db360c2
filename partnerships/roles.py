"""The partner-city editors' role (see ludwigsburg_intl/roles.py)."""

from ludwigsburg_intl import roles

roles.register(
    roles.Role(
        key="partnerstaedte",
        name="Redaktion Partnerstädte",
        order=10,
        permissions={
            "partnerships.partnercity": roles.EDIT,
            "partnerships.activity": roles.EDIT,
            "partnerships.annualprogramme": roles.EDIT,
            # Edited inline on the city's page.
            "partnerships.award": roles.EDIT_AND_DELETE,
            "partnerships.cityimage": roles.EDIT_AND_DELETE,
            "partnerships.citylink": roles.EDIT_AND_DELETE,
        },
    )
)
