#!/usr/bin/env python3
"""Write the Sluice sample dumps under data/.

All article texts below were written for Sluice; the people, towns and
companies in them are invented. Released under CC0 (see data/README.md).

Deterministic: running it twice gives byte-identical .jsonl/.txt payloads;
the .zst files are identical as long as the same zstd version is used
(made with zstd v1.5.4, `zstd -19 -q`).

Usage:  python3 data/make_samples.py      (from anywhere; needs `zstd` on PATH)
"""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

NBSP = "\u00a0"    # no-break space
NNBSP = "\u202f"   # narrow no-break space (French typography)
ZWSP = "\u200b"    # zero-width space
SHY = "\u00ad"     # soft hyphen
BOM = "\ufeff"


class Raw:
    """A JSON value written verbatim (e.g. 1.0e+3 or an integer wider than 64 bits)."""

    def __init__(self, text):
        self.text = text


def dump(obj):
    """One JSON line, ensure_ascii=False; Raw values are spliced in verbatim."""
    raws = []

    def walk(v):
        if isinstance(v, Raw):
            raws.append(v.text)
            return "@@RAW%d@@" % (len(raws) - 1)
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    line = json.dumps(walk(obj), ensure_ascii=False, separators=(",", ":"))
    for i, text in enumerate(raws):
        line = line.replace('"@@RAW%d@@"' % i, text)
    return line


def crlf(text):
    return text.replace("\n", "\r\n")


def zstd(path):
    """Compress path to path.zst with `zstd -19 -q` and remove the plain file."""
    subprocess.run(["zstd", "-19", "-q", "-f", "--rm", path], check=True)


# ---------------------------------------------------------------------------
# news/2024-07/articles.jsonl.zst
# ---------------------------------------------------------------------------

ARTICLES = []


MISSING = object()


def art(id_, lang, source, title, text, published=MISSING, url=None, **extra):
    rec = {"id": id_}
    rec["url"] = url or "https://%s/%s/%s" % (source, lang, id_)
    rec["title"] = title
    rec["text"] = text
    if published is not MISSING:
        rec["published"] = published   # may be None -> JSON null
    rec["source"] = source
    rec.update(extra)
    ARTICLES.append(rec)
    return rec


# --- English ---------------------------------------------------------------

art("nw-0001", "en", "harbourgazette.example",
    "Eastmere port reopens after warehouse fire",
    "The port of Eastmere reopened to container traffic on Tuesday after a four-day closure caused by a fire in a warehouse next to the main terminal. , which officials said had been contained within hours.\n"
    "“We lost time, but we did not lose a single crane,” harbour master Dr. Alan Whitcombe told reporters at 7:30 a.m. local time.\n"
    "About 1.2 million tonnes of cargo were waiting offshore, according to the U.S. Coast Guard liaison office in the port.\n"
    "Shipping firms expect the backlog to clear by the end of next week.\n"
    "#Eastmere #port #shipping #fire\n"
    "2024-07-02 18:04:11",
    published="2024-07-02T18:04:11Z",
    meta={"section": "business", "score": Raw("1.0e+3"), "views": Raw("12345678901234567890")})

art("nw-0002", "en", "northfielddaily.example",
    "Northfield council approves 15 km of new bike lanes",
    "Northfield city council voted 9 to 4 on Monday night to build 15" + NBSP + "km of protected bike lanes by the end of 2026.\n\n"
    "“This is not about cars versus bikes[…]we  simply want people to get to work safely,” said councillor Priya Raman, who sponsored the plan.\n\n"
    "The project will cost an estimated $4.7 million.  Opponents argued that the money should go to road repairs instead.\n\n"
    "Construction on the first section, along Mill St. and Harper Ave., is due to start in September.",
    published="2024-07-01")

HEATWAVE_TEXT = crlf(
    "Temperatures in the Ashford valley reached 38.6" + NBSP + "°C on Sunday, the highest reading since records began in 1921.\n"
    "The regional health service opened six cooling centres and asked residents to check on elderly neighbours.\n"
    "“Drink water before you feel thirsty,” said Dr. Helen Osei, the service’s medical director.\n\n"
    "Forecasters expect the heat to ease by Thursday, when a band of thunderstorms is due to move in from the west.\n"
    "#heatwave #Ashford #weather\n"
    "2024-07-07 21:40:02")
HEATWAVE = art("nw-0003", "en", "valleyobserver.example",
               "Ashford valley breaks temperature record",
               HEATWAVE_TEXT, published="2024-07-07T21:40:02+01:00")

art("nw-0004", "en", "sciencewire.example",
    "New beetle species found in university greenhouse",
    "Researchers at Kelburn University have described a beetle species that had been living unnoticed in the campus greenhouse for at least a decade.\n"
    "The insect, about 2.5" + NBSP + "mm long, feeds on decaying orchid roots, e.g. those of imported ornamental plants.\n"
    "“We walked past it every day,” said Dr. Marta Lindqvist, lead author of the study, which appears in this month’s issue of a regional entomology journal.\n"
    "The team named it Ptilo" + ZWSP + "dactyla kelburnensis after the university.\n"
    "Lindqvist et al. suggest that it probably arrived with a shipment of plants in the early 2010s.",
    published="2024-07-04T10:00:00Z",
    authors=["Tom Becker", "Aisha Nkemelu"])

art("nw-0005", "en", "marketbrief.example",
    "Stocks edge higher as bond yields slip",
    "Stocks rose for a third straight session on Wednesday as investors bet that interest rates have peaked.\n"
    "The broad index gained 0.8% to close at 5,612.4, while the yield on the 10-year U.S. Treasury note fell to 4.25%.\n"
    "“The market is pricing in two cuts before year-end, maybe three,” said Mr. Daniel Foss, chief strategist at Harlow & Finch Inc.\n"
    "Oil prices were little changed at $82.10 a barrel.\n"
    "Trading volume was light ahead of Thursday’s holiday.",
    published="2024-07-03T20:15:00-04:00",
    meta={"section": "markets", "score": Raw("9.75E-1"), "tickers": ["HFX", "OILX"], "views": Raw("123456789012345678901234567890")})

art("nw-0006", "en", "northfielddaily.example",
    "St. Ives Rovers win county cup in stoppage time",
    "St. Ives Rovers won the county cup on Saturday, beating Millbrook Athletic 2-1 with a header in the 93rd minute.\n\n"
    "Millbrook had led since the 40th minute through a penalty by captain Joe Harte. , who later limped off with a knee injury.\n\n"
    "Rovers manager Sam Kettering called it “the best night this club has had in 20 years.”\n\n"
    "#football #StIves #CountyCup",
    published="2024-07-06")

art("nw-0007", "en", "railtoday.example",
    "Regional rail strike called off after overnight talks",
    "A 48-hour strike on the Western Lines network was called off early on Friday after talks between the union and the operator ran through the night.\n"
    "The deal includes a 4.5% pay rise and a review of infra" + SHY + "structure maintenance rosters.\n"
    "Services will run to the normal timetable from 6:00 a.m. on Saturday, the operator said.\n"
    "Union secretary Carla Mendes said members would vote on the offer next week.",
    published="2024-07-05T04:12:00Z")

art("nw-0008", "en", "globaldispatch.example",
    "Agriculture minister defends new water rules",
    "The new water rules are not directed once morest the farmers, the agriculture minister declared on Thursday during a visit to the drought-hit province of Sarvel. , which has received less than half of its usual rainfall this year.\n"
    "“We are not taking water from anyone […]we are sharing what is left,” explained the líder of the ruling party in the province.\n"
    "According to the ministry, irrigation quotas will fall by 20 percent until the reservoirs recover.\n"
    "This is the second visit of both ministerIt’s to the region in less than two months.\n"
    "#drought #water #farmers #Sarvel\n"
    "2024-07-04 13:22:09",
    published="2024-07-04T13:22:09Z")

art("nw-0009", "en", "cityhealthnews.example",
    "Waiting times fall at St. Luke’s Hospital",
    "Average emergency waiting times at St. Luke’s Hospital fell to 3 hours 40 minutes in June, down from 5 hours a year ago.\n"
    "Hospital director Mrs. Eleanor Briggs credited three changes:\n"
    "- a new triage desk at the entrance;\n"
    "- 12 extra nurses on night shifts;\n"
    "- a discharge lounge on Ward No. 4.\n"
    "Patient groups welcomed the figures but said weekend staffing was still too thin.")

art("nw-0010", "en", "valleyobserver.example",
    "Library extends opening hours",
    "Ashford Central Library will stay open until 9 p.m. on weekdays from next Monday.\n"
    "The change follows a survey in which 68% of users asked for evening hours.\n"
    "The library will also open on Sundays from 11 a.m. to 4 p.m.\n"
    "2024-07-09 08:00:00")

# nw-0011 carries its body in `content` instead of `text`.
rec = art("nw-0011", "en", "educationtimes.example",
          "Schools to trial four-day timetable",
          "", published="2024-07-08T09:30:00Z")
del rec["text"]
rec["content"] = (
    "Twelve secondary schools in Kelburn district will trial a four-day teaching week from September.\n\n"
    "Pupils will attend longer lessons from Monday to Thursday, and Fridays will be used for sport, clubs and catch-up tutoring.\n\n"
    "Head teacher Mr. Oliver Grant said the trial would be “carefully measured, not rushed.”  Results will be published in June 2025.")

art("nw-0012", "en", "techledger.example",
    "Lumenfold releases phone update after battery complaints",
    "Lumenfold Inc. has released software version 2.3.1 for its Arc phones after users reported that batteries were draining overnight.\n"
    "The company said the fault affected about 0.4% of devices and was caused by a background sync bug.\n"
    "A support page at https://lumenfold.example/support/arc-2-3-1 lists the affected models.\n"
    "Reviewers compared the Arc vs. last year’s model and found battery life roughly unchanged after the fix.",
    published="2024-07-10T16:45:00Z",
    meta={"section": "tech", "paywall": False, "related": [], "embargo": None})

art("nw-0013", "en", "culturecorner.example",
    "Riverside jazz festival draws record crowd",
    "More than 42,000 people attended the Riverside Jazz Festival over the weekend, organisers said on Monday.\n"
    "Headliner Nadia Costa told the crowd: “My teacher used to say ‘play the room, not the notes’... tonight I finally understood him.”\n"
    "The festival closed with a midnight set by a 17-piece youth big band…\n"
    "Next year’s edition will run from July 11 to 13.\n"
    "#jazz #Riverside #festival #music",
    published="2024-07-08")

art("nw-0014", "en", "greencoast.example",
    "Volunteers pull two tonnes of rubbish from the Wenn river",
    "About 300 volunteers removed approx. 2 tonnes of rubbish from the banks of the river Wenn on Saturday.   \n\n\n"
    "Among the items found were 14 shopping trolleys, a bathtub and a 1970s motorbike.  \n\n"
    "“Every year we find less plastic and more strange things,” said organiser Ben Achterberg.\n\n"
    "The next clean-up is planned for October 5.",
    published=None)

art("nw-0015", "en", "capitolreport.example",
    "Senate committee to vote on housing bill",
    "The Senate housing committee will vote on the Affordable Homes Act on Tuesday. The vote is scheduled for 9 a.m. Officials expect it to pass narrowly.\n"
    "Sen. Laura Pike, who chairs the committee, said the bill would fund 60,000 new homes over five years.\n"
    "Critics, incl. several mayors, say the plan relies too heavily on private developers.\n"
    "If approved, the bill goes to the full Senate in September.",
    published="2024-07-09T11:00:00Z",
    authors=["R. J. Halvorsen"])

# --- Spanish ---------------------------------------------------------------

art("nw-0016", "es", "diariodelsur.example",
    "Valdemora inaugura su primera línea de tranvía",
    "El ayuntamiento de Valdemora inauguró el martes la primera línea de tranvía de la ciudad, con 11 paradas y 7,8" + NBSP + "km de recorrido.\n"
    "“Hoy cambia la forma de moverse por Valdemora”, afirmó el alcalde, el Sr. Julián Ortega, durante el acto.\n"
    "¿Cuánto costará el billete? Por ahora, nada: el servicio será gratuito durante el mes de julio.\n"
    "¡La primera semana se esperan más de 20.000 viajeros!\n"
    "#Valdemora #tranvía #movilidad\n"
    "2024-07-02 12:30:45",
    published="2024-07-02T12:30:45+02:00")

LLUVIAS_TEXT = (
    "Las tormentas de la madrugada dejaron hasta 12,5 litros por metro cuadrado en la comarca de Tierra Alta.\n\n"
    "Los agricultores celebraron la lluvia, aunque advirtieron de que llega tarde para el cereal.\n\n"
    "Según la Agencia de Meteorología, las precipitaciones continuarán de forma intermitente hasta el jueves.  Se recomienda precaución en las carreteras comarcales.")
LLUVIAS = art("nw-0017", "es", "elcampohoy.example",
              "Lluvias de verano alivian la sequía en Tierra Alta",
              LLUVIAS_TEXT, published="2024-07-05")

art("nw-0018", "es", "deportesya.example",
    "El Atlético Ribera asciende a Segunda División",
    "El Atlético Ribera consiguió el domingo el ascenso a Segunda División tras empatar 1-1 en el partido de vuelta.\n"
    "El gol del empate llegó en el minuto 88, obra del delantero Marcos Vidal.\n"
    "Miles de aficionados celebraron el ascenso en la plaza mayor hasta pasada la medianoche.\n"
    "#AtléticoRibera #ascenso #fútbol",
    published="2024-07-01T23:55:00+02:00")

art("nw-0019", "es", "economiaaldia.example",
    "El banco central mantiene los tipos en el 3,75" + NBSP + "%",
    "El banco central mantuvo el jueves los tipos de interés en el 3,75" + NBSP + "%, tal como esperaba el mercado.\n"
    "Su presidenta, la Dra. Elena Cárdenas, señaló que la inflación se ha moderado hasta el 2,9" + NBSP + "% interanual.\n"
    "Los analistas no descartan una bajada en septiembre, aunque dependerá de los datos de EE.UU. y de la zona euro.\n"
    "La próxima reunión está prevista para el 12 de septiembre.",
    published="2024-07-11T14:00:00+02:00",
    meta={"section": "economía", "score": Raw("-0.0"), "views": Raw("0")})

art("nw-0020", "es", "culturaviva.example",
    "Un museo de Sevilla recupera un retablo perdido",
    "Un pequeño museo de Sevilla ha recuperado un retablo del siglo XVII que se daba por perdido desde los años 40.\n"
    "La pieza apareció en un desván de una casa particular, envuelta en sacos de harina.\n"
    "«Estaba en un estado sorprendentemente bueno», explicó la restauradora, la Sra. Lucía Fernández.\n"
    "El retablo se expondrá al público a partir de octubre, tras varios meses de limpieza.")

art("nw-0021", "es", "noticiasglobal.example",
    "El ministro asegura que la reforma no va contra los pequeños comercios",
    "La reforma fiscal no está dirigida una vez más contra los pequeños comercios, declaró el ministro el miércoles durante una reunión con empresarios. , que se celebró en la sede de la cámara de comercio.\n"
    "“No estamos creando impuestos nuevos […]estamos simplificando los que ya existen”, explicó el líder del ministerio.\n"
    "Según los datos oficiales, unos 1,3 millones de autónomos se verán afectados por los cambios.\n"
    "#reforma #impuestos #comercio\n"
    "2024-07-03 19:07:33",
    published="2024-07-03T19:07:33Z")

# --- German ----------------------------------------------------------------

art("nw-0022", "de", "stadtanzeiger.example",
    "Stadtrat Lindenau beschließt neues Parkkonzept",
    "Der Stadtrat von Lindenau hat am 3. Juli ein neues Parkkonzept für die Innenstadt beschlossen.\n"
    "Künftig sollen ca. 400 Stellplätze in Anwohnerparkplätze umgewandelt werden, z.B. in der Bahnhofstraße und am Marktplatz.\n"
    "„Wir wollen die Innenstadt nicht autofrei machen, sondern lebenswerter“, sagte Bürgermeisterin Dr. Sabine Krüger.\n"
    "Die Änderungen treten zum 1. Oktober in Kraft.\n"
    "#Lindenau #Parken #Stadtrat",
    published="2024-07-03")

art("nw-0023", "de", "wetterblick.example",
    "Hitzewelle: bis zu 34,5 Grad am Wochenende",
    "Am Wochenende werden in Süddeutschland bis zu 34,5" + NBSP + "Grad erwartet, u.a. im Oberrheingraben.\n\n"
    "Der Wetterdienst rät, d.h. vor allem älteren Menschen, die Mittagshitze zu meiden.\n\n"
    "Ab Montag sollen Gewitter für etwas Abkühlung sorgen.\n\n"
    "#Hitze #Wetter #Sommer\n"
    "2024-07-12 06:15:00",
    published="2024-07-12T06:15:00+02:00")

art("nw-0024", "de", "wirtschaftsecho.example",
    "Maschinenbauer Hollmann streicht 300 Stellen",
    crlf("Der Maschinenbauer Hollmann GmbH will bis Ende 2025 rund 300 Stellen abbauen.\n"
         "Vorstandschef Dr. Peter Meier begründete den Schritt mit einem Auftragsrückgang von 18,3" + NBSP + "Prozent bzw. rund 42 Mio. Euro.\n"
         "Betriebsbedingte Kündigungen sollen nach Möglichkeit vermieden werden.\n"
         "Die Gewerkschaft kündigte für Freitag eine Protestkundgebung vor dem Werk an."),
    published="2024-07-09T17:20:00+02:00",
    meta={"section": "wirtschaft", "score": Raw("1.0e+3"), "views": Raw("12345678901234567890")})

art("nw-0025", "de", "sportnachrichten.example",
    "1. FC Bergheim holt Verteidiger aus Dänemark",
    "Der 1. FC Bergheim hat den dänischen Verteidiger Mikkel Sørensen verpflichtet.\n"
    "Der 24-Jährige unterschreibt einen Vertrag bis 2027 und soll bereits am Montag ins Training einsteigen.\n"
    "Über die Ablösesumme wurde Stillschweigen vereinbart, laut Medienberichten liegt sie bei ca. 2,5 Mio. Euro.",
    published="2024-07-06T11:00:00+02:00")

art("nw-0026", "de", "forschungheute.example",
    "Forscher entwickeln Akku aus Natrium",
    "Ein Team der Hochschule Talheim hat einen Natrium" + SHY + "akku vorgestellt, der ohne Lithium und Kobalt auskommt.\n"
    "Das Forschungs" + SHY + "projekt läuft seit 2021 und wird vom Land mit 3,2 Mio. Euro gefördert.\n"
    "„Die Energie" + ZWSP + "dichte ist noch geringer, aber die Rohstoffe sind billig“, sagte Prof. Dr. Jonas Weber.\n"
    "Erste Prototypen sollen 2026 in Heimspeichern getestet werden.")

# --- French ----------------------------------------------------------------

art("nw-0027", "fr", "lecourrierdelest.example",
    "Saint-Aubert : la piscine municipale rouvre enfin",
    "La piscine municipale de Saint-Aubert a rouvert ses portes samedi après deux ans de travaux.\n"
    "«" + NBSP + "C’est un soulagement pour les familles" + NBSP + "», a déclaré le maire, M. Laurent Girard.\n"
    "Mme Sophie Marchand, adjointe aux sports, a précisé que l’entrée coûtera 3,50" + NBSP + "€ pour les adultes.\n"
    "Les horaires d’été s’appliquent jusqu’au 1er septembre.\n"
    "2024-07-06 15:42:10",
    published="2024-07-06T15:42:10+02:00")

art("nw-0028", "fr", "meteofrance-info.example",
    "Canicule : alerte orange dans six départements",
    "Six départements du sud-ouest sont placés en vigilance orange canicule à partir de mardi.\n\n"
    "Les températures pourraient atteindre 39,2" + NBSP + "°C dans l’après-midi, p. ex. dans la vallée de la Garonne.\n\n"
    "Les autorités recommandent de boire régulièrement et d’éviter les efforts physiques entre 12" + NBSP + "h et 16" + NBSP + "h.\n\n"
    "#canicule #météo #vigilance",
    published="2024-07-15")

art("nw-0029", "fr", "scenesdete.example",
    "Le festival de Valcourt affiche complet",
    "Le festival de théâtre de Valcourt affiche complet pour sa 30e édition" + NNBSP + "!\n"
    "Au programme" + NNBSP + ": des pièces classiques, du théâtre de rue, des lectures, etc.\n"
    "Les organisateurs attendent plus de 25" + NBSP + "000 spectateurs en dix jours.\n"
    "Qui aurait cru cela il y a trente ans" + NNBSP + "?",
    published="2024-07-10T08:00:00+02:00")

art("nw-0030", "fr", "leseco.example",
    "Les ventes de vélos électriques reculent au premier semestre",
    "Les ventes de vélos électriques ont reculé de 7,4" + NBSP + "% au premier semestre, selon la fédération du secteur.\n"
    "M. Antoine Dupont, son président, évoque « un retour à la normale après des années exceptionnelles ».\n"
    "Les fabricants misent désormais sur la location longue durée.\n"
    "Le bilan annuel sera publié le 15 janvier.",
    published="2024-07-01T10:30:00+02:00",
    meta={"section": "économie", "score": Raw("3.5e2"), "views": Raw("18446744073709551615")})

art("nw-0031", "fr", "sportinfo.example",
    "Cyclisme : victoire surprise d’un jeune Breton",
    "Le Breton Yann Le Goff, 21 ans, a remporté dimanche la troisième étape du Tour de l’Avenir. , qui s’est achevée sous une pluie battante.\n"
    "« Je n’y croyais pas […]j’ai attaqué à deux kilomètres de l’arrivée », a-t-il confié.\n"
    "Il compte désormais 12 secondes d’avance au classement général.\n"
    "#cyclisme #TourDeLAvenir\n"
    "2024-07-14 18:30:00",
    published="2024-07-14T18:30:00+02:00")

# --- Italian ---------------------------------------------------------------

art("nw-0032", "it", "gazzettadelnord.example",
    "Riapre il ponte sul fiume Serio dopo i lavori",
    "Il ponte sul fiume Serio a Castelverde è stato riaperto al traffico lunedì mattina, dopo otto mesi di lavori.\n"
    "«Abbiamo rispettato i tempi e il budget di 2,4 milioni di euro», ha dichiarato il sindaco, dott. Marco Bellini.\n"
    "Il Sig. Paolo Rinaldi, titolare di un bar vicino, ha detto che gli affari sono calati del 30" + NBSP + "% durante la chiusura.\n"
    "Restano in vigore alcune limitazioni per i mezzi pesanti, camion, autobus ecc.",
    published="2024-07-08T07:45:00+02:00")

art("nw-0033", "it", "scienzaoggi.example",
    "Scoperta una nuova grotta sulle Alpi",
    "Un gruppo di speleologi ha scoperto una grotta lunga almeno 1,8" + NBSP + "km nelle Alpi Orobie.\n\n"
    "All’interno sono state trovate formazioni di ghiaccio rare a quell’altitudine.\n\n"
    "La grotta non è aperta al pubblico e la sua posizione esatta resterà riservata" + ZWSP + ".\n\n"
    "#speleologia #Alpi #scoperta")

# --- Portuguese ------------------------------------------------------------

art("nw-0034", "pt", "jornaldoplanalto.example",
    "Governo estadual anuncia R$ 1,5 bilhão para estradas",
    "O governo estadual anunciou na segunda-feira um pacote de R$ 1,5 bilhão para recuperar estradas rurais.\n"
    "Segundo o secretário de Infraestrutura, Sr. Ricardo Almeida, as obras começam em agosto.\n"
    "“Vamos priorizar as regiões produtoras de grãos”, afirmou.\n"
    "#estradas #infraestrutura #agro\n"
    "2024-07-01 16:20:05",
    published="2024-07-01T16:20:05-03:00")

art("nw-0035", "pt", "saudeemfoco.example",
    "Hospital de Porto Novo inaugura ala pediátrica",
    crlf("O Hospital Municipal de Porto Novo inaugurou uma nova ala pediátrica com 40 leitos.\n"
         "A diretora clínica, Dra. Fernanda Lopes, disse que o tempo de espera deve cair pela metade.\n"
         "A obra custou cerca de 12,3 milhões de reais."),
    published="2024-07-10")

# --- Russian ---------------------------------------------------------------

art("nw-0036", "ru", "novostiregiona.example",
    "В Заречном открыли новый мост",
    "В городе Заречный в среду открыли новый автомобильный мост через реку Сосна.\n"
    "Длина моста составляет 420 м, а стоимость строительства — около 1,9 млрд руб.\n"
    "«Мы ждали этот мост 15 лет», — сказал глава города Сергей Ковалёв.\n"
    "Движение по старому мосту будет закрыто на ремонт, т.е. до конца 2025 г.\n"
    "#Заречный #мост #транспорт\n"
    "2024-07-03 11:05:44",
    published="2024-07-03T11:05:44+03:00")

art("nw-0037", "ru", "pogoda-segodnya.example",
    "Синоптики обещают жару до +35",
    crlf("В ближайшие выходные в центральных регионах ожидается жара до +35" + NBSP + "°C.\n"
         "Врачи советуют пить больше воды, не выходить на солнце в полдень и т. д.\n"
         "Похолодание прогнозируется только к середине следующей недели."),
    published="2024-07-11T09:00:00+03:00")

art("nw-0038", "ru", "ekonomika-dnya.example",
    "Экспорт зерна вырос на 12%",
    "Экспорт зерна за первое полугодие вырос на 12% и составил 27,4 млн т.\n\n"
    "По словам аналитика Анны Смирновой, основной рост пришёлся на пшеницу.\n\n"
    "Эксперты ожидают, что во втором полугодии темпы замедлятся.\n\n"
    "2024-07-09 14:48:30",
    meta={"section": "экономика", "score": Raw("1E3"), "views": Raw("12345678901234567890")})

# --- Chinese ---------------------------------------------------------------

art("nw-0039", "zh", "xinwen-ribao.example",
    "青川市开通首条地铁线路",
    "青川市首条地铁线路于7月1日正式开通运营。\n"
    "该线路全长21.6公里，共设16座车站。\n"
    "市民王先生说：“以前上班要一个小时，现在只要二十五分钟！”\n"
    "运营方表示，开通首月票价打五折。\n"
    "#青川 #地铁 #交通",
    published="2024-07-01T08:00:00+08:00")

art("nw-0040", "zh", "keji-kuaibao.example",
    "研究团队发布新型水稻品种",
    "农业大学研究团队近日发布了一种耐旱水稻新品种。\n\n"
    "在去年的田间试验中，该品种在缺水条件下的产量比普通品种高出3.5%。\n\n"
    "研究人员表示，明年将在三个省份扩大试种？" + ZWSP + "目前尚无具体时间表。",
    published="2024-07-12")

# --- Exact duplicates (same text, different id) ------------------------------

# nw-0041: byte-identical to nw-0003 apart from the id.
dup = dict(HEATWAVE)
dup["id"] = "nw-0041"
ARTICLES.append(dup)

# nw-0042: same title and text as nw-0017, syndicated by another source.
dup = dict(LLUVIAS)
dup["id"] = "nw-0042"
dup["url"] = "https://agrodigital.example/es/2024/07/lluvias-tierra-alta"
dup["source"] = "agrodigital.example"
ARTICLES.append(dup)


# ---------------------------------------------------------------------------
# news/2024-07/bad.jsonl.zst : good lines mixed with unreadable ones
# ---------------------------------------------------------------------------

def bad_lines():
    good = [
        {"id": "bad-0001", "url": "https://northfielddaily.example/en/bad-0001",
         "title": "Bakery wins regional bread award",
         "text": "A family bakery on Elm St. has won the regional bread award for the second year running.\nOwner Mr. Karl Jensen said the secret was “patience and a very old oven.”\n#bread #Northfield",
         "published": "2024-07-02", "source": "northfielddaily.example"},
        {"id": "bad-0002", "url": "https://diariodelsur.example/es/bad-0002",
         "title": "Corte de agua programado en el centro",
         "text": "El suministro de agua se cortará el viernes de 8:00 a 14:00 en el centro de Valdemora.\nLa empresa municipal pide disculpas por las molestias.",
         "source": "diariodelsur.example"},
        {"id": "bad-0004", "url": "https://stadtanzeiger.example/de/bad-0004",
         "title": "Neue Buslinie ab August",
         "text": "Ab dem 1. August fährt die neue Buslinie 12 alle 20 Minuten zum Gewerbegebiet.\nDie Fahrzeit beträgt ca. 18 Minuten.",
         "published": "2024-07-04T09:00:00+02:00", "source": "stadtanzeiger.example"},
        {"id": "bad-0008", "url": "https://lecourrierdelest.example/fr/bad-0008",
         "title": "Fête du village à Saint-Aubert",
         "text": "La fête du village aura lieu le 14 juillet sur la place de la mairie.\nUn feu d’artifice est prévu à 22" + NBSP + "h 30.",
         "source": "lecourrierdelest.example"},
        {"id": "bad-0009", "url": "https://valleyobserver.example/en/bad-0009",
         "title": "Road closure on the valley bypass",
         "text": "The valley bypass will close overnight on Tuesday for resurfacing.  Drivers should use the old town road between 10 p.m. and 5 a.m.\n2024-07-09 10:10:10",
         "published": "2024-07-09", "source": "valleyobserver.example"},
    ]
    out = []
    out.append(dump(good[0]).encode())                       # line 1: good
    out.append(dump(good[1]).encode())                       # line 2: good
    # line 3: invalid JSON (unterminated string, no closing brace)
    out.append(b'{"id":"bad-0003","title":"Broken record","text":"This line was cut off in the middle of a wo')
    out.append(dump(good[2]).encode())                       # line 4: good
    # line 5: `text` is a number
    out.append(b'{"id":"bad-0005","title":"Numeric text","text":12345,"source":"broken.example"}')
    out.append(b"")                                          # line 6: blank (skipped, not rejected)
    # line 7: invalid UTF-8 inside a JSON string (lone 0xC3, then 0xFF 0xFE)
    out.append(b'{"id":"bad-0007","title":"Bad bytes","text":"Caf\xc3 au lait \xff\xfe with broken bytes.","source":"broken.example"}')
    out.append(dump(good[3]).encode())                       # line 8: good
    out.append(dump(good[4]).encode())                       # line 9: good
    return b"\n".join(out) + b"\n"


# ---------------------------------------------------------------------------
# blogs/*.txt.zst : one plain-text article per file
# ---------------------------------------------------------------------------

POST_001 = (
    "Ten things I learned from a year of baking sourdough\n\n"
    "I started baking sourdough in July last year, mostly because my neighbour Mr. Hanley kept leaving jars of starter on my doorstep.  Twelve months and roughly 140 loaves later, here is what I know.\n\n"
    "First, temperature matters more than any recipe. At 24" + NBSP + "°C my dough is ready in about 4.5 hours; at 19" + NBSP + "°C it takes most of the day.\n"
    "Second, weigh everything. Cups are fine for pancakes, not for bread!\n"
    "Third, the “perfect” crumb photos online are mostly made with very wet doughs, i.e. 80% hydration or more. , which are hard to shape for a beginner.\n\n"
    "The rest of the list will have to wait for part two[…]my oven timer just went off.\n\n"
    "#sourdough #baking #bread #homemade\n"
    "2024-07-06 09:12:44\n")

POST_002 = BOM + crlf(
    "Notes from a week on the Kelburn coast path\n"
    "\n"
    "We walked 112" + NBSP + "km in seven days, from Port Aubyn to St. Breda, with one rest day in the middle.\n"
    "The path is well marked, but the section after Gull Point is steep and slippery after rain.  Take poles.\n"
    "Our favourite stop was a tiny café run by Dr. and Mrs. Pell, two retired vets who bake scones every morning at 6:30.\n"
    "Would I do it again? Absolutely" + ZWSP + "… but in May, when the campsites are half empty.\n"
    "\n"
    "#hiking #coastpath #Kelburn\n"
    "2024-07-15 20:03:17\n")


def main():
    news = os.path.join(HERE, "news", "2024-07")
    blogs = os.path.join(HERE, "blogs")
    os.makedirs(news, exist_ok=True)
    os.makedirs(blogs, exist_ok=True)

    path = os.path.join(news, "articles.jsonl")
    with open(path, "wb") as f:
        for rec in ARTICLES:
            f.write(dump(rec).encode("utf-8") + b"\n")
    zstd(path)

    path = os.path.join(news, "bad.jsonl")
    with open(path, "wb") as f:
        f.write(bad_lines())
    zstd(path)

    for name, text in (("post-001.txt", POST_001), ("post-002.txt", POST_002)):
        path = os.path.join(blogs, name)
        with open(path, "wb") as f:
            f.write(text.encode("utf-8"))
        zstd(path)


if __name__ == "__main__":
    main()
