"""Demo content of the climate partnerships, from the facts of the public sources (shared/seeds).

Only what the sources say: the figures, years and dates of the committee briefing of 14 June
2023. Progress numbers, own shares, traffic lights and the titles of Ambato's nine project
outlines are not in the sources and stay empty. So do the funder of Kongoussi's application for
2023–2026 and the grant of "Ambato en Bici": the sources give that project's 260,000 € but not
whether it is a grant, who funds it or how far its approval is, so it is not counted as one.
"""

import datetime
from decimal import Decimal

from ludwigsburg_intl.demo import add_if_new, demo_events, set_if_new, upsert
from ludwigsburg_intl.models import SDGGoal

from .models import (
    ClimatePartnership,
    Committee,
    CommitteeMeeting,
    Component,
    DatePrecision,
    Milestone,
    Project,
    SituationEntry,
    StatusReport,
)

PUBLISHED = "published"
BRIEFING_DAY = datetime.date(2023, 6, 14)


def load():
    kongoussi, ambato = load_partnerships()
    load_kongoussi_projects(kongoussi)
    load_ambato_projects(ambato)
    load_meetings()


def _goals(obj, numbers):
    set_if_new(obj, "sdg_goals", SDGGoal.objects.filter(number__in=numbers))


def _montbeliard():
    try:
        from partnerships.models import PartnerCity
    except ImportError:  # pragma: no cover - the partnerships app is always installed
        return None
    return PartnerCity.objects.filter(slug="montbeliard").first()


def load_partnerships():
    kongoussi = upsert(
        ClimatePartnership,
        {"slug": "kongoussi"},
        name_de="Klimapartnerschaft Kongoussi",
        name_en="Climate partnership with Kongoussi",
        city_de="Kongoussi",
        city_en="Kongoussi",
        country_de="Burkina Faso",
        country_en="Burkina Faso",
        themes_de="Klimaschutz und Anpassung an den Klimawandel",
        themes_en="Climate protection and adaptation to climate change",
        summary_de=(
            "Ludwigsburg setzt sich gemeinsam mit seiner französischen Partnerstadt Montbéliard seit vielen "
            "Jahren für Kongoussi in Burkina Faso ein. Die Koordinierungsstelle für kommunale "
            "Entwicklungspolitik begleitet das Klimaschutz- und Klimaanpassungsprojekt der beiden Kommunen "
            "und setzt es um; nach ihren Angaben wird es mit Mitteln des Bundesministeriums für "
            "wirtschaftliche Zusammenarbeit und Entwicklung (BMZ) gefördert."
        ),
        summary_en=(
            "Together with its French partner city Montbéliard, Ludwigsburg has supported Kongoussi in "
            "Burkina Faso for many years. The coordination office for municipal development policy "
            "accompanies and carries out the two towns' project on climate protection and adaptation to "
            "climate change; according to the office, it is funded by the German Federal Ministry for "
            "Economic Cooperation and Development (BMZ)."
        ),
        partners_de=(
            "- Montbéliard (Frankreich), Partnerstadt Ludwigsburgs, engagiert sich gemeinsam mit Ludwigsburg für Kongoussi\n"
            "- Freundeskreis Burkina Faso: ehrenamtliche Unterstützung in Ludwigsburg"
        ),
        partners_en=(
            "- Montbéliard (France), Ludwigsburg's partner city, supports Kongoussi together with Ludwigsburg\n"
            "- Freundeskreis Burkina Faso (Friends of Burkina Faso): volunteers supporting the partnership in Ludwigsburg"
        ),
        partner_city=_montbeliard(),
        action_programme_de="",
        action_programme_en="",
        project_outline_count=None,
        outlook_de="",
        outlook_en="",
        sort_order=10,
        status=PUBLISHED,
    )
    _goals(kongoussi, [7, 13, 17])
    timeline = [
        (
            datetime.date(2015, 1, 1),
            DatePrecision.YEAR,
            "Beginn einer Zeit zunehmender Terroranschläge in Burkina Faso.",
            "Start of a period of increasing terrorist attacks in Burkina Faso.",
        ),
        (
            datetime.date(2022, 1, 1),
            DatePrecision.MONTH,
            "Militärputsch in Burkina Faso.",
            "Military coup in Burkina Faso.",
        ),
        (
            datetime.date(2022, 9, 1),
            DatePrecision.MONTH,
            "Zweiter Militärputsch im selben Jahr. Im Zuge der Putsche wird auch in Kongoussi die Verwaltungsspitze ausgetauscht.",
            "A second military coup in the same year. In the course of the coups the head of the administration is replaced in Kongoussi too.",
        ),
        (
            datetime.date(2022, 12, 1),
            DatePrecision.MONTH,
            "Die Bewohnerinnen und Bewohner von vier Dörfern fliehen nach Kongoussi; die Lage in der Stadt ist sehr schwierig.",
            "The people of four villages flee to Kongoussi; the situation in the town is very difficult.",
        ),
    ]
    for date, precision, text_de, text_en in timeline:
        upsert(
            SituationEntry,
            {"partnership": kongoussi, "date": date},
            precision=precision,
            text_de=text_de,
            text_en=text_en,
        )

    ambato = upsert(
        ClimatePartnership,
        {"slug": "ambato"},
        name_de="Klimapartnerschaft Ambato",
        name_en="Climate partnership with Ambato",
        city_de="Ambato",
        city_en="Ambato",
        country_de="Ecuador",
        country_en="Ecuador",
        themes_de="Umwelt und Verkehr",
        themes_en="Environment and transport",
        summary_de=(
            "Mit Ambato in Ecuador unterhält Ludwigsburg eine Klimapartnerschaft zu Umwelt- und Verkehrsthemen. "
            "Von 2019 bis 2022 wurden mehrere geförderte Projekte erfolgreich umgesetzt; für 2023 bis 2025 ist "
            "das Projekt „Ambato en Bici“ zum Aufbau eines Fahrradleihsystems und einer Fahrradschule genannt."
        ),
        summary_en=(
            "Ludwigsburg and Ambato in Ecuador work together in a climate partnership on the environment and "
            "transport. Several funded projects were carried out successfully from 2019 to 2022; for 2023 to 2025 "
            "the sources name the project “Ambato en Bici” for setting up a bike-sharing system and a cycling "
            "school."
        ),
        partners_de=(
            "- Pädagogische Hochschule Ludwigsburg und Universidad Técnica de Ambato: Hochschulkooperation, die die Stadt begleitet\n"
            "- Stadt Karlsruhe: Vernetzung im Biodiversitätsprogramm"
        ),
        partners_en=(
            "- Ludwigsburg University of Education (PH) and Universidad Técnica de Ambato: a university collaboration the city accompanies\n"
            "- City of Karlsruhe: networking within the biodiversity programme"
        ),
        partner_city=None,
        action_programme_de=(
            "Ludwigsburg und Ambato haben ein neues Handlungsprogramm für ihre Klimapartnerschaft erarbeitet. "
            "Es enthält Skizzen für künftige gemeinsame Projekte."
        ),
        action_programme_en=(
            "Ludwigsburg and Ambato have drawn up a new action programme for their climate partnership. "
            "It contains outlines of future joint projects."
        ),
        project_outline_count=9,
        outlook_de=(
            "## Arbeitsstrukturen und Besuche\n"
            "- Seit Mai 2023: Amtsantritt von Diana Caiza; neue Direktorinnen, Direktoren und Entscheidungsträger lernen die Partnerschaft kennen\n"
            "- Juli 2023: Besuch der Tourismusabteilung aus Ambato\n"
            "- Juli 2023: Besuch des Rektors der Universität in Ambato\n"
            "- Oktober 2023: Fachaustausch zur Biodiversität in Ambato\n"
            "- Februar 2024: Delegationsreise mit Oberbürgermeister Dr. Knecht nach Ambato\n\n"
            "## Vorhaben\n"
            "- Teilnahme an einem einjährigen Biodiversitätsprogramm mit zwei gegenseitigen Besuchsreisen und Vernetzung mit Karlsruhe\n"
            "- Begleitung der Hochschulkooperation zwischen der Pädagogischen Hochschule und der Universidad Técnica de Ambato\n"
            "- Aufnahme ecuadorianischer Akteure in das Innovationsnetzwerk\n"
            "- Anbahnung von Schulpartnerschaften"
        ),
        outlook_en=(
            "## Working structures and visits\n"
            "- From May 2023: Diana Caiza takes office; new directors and decision-makers get to know the partnership\n"
            "- July 2023: visit of Ambato's tourism department\n"
            "- July 2023: visit of the rector of the university in Ambato\n"
            "- October 2023: expert exchange on biodiversity in Ambato\n"
            "- February 2024: delegation with Lord Mayor Dr. Knecht travels to Ambato\n\n"
            "## Plans\n"
            "- Taking part in a one-year biodiversity programme with two mutual visits and networking with Karlsruhe\n"
            "- Accompanying the university collaboration between the University of Education and the Universidad Técnica de Ambato\n"
            "- Bringing Ecuadorian stakeholders into the innovation network\n"
            "- Preparing school partnerships"
        ),
        sort_order=20,
        status=PUBLISHED,
    )
    _goals(ambato, [11, 13, 15, 17])
    ambato_timeline = [
        (
            datetime.date(2023, 4, 1),
            DatePrecision.MONTH,
            "Delegationsbesuch und Verabschiedung von Bürgermeister Altamirano.",
            "Delegation visit and farewell to Mayor Altamirano.",
        ),
        (
            datetime.date(2023, 5, 1),
            DatePrecision.MONTH,
            "Diana Caiza tritt ihr Amt an; mit ihr kommen neue Direktorinnen, Direktoren und Entscheidungsträger.",
            "Diana Caiza takes office, together with new directors and decision-makers.",
        ),
    ]
    for date, precision, text_de, text_en in ambato_timeline:
        upsert(
            SituationEntry,
            {"partnership": ambato, "date": date},
            precision=precision,
            text_de=text_de,
            text_en=text_en,
        )

    add_if_new(
        ambato,
        "events",
        *demo_events(
            "ambato_exchange_2022",
            "ambato_delegation_2023",
            "ambato_tourism_2023",
            "ambato_rector_2023",
            "ambato_biodiversity_2023",
            "ambato_mayor_visit_2024",
        ),
    )
    return kongoussi, ambato


def load_kongoussi_projects(kongoussi):
    application = upsert(
        Project,
        {"slug": "kongoussi-solarenergie-wasser-2023-2026"},
        partnership=kongoussi,
        title_de="Solarstrom, Wasser und Ausbildung für Kongoussi (Projektantrag 2023–2026)",
        title_en="Solar power, water and training for Kongoussi (project application 2023–2026)",
        summary_de=(
            "Der Projektantrag für die Jahre 2023 bis 2026 umfasst eine Gesamtzuwendung von 270.000 Euro: "
            "einen Brunnen mit solarbetriebener Pumpe, Solar-Home-Systeme für bedürftige Haushalte in den "
            "Dörfern, Photovoltaik für Schulen und Krankenstationen, einen Ausbildungszweig in Solartechnik an "
            "der Berufsschule Kongoussi und einen Delegationsbesuch aus Kongoussi in Ludwigsburg. Wer die "
            "Zuwendung geben soll, nennen die Quellen nicht."
        ),
        summary_en=(
            "The project application for 2023 to 2026 covers a total grant of €270,000: a well with a "
            "solar-powered pump, solar home systems for needy village households, photovoltaics for schools and "
            "health centres, a course in solar technology at the vocational school in Kongoussi and a "
            "delegation visit from Kongoussi to Ludwigsburg. The sources do not say who is to give the grant."
        ),
        project_status=Project.ProjectStatus.APPLIED,
        traffic_light="",
        traffic_light_reason_de="",
        traffic_light_reason_en="",
        funder=None,
        funding_programme_de="",
        funding_programme_en="",
        grant_amount=Decimal("270000.00"),
        own_share=None,
        start_year=2023,
        end_year=2026,
        risks_de=(
            "Die Sicherheitslage in Burkina Faso erschwert die Umsetzung der geplanten Projekte: Terroranschläge, "
            "zwei Militärputsche im Jahr 2022 und Geflüchtete aus vier Dörfern in Kongoussi."
        ),
        risks_en=(
            "The security situation in Burkina Faso makes the planned projects hard to carry out: terrorist "
            "attacks, two military coups in 2022 and people from four villages who have fled to Kongoussi."
        ),
        sort_order=10,
        status=PUBLISHED,
    )
    _goals(application, [4, 6, 7, 13])
    components = [
        (
            10,
            "Bau eines Brunnens mit solarbetriebener Pumpe",
            "A well with a solar-powered pump",
            1,
            "Brunnen",
            "well",
        ),
        (
            20,
            "Solar-Home-Systems für bedürftige dörfliche Haushalte",
            "Solar home systems for needy village households",
            500,
            "Solar-Home-Systems",
            "solar home systems",
        ),
        (
            30,
            "Photovoltaik-Anlagen für Schulen",
            "Photovoltaic systems for schools",
            4,
            "Schulen",
            "schools",
        ),
        (
            40,
            "Photovoltaik-Anlagen für Krankenstationen",
            "Photovoltaic systems for health centres",
            2,
            "Krankenstationen",
            "health centres",
        ),
        (
            50,
            "Ausbildungszweig Solartechnik an der Berufsschule Kongoussi",
            "Course in solar technology at the vocational school in Kongoussi",
            1,
            "Ausbildungszweig",
            "course",
        ),
    ]
    for order, title_de, title_en, target, unit_de, unit_en in components:
        upsert(
            Component,
            {"project": application, "sort_order": order},
            title_de=title_de,
            title_en=title_en,
            target=Decimal(target),
            unit_de=unit_de,
            unit_en=unit_en,
            progress=None,
        )
    upsert(
        Milestone,
        {
            "project": application,
            "title_de": "Delegationsbesuch aus Kongoussi in Ludwigsburg (23.–29. Oktober 2023)",
        },
        title_en="Delegation from Kongoussi visits Ludwigsburg (23–29 October 2023)",
        due_date=datetime.date(2023, 10, 23),
    )
    upsert(
        StatusReport,
        {"project": application, "reported_on": BRIEFING_DAY},
        text_de=(
            "Stand zur Sitzung des Wirtschaftsausschusses: Wegen der Sicherheitslage in Burkina Faso sind die "
            "geplanten Projekte schwierig umzusetzen. Die Lage in Kongoussi ist sehr schwierig, seit im Dezember "
            "2022 die Menschen aus vier Dörfern in die Stadt geflohen sind."
        ),
        text_en=(
            "Status as of the meeting of the economic committee: because of the security situation in Burkina Faso, "
            "the planned projects are hard to carry out. The situation in Kongoussi has been very difficult since "
            "the people of four villages fled to the town in December 2022."
        ),
        status=PUBLISHED,
    )
    delegation = demo_events("kongoussi_delegation_2023")
    add_if_new(kongoussi, "events", *delegation)
    add_if_new(application, "events", *delegation)

    direct_aid = upsert(
        Project,
        {"slug": "kongoussi-direkthilfe-kleinprojektfonds"},
        partnership=kongoussi,
        title_de="Direkthilfe für Kongoussi über den Kleinprojektfonds",
        title_en="Direct aid for Kongoussi through the small-projects fund",
        summary_de=(
            "Weil die geplanten Projekte wegen der Sicherheitslage schwer umzusetzen sind, hat die Stadt "
            "Direkthilfe über den Kleinprojektfonds beantragt. Betrag und Zeitraum sind hier nicht erfasst."
        ),
        summary_en=(
            "Because the security situation makes the planned projects hard to carry out, the city has applied "
            "for direct aid through the small-projects fund. The amount and period are not recorded here."
        ),
        project_status=Project.ProjectStatus.APPLIED,
        traffic_light="",
        funder=None,
        funding_programme_de="Kleinprojektfonds",
        funding_programme_en="Small-projects fund (Kleinprojektfonds)",
        grant_amount=None,
        own_share=None,
        start_year=None,
        end_year=None,
        sort_order=20,
        status=PUBLISHED,
    )
    _goals(direct_aid, [1, 13])
    upsert(
        StatusReport,
        {"project": direct_aid, "reported_on": BRIEFING_DAY},
        text_de="Die Direkthilfe ist beim Kleinprojektfonds beantragt.",
        text_en="The direct aid has been applied for with the small-projects fund.",
        status=PUBLISHED,
    )


def load_ambato_projects(ambato):
    earlier = upsert(
        Project,
        {"slug": "ambato-gefoerderte-projekte-2019-2022"},
        partnership=ambato,
        title_de="Geförderte Projekte 2019–2022",
        title_en="Funded projects 2019–2022",
        summary_de=(
            "Von 2019 bis 2022 haben Ludwigsburg und Ambato mehrere geförderte Projekte erfolgreich durchgeführt, "
            "zusammen 97.000 Euro. Die einzelnen Projekte und ihre Förderer sind hier nicht aufgeführt."
        ),
        summary_en=(
            "From 2019 to 2022 Ludwigsburg and Ambato successfully carried out several funded projects, worth "
            "€97,000 in total. The individual projects and their funders are not listed here."
        ),
        project_status=Project.ProjectStatus.COMPLETED,
        traffic_light="",
        funder=None,
        grant_amount=Decimal("97000.00"),
        own_share=None,
        start_year=2019,
        end_year=2022,
        sort_order=10,
        status=PUBLISHED,
    )
    _goals(earlier, [11, 13])
    bici = upsert(
        Project,
        {"slug": "ambato-en-bici"},
        partnership=ambato,
        title_de="„Ambato en Bici“: Fahrradleihsystem und Fahrradschule",
        title_en="“Ambato en Bici”: bike-sharing system and cycling school",
        summary_de=(
            "Das Projekt „Ambato en Bici“ (2023 bis 2025) dient dem Aufbau eines Fahrradleihsystems und einer "
            "Fahrradschule in Ambato; die Quellen nennen dafür 260.000 Euro. Ob der Betrag eine "
            "Förderung ist, wer fördert und wie weit die Bewilligung ist, sagen sie nicht. Deshalb ist hier "
            "keine Zuwendung eingetragen, und der Betrag zählt nicht zu den Summen der Zuwendungen."
        ),
        summary_en=(
            "The project “Ambato en Bici” (2023 to 2025) is about setting up a bicycle-sharing system and a cycling "
            "school in Ambato; the sources give €260,000 for it. They do not say whether this amount is a grant, who funds "
            "it or how far its approval has got. No grant is therefore entered here, and the amount is not "
            "counted in the grant totals."
        ),
        project_status="",
        traffic_light="",
        funder=None,
        grant_amount=None,
        own_share=None,
        start_year=2023,
        end_year=2025,
        sort_order=20,
        status=PUBLISHED,
    )
    _goals(bici, [3, 11, 13])
    for order, title_de, title_en in [
        (10, "Aufbau eines Fahrradleihsystems", "Setting up a bike-sharing system"),
        (20, "Aufbau einer Fahrradschule", "Setting up a cycling school"),
    ]:
        upsert(
            Component,
            {"project": bici, "sort_order": order},
            title_de=title_de,
            title_en=title_en,
            target=None,
            progress=None,
        )


def load_meetings():
    committee = upsert(
        Committee,
        {"slug": "wirtschaftsausschuss"},
        name_de="Wirtschaftsausschuss",
        name_en="Economic committee (Wirtschaftsausschuss)",
    )
    upsert(
        CommitteeMeeting,
        {"committee": committee, "date": BRIEFING_DAY},
        paper_number="",
        paper_url="",
        status=PUBLISHED,
    )
