"""Demo content of the network area from the facts of the source texts (shared/seeds 000–004).

Unknown facts stay empty: no founding dates, websites or contact details of the actors, no
periods of membership the sources do not give. The sources name "goals and indicators" as a task
of the coordination office but no indicator: the one indicator here is an example with example
values, flagged as such on every page.
"""

from decimal import Decimal

from ludwigsburg_intl.demo import add_if_new, demo_events, set_if_new, upsert
from ludwigsburg_intl.models import SDGGoal

from .models import (
    Actor,
    CoordinationItem,
    Indicator,
    IndicatorValue,
    Membership,
    Programme,
    StatePartner,
    Topic,
)

PUBLISHED = "published"


def _goals(*numbers):
    return list(SDGGoal.objects.filter(number__in=numbers))


def _partner_cities(*slugs):
    """Partner cities of the partnerships area, if its demo created them (linked by slug)."""
    from partnerships.models import PartnerCity

    cities = PartnerCity.objects.all()
    return list(cities.filter(slug__in=slugs)) if slugs else list(cities)


def _climate_partnerships(name_part):
    from climate.models import ClimatePartnership

    return list(ClimatePartnership.objects.filter(name_de__icontains=name_part))


def load():
    topics = load_topics()
    actors = load_actors(topics)
    load_programmes(actors)
    link_partnership_activities(actors)
    load_coordination()
    load_memberships()
    load_state_partner()
    load_indicators()


def load_topics():
    data = [
        ("entwicklungszusammenarbeit", "Entwicklungszusammenarbeit", "Development cooperation"),
        ("klimaschutz", "Klimaschutz", "Climate protection"),
        ("lebensmittelverschwendung", "Lebensmittelverschwendung", "Food waste"),
        ("begegnung-und-austausch", "Begegnung und Austausch", "Encounters and exchange"),
        ("globales-lernen", "Globales Lernen", "Global learning"),
    ]
    return {slug: upsert(Topic, {"slug": slug}, name_de=de, name_en=en) for slug, de, en in data}


def load_actors(topics):
    actors = {}
    actors["freundeskreis"] = upsert(
        Actor,
        {"slug": "freundeskreis-burkina-faso"},
        name_de="Freundeskreis Burkina Faso",
        name_en="Freundeskreis Burkina Faso (Friends of Burkina Faso)",
        kind=Actor.Kind.GROUP,
        summary_de="Ehrenamtliche, die sich für Kongoussi in Burkina Faso einsetzen, die Klimapartnerstadt Ludwigsburgs.",
        summary_en="Volunteers committed to Kongoussi in Burkina Faso, Ludwigsburg's climate partner town.",
        description_de=(
            "Ludwigsburg engagiert sich seit vielen Jahren gemeinsam mit seiner Partnerstadt Montbéliard "
            "für die Stadt Kongoussi in Burkina Faso. Getragen wird dieses Engagement immer wieder von "
            "Ehrenamtlichen – für Kongoussi etwa vom Freundeskreis Burkina Faso.\n\n"
            "Weitere Angaben zum Freundeskreis (Gründung, Ansprechpersonen) sind hier noch nicht erfasst."
        ),
        description_en=(
            "Together with its partner city Montbéliard, Ludwigsburg has supported the town of Kongoussi "
            "in Burkina Faso for many years. Volunteers carry much of this work – for Kongoussi, for "
            "example, the Freundeskreis Burkina Faso.\n\n"
            "Further details of the group (when it was founded, contact persons) are not recorded here yet."
        ),
        status=PUBLISHED,
    )
    set_if_new(
        actors["freundeskreis"],
        "topics",
        [topics["entwicklungszusammenarbeit"], topics["klimaschutz"]],
    )
    set_if_new(actors["freundeskreis"], "sdg_goals", _goals(13, 17))
    set_if_new(actors["freundeskreis"], "climate_partnerships", _climate_partnerships("Kongoussi"))

    actors["verein"] = upsert(
        Actor,
        {"slug": "ludwigsburg-international-ev"},
        name_de="Verein „Ludwigsburg International“",
        name_en="Association “Ludwigsburg International”",
        kind=Actor.Kind.ASSOCIATION,
        summary_de="Ein neu gegründeter Verein, der gegenseitige Besuche mit den Partnerstädten fördert – vom Weihnachtsmarkt bis zum Schüleraustausch.",
        summary_en="A newly founded association that promotes mutual visits with the partner cities – from the Christmas market to school exchanges.",
        description_de=(
            "Der Verein „Ludwigsburg International“ wurde neu gegründet und bemüht sich um gegenseitige "
            "Besuche zwischen Ludwigsburg und seinen Partnerstädten: vom Weihnachtsmarkt bis zum "
            "Schüleraustausch. Das genaue Gründungsdatum ist hier nicht erfasst."
        ),
        description_en=(
            "The association “Ludwigsburg International” was founded recently and works for mutual "
            "visits between Ludwigsburg and its partner cities: from the Christmas market to school "
            "exchanges. Its exact founding date is not recorded here."
        ),
        status=PUBLISHED,
    )
    set_if_new(actors["verein"], "topics", [topics["begegnung-und-austausch"]])
    set_if_new(actors["verein"], "sdg_goals", _goals(17))
    set_if_new(actors["verein"], "partner_cities", _partner_cities())

    actors["foodsharing"] = upsert(
        Actor,
        {"slug": "foodsharing"},
        name_de="Foodsharing",
        name_en="Foodsharing",
        kind=Actor.Kind.ASSOCIATION,
        summary_de="Lokaler Verein gegen Lebensmittelverschwendung, beteiligt am Austausch mit Montbéliard.",
        summary_en="Local association against food waste, involved in the exchange with Montbéliard.",
        description_de=(
            "Lebensmittelverschwendung ist eine der grenzübergreifenden Fragen, zu denen sich Ludwigsburg "
            "mit seiner Partnerstadt Montbéliard ausgetauscht hat: Auf beiden Seiten gab es dazu "
            "unterschiedliche Projekte. Beteiligt waren lokale Vereine wie Foodsharing und Initiativen "
            "aus den Stadtteilen."
        ),
        description_en=(
            "Food waste is one of the cross-border questions on which Ludwigsburg has exchanged ideas "
            "with its partner city Montbéliard, with different projects on both sides. Local associations "
            "such as Foodsharing and initiatives from the city's districts took part."
        ),
        status=PUBLISHED,
    )
    set_if_new(actors["foodsharing"], "topics", [topics["lebensmittelverschwendung"]])
    set_if_new(actors["foodsharing"], "sdg_goals", _goals(12))
    set_if_new(actors["foodsharing"], "partner_cities", _partner_cities("montbeliard"))

    actors["stadtteile"] = upsert(
        Actor,
        {"slug": "initiativen-aus-den-stadtteilen"},
        name_de="Initiativen aus den Stadtteilen",
        name_en="Initiatives from the city's districts",
        kind=Actor.Kind.CATEGORY,
        summary_de="Sammelbegriff: Initiativen aus Ludwigsburger Stadtteilen, die sich am Austausch mit Montbéliard zur Lebensmittelverschwendung beteiligt haben.",
        summary_en="A collective term: initiatives from Ludwigsburg's districts that took part in the exchange with Montbéliard on food waste.",
        description_de=(
            "Dieser Eintrag steht nicht für eine einzelne Initiative, sondern für mehrere Initiativen aus "
            "den Stadtteilen. Sie waren gemeinsam mit Vereinen wie Foodsharing am Austausch mit "
            "Montbéliard zur Lebensmittelverschwendung beteiligt. Einzelne Initiativen können hier "
            "eingetragen werden, wenn sie das wünschen."
        ),
        description_en=(
            "This entry stands not for one initiative but for several initiatives from the city's "
            "districts. Together with associations such as Foodsharing they took part in the exchange "
            "with Montbéliard on food waste. Individual initiatives can be listed here if they wish."
        ),
        status=PUBLISHED,
    )
    set_if_new(actors["stadtteile"], "topics", [topics["lebensmittelverschwendung"]])
    set_if_new(actors["stadtteile"], "sdg_goals", _goals(12))
    set_if_new(actors["stadtteile"], "partner_cities", _partner_cities("montbeliard"))

    actors["eine_welt"] = upsert(
        Actor,
        {"slug": "eine-welt-gruppen"},
        name_de="Eine-Welt-Gruppen",
        name_en="One World groups",
        kind=Actor.Kind.CATEGORY,
        summary_de="Sammelbegriff für die Gruppen, die in Ludwigsburg Eine-Welt-Arbeit leisten. Die Koordinierungsstelle vernetzt und unterstützt sie.",
        summary_en="A collective term for the groups doing One World work in Ludwigsburg. The coordination office connects and supports them.",
        description_de=(
            "Kommunale Entwicklungszusammenarbeit und Eine-Welt-Arbeit geschieht in Ludwigsburg bereits "
            "an vielen Stellen. Dieser Eintrag steht für diese Gruppen insgesamt, nicht für eine "
            "bestimmte Gruppe.\n\n"
            "Die Koordinierungsstelle für kommunale Entwicklungspolitik vernetzt, begleitet und "
            "unterstützt lokale Akteure wie Eine-Welt-Gruppen sowie deren Veranstaltungen und "
            "Aktivitäten. Gruppen, die im Verzeichnis erscheinen möchten, wenden sich an die "
            "Koordinierungsstelle."
        ),
        description_en=(
            "Municipal development cooperation and One World work already happen in many places in "
            "Ludwigsburg. This entry stands for these groups as a whole, not for one particular group.\n\n"
            "The coordination office for municipal development policy connects, accompanies and supports "
            "local stakeholders such as One World groups and their events and activities. Groups that would "
            "like to appear in the directory can contact the coordination office."
        ),
        status=PUBLISHED,
    )
    set_if_new(
        actors["eine_welt"],
        "topics",
        [topics["entwicklungszusammenarbeit"], topics["globales-lernen"]],
    )
    set_if_new(actors["eine_welt"], "sdg_goals", _goals(4, 17))
    return actors


def link_partnership_activities(actors):
    """The association organises the visits the partnerships area records (seed 002)."""
    from partnerships.models import Activity

    visits = Activity.objects.filter(
        title_de__startswith="Besuche in den Partnerstädten mit dem Verein"
    )
    for activity in visits:
        add_if_new(activity, "organisers", actors["verein"])


def load_programmes(actors):
    lokalglobal = upsert(
        Programme,
        {"slug": "lokalglobal"},
        name_de="LokalGlobal",
        name_en="LokalGlobal",
        summary_de="„lokal handeln – global wirken“: das Netzwerk der kommunalen Entwicklungspolitik in Ludwigsburg.",
        summary_en="“Act locally – make a global impact”: the network of municipal development policy in Ludwigsburg.",
        description_de=(
            "Unter dem Motto „lokal handeln – global wirken“ bringt LokalGlobal die Akteure der "
            "Entwicklungspolitik in Ludwigsburg zusammen.\n\n"
            "## Arbeitsweise\n"
            "- Netzwerktreffen\n"
            "- ein gemeinsames Handlungskonzept\n"
            "- Projektarbeit"
        ),
        description_en=(
            "Under the motto “act locally – make a global impact”, LokalGlobal brings together the "
            "people and groups working on development policy in Ludwigsburg.\n\n"
            "## How it works\n"
            "- network meetings\n"
            "- a joint action concept\n"
            "- project work"
        ),
        sort_order=10,
        status=PUBLISHED,
    )
    set_if_new(lokalglobal, "sdg_goals", _goals(17))
    set_if_new(lokalglobal, "actors", [actors["eine_welt"]])

    forum = upsert(
        Programme,
        {"slug": "eine-welt-forum"},
        name_de="Eine-Welt-Forum",
        name_en="One World Forum",
        summary_de="Netzwerktreffen und gemeinsame Projektarbeit der Ludwigsburger Eine-Welt-Akteure.",
        summary_en="Network meetings and joint project work of Ludwigsburg's One World stakeholders.",
        description_de=(
            "Das Eine-Welt-Forum ist im Ausblick der kommunalen Entwicklungspolitik vorgesehen: "
            "als Ort für Netzwerktreffen und gemeinsame Projektarbeit. Termine werden hier "
            "veröffentlicht, sobald sie feststehen."
        ),
        description_en=(
            "The One World Forum is part of the outlook of municipal development policy: a place for "
            "network meetings and joint project work. Dates will be published here once they are set."
        ),
        sort_order=20,
        status=PUBLISHED,
    )
    set_if_new(forum, "sdg_goals", _goals(17))
    set_if_new(forum, "actors", [actors["eine_welt"]])

    days = upsert(
        Programme,
        {"slug": "nachhaltigkeitstage"},
        name_de="Nachhaltigkeitstage",
        name_en="Sustainability Days",
        summary_de="Die Nachhaltigkeitstage im September: Öffentlichkeitsarbeit für eine nachhaltige Entwicklung.",
        summary_en="The Sustainability Days in September: public outreach for sustainable development.",
        description_de=(
            "Die Nachhaltigkeitstage finden im September statt. Für die kommunale Entwicklungspolitik "
            "sind sie vor allem eine Gelegenheit zur Öffentlichkeitsarbeit."
        ),
        description_en=(
            "The Sustainability Days take place in September. For municipal development policy they are "
            "above all an opportunity for public outreach."
        ),
        sort_order=30,
        status=PUBLISHED,
    )
    set_if_new(days, "sdg_goals", _goals(11, 12))
    set_if_new(days, "events", demo_events("nachhaltigkeitstage_2023"))


TASKS = [
    # The task areas of the committee slides (seed 000), then the tasks of the office's page (001).
    (
        1,
        "Kommunale Klimapartnerschaften",
        "Municipal climate partnerships",
        "Koordination, Projektmanagement und Delegationsreisen für die kommunalen Klimapartnerschaften.",
        "Coordination, project management and delegation trips for the municipal climate partnerships.",
        (13, 17),
    ),
    (
        2,
        "LokalGlobal – lokal handeln, global wirken",
        "LokalGlobal – act locally, make a global impact",
        "Netzwerktreffen, ein Handlungskonzept und Projektarbeit.",
        "Network meetings, an action concept and project work.",
        (17,),
    ),
    (
        3,
        "Ziele und Indikatoren, Vernetzung, Austausch und Beratung",
        "Goals and indicators, networking, exchange and advice",
        "",
        "",
        (17,),
    ),
    (
        10,
        "Klimaschutzprojekt mit Kongoussi",
        "Climate project with Kongoussi",
        "Begleitung und Umsetzung des Projekts zu Klimaschutz und Klimaanpassung zwischen Kongoussi und Ludwigsburg, gefördert mit Mitteln des Bundesministeriums für wirtschaftliche Zusammenarbeit und Entwicklung (BMZ).",
        "Accompanying and carrying out the climate protection and adaptation project between Kongoussi and Ludwigsburg, funded by the Federal Ministry for Economic Cooperation and Development (BMZ).",
        (7, 13),
    ),
    (
        20,
        "Strukturen schaffen",
        "Building structures",
        "Strukturen schaffen, die die kommunale Entwicklungszusammenarbeit dauerhaft in Ludwigsburg verankern.",
        "Creating structures that anchor municipal development cooperation in Ludwigsburg for the long term.",
        (17,),
    ),
    (
        30,
        "Beitrag zu den Nachhaltigkeitszielen",
        "Contributing to the SDGs",
        "Beitrag zum Erreichen der globalen Nachhaltigkeitsziele der Vereinten Nationen (SDGs).",
        "Contributing to the United Nations' global Sustainable Development Goals (SDGs).",
        (17,),
    ),
    (
        40,
        "Lokale Akteure vernetzen",
        "Connecting local stakeholders",
        "Vernetzung, Begleitung und Unterstützung lokaler Akteure wie Eine-Welt-Gruppen und ihrer Veranstaltungen und Aktivitäten; hier lebende Migrantinnen und Migranten stärker in die Entwicklungszusammenarbeit einbinden.",
        "Connecting, accompanying and supporting local stakeholders such as One World groups and their events and activities; involving migrants living in Ludwigsburg more closely in development cooperation.",
        (10, 17),
    ),
    (
        50,
        "Bildungs- und Öffentlichkeitsarbeit",
        "Education and public relations",
        "Die Klimapartnerschaft Ludwigsburg–Kongoussi sichtbar machen, entwicklungspolitische Bildung und globales Lernen fördern und Kooperationen mit Schulen aufbauen.",
        "Making the Ludwigsburg–Kongoussi climate partnership visible, promoting development education and global learning, and building collaborations with schools.",
        (4,),
    ),
    (
        60,
        "Nachhaltige und faire Beschaffung",
        "Sustainable and fair procurement",
        "Beitrag zur Weiterentwicklung der nachhaltigen und fairen Beschaffung in der Stadtverwaltung.",
        "Helping to develop sustainable and fair procurement in the city administration.",
        (12,),
    ),
]

COOPERATION = [
    (
        10,
        "Referat für nachhaltige Stadtentwicklung",
        "Department for sustainable urban development",
    ),
    (20, "Fachbereich Tiefbau und Grünflächen", "Department of civil engineering and green spaces"),
    (30, "Fachbereich Bürgerschaftliches Engagement", "Department of civic engagement"),
    (
        40,
        "Fachbereich Organisation und Personal (Städtepartnerschaften)",
        "Department of organisation and human resources (town twinning)",
    ),
]

OUTLOOK = [
    (10, "Ukraine", "Ukraine", "", ""),
    (
        20,
        "SDG-Konferenz",
        "SDG conference",
        "Eine Konferenz zu den Nachhaltigkeitszielen gemeinsam mit den Klima- und Städtepartnern.",
        "A conference on the Sustainable Development Goals together with the climate partners and partner cities.",
    ),
    (
        30,
        "Landeszentrale für politische Bildung",
        "State Agency for Civic Education",
        "Kooperation mit der Landeszentrale für politische Bildung.",
        "Cooperation with the State Agency for Civic Education (Landeszentrale für politische Bildung).",
    ),
]


def load_coordination():
    kind = CoordinationItem.Kind
    for order, title_de, title_en, text_de, text_en, goals in TASKS:
        item = upsert(
            CoordinationItem,
            {"kind": kind.TASK, "title_de": title_de},
            title_en=title_en,
            description_de=text_de,
            description_en=text_en,
            sort_order=order,
            status=PUBLISHED,
        )
        set_if_new(item, "sdg_goals", _goals(*goals))
    for order, title_de, title_en in COOPERATION:
        upsert(
            CoordinationItem,
            {"kind": kind.COOPERATION, "title_de": title_de},
            title_en=title_en,
            sort_order=order,
            status=PUBLISHED,
        )
    for order, title_de, title_en, text_de, text_en in OUTLOOK:
        upsert(
            CoordinationItem,
            {"kind": kind.OUTLOOK, "title_de": title_de},
            title_en=title_en,
            description_de=text_de,
            description_en=text_en,
            sort_order=order,
            status=PUBLISHED,
        )


MEMBERSHIPS = [
    # order, kind, level, name de/en, organisation de/en, role de/en, start, end, description de/en
    (
        10,
        "event",
        "federal",
        "BuKo 2018",
        "BuKo 2018",
        "",
        "",
        "Mitwirkung",
        "Participation",
        2018,
        2018,
        "Mitwirkung bei einer nationalen Veranstaltung.",
        "Participation in a national event.",
    ),
    (
        20,
        "event",
        "federal",
        "BMZ-Afrikatag",
        "BMZ Africa Day",
        "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung",
        "Federal Ministry for Economic Cooperation and Development",
        "Mitwirkung",
        "Participation",
        None,
        None,
        "",
        "",
    ),
    (
        30,
        "event",
        "international",
        "G20 „Compact with Africa“",
        "G20 “Compact with Africa”",
        "G20",
        "G20",
        "Mitwirkung",
        "Participation",
        None,
        None,
        "",
        "",
    ),
    (
        40,
        "chair",
        "federal",
        "Bundesweiter Wettbewerb „Kommune bewegt Welt“",
        "National competition “Kommune bewegt Welt” (municipalities move the world)",
        "",
        "",
        "Juryvorsitz",
        "Chair of the jury",
        None,
        None,
        "",
        "",
    ),
    (
        50,
        "membership",
        "state",
        "AG „Kommunale Entwicklungspolitik“",
        "Working group on municipal development policy",
        "Städtetag Baden-Württemberg",
        "Association of Cities of Baden-Württemberg (Städtetag)",
        "Mitglied",
        "Member",
        None,
        None,
        "",
        "",
    ),
    (
        60,
        "membership",
        "federal",
        "Expertengruppe „Kommunikation über Flucht und Migration“",
        "Expert group on communication about displacement and migration",
        "Auswärtiges Amt",
        "Federal Foreign Office",
        "Mitglied",
        "Member",
        None,
        None,
        "",
        "",
    ),
    (
        70,
        "membership",
        "state",
        "Gutachtergremium der entwicklungspolitischen Inlandsförderung",
        "Review panel for domestic development-policy funding",
        "Land Baden-Württemberg",
        "State of Baden-Württemberg",
        "Mitglied",
        "Member",
        None,
        None,
        "",
        "",
    ),
    (
        80,
        "dialogue",
        "federal",
        "Afrikadialog",
        "Africa dialogue",
        "Bundesregierung",
        "Federal Government",
        "Mitwirkung",
        "Participation",
        None,
        None,
        "Dialog zur Fortschreibung und Weiterentwicklung der afrikapolitischen Leitlinien der Bundesregierung von 2014.",
        "Dialogue on updating and developing the Federal Government's Africa policy guidelines of 2014.",
    ),
    (
        90,
        "exchange",
        "federal",
        "Günther Nooke",
        "Günther Nooke",
        "Bundesregierung",
        "Federal Government",
        "Austausch",
        "Exchange",
        None,
        None,
        "Afrikabeauftragter der Bundesregierung.",
        "The Federal Government's Africa commissioner.",
    ),
    (
        100,
        "exchange",
        "state",
        "Bilkay Öney",
        "Bilkay Öney",
        "",
        "",
        "Austausch",
        "Exchange",
        None,
        None,
        "Ehemalige Integrationsministerin von Baden-Württemberg.",
        "Former Minister for Integration of Baden-Württemberg.",
    ),
    (
        110,
        "exchange",
        "federal",
        "Georg Schmidt",
        "Georg Schmidt",
        "Auswärtiges Amt",
        "Federal Foreign Office",
        "Austausch",
        "Exchange",
        None,
        None,
        "Regionalbeauftragter des Auswärtigen Amts für Afrika südlich der Sahara.",
        "The Federal Foreign Office's regional commissioner for sub-Saharan Africa.",
    ),
]


def load_memberships():
    for (
        order,
        kind,
        level,
        name_de,
        name_en,
        org_de,
        org_en,
        role_de,
        role_en,
        start,
        end,
        text_de,
        text_en,
    ) in MEMBERSHIPS:
        upsert(
            Membership,
            {"name_de": name_de},
            name_en=name_en,
            kind=kind,
            level=level,
            organisation_de=org_de,
            organisation_en=org_en,
            role_de=role_de,
            role_en=role_en,
            start_year=start,
            end_year=end,
            description_de=text_de,
            description_en=text_en,
            sort_order=order,
            status=PUBLISHED,
        )


STATE_PARTNER_DE = """Kommunale Partnerschaften sind eine wichtige Konstante, wenn es um Austausch und Begegnung in Europa und in der ganzen Welt geht. Globale Trends und aktuelle Entwicklungen zeigen heute besonders deutlich, wie notwendig und wertvoll Völkerverständigung auf kommunaler Ebene ist.

Der Städtetag Baden-Württemberg hat die Projektstelle „Koordination Kommunale Partnerschaften“ eingerichtet, finanziell unterstützt vom Landtag und vom Staatsministerium Baden-Württemberg. Sie unterstützt und vernetzt Haupt- und Ehrenamtliche, die im Land Partnerschaftsarbeit leisten, und koordiniert gemeinsam mit anderen die AG Entwicklungspolitik und globale Partnerschaften. Dort tauschen sich Vertreterinnen und Vertreter der Kommunen unter anderem über die internationale Seite kommunaler Entwicklungspolitik aus.

## Schwerpunkt Burundi
Baden-Württemberg unterhält eine Landespartnerschaft mit Burundi in Ostafrika; Verbindungen zwischen den Menschen beider Länder bestehen seit den 1980er-Jahren. Die Projektstelle betreut darin das Cluster Governance/Kommunales und engagiert sich besonders für dezentrale Verwaltungsstrukturen und die kommunale Daseinsvorsorge.

## Schwerpunkt Ukraine
Seit Februar 2022, infolge des russischen Angriffskriegs, sind laufend neue Partnerschaften zwischen Kommunen in Baden-Württemberg und der Ukraine entstanden: von Hilfsgüterlieferungen über Delegationsbesuche bis zu gemeinsamen Wiederaufbauprojekten. Die Projektstelle berät entstehende und bestehende Partnerschaften und vernetzt Bund, Land und Kommunen.

## Partnerschaften im Wandel
Partnerschaften verändern sich, wo immer sie bestehen: Neue Kooperationen konzentrieren sich bisweilen auf ausgewählte Zukunftsthemen, bestehende stehen vor dem Generationswechsel. Dabei entstehen innovative Konzepte für zivilgesellschaftliches Engagement und für das Zusammenspiel von Bürgerschaft und Verwaltung vor Ort. Die Projektstelle sammelt gute Beispiele für neue Beteiligungsformate und Finanzierungsmöglichkeiten und fördert Vernetzung und Austausch. Mit den Kommunalverwaltungen hält sie Kontakt über die Kanäle des Städtetags und berät auch einzeln zu konkreten Fragen.

Über diese Schwerpunkte hinaus ist die Projektstelle Ansprechpartnerin für Partnerschaften baden-württembergischer Kommunen mit Partnern in Europa und der Welt."""

STATE_PARTNER_EN = """Municipal partnerships are an important constant for exchange and encounters in Europe and around the world. Global trends and current developments show today more clearly than ever how necessary and valuable understanding between peoples at municipal level is.

The Association of Cities of Baden-Württemberg (Städtetag) has set up the project office “Koordination Kommunale Partnerschaften” (coordination of municipal partnerships), with financial support from the State Parliament and the State Ministry of Baden-Württemberg. It supports and connects the staff and volunteers who run partnerships across the state and co-coordinates the working group on development policy and global partnerships, where representatives of municipalities discuss, among other things, the international side of municipal development policy.

## Focus: Burundi
Baden-Württemberg has a state partnership with Burundi in East Africa; people in both places have been connected since the 1980s. Within it, the project office looks after the governance and municipal cluster, with a particular focus on decentralised administration and municipal public services.

## Focus: Ukraine
Since February 2022, as a result of Russia's war of aggression, new partnerships between municipalities in Baden-Württemberg and Ukraine have kept forming: from deliveries of relief goods and delegation visits to joint reconstruction projects. The project office advises new and existing partnerships and connects the federal, state and municipal levels.

## Partnerships in transition
Partnerships are changing wherever they are: new collaborations at times focus on selected topics for the future, while established ones face a change of generations. Along with this, innovative ways of civic engagement and of citizens and administration working together locally are emerging. The project office collects good examples of new forms of participation and of funding and encourages networking and exchange. It communicates with municipal administrations through the Städtetag's channels and also advises them individually on specific questions.

Beyond these focuses, the project office is the point of contact for partnerships of municipalities in Baden-Württemberg with partners in Europe and around the world."""


def load_state_partner():
    upsert(
        StatePartner,
        {"slug": "staedtetag-koordination-kommunale-partnerschaften"},
        name_de="Projektstelle „Koordination Kommunale Partnerschaften“",
        name_en="Project office “Koordination Kommunale Partnerschaften”",
        organisation_de="Städtetag Baden-Württemberg",
        organisation_en="Association of Cities of Baden-Württemberg (Städtetag)",
        summary_de="Unterstützung und Vernetzung für kommunale Partnerschaften im Land: Burundi, Ukraine und Partnerschaften im Wandel.",
        summary_en="Support and networking for municipal partnerships across the state: Burundi, Ukraine and partnerships in transition.",
        description_de=STATE_PARTNER_DE,
        description_en=STATE_PARTNER_EN,
        sort_order=10,
        status=PUBLISHED,
    )


INDICATORS = [
    # slug, order, name de/en, unit de/en, goals, description de/en
    (
        "schulkooperationen-globales-lernen",
        10,
        "Schulkooperationen zum globalen Lernen",
        "School partnerships for global learning",
        "Anzahl",
        "number",
        (4,),
        "Ein Beispiel-Indikator: die Zahl der Schulen, mit denen die Koordinierungsstelle zum globalen Lernen zusammenarbeitet. Die hier gezeigten Werte sind Beispielwerte zur Veranschaulichung, keine Messwerte.",
        "An example indicator: the number of schools the coordination office cooperates with on global learning. The values shown here are examples for illustration, not measurements.",
    ),
]
# Indicators earlier versions of this demo made up; removed again unless someone entered values.

# Illustrative values only: flagged ``is_example`` and shown as examples everywhere.
EXAMPLE_VALUES = {"schulkooperationen-globales-lernen": [(2021, 2), (2022, 3), (2023, 5)]}


def load_indicators():
    for slug, order, name_de, name_en, unit_de, unit_en, goals, text_de, text_en in INDICATORS:
        indicator = upsert(
            Indicator,
            {"slug": slug},
            name_de=name_de,
            name_en=name_en,
            unit_de=unit_de,
            unit_en=unit_en,
            description_de=text_de,
            description_en=text_en,
            sort_order=order,
            status=PUBLISHED,
        )
        set_if_new(indicator, "sdg_goals", _goals(*goals))
        for year, value in EXAMPLE_VALUES.get(slug, []):
            upsert(
                IndicatorValue,
                {"indicator": indicator, "year": year},
                value=Decimal(value),
                is_example=True,
            )
