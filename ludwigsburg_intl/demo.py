"""Demo content of the shared parts, from the facts of the public source texts (shared/seeds).

Texts are written for this portal in German and English. Facts the sources do not give are
left empty, never invented. Area apps have their own ``demo.py``; see load_demo_content.
"""

import datetime
import json
import zoneinfo

from .models import Area, ContactPerson, Event, Office, SitePage
from .views import CONCEPT_PAGE_SLUG

PUBLISHED = "published"


class DemoRun:
    """One run of the demo loader. Normally it only creates what is missing: an entry it made
    before (found through ``DemoObject``, even if an editor renamed it) or an object that already
    matches the entry is left exactly as it is, relations included. With ``reset`` it restores
    every entry to the demo's values (a demo site's explicit "start again")."""

    def __init__(self, reset: bool = False):
        self.reset = reset
        self.created: set[tuple[str, int]] = set()


_run = DemoRun()


def start_run(reset: bool = False) -> DemoRun:
    global _run
    _run = DemoRun(reset=reset)
    return _run


def _key(model, lookup: dict) -> str:
    return model._meta.label + ":" + json.dumps(lookup, sort_keys=True, default=str)


def upsert(model, lookup: dict, **fields):
    """The demo's object for one entry, identified by its natural key in ``lookup``; ``fields``
    hold ``x_de``/``x_en`` values. Created when missing; an existing one is never changed (unless
    the run resets the demo)."""
    from django.contrib.contenttypes.models import ContentType

    from .models import DemoObject

    key = _key(model, lookup)
    record = DemoObject.objects.filter(key=key).first()
    obj = model.objects.filter(pk=record.object_id).first() if record else None
    if obj is None:
        obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **fields)
        _run.created.add((model._meta.label, obj.pk))
    elif _run.reset:
        for name, value in {**lookup, **fields}.items():
            setattr(obj, name, value)
        obj.save()
        _run.created.add((model._meta.label, obj.pk))
    DemoObject.objects.update_or_create(
        key=key,
        defaults={
            "content_type": ContentType.objects.get_for_model(model),
            "object_id": obj.pk,
        },
    )
    return obj


def is_new(obj) -> bool:
    """Whether this run created the object (or restores it): only then may it set its links."""
    return (obj._meta.label, obj.pk) in _run.created


def set_if_new(obj, relation: str, values) -> None:
    """``obj.<relation>.set(values)`` for an object this run created; an editor's choice stays."""
    if is_new(obj):
        getattr(obj, relation).set(values)


def add_if_new(obj, relation: str, *values) -> None:
    if is_new(obj):
        getattr(obj, relation).add(*values)


def berlin(year, month, day, hour=0, minute=0, tz="Europe/Berlin"):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(tz))


def load():
    load_contacts()
    load_site_pages()
    load_events()


def load_contacts():
    coordination = upsert(
        Office,
        {"street": "Obere Marktstr. 3", "postcode": "71634"},
        name_de="Koordination Kommunale Entwicklungszusammenarbeit",
        name_en="Coordination of municipal development cooperation",
        city="Ludwigsburg",
        phone="07141 910-4057",
        fax="07141 910-2783",
    )
    twinning = upsert(
        Office,
        {"street": "Wilhelmstraße 11", "postcode": "71638"},
        name_de="Städtepartnerschaften und Internationale Kontakte",
        name_en="Town twinning and international contacts",
        city="Ludwigsburg",
        phone="07141 910-2750",
    )
    upsert(
        ContactPerson,
        {"name": "Christine Süß"},
        role_de="Städtepartnerschaften und internationale Kontakte",
        role_en="Town twinning and international contacts",
        office=twinning,
        phone="07141 910-2750",
        email="c.suess@ludwigsburg.de",
        areas=[Area.PARTNERSHIPS],
        show_in_footer=True,
        sort_order=10,
        status=PUBLISHED,
    )
    upsert(
        ContactPerson,
        {"name": "Saliou Gueye"},
        role_de="Koordination Kommunale Entwicklungszusammenarbeit",
        role_en="Coordination of municipal development cooperation",
        office=coordination,
        phone="07141 910-4057",
        fax="07141 910-2783",
        email="s.gueye@ludwigsburg.de",
        areas=[Area.NETWORK, Area.CLIMATE],
        show_in_footer=True,
        sort_order=20,
        status=PUBLISHED,
    )
    upsert(
        ContactPerson,
        {"name": "Annegret Kurze"},
        role_de="Europabeauftragte der Stadt Ludwigsburg",
        role_en="Europe officer of the City of Ludwigsburg",
        email="europa@ludwigsburg.de",
        areas=[Area.EUROPE],
        show_in_footer=True,
        sort_order=30,
        status=PUBLISHED,
    )
    upsert(
        ContactPerson,
        {"name": "Lena Hörter"},
        role_de="Leiterin des Teams Stadtentwicklung und Internationales",
        role_en="Head of the team Urban Development and International Affairs",
        areas=[Area.PARTNERSHIPS],
        show_in_footer=False,
        sort_order=5,
        status=PUBLISHED,
    )


IMPRESSUM_DE = """## Herausgeberin
Stadt Ludwigsburg, vertreten durch Oberbürgermeister Dr. Matthias Knecht.

## Verantwortlich für die Inhalte
Referat Stadtentwicklung, Klima und Internationales – Team Stadtentwicklung und Internationales.

Ansprechpartnerin für dieses Portal:
Christine Süß, Städtepartnerschaften und internationale Kontakte
Wilhelmstraße 11, 71638 Ludwigsburg
Telefon 07141 910-2750

## Grundlage der Inhalte
Die Texte dieses Portals fassen öffentliche Veröffentlichungen der Stadt Ludwigsburg und des Städtetags Baden-Württemberg in eigenen Worten zusammen. Bildnachweise stehen jeweils direkt beim Bild.

## Haftung für Links
Verweise auf Angebote anderer Stellen führen zu Inhalten, für die deren Anbieter verantwortlich sind. Beim Setzen der Links waren keine Rechtsverstöße erkennbar."""

IMPRESSUM_EN = """## Publisher
City of Ludwigsburg, represented by Lord Mayor Dr. Matthias Knecht.

## Responsible for the content
Department of Urban Development, Climate and International Affairs – team Urban Development and International Affairs.

Contact for this portal:
Christine Süß, town twinning and international contacts
Wilhelmstraße 11, 71638 Ludwigsburg, Germany
Phone +49 7141 910-2750

## Where the content comes from
The texts of this portal summarise, in our own words, public documents of the City of Ludwigsburg and of the Association of Cities of Baden-Württemberg (Städtetag Baden-Württemberg). Picture credits are given next to each picture.

## Links to other sites
Links to other providers lead to content for which those providers are responsible. No infringements were apparent when the links were set."""

DATENSCHUTZ_DE = """## Wer ist verantwortlich?
Verantwortlich für die Verarbeitung personenbezogener Daten auf diesem Portal ist die Stadt Ludwigsburg, vertreten durch den Oberbürgermeister.

## Was beim Besuch der Seiten geschieht
Die öffentlichen Seiten setzen keine Cookies, binden keine Schriften, Karten oder Skripte anderer Anbieter ein und verwenden keine Analyse- oder Statistikdienste. Beim Aufruf einer Seite wird keine Verbindung zu einem anderen Server aufgebaut.

## Formulare
Wenn Sie ein Formular dieses Portals absenden, zum Beispiel eine Interessensbekundung für ein europäisches Programm, speichern wir die Angaben, die Sie eintragen, und den Zeitpunkt. Wir verwenden sie nur, um Ihr Anliegen zu bearbeiten und zu beantworten, und löschen sie zwölf Monate nach unserer Antwort; bleibt eine Anfrage unbeantwortet, löschen wir sie zwölf Monate nach ihrem Eingang. Um massenhafte Einsendungen abzuwehren, speichern wir eine nicht umkehrbar verschlüsselte Form (Hash) Ihrer IP-Adresse; sie wird nach einer Stunde automatisch gelöscht, spätestens fünf Minuten danach. Nur auf der Formularseite selbst wird ein technisch notwendiges Cookie zum Schutz vor gefälschten Anfragen gesetzt.

## Ihre Rechte
Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung Ihrer Daten sowie das Recht, einer Verarbeitung zu widersprechen und eine erteilte Einwilligung zu widerrufen (Artikel 15 bis 21 DSGVO). Sie können sich außerdem beim Landesbeauftragten für den Datenschutz und die Informationsfreiheit Baden-Württemberg beschweren."""

DATENSCHUTZ_EN = """## Who is responsible?
The City of Ludwigsburg, represented by the Lord Mayor, is responsible for processing personal data on this portal.

## What happens when you visit
The public pages set no cookies, load no fonts, maps or scripts from other providers and use no analytics or statistics services. Opening a page makes no connection to any other server.

## Forms
When you send a form on this portal, for example an expression of interest in a European programme, we store what you entered and the time. We use it only to deal with and answer your request, and delete it twelve months after our answer; if a request remains unanswered, we delete it twelve months after it was received. To fend off mass submissions we keep a one-way hash of your IP address; it is deleted automatically after one hour, at the latest five minutes later. Only the form page itself sets a technically necessary cookie that protects against forged requests.

## Your rights
You have the right of access, rectification, erasure and restriction of processing, the right to object and the right to withdraw consent (Articles 15 to 21 GDPR). You may also complain to the State Commissioner for Data Protection and Freedom of Information of Baden-Württemberg."""

BARRIEREFREIHEIT_DE = """## Für wen diese Erklärung gilt
Die Stadt Ludwigsburg möchte ihre Websites barrierefrei zugänglich machen. Diese Erklärung gilt für das Portal Ludwigsburg International.

## Stand der Vereinbarkeit
Das Portal soll die Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und damit der WCAG 2.1 auf Stufe AA erfüllen. Jede öffentliche Seite wird bei jeder Änderung automatisch mit axe-core geprüft; geprüft werden außerdem die Bedienung mit der Tastatur und die Darstellung bei 320 Pixeln Breite. Alle Seiten funktionieren ohne JavaScript.

- Jede Seite hat eine Sprungmarke zum Inhalt, eine klare Überschriftenstruktur und eine Brotkrümelnavigation.
- Texte, die es noch nicht auf Englisch gibt, sind auf den englischen Seiten als deutsch ausgezeichnet.
- Tabellen haben Überschriften und Beschriftungen; Diagramme haben eine Tabelle mit denselben Zahlen.

## Barriere melden
Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in anderer Form? Schreiben Sie uns: Christine Süß, Städtepartnerschaften und internationale Kontakte, E-Mail c.suess@ludwigsburg.de, Telefon 07141 910-2750. Wir antworten Ihnen so schnell wie möglich.

## Durchsetzungsverfahren
Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Beauftragte der Landesregierung Baden-Württemberg für die Belange von Menschen mit Behinderungen wenden."""

BARRIEREFREIHEIT_EN = """## Scope of this statement
The City of Ludwigsburg wants its websites to be accessible to everyone. This statement covers the portal Ludwigsburg International.

## Compliance status
The portal aims to meet the German accessibility regulation BITV 2.0 and so WCAG 2.1 at level AA. Every public page is checked automatically with axe-core whenever the software changes; keyboard use and display at a width of 320 pixels are checked as well. All pages work without JavaScript.

- Every page has a link that skips to the content, a clear heading structure and breadcrumbs.
- Texts not yet available in English are marked as German on the English pages.
- Tables have headers and captions; charts come with a table of the same figures.

## Report a barrier
Have you come across a barrier, or do you need content in another form? Please write to us: Christine Süß, town twinning and international contacts, e-mail c.suess@ludwigsburg.de, phone +49 7141 910-2750. We will answer as soon as we can.

## Enforcement procedure
If you do not receive a satisfactory answer, you can turn to the Commissioner of the Government of Baden-Württemberg for the Concerns of People with Disabilities."""

LEICHTE_SPRACHE_DE = """## Was ist auf dieser Internet-Seite?
Die Stadt Ludwigsburg hat Freunde in anderen Ländern.
Auf dieser Internet-Seite steht, was die Stadt mit diesen Freunden macht.

## Partner-Städte
Ludwigsburg hat 6 Partner-Städte.
Das sind Städte in anderen Ländern.
Die Menschen besuchen sich.
Schüler und Schülerinnen fahren in die anderen Städte.
Die Partner-Städte sind:
- Montbéliard in Frankreich
- Caerphilly in Wales
- Jevpatorija in der Ukraine
- St. Charles in den USA
- Nový Jičín in Tschechien
- Bergamo in Italien

## Klima-Partnerschaften
Ludwigsburg arbeitet mit 2 Städten für das Klima.
Die Stadt Kongoussi ist in Burkina Faso in Afrika.
Die Stadt Ambato ist in Ecuador in Süd-Amerika.
Für Kongoussi gibt es einen Plan:
Schulen sollen zum Beispiel Solar-Anlagen bekommen.
Solar-Anlagen machen Strom aus Sonnen-Licht.

## Europa
Ludwigsburg ist eine Stadt in Europa.
Die Stadt arbeitet mit der Europäischen Union zusammen.
Die Europäische Union heißt kurz: EU.

## Eine Welt
In Ludwigsburg gibt es viele Gruppen.
Die Gruppen setzen sich für eine gerechte Welt ein.
Die Stadt hilft den Gruppen.

## Fragen?
Sie können Christine Süß anrufen.
Die Telefon-Nummer ist: 07141 910-2750."""

LEICHTE_SPRACHE_EN = """## What is on this website?
The City of Ludwigsburg has friends in other countries.
This website tells you what the city does with these friends.

## Partner cities
Ludwigsburg has 6 partner cities.
These are cities in other countries.
People visit each other.
Pupils travel to the other cities.
The partner cities are:
- Montbéliard in France
- Caerphilly in Wales
- Yevpatoria in Ukraine
- St. Charles in the USA
- Nový Jičín in the Czech Republic
- Bergamo in Italy

## Climate partnerships
Ludwigsburg works with 2 cities for the climate.
Kongoussi is a town in Burkina Faso in Africa.
Ambato is a city in Ecuador in South America.
There is a plan for Kongoussi:
Schools are to get solar systems, for example.
Solar systems make electricity from sunlight.

## Europe
Ludwigsburg is a city in Europe.
The city works together with the European Union.
The short name for the European Union is: EU.

## One World
There are many groups in Ludwigsburg.
The groups work for a fair world.
The city helps these groups.

## Questions?
You can phone Christine Süß.
The phone number is: +49 7141 910-2750."""

# The city's concept for its international relations (seed 002), where a citizen looks for the
# why and the who: linked from the home page and the footer.
CONCEPT_SLUG = CONCEPT_PAGE_SLUG

KONZEPT_DE = """## Ein Konzept für das Internationale
Wie stellt sich Ludwigsburg auf die Entwicklungen in der Welt ein, und wie will die Stadt ihre Beziehungen ins Ausland künftig pflegen? Auf diese Fragen antwortet ein neues Konzept, das Oberbürgermeister Dr. Matthias Knecht vorgestellt hat.

## Warum Ludwigsburg internationale Beziehungen pflegt
Der Grundgedanke ist Völkerverständigung und kultureller Austausch. Der Oberbürgermeister fasst ihn mit einem Satz des früheren Bundesaußenministers Hans-Dietrich Genscher zusammen:

„Solange man miteinander redet, schießt man nicht aufeinander.“ – Hans-Dietrich Genscher, ehemaliger Außenminister, zitiert von Oberbürgermeister Dr. Matthias Knecht

Internationales Engagement ist nach Ansicht des Oberbürgermeisters auch für eine Kommune unverzichtbar. Denn für Ludwigsburg zählt vieles, was über die Stadtgrenze hinausreicht: was in Brüssel entschieden wird, Fördermittel, internationale Fachkräfte, die Städtepartnerschaften und die kommunale Entwicklungspolitik.

## Wer in der Verwaltung zuständig ist
Zuständig ist das Referat Stadtentwicklung, Klima und Internationales. Es betreut die Städtepartnerschaften, die Klimapartnerschaften und die Europa-Arbeit. Das Team „Stadtentwicklung und Internationales“ hat zusammen drei Vollzeitstellen, die sich mehrere Personen teilen:

- Teamleiterin Lena Hörter verantwortet gemeinsam mit einer Kollegin den Austausch mit den sechs Partnerstädten.
- Eine weitere Kollegin ist für die Europa-Arbeit zuständig.
- Zwei Mitarbeitende betreuen die Klimapartnerschaften.

Für europäische Partnerschaftsprojekte und Förderungen durch europäische Organisationen ist die Europabeauftragte der Stadt, Annegret Kurze, verantwortlich.

## Sechs Partnerstädte, 70.000 Euro im Jahr
Ludwigsburgs Partnerstädte sind Montbéliard (Frankreich), Caerphilly (Wales), Jevpatorija (Ukraine; die offiziellen Aktivitäten ruhen seit der Annexion der Krim durch Russland), St. Charles (USA), Nový Jičín (Tschechien) und Bergamo (Italien). Für die Partnerschaften stehen zusammen 70.000 Euro im Jahr zur Verfügung. Damit kann die Stadt in jedem Jahr nur mit zwei Städten einen schwerpunktmäßigen Austausch betreiben.

Darüber hinaus bemüht sich die Stadt um Förderprojekte zu aktuellen Themen. Die Partnerschaften sollen auch wichtige politische Fragen aufgreifen, grenzübergreifende Herausforderungen, vor denen die Städte gemeinsam stehen – zum Beispiel die Verschwendung von Lebensmitteln, zu der sich Ludwigsburg und Montbéliard ausgetauscht haben.

## Entwicklungspolitik und Klimapartnerschaften
Gemeinsam mit nationalen Organisationen leistet die Stadt ihren Beitrag zur weltweiten Entwicklungspolitik: mit der Klimapartnerschaft mit Ambato in Ecuador zu Umwelt- und Verkehrsthemen und, zusammen mit Montbéliard, seit vielen Jahren mit dem Engagement für Kongoussi in Burkina Faso. Getragen werden die Projekte immer wieder von Ehrenamtlichen und gemeinnützigen Vereinen, für Kongoussi etwa vom Freundeskreis Burkina Faso.

## Wem die Arbeit nützt
Vom partnerschaftlichen Austausch und von den entwicklungspolitischen Projekten sollen alle Beteiligten profitieren: Die Stadt und ihre internationalen Partnerinnen und Partner gewinnen fachlich und menschlich. Mit Blick auf die weltpolitischen Entwicklungen hat die Arbeit zudem besonderes Gewicht: Sie ist ein Einsatz für Frieden und Klimaschutz vor Ort, der im Kleinen zum großen Ganzen beiträgt.

Grundlage dieser Seite ist der Artikel „Konzept fürs Internationale“ der Stadt Ludwigsburg."""

KONZEPT_EN = """## A concept for international relations
How is Ludwigsburg responding to developments around the world, and how does the city want to look after its relations abroad in future? A new concept presented by Lord Mayor Dr. Matthias Knecht answers these questions.

## Why Ludwigsburg keeps international relations
The basic idea is understanding between peoples and cultural exchange. The Lord Mayor sums it up with a sentence of the former German Foreign Minister Hans-Dietrich Genscher:

“Solange man miteinander redet, schießt man nicht aufeinander.” (As long as people talk to each other, they do not shoot at each other.) – Hans-Dietrich Genscher, former Foreign Minister, quoted by Lord Mayor Dr. Matthias Knecht

In the Lord Mayor's view, international engagement is indispensable for a municipality too, because much that reaches beyond the city's boundaries matters to Ludwigsburg: what is decided in Brussels, funding, international skilled workers, the town twinnings and municipal development policy.

## Who is responsible in the administration
The Department of Urban Development, Climate and International Affairs is responsible. It looks after the partner cities, the climate partnerships and the work on Europe. Its team “Urban Development and International Affairs” has three full-time posts in all, shared among several people:

- Team leader Lena Hörter is responsible, together with a colleague, for the exchange with the six partner cities.
- Another colleague is responsible for the work on Europe.
- Two members of staff look after the climate partnerships.

The city's Europe officer, Annegret Kurze, is responsible for European partnership projects and for funding from European organisations.

## Six partner cities, 70,000 euros a year
Ludwigsburg's partner cities are Montbéliard (France), Caerphilly (Wales), Yevpatoria (Ukraine; official activities have been suspended since Russia's annexation of Crimea), St. Charles (USA), Nový Jičín (Czech Republic) and Bergamo (Italy). The partnerships have 70,000 euros a year in all. This means that each year the city can run a focused exchange with only two of the cities.

Beyond that, the city seeks funded projects on current topics. The partnerships are also meant to take up important political questions, cross-border challenges the cities face together – food waste, for example, on which Ludwigsburg and Montbéliard have exchanged experience.

## Development policy and climate partnerships
Together with national organisations, the city makes its contribution to development policy worldwide: through the climate partnership with Ambato in Ecuador on the environment and transport and, together with Montbéliard, through its commitment to Kongoussi in Burkina Faso over many years. Volunteers and non-profit associations carry the projects again and again – for Kongoussi, for example, the Freundeskreis Burkina Faso.

## Who benefits
Everyone involved is meant to benefit from the exchange between partners and from the development-policy projects: the city and its international partners gain professionally and personally. In view of developments in world politics, the work also carries particular weight: it is a commitment to peace and climate protection on the ground that contributes in small ways to the bigger picture.

This page is based on the City of Ludwigsburg's article “Konzept fürs Internationale” (a concept for international relations)."""


def load_site_pages():
    pages = [
        (
            CONCEPT_SLUG,
            5,
            "Internationale Beziehungen: warum und wie",
            "International relations: why and how",
            "Das Konzept der Stadt für ihre internationalen Beziehungen: Beweggründe, Team, Budget und Nutzen.",
            "The city's concept for its international relations: motives, team, budget and benefits.",
            KONZEPT_DE,
            KONZEPT_EN,
        ),
        (
            "impressum",
            10,
            "Impressum",
            "Legal notice",
            "Wer dieses Portal herausgibt und für die Inhalte verantwortlich ist.",
            "Who publishes this portal and is responsible for its content.",
            IMPRESSUM_DE,
            IMPRESSUM_EN,
        ),
        (
            "datenschutz",
            20,
            "Datenschutzerklärung",
            "Privacy statement",
            "Welche Daten dieses Portal verarbeitet und welche Rechte Sie haben.",
            "What data this portal processes and what rights you have.",
            DATENSCHUTZ_DE,
            DATENSCHUTZ_EN,
        ),
        (
            "barrierefreiheit",
            30,
            "Erklärung zur Barrierefreiheit",
            "Accessibility statement",
            "Wie barrierefrei dieses Portal ist und wie Sie eine Barriere melden.",
            "How accessible this portal is and how to report a barrier.",
            BARRIEREFREIHEIT_DE,
            BARRIEREFREIHEIT_EN,
        ),
        (
            "leichte-sprache",
            40,
            "Leichte Sprache",
            "Easy Read",
            "Dieses Portal in Leichter Sprache erklärt.",
            "This portal explained in easy words.",
            LEICHTE_SPRACHE_DE,
            LEICHTE_SPRACHE_EN,
        ),
    ]
    for slug, order, title_de, title_en, summary_de, summary_en, body_de, body_en in pages:
        upsert(
            SitePage,
            {"slug": slug},
            title_de=title_de,
            title_en=title_en,
            summary_de=summary_de,
            summary_en=summary_en,
            body_de=body_de,
            body_en=body_en,
            show_in_footer=True,
            footer_order=order,
            status=PUBLISHED,
        )


# Events dated by the sources, found again by their calendar UID (which no editor changes).
# Area demo loaders link them to their own objects (``demo_events``).
EVENT_UIDS = {
    "committee_2023": "demo-wirtschaftsausschuss-2023-06-14@ludwigsburg-international",
    "ambato_exchange_2022": "demo-ambato-fachaustausch-2022-12@ludwigsburg-international",
    "ambato_delegation_2023": "demo-ambato-delegation-2023-04@ludwigsburg-international",
    "ambato_tourism_2023": "demo-ambato-tourismus-2023-07@ludwigsburg-international",
    "ambato_rector_2023": "demo-ambato-rektor-2023-07@ludwigsburg-international",
    "kongoussi_delegation_2023": "demo-kongoussi-delegation-2023-10@ludwigsburg-international",
    "ambato_biodiversity_2023": "demo-ambato-biodiversitaet-2023-10@ludwigsburg-international",
    "ambato_mayor_visit_2024": "demo-ambato-delegation-ob-2024-02@ludwigsburg-international",
    "nachhaltigkeitstage_2023": "demo-nachhaltigkeitstage-2023-09@ludwigsburg-international",
}


def demo_events(*keys):
    """The demo's events for ``keys`` of ``EVENT_UIDS``."""
    return Event.objects.filter(uid__in=[EVENT_UIDS[key] for key in keys])


def load_events():
    day, month = Event.Precision.DAY, Event.Precision.MONTH
    events = [
        # key, area, precision, start, end, tz, title de/en, place de/en, description de/en
        (
            "committee_2023",
            Area.GENERAL,
            day,
            berlin(2023, 6, 14),
            None,
            "Europe/Berlin",
            "Bericht im Wirtschaftsausschuss: Städtepartnerschaften, Europa und Entwicklungspolitik",
            "Report to the economic committee: partner cities, Europe and development policy",
            "Ludwigsburg",
            "Ludwigsburg",
            "Das Referat Stadtentwicklung, Klima und Internationales berichtete dem Wirtschaftsausschuss des Gemeinderats über die Städtepartnerschaften, die Europa-Arbeit, die Klimapartnerschaften mit Kongoussi und Ambato und die kommunale Entwicklungspolitik.",
            "The department of urban development, climate and international affairs reported to the council's economic committee on the partner cities, the work on Europe, the climate partnerships with Kongoussi and Ambato, and municipal development policy.",
        ),
        (
            "ambato_exchange_2022",
            Area.CLIMATE,
            month,
            berlin(2022, 12, 1, tz="America/Guayaquil"),
            None,
            "America/Guayaquil",
            "Fachaustausch in Ambato",
            "Expert exchange in Ambato",
            "Ambato, Ecuador",
            "Ambato, Ecuador",
            "Ein fachlicher Austausch in Ambato, an dem aus Ludwigsburg R05 und die AVL beteiligt waren.",
            "An expert exchange in Ambato in which R05 and AVL took part from Ludwigsburg.",
        ),
        (
            "ambato_delegation_2023",
            Area.CLIMATE,
            month,
            berlin(2023, 4, 1),
            None,
            "Europe/Berlin",
            "Delegationsbesuch und Abschied von Bürgermeister Altamirano",
            "Delegation visit and farewell to Mayor Altamirano",
            "",
            "",
            "Bei diesem Delegationsbesuch wurde Ambatos Bürgermeister Altamirano verabschiedet. Der Ort ist hier nicht erfasst.",
            "This delegation visit was also the farewell of Ambato's mayor Altamirano. Its place is not recorded here.",
        ),
        (
            "ambato_tourism_2023",
            Area.CLIMATE,
            month,
            berlin(2023, 7, 1),
            None,
            "Europe/Berlin",
            "Besuch der Tourismusabteilung aus Ambato",
            "Visit of Ambato's tourism department",
            "Ludwigsburg",
            "Ludwigsburg",
            "Die Tourismusabteilung der Stadt Ambato kommt zu Besuch nach Ludwigsburg.",
            "The tourism department of the City of Ambato visits Ludwigsburg.",
        ),
        (
            "ambato_rector_2023",
            Area.CLIMATE,
            month,
            berlin(2023, 7, 1),
            None,
            "Europe/Berlin",
            "Besuch des Rektors der Universität Ambato",
            "Visit of the rector of the University of Ambato",
            "",
            "",
            "Der Rektor der Universität in Ambato kommt zu Besuch.",
            "The rector of the university in Ambato pays a visit.",
        ),
        (
            "kongoussi_delegation_2023",
            Area.CLIMATE,
            day,
            berlin(2023, 10, 23),
            berlin(2023, 10, 29),
            "Europe/Berlin",
            "Delegation aus Kongoussi zu Gast in Ludwigsburg",
            "Delegation from Kongoussi visits Ludwigsburg",
            "Ludwigsburg",
            "Ludwigsburg",
            "Eine Delegation aus Kongoussi in Burkina Faso, der Klimapartnerstadt Ludwigsburgs, ist eine Woche lang in Ludwigsburg zu Gast. Der Besuch gehört zum Projektantrag 2023–2026 der Klimapartnerschaft.",
            "A delegation from Kongoussi in Burkina Faso, Ludwigsburg's climate partner town, spends a week in Ludwigsburg. The visit is part of the climate partnership's project application for 2023–2026.",
        ),
        (
            "ambato_biodiversity_2023",
            Area.CLIMATE,
            month,
            berlin(2023, 10, 1, tz="America/Guayaquil"),
            None,
            "America/Guayaquil",
            "Fachaustausch zur Biodiversität in Ambato",
            "Expert exchange on biodiversity in Ambato",
            "Ambato, Ecuador",
            "Ambato, Ecuador",
            "Ein fachlicher Austausch zum Schutz der biologischen Vielfalt, in Ambato.",
            "An expert exchange on protecting biodiversity, held in Ambato.",
        ),
        (
            "ambato_mayor_visit_2024",
            Area.CLIMATE,
            month,
            berlin(2024, 2, 1, tz="America/Guayaquil"),
            None,
            "America/Guayaquil",
            "Delegationsreise mit Oberbürgermeister Dr. Knecht nach Ambato",
            "Delegation with Lord Mayor Dr. Knecht travels to Ambato",
            "Ambato, Ecuador",
            "Ambato, Ecuador",
            "Oberbürgermeister Dr. Matthias Knecht reist mit einer Delegation in die Klimapartnerstadt Ambato.",
            "Lord Mayor Dr. Matthias Knecht travels with a delegation to Ambato, Ludwigsburg's climate partner city.",
        ),
        (
            "nachhaltigkeitstage_2023",
            Area.NETWORK,
            month,
            berlin(2023, 9, 1),
            None,
            "Europe/Berlin",
            "Nachhaltigkeitstage",
            "Sustainability Days",
            "Ludwigsburg",
            "Ludwigsburg",
            "Die Nachhaltigkeitstage im September sind Teil der Öffentlichkeitsarbeit der kommunalen Entwicklungspolitik in Ludwigsburg.",
            "The Sustainability Days in September are part of the public outreach of Ludwigsburg's municipal development policy.",
        ),
    ]
    for key, area, precision, start, end, tz, t_de, t_en, p_de, p_en, d_de, d_en in events:
        upsert(
            Event,
            {"uid": EVENT_UIDS[key]},
            area=area,
            precision=precision,
            starts_at=start,
            ends_at=end,
            time_zone=tz,
            title_de=t_de,
            title_en=t_en,
            place_de=p_de,
            place_en=p_en,
            description_de=d_de,
            description_en=d_en,
            status=PUBLISHED,
        )
