"""Demo content of the partner cities, from the facts of the seeds (shared/seeds/001 and 002).

Only what the sources say: the years of the twinnings (Bergamo's is not given, so it stays
empty), the suspended partnership with Jevpatorija, the award of 1988, the joint work with
Montbéliard, the association's visits, the budget of 70,000 € a year that allows only two focus
cities a year. The sources give that budget per year, not for a particular year: this year's
programme leaves its budget and its focus cities empty and states the general rule in its notes.
Coordinates are public geography for the map.
"""

from decimal import Decimal

from django.utils import timezone

from ludwigsburg_intl.demo import PUBLISHED, set_if_new, upsert
from ludwigsburg_intl.models import ContactPerson, SDGGoal

from .models import Activity, AnnualProgramme, Award, PartnerCity

TAKE_PART_DE = """Der Verein „Ludwigsburg International“ bemüht sich um gegenseitige Besuche mit den Partnerstädten – vom Weihnachtsmarkt bis zum Schüleraustausch.

Fragen zur Partnerschaft, zu Schüleraustauschen oder zu gemeinsamen Projekten richten Sie an die Ansprechpartnerin für Städtepartnerschaften; Sie finden sie unten."""

TAKE_PART_EN = """The association “Ludwigsburg International” works for visits between Ludwigsburg and its partner cities, from the Christmas market to school exchanges.

Please address questions about the partnership, school exchanges or joint projects to the contact person for town twinning; you find her below."""

RESTING_TAKE_PART_DE = """Solange die offiziellen Aktivitäten ruhen, organisiert die Stadt keine Besuche und Projekte mit Jevpatorija. Fragen zur Partnerschaft beantwortet die Ansprechpartnerin für Städtepartnerschaften."""

RESTING_TAKE_PART_EN = """While the official activities are suspended, the city organises no visits or projects with Yevpatoria. The contact person for town twinning answers your questions about the partnership."""

ALLIES_DE = "Mit Montbéliard, Caerphilly, Jevpatorija und St. Charles pflegt Ludwigsburg freundschaftliche Beziehungen zu Städten in Frankreich, Großbritannien, der Ukraine und den USA – in Ländern, die einst als Alliierte gegen Deutschland Krieg führten."

ALLIES_EN = "Through Montbéliard, Caerphilly, Yevpatoria and St. Charles, Ludwigsburg keeps friendly ties with cities in France, the United Kingdom, Ukraine and the USA – countries that once fought against Germany as Allies."

CITIES = [
    {
        "slug": "montbeliard",
        "name_de": "Montbéliard",
        "name_en": "Montbéliard",
        "country_de": "Frankreich",
        "country_en": "France",
        "partnership_since": 1950,
        "latitude": Decimal("47.51000"),
        "longitude": Decimal("6.79830"),
        "summary_de": "Schon 1950 schlossen Ludwigsburg und Montbéliard die erste deutsch-französische Städtepartnerschaft.",
        "summary_en": "As early as 1950, Ludwigsburg and Montbéliard concluded the first German-French town twinning.",
        "history_de": "Bereits 1950 unterzeichneten Ludwigsburg und Montbéliard den Vertrag über ihre Städtepartnerschaft – die erste zwischen einer deutschen und einer französischen Stadt. Den Schritt erleichterte eine alte Verbindung: Die Fürstenhäuser Württemberg und Mömpelgard, so der deutsche Name Montbéliards, waren geschichtlich eng verbunden.\n\nFür ihre vorbildliche Partnerschaft erhielten beide Städte 1988 den Adenauer-de-Gaulle-Preis.\n\nHeute arbeiten die Städte auch an gemeinsamen Fragen der Gegenwart, etwa gegen die Verschwendung von Lebensmitteln. Seit vielen Jahren setzen sich Ludwigsburg und Montbéliard außerdem gemeinsam für die Stadt Kongoussi in Burkina Faso ein.\n\n"
        + ALLIES_DE,
        "history_en": "As early as 1950, Ludwigsburg and Montbéliard signed the agreement on their twinning – the first between a German and a French town. An old bond made the step easier: the princely houses of Württemberg and Mömpelgard, as Montbéliard is called in German, were historically closely linked.\n\nIn 1988 both towns received the Adenauer-de Gaulle Prize for their exemplary partnership.\n\nToday the towns also work on shared questions of the present, such as food waste. For many years Ludwigsburg and Montbéliard have also been working together for the town of Kongoussi in Burkina Faso.\n\n"
        + ALLIES_EN,
    },
    {
        "slug": "caerphilly",
        "name_de": "Caerphilly",
        "name_en": "Caerphilly",
        "country_de": "Vereinigtes Königreich",
        "country_en": "United Kingdom",
        "region_de": "Südwales",
        "region_en": "South Wales",
        "partnership_since": 1960,
        "latitude": Decimal("51.57490"),
        "longitude": Decimal("-3.21800"),
        "summary_de": "Seit 1960 ist Caerphilly in Südwales Partnerstadt Ludwigsburgs.",
        "summary_en": "Caerphilly in South Wales has been Ludwigsburg's twin town since 1960.",
        "history_de": "1960 begründeten Ludwigsburg und Caerphilly in Südwales ihre Städtepartnerschaft, zehn Jahre nach der Partnerschaft mit Montbéliard.\n\n"
        + ALLIES_DE,
        "history_en": "Ludwigsburg and Caerphilly in South Wales established their twinning in 1960, ten years after the partnership with Montbéliard.\n\n"
        + ALLIES_EN,
    },
    {
        "slug": "jevpatorija",
        "name_de": "Jevpatorija",
        "name_en": "Yevpatoria",
        "country_de": "Ukraine",
        "country_en": "Ukraine",
        "region_de": "Krim",
        "region_en": "Crimea",
        "partnership_since": 1990,
        "partnership_status": PartnerCity.PartnershipStatus.RESTING,
        "status_reason_de": "Die offiziellen Aktivitäten der Partnerschaft ruhen seit der Annexion der Krim durch Russland.",
        "status_reason_en": "The official activities of the partnership have been suspended since Russia's annexation of Crimea.",
        "latitude": Decimal("45.20000"),
        "longitude": Decimal("33.36670"),
        "summary_de": "Die Partnerschaft mit Jevpatorija auf der Krim besteht seit 1990; die offiziellen Aktivitäten ruhen.",
        "summary_en": "The twinning with Yevpatoria in Crimea dates from 1990; its official activities are suspended.",
        "history_de": "1990 wurde die Städtepartnerschaft mit Jevpatorija auf der Halbinsel Krim begründet.\n\nSeit Russland die Krim annektiert hat, ruhen die offiziellen Aktivitäten der Partnerschaft.\n\n"
        + ALLIES_DE,
        "history_en": "The twinning with Yevpatoria on the Crimean peninsula was established in 1990.\n\nSince Russia annexed Crimea, the official activities of the partnership have been suspended.\n\n"
        + ALLIES_EN,
        "take_part": (RESTING_TAKE_PART_DE, RESTING_TAKE_PART_EN),
    },
    {
        "slug": "st-charles",
        "name_de": "St. Charles",
        "name_en": "St. Charles",
        "country_de": "Vereinigte Staaten",
        "country_en": "United States",
        "region_de": "Missouri",
        "region_en": "Missouri",
        "partnership_since": 1996,
        "latitude": Decimal("38.78810"),
        "longitude": Decimal("-90.49740"),
        "summary_de": "Seit 1996 verbindet eine Städtepartnerschaft Ludwigsburg mit St. Charles in Missouri, USA.",
        "summary_en": "Since 1996 a twinning has linked Ludwigsburg with St. Charles in Missouri, USA.",
        "history_de": "1996 begründeten Ludwigsburg und St. Charles im US-Bundesstaat Missouri ihre Städtepartnerschaft. St. Charles ist die einzige Partnerstadt außerhalb Europas.\n\n"
        + ALLIES_DE,
        "history_en": "Ludwigsburg and St. Charles in the US state of Missouri established their twinning in 1996. St. Charles is the only partner city outside Europe.\n\n"
        + ALLIES_EN,
    },
    {
        "slug": "novy-jicin",
        "name_de": "Nový Jičín",
        "name_en": "Nový Jičín",
        "country_de": "Tschechien",
        "country_en": "Czech Republic",
        "partnership_since": 2012,
        "latitude": Decimal("49.59440"),
        "longitude": Decimal("18.01030"),
        "summary_de": "Seit 2012 gehört Nový Jičín in Tschechien offiziell zu den Partnerstädten Ludwigsburgs.",
        "summary_en": "Nový Jičín in the Czech Republic has officially been one of Ludwigsburg's partner cities since 2012.",
        "history_de": "Seit 2012 ist die tschechische Stadt Nový Jičín offiziell Partnerstadt Ludwigsburgs.",
        "history_en": "Since 2012 the Czech town of Nový Jičín has officially been one of Ludwigsburg's partner cities.",
    },
    {
        "slug": "bergamo",
        "name_de": "Bergamo",
        "name_en": "Bergamo",
        "country_de": "Italien",
        "country_en": "Italy",
        "partnership_since": None,
        "latitude": Decimal("45.69500"),
        "longitude": Decimal("9.67000"),
        "summary_de": "Bergamo in Italien ist eine der sechs Partnerstädte Ludwigsburgs.",
        "summary_en": "Bergamo in Italy is one of Ludwigsburg's six partner cities.",
        "history_de": "Die italienische Stadt Bergamo gehört zu den sechs Partnerstädten Ludwigsburgs. Seit wann die Partnerschaft besteht, ist auf diesem Portal noch nicht eingetragen.",
        "history_en": "The Italian city of Bergamo is one of Ludwigsburg's six partner cities. The year in which the partnership began has not yet been entered on this portal.",
    },
]


def load():
    contact = ContactPerson.objects.filter(name="Christine Süß").first()
    cities = {}
    for data in CITIES:
        data = dict(data)
        take_part_de, take_part_en = data.pop("take_part", (TAKE_PART_DE, TAKE_PART_EN))
        slug = data.pop("slug")
        data.setdefault("partnership_status", PartnerCity.PartnershipStatus.ACTIVE)
        data.setdefault("status_reason_de", "")
        data.setdefault("status_reason_en", "")
        data.setdefault("region_de", "")
        data.setdefault("region_en", "")
        city = upsert(
            PartnerCity,
            {"slug": slug},
            how_to_take_part_de=take_part_de,
            how_to_take_part_en=take_part_en,
            status=PUBLISHED,
            **data,
        )
        if contact:
            set_if_new(city, "contact_persons", [contact])
        cities[slug] = city

    upsert(
        Award,
        {"city": cities["montbeliard"], "year": 1988},
        name_de="Adenauer-de-Gaulle-Preis",
        name_en="Adenauer-de Gaulle Prize",
        description_de="Für die vorbildlichen partnerschaftlichen Beziehungen zwischen Ludwigsburg und Montbéliard.",
        description_en="For the exemplary twinning relations between Ludwigsburg and Montbéliard.",
    )
    load_activities(cities)
    load_programme()


def _activity(title_de, **fields):
    sdg_numbers = fields.pop("sdg", [])
    activity = upsert(Activity, {"title_de": title_de}, status=PUBLISHED, **fields)
    set_if_new(activity, "sdg_goals", SDGGoal.objects.filter(number__in=sdg_numbers))
    return activity


def load_activities(cities):
    montbeliard = cities["montbeliard"]
    _activity(
        "Vertrag über die erste deutsch-französische Städtepartnerschaft",
        title_en="Agreement on the first German-French town twinning",
        city=montbeliard,
        pillar=Activity.Pillar.MILESTONE,
        year=1950,
        description_de="Ludwigsburg und Montbéliard unterzeichnen den Vertrag über ihre Städtepartnerschaft, die erste zwischen einer deutschen und einer französischen Stadt.",
        description_en="Ludwigsburg and Montbéliard sign the agreement on their twinning, the first between a German and a French town.",
    )
    _activity(
        "Gemeinsam gegen Lebensmittelverschwendung",
        title_en="Working together against food waste",
        city=montbeliard,
        pillar=Activity.Pillar.PROJECT,
        year=None,
        description_de="Ludwigsburg und Montbéliard haben sich über ihre Projekte gegen die Verschwendung von Lebensmitteln auf beiden Seiten ausgetauscht. Mit dabei waren örtliche Vereine und Initiativen aus den Stadtteilen.",
        description_en="Ludwigsburg and Montbéliard exchanged experience from their projects against food waste on both sides. Local associations and neighbourhood initiatives took part.",
        participants_de="Örtliche Vereine wie Foodsharing, Initiativen aus den Stadtteilen",
        participants_en="Local associations such as Foodsharing, neighbourhood initiatives",
        sdg=[12],
    )
    _activity(
        "Gemeinsames Engagement für Kongoussi",
        title_en="Joint commitment to Kongoussi",
        city=montbeliard,
        pillar=Activity.Pillar.PROJECT,
        year=None,
        description_de="Seit vielen Jahren setzen sich Ludwigsburg und Montbéliard gemeinsam für die Stadt Kongoussi in Burkina Faso ein, mit der Ludwigsburg eine Klimapartnerschaft verbindet.",
        description_en="For many years Ludwigsburg and Montbéliard have been working together for the town of Kongoussi in Burkina Faso, Ludwigsburg's climate partner.",
        sdg=[17],
    )
    _activity(
        "Besuche in den Partnerstädten mit dem Verein „Ludwigsburg International“",
        title_en="Visits to the partner cities with the association “Ludwigsburg International”",
        city=None,
        pillar=Activity.Pillar.CLUBS,
        year=None,
        description_de="Der neu gegründete Verein „Ludwigsburg International“ bemüht sich um gegenseitige Besuche mit den Partnerstädten – vom Weihnachtsmarkt bis zum Schüleraustausch.",
        description_en="The newly founded association “Ludwigsburg International” works for visits between Ludwigsburg and its partner cities, from the Christmas market to school exchanges.",
        participants_de="Verein „Ludwigsburg International“",
        participants_en="The association “Ludwigsburg International”",
    )


def load_programme():
    """This year's programme as a frame: the sources give the budget per year, not for this year,
    and name no focus cities, so both stay empty and the notes state the general rule."""
    upsert(
        AnnualProgramme,
        {"year": timezone.localdate().year},
        budget=None,
        notes_de="Für die Städtepartnerschaften stehen insgesamt 70.000 Euro im Jahr zur Verfügung. Damit kann in jedem Jahr nur mit zwei Städten ein schwerpunktmäßiger Austausch betrieben werden. Das Budget und die Schwerpunktstädte für dieses Jahr sind hier noch nicht eingetragen.",
        notes_en="The partnerships have 70,000 euros a year in all. This means that each year a focused exchange is possible with only two of the cities. This year's budget and focus cities have not been entered here yet.",
        status=PUBLISHED,
    )
