"""The Europe editors' role and the role for the Europe area's personal data
(see ludwigsburg_intl/roles.py). Nominations and the interest form's submissions are personal
data: only their own group may see them, and no editor role may name them."""

from ludwigsburg_intl import roles

roles.register(
    roles.Role(
        key="europa",
        name="Redaktion Europa",
        order=30,
        permissions={
            "europe.workfield": roles.EDIT,
            "europe.fundingtopic": roles.EDIT,
            "europe.fundingprogramme": roles.EDIT,
            "europe.fundingcall": roles.EDIT,
            "europe.fundingapplication": roles.EDIT,
            "europe.network": roles.EDIT,
            "europe.participationprogramme": roles.EDIT,
        },
    )
)

roles.register(
    roles.Role(
        key="personendaten-europa",
        name="Personenbezogene Daten Europa",
        order=60,
        personal_data=True,
        permissions={
            # Deleting is part of the job: a request for erasure.
            "europe.nomination": roles.EDIT_AND_DELETE,
            # Submissions come from the public form: never added in the admin.
            "europe.interestsubmission": (roles.CHANGE, roles.DELETE, roles.VIEW),
        },
    )
)
