"""Demo content of the Europe area, from the facts of the source texts (shared/seeds 000, 002).

The sources name no concrete funding call: the demo calls are marked ``is_example`` and the
public pages say so. Their dates are set relative to the day of loading so that each state
(upcoming, open, closing soon, closed) can be seen.
"""

import datetime

from ludwigsburg_intl.demo import PUBLISHED, set_if_new, upsert
from ludwigsburg_intl.models import SDGGoal

from .models import (
    FundingCall,
    FundingProgramme,
    FundingTopic,
    Network,
    ParticipationProgramme,
    WorkField,
    berlin_today,
)

WORK_FIELDS = [
    # slug, SDG numbers, title de/en, goal de/en, activities de/en
    (
        "eu-kompetenz",
        [16],
        "EU-Kompetenz",
        "EU competence",
        "Die Europafähigkeit innerhalb der Verwaltung ausbauen.",
        "Building up the administration's ability to work with Europe.",
        "- Im Team Internationales ist die Europabeauftragte Annegret Kurze für europäische Partnerschaftsprojekte und Förderungen durch europäische Organisationen zuständig.",
        "- In the international team, the city's Europe officer Annegret Kurze is responsible for European partnership projects and for funding from European organisations.",
    ),
    (
        "eu-buergerinnen",
        [],
        "EU-Bürgerinnen und -Bürger",
        "EU citizens",
        "Europa soll in der Ludwigsburger Bürgerschaft sichtbar werden, und der europäische Gedanke soll vor Ort gelebt werden.",
        "Europe is to become visible among the people of Ludwigsburg, and the European idea is to be lived locally.",
        "- Die Europabeauftragte plant zum Beispiel Informationsveranstaltungen zur Europawahl.",
        "- The Europe officer plans information events on the European elections, for example.",
    ),
    (
        "eu-foerdermittel",
        [17],
        "EU-Fördermittel",
        "EU funding",
        "Erfolgreiche Projekte möglich machen.",
        "Making successful projects possible.",
        "- Die Europabeauftragte sorgt dafür, dass Projekte und Partnerinnen und Partner zusammenfinden.\n- Städtepartnerschaften werden mitunter zur Grundlage internationaler Förderprojekte; mit den zusätzlichen Mitteln lässt sich wiederum der Austausch zwischen den Partnerstädten finanzieren.\n- Für die Städtepartnerschaften strebt die Stadt mehr Förderprojekte an, über thematische Rahmenprogramme (ein Beispiel ist Urban Diplomacy Exchange) und über gezielte Akquise von Fördermitteln.\n- Ein eigenes Ziel sind Synergien zwischen den Städtepartnerschaften und der Europa-Arbeit.",
        "- The Europe officer makes sure that projects and partners find each other.\n- Town twinnings sometimes become the basis of international funded projects; the extra money in turn helps to pay for exchanges between the partner cities.\n- For the town twinnings, the city aims at more funded projects, through thematic framework programmes (one example is Urban Diplomacy Exchange) and through targeted acquisition of funding.\n- A separate aim is synergies between the town twinnings and the work on Europe.",
    ),
    (
        "eu-netzwerke",
        [17],
        "EU-Netzwerke",
        "EU networks",
        "Kontakte nach außen aufbauen und aktiv nutzen.",
        "Building contacts outside the city and putting them to active use.",
        "- Die Europabeauftragte pflegt die Netzwerkarbeit mit EU-Institutionen auf fachlicher Ebene.",
        "- The Europe officer looks after the network with EU institutions at working level.",
    ),
    (
        "eu-mitgestaltung",
        [16],
        "EU-Mitgestaltung",
        "Shaping EU policy",
        "Aktive Einflussnahme auf die Politik der EU fördern.",
        "Encouraging active influence on the policies of the EU.",
        "- Mitglieder des Gemeinderats können sich an zwei europäischen Programmen beteiligen: am Netzwerk „Europa fängt in der Gemeinde an“ der Europäischen Kommission und am Arbeitskreis der jungen Mandatsträgerinnen und -träger (JUMA) der Deutschen Sektion des RGRE.",
        "- Members of the municipal council can take part in two European programmes: the European Commission's network “Building Europe with Local Councillors” and JUMA, the working group of young elected representatives of the German section of the Council of European Municipalities and Regions (CEMR).",
    ),
]


def load():
    load_work_fields()
    networks = load_networks()
    load_participation(networks)
    load_example_calls()


def load_work_fields():
    goals = {goal.number: goal for goal in SDGGoal.objects.all()}
    for order, (slug, sdgs, title_de, title_en, goal_de, goal_en, act_de, act_en) in enumerate(
        WORK_FIELDS, start=1
    ):
        field = upsert(
            WorkField,
            {"slug": slug},
            title_de=title_de,
            title_en=title_en,
            goal_de=goal_de,
            goal_en=goal_en,
            activities_de=act_de,
            activities_en=act_en,
            sort_order=order * 10,
            status=PUBLISHED,
        )
        set_if_new(field, "sdg_goals", [goals[n] for n in sdgs if n in goals])


def load_networks():
    building_europe = upsert(
        Network,
        {"slug": "europa-faengt-in-der-gemeinde-an"},
        name_de="Europa fängt in der Gemeinde an",
        name_en="Building Europe with Local Councillors",
        organisation_de="Europäische Kommission",
        organisation_en="European Commission",
        purpose_de="Ein europäisches Netzwerk gewählter Kommunalpolitikerinnen und -politiker, die Themen der EU in ihrer Gemeinde bekannt machen wollen.",
        purpose_en="A European network of elected local politicians who want to make EU topics known in their towns.",
        url="https://building-europe-with-local-councillors.europa.eu/index_de",
        sort_order=10,
        status=PUBLISHED,
    )
    juma = upsert(
        Network,
        {"slug": "rgre-juma"},
        name_de="Arbeitskreis der jungen Mandatsträgerinnen und -träger (JUMA)",
        name_en="Working group of young elected representatives (JUMA)",
        organisation_de="Deutsche Sektion des Rates der Gemeinden und Regionen Europas (RGRE)",
        organisation_en="German section of the Council of European Municipalities and Regions (CEMR)",
        purpose_de="Der Arbeitskreis verbindet europäische Themen enger mit der Kommunalpolitik. Er richtet sich an junge gewählte Vertreterinnen und Vertreter.",
        purpose_en="The working group links European topics more closely with local politics. It is meant for young elected representatives.",
        url="https://www.rgre.de/rgre/arbeitskreise-des-rgre/arbeitskreis-der-jungen-mandatstraegerinnen-und-traeger",
        sort_order=20,
        status=PUBLISHED,
    )
    upsert(
        Network,
        {"slug": "eu-institutionen-fachebene"},
        name_de="Kontakte zu EU-Institutionen auf Fachebene",
        name_en="Contacts with EU institutions at working level",
        organisation_de="",
        organisation_en="",
        purpose_de="Die Europabeauftragte der Stadt betreut die Netzwerkarbeit mit Institutionen der Europäischen Union auf fachlicher Ebene.",
        purpose_en="The city's Europe officer looks after the network with institutions of the European Union at working level.",
        sort_order=30,
        status=PUBLISHED,
    )
    return {"building_europe": building_europe, "juma": juma}


def load_participation(networks):
    upsert(
        ParticipationProgramme,
        {"slug": "europa-faengt-in-der-gemeinde-an"},
        name_de="Netzwerk „Europa fängt in der Gemeinde an“",
        name_en="Network “Building Europe with Local Councillors”",
        short_name="",
        organiser_de="Europäische Kommission",
        organiser_en="European Commission",
        description_de="Ein europäisches Netzwerk aus gewählten Lokalpolitikerinnen und -politikern, die Inhalte der EU vor Ort vermitteln wollen.",
        description_en="A European network of elected local politicians who want to explain the EU's work in their own town.",
        how_to_take_part_de="Eine Gemeinde bewirbt sich um die Teilnahme und benennt höchstens ein Mitglied ihres Gemeinderats. Rückfragen und Interessensbekundungen nimmt die Europabeauftragte der Stadt entgegen, auch über das Formular.",
        how_to_take_part_en="A municipality applies to take part and names at most one member of its council. The city's Europe officer takes questions and expressions of interest, also through the form.",
        max_nominations=1,
        age_limit=None,
        url="https://building-europe-with-local-councillors.europa.eu/index_de",
        network=networks["building_europe"],
        sort_order=10,
        status=PUBLISHED,
    )
    upsert(
        ParticipationProgramme,
        {"slug": "juma"},
        name_de="Arbeitskreis der jungen Mandatsträgerinnen und -träger (JUMA)",
        name_en="Working group of young elected representatives (JUMA)",
        short_name="JUMA",
        organiser_de="Deutsche Sektion des Rates der Gemeinden und Regionen Europas (RGRE)",
        organiser_en="German section of the Council of European Municipalities and Regions (CEMR)",
        description_de="Ziel des Arbeitskreises ist eine stärkere Vernetzung zwischen europäischen Themen und der Kommunalpolitik. Er steht gewählten Vertreterinnen und Vertretern bis zu einem Alter von 40 Jahren offen.",
        description_en="The working group aims to link European topics more closely with local politics. It is open to elected representatives up to the age of 40.",
        how_to_take_part_de="Eine Mitgliedskommune nominiert höchstens zwei Personen. Rückfragen und Interessensbekundungen nimmt die Europabeauftragte der Stadt entgegen, auch über das Formular.",
        how_to_take_part_en="A member municipality nominates at most two people. The city's Europe officer takes questions and expressions of interest, also through the form.",
        max_nominations=2,
        age_limit=40,
        url="https://www.rgre.de/rgre/arbeitskreise-des-rgre/arbeitskreis-der-jungen-mandatstraegerinnen-und-traeger",
        network=networks["juma"],
        sort_order=20,
        status=PUBLISHED,
    )


def load_example_calls():
    today = berlin_today()
    day = datetime.timedelta(days=1)
    topics = {
        slug: upsert(FundingTopic, {"slug": slug}, name_de=de, name_en=en)
        for slug, de, en in [
            ("staedtepartnerschaften", "Städtepartnerschaften", "Town twinning"),
            ("klima-umwelt", "Klima und Umwelt", "Climate and environment"),
            ("demokratie-beteiligung", "Demokratie und Beteiligung", "Democracy and participation"),
        ]
    }
    programme = upsert(
        FundingProgramme,
        {"slug": "beispielprogramm"},
        name_de="Beispielprogramm (kein echtes Förderprogramm)",
        name_en="Example programme (not a real funding programme)",
        funder="",
        description_de="Ein erfundenes Programm, das zeigt, wie Förderaufrufe auf diesem Portal dargestellt werden. Die Redaktion ersetzt es durch echte Programme.",
        description_en="A made-up programme showing how calls for funding are presented on this portal. The editors replace it with real programmes.",
        is_example=True,
        status=PUBLISHED,
    )
    calls = [
        # slug, topics, opens, deadline, budget, title de/en, summary de/en
        (
            "beispiel-begegnungen",
            ["staedtepartnerschaften", "demokratie-beteiligung"],
            None,
            today + 20 * day,
            None,
            "Beispielaufruf: Begegnungen zwischen Partnerstädten",
            "Example call: meetings between partner cities",
            "Ein Beispiel für einen offenen Aufruf, der bald endet: Gefördert würden Begegnungen von Bürgerinnen und Bürgern aus Partnerstädten.",
            "An example of an open call that closes soon: it would fund meetings of citizens from partner cities.",
        ),
        (
            "beispiel-klima",
            ["klima-umwelt"],
            today + 45 * day,
            today + 120 * day,
            None,
            "Beispielaufruf: Kommunale Klimaprojekte mit europäischen Partnern",
            "Example call: municipal climate projects with European partners",
            "Ein Beispiel für einen Aufruf, der erst noch öffnet.",
            "An example of a call that has not opened yet.",
        ),
        (
            "beispiel-beteiligung",
            ["demokratie-beteiligung"],
            today - 90 * day,
            today - 30 * day,
            None,
            "Beispielaufruf: Beteiligung junger Menschen an der Europapolitik",
            "Example call: young people taking part in European policy",
            "Ein Beispiel für einen Aufruf, dessen Frist abgelaufen ist.",
            "An example of a call whose deadline has passed.",
        ),
    ]
    for slug, topic_slugs, opens, deadline, budget, title_de, title_en, sum_de, sum_en in calls:
        call = upsert(
            FundingCall,
            {"slug": slug},
            programme=programme,
            title_de=title_de,
            title_en=title_en,
            summary_de=sum_de,
            summary_en=sum_en,
            eligible_applicants_de="Beispiel: Kommunen und gemeinnützige Vereine in der EU.",
            eligible_applicants_en="Example: municipalities and non-profit associations in the EU.",
            opens_on=opens,
            deadline=deadline,
            budget=budget,
            is_example=True,
            status=PUBLISHED,
        )
        set_if_new(call, "topics", [topics[t] for t in topic_slugs])
