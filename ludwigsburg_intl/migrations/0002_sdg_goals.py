"""The 17 Sustainable Development Goals with their official numbers, names and colours.

German names as used by the Federal Government (Die Bundesregierung / BMZ), English names and
colours as in the United Nations' SDG communication guidelines.
"""

from django.db import migrations

GOALS = [
    (1, "Keine Armut", "No Poverty", "#E5243B",
     "Armut in allen ihren Formen und überall beenden.",
     "End poverty in all its forms everywhere."),
    (2, "Kein Hunger", "Zero Hunger", "#DDA63A",
     "Den Hunger beenden, Ernährungssicherheit und eine bessere Ernährung erreichen und eine nachhaltige Landwirtschaft fördern.",
     "End hunger, achieve food security and improved nutrition and promote sustainable agriculture."),
    (3, "Gesundheit und Wohlergehen", "Good Health and Well-being", "#4C9F38",
     "Ein gesundes Leben für alle Menschen jeden Alters gewährleisten und ihr Wohlergehen fördern.",
     "Ensure healthy lives and promote well-being for all at all ages."),
    (4, "Hochwertige Bildung", "Quality Education", "#C5192D",
     "Inklusive, gleichberechtigte und hochwertige Bildung gewährleisten und Möglichkeiten lebenslangen Lernens für alle fördern.",
     "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all."),
    (5, "Geschlechtergleichheit", "Gender Equality", "#FF3A21",
     "Geschlechtergleichstellung erreichen und alle Frauen und Mädchen zur Selbstbestimmung befähigen.",
     "Achieve gender equality and empower all women and girls."),
    (6, "Sauberes Wasser und Sanitäreinrichtungen", "Clean Water and Sanitation", "#26BDE2",
     "Verfügbarkeit und nachhaltige Bewirtschaftung von Wasser und Sanitärversorgung für alle gewährleisten.",
     "Ensure availability and sustainable management of water and sanitation for all."),
    (7, "Bezahlbare und saubere Energie", "Affordable and Clean Energy", "#FCC30B",
     "Zugang zu bezahlbarer, verlässlicher, nachhaltiger und moderner Energie für alle sichern.",
     "Ensure access to affordable, reliable, sustainable and modern energy for all."),
    (8, "Menschenwürdige Arbeit und Wirtschaftswachstum", "Decent Work and Economic Growth", "#A21942",
     "Dauerhaftes, breitenwirksames und nachhaltiges Wirtschaftswachstum, produktive Vollbeschäftigung und menschenwürdige Arbeit für alle fördern.",
     "Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all."),
    (9, "Industrie, Innovation und Infrastruktur", "Industry, Innovation and Infrastructure", "#FD6925",
     "Eine widerstandsfähige Infrastruktur aufbauen, breitenwirksame und nachhaltige Industrialisierung fördern und Innovationen unterstützen.",
     "Build resilient infrastructure, promote inclusive and sustainable industrialization and foster innovation."),
    (10, "Weniger Ungleichheiten", "Reduced Inequalities", "#DD1367",
     "Ungleichheit in und zwischen Ländern verringern.",
     "Reduce inequality within and among countries."),
    (11, "Nachhaltige Städte und Gemeinden", "Sustainable Cities and Communities", "#FD9D24",
     "Städte und Siedlungen inklusiv, sicher, widerstandsfähig und nachhaltig gestalten.",
     "Make cities and human settlements inclusive, safe, resilient and sustainable."),
    (12, "Nachhaltiger Konsum und Produktion", "Responsible Consumption and Production", "#BF8B2E",
     "Nachhaltige Konsum- und Produktionsmuster sicherstellen.",
     "Ensure sustainable consumption and production patterns."),
    (13, "Maßnahmen zum Klimaschutz", "Climate Action", "#3F7E44",
     "Umgehend Maßnahmen zur Bekämpfung des Klimawandels und seiner Auswirkungen ergreifen.",
     "Take urgent action to combat climate change and its impacts."),
    (14, "Leben unter Wasser", "Life Below Water", "#0A97D9",
     "Ozeane, Meere und Meeresressourcen im Sinne nachhaltiger Entwicklung erhalten und nachhaltig nutzen.",
     "Conserve and sustainably use the oceans, seas and marine resources for sustainable development."),
    (15, "Leben an Land", "Life on Land", "#56C02B",
     "Landökosysteme schützen, wiederherstellen und ihre nachhaltige Nutzung fördern, Wälder nachhaltig bewirtschaften, Wüstenbildung bekämpfen, Bodendegradation beenden und umkehren und dem Verlust der Biodiversität ein Ende setzen.",
     "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably manage forests, combat desertification, and halt and reverse land degradation and halt biodiversity loss."),
    (16, "Frieden, Gerechtigkeit und starke Institutionen", "Peace, Justice and Strong Institutions", "#00689D",
     "Friedliche und inklusive Gesellschaften für eine nachhaltige Entwicklung fördern, allen Menschen Zugang zur Justiz ermöglichen und leistungsfähige, rechenschaftspflichtige und inklusive Institutionen auf allen Ebenen aufbauen.",
     "Promote peaceful and inclusive societies for sustainable development, provide access to justice for all and build effective, accountable and inclusive institutions at all levels."),
    (17, "Partnerschaften zur Erreichung der Ziele", "Partnerships for the Goals", "#19486A",
     "Umsetzungsmittel stärken und die Globale Partnerschaft für nachhaltige Entwicklung mit neuem Leben erfüllen.",
     "Strengthen the means of implementation and revitalize the Global Partnership for Sustainable Development."),
]


def load_goals(apps, schema_editor):
    SDGGoal = apps.get_model("ludwigsburg_intl", "SDGGoal")
    for number, name_de, name_en, colour, short_de, short_en in GOALS:
        SDGGoal.objects.update_or_create(
            number=number,
            defaults={
                "name": name_de,
                "name_de": name_de,
                "name_en": name_en,
                "colour": colour,
                "short_description": short_de,
                "short_description_de": short_de,
                "short_description_en": short_en,
            },
        )


def remove_goals(apps, schema_editor):
    apps.get_model("ludwigsburg_intl", "SDGGoal").objects.filter(
        number__in=[g[0] for g in GOALS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("ludwigsburg_intl", "0001_initial")]

    operations = [migrations.RunPython(load_goals, remove_goals)]
