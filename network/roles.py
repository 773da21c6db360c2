"""The development-policy network editors' role (see ludwigsburg_intl/roles.py)."""

from ludwigsburg_intl import roles

roles.register(
    roles.Role(
        key="netzwerk",
        name="Redaktion Netzwerk",
        order=40,
        permissions={
            "network.topic": roles.EDIT,
            "network.actor": roles.EDIT,
            "network.programme": roles.EDIT,
            "network.coordinationitem": roles.EDIT,
            "network.membership": roles.EDIT,
            "network.statepartner": roles.EDIT,
            "network.indicator": roles.EDIT,
            # Edited inline on the indicator's page.
            "network.indicatorvalue": roles.EDIT_AND_DELETE,
        },
    )
)
