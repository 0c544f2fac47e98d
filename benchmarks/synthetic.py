"""Synthetic examples for the benchmark (``scripts/benchmark.py``) and its tests.

:func:`generate_examples` makes N valid example files from the real format: the fields,
vocabularies, sections and facets of :func:`eksempelbank.reading.schema.load_schema` and the
municipalities of the register. The same seed gives byte-identical files.

- Every facet value occurs once N is at least the number of values (each facet's values
  are dealt out in turn, then more are drawn at random).
- About one example in ten is in Nynorsk; the rest in Bokmål.
- All required sections, a random choice of the optional ones, in the schema's order.
- About 1,500 words of Norwegian prose per example, put together from sentence templates
  with the example's municipality, target groups, themes, years and figures.

The text reads like a municipal report but describes nothing that happened: it is for
measuring the site, never for publishing.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eksempelbank.reading.register import Municipality
from eksempelbank.reading.schema import Schema, load_schema
from eksempelbank.reading.text import slugify

DEFAULT_SEED = 20240101
#: Latest "sist_vurdert" date; fixed so that output does not depend on the day it is run.
REVIEWED_UNTIL = date(2026, 9, 1)
NYNORSK_SHARE = 0.1

# -- phrases for vocabulary values (fallback: the label in lower case) ----------------------

_GROUPS = {
    "alle-vanskeligstilte": ("vanskeligstilte på boligmarkedet", "vanskelegstilte på bustadmarknaden"),
    "bostedslose": ("bostedsløse", "bustadlause"),
    "barnefamilier": ("barnefamilier med lav inntekt", "barnefamiliar med låg inntekt"),
    "ungdom": ("ungdom og unge voksne", "ungdom og unge vaksne"),
    "rus-og-psykisk-helse": (
        "personer med rus- og psykiske helseutfordringer",
        "personar med rus- og psykiske helseutfordringar",
    ),
    "eldre": ("eldre", "eldre"),
    "nedsatt-funksjonsevne": ("personer med nedsatt funksjonsevne", "personar med nedsett funksjonsevne"),
    "flyktninger": ("flyktninger", "flyktningar"),
    "lavinntekt": ("husstander med lav inntekt", "hushald med låg inntekt"),
    "kommunale-leietakere": ("leietakere i kommunale boliger", "leigetakarar i kommunale bustader"),
}
_THEMES = {
    "boligsosial-handlingsplan": ("boligsosial handlingsplan", "bustadsosial handlingsplan"),
    "startlan": ("startlån", "startlån"),
    "leie-til-eie": ("leie til eie", "leige til eige"),
    "housing-first": ("Housing First", "Housing First"),
    "boligkontor": ("et felles boligkontor", "eit felles bustadkontor"),
    "smahus": ("småhus", "småhus"),
    "velferdsteknologi": ("velferdsteknologi", "velferdsteknologi"),
    "forebygging-av-utkastelser": ("forebygging av utkastelser", "førebygging av utkastingar"),
    "frivillighet": ("samarbeid med frivillige", "samarbeid med frivillige"),
    "oppfolging-i-bolig": ("oppfølging i bolig", "oppfølging i bustaden"),
    "midlertidig-botilbud": ("bedre midlertidige botilbud", "betre mellombelse butilbod"),
    "kommunale-utleieboliger": ("kommunale utleieboliger", "kommunale utleigebustader"),
    "kartlegging-av-boligbehov": ("kartlegging av boligbehov", "kartlegging av bustadbehov"),
    "okonomisk-radgivning": ("økonomisk rådgivning", "økonomisk rådgjeving"),
    "tilpasning-av-bolig": ("tilpasning av boliger", "tilpassing av bustader"),
    "private-utleiere": ("samarbeid med private utleiere", "samarbeid med private utleigarar"),
    "tverrfaglig-samarbeid": ("tverrfaglig samarbeid", "tverrfagleg samarbeid"),
    "universell-utforming": ("universell utforming", "universell utforming"),
    "tildeling-av-bolig": ("tildeling av kommunale boliger", "tildeling av kommunale bustader"),
}
_FACTORS = {
    "forankring-og-eierskap": ("forankring og eierskap i ledelsen", "forankring og eigarskap i leiinga"),
    "overordnet-strategi": ("en overordnet strategi", "ein overordna strategi"),
    "organisering-og-samordning": ("god organisering og samordning", "god organisering og samordning"),
    "okonomiske-ressurser": ("aktiv bruk av økonomiske virkemidler", "aktiv bruk av økonomiske verkemiddel"),
    "kompetanse": ("kompetanse hos de ansatte", "kompetanse hos dei tilsette"),
    "brukermedvirkning": ("brukermedvirkning", "brukarmedverknad"),
}

_UNITS = {
    "nb": [
        "boligkontoret",
        "NAV-kontoret",
        "enheten for psykisk helse og rus",
        "tildelingskontoret",
        "eiendomsavdelingen",
        "tjenestekontoret",
        "enhet for bolig og oppfølging",
        "flyktningtjenesten",
        "helse- og omsorgstjenesten",
        "kommunalområdet for velferd",
    ],
    "nn": [
        "bustadkontoret",
        "NAV-kontoret",
        "eininga for psykisk helse og rus",
        "tildelingskontoret",
        "eigedomsavdelinga",
        "tenestekontoret",
        "flyktningtenesta",
        "helse- og omsorgstenesta",
    ],
}
_UNIT_NAMES = [
    "Boligkontoret",
    "NAV",
    "Enhet for psykisk helse og rus",
    "Tjenestekontoret",
    "Eiendomsavdelingen",
    "Kommunalområde velferd",
    "Flyktningtjenesten",
    "Boligtjenesten",
]
_PARTNERS = {
    "nb": [
        "Husbanken",
        "NAV",
        "statsforvalteren",
        "spesialisthelsetjenesten",
        "frivillige organisasjoner",
        "private utleiere",
        "boligbyggelaget",
        "nabokommunene",
        "Kirkens Bymisjon",
        "utbyggere i kommunen",
        "brukerorganisasjonene",
        "videregående skole",
    ],
    "nn": [
        "Husbanken",
        "NAV",
        "statsforvaltaren",
        "spesialisthelsetenesta",
        "frivillige organisasjonar",
        "private utleigarar",
        "bustadbyggjelaget",
        "nabokommunane",
        "brukarorganisasjonane",
    ],
}
_PLANS = {
    "nb": [
        "boligsosial handlingsplan",
        "kommuneplanens samfunnsdel",
        "boligpolitisk plan",
        "temaplan for bolig",
        "plan for helse og omsorg",
    ],
    "nn": [
        "bustadsosial handlingsplan",
        "samfunnsdelen av kommuneplanen",
        "bustadpolitisk plan",
        "temaplan for bustad",
    ],
}
_MARKETS = {
    "nb": [
        "høye priser og få utleieboliger",
        "et lite og uoversiktlig leiemarked",
        "stor etterspørsel etter små leiligheter",
        "lange avstander og spredt bebyggelse",
        "mange eldre boliger med dårlig standard",
        "stor gjennomstrømning av studenter og pendlere",
    ],
    "nn": [
        "høge prisar og få utleigebustader",
        "ein liten og uoversiktleg leigemarknad",
        "stor etterspurnad etter små leilegheiter",
        "lange avstandar og spreidd busetnad",
    ],
}
_AGREEMENTS = {
    "nb": [
        "oppfølging av felles brukere",
        "tildeling av boliger",
        "utleie av boliger til kommunens brukere",
        "bygging av nye utleieboliger",
        "aktiviteter for beboere",
        "opplæring av ansatte",
    ],
    "nn": [
        "oppfølging av felles brukarar",
        "tildeling av bustader",
        "utleige av bustader",
        "bygging av nye utleigebustader",
        "opplæring av tilsette",
    ],
}
_FREQUENCIES = {
    "nb": ["hver måned", "annenhver uke", "fire ganger i året", "to ganger i året"],
    "nn": ["kvar månad", "annakvar veke", "fire gonger i året"],
}
_OUTCOMES = {
    "nb": [
        "kortere ventetid på kommunal bolig",
        "færre utkastelser",
        "flere som eier egen bolig",
        "bedre samarbeid mellom enhetene",
        "færre bostedsløse",
        "mer stabile boforhold",
        "færre opphold i midlertidige botilbud",
    ],
    "nn": [
        "kortare ventetid på kommunal bustad",
        "færre utkastingar",
        "fleire som eig eigen bustad",
        "betre samarbeid mellom einingane",
        "færre bustadlause",
    ],
}

# -- sentence templates ---------------------------------------------------------------------
# Slots: {kommune} {fylke} {mg} {tema} {sf} {enhet} {partner} {plan} {marked} {samarbeid_om}
# {frekvens} {periode_tekst} {innbyggere} {storrelse} {start} and fresh figures per sentence:
# {tall} {hoy} {lav} {mnd_hoy} {mnd_lav} {prosent} {andel} {mill} {uker} {aar} {aar_for}.

_NB: dict[str, list[str]] = {
    "Oppsummert": [
        "{kommune} kommune har arbeidet systematisk med {tema} {periode_tekst}, med {mg} som en viktig målgruppe.",
        "Arbeidet startet som et lite prosjekt i {enhet}, men ble etter hvert en fast del av kommunens tjenester.",
        "Kommunen ønsket å gå fra enkeltstående tiltak til et helhetlig boligsosialt arbeid der alle enheter drar i samme retning.",
        "Et viktig grep var å samle ansvaret for boligsaker ett sted, slik at innbyggerne slipper å gå fra kontor til kontor.",
        "{kommune} har lagt vekt på {sf}, og det har gjort det lettere å holde trykket oppe over tid.",
        "Tiltakene retter seg særlig mot {mg}, men erfaringene er nyttige for hele det boligsosiale feltet.",
        "Resultatene viser at færre står uten bolig, og at flere klarer å bli boende der de bor.",
        "Eksempelet viser hvordan en {storrelse} kommune kan bruke statlige virkemidler aktivt og samtidig bygge opp egen kompetanse.",
        "Samarbeidet med {partner} har vært avgjørende for å nå målene.",
        "Underveis har kommunen justert kursen flere ganger, og erfaringene er samlet i en egen evaluering.",
        "Det boligsosiale arbeidet er forankret i {plan}, som er vedtatt av kommunestyret.",
        "Målet har hele tiden vært at flere skal kunne eie eller leie en god bolig og mestre å bo i den.",
        "Kommunen beskriver arbeidet som en kulturendring: boligen ses nå som en forutsetning for å lykkes med andre tjenester.",
        "I dag er {tema} en integrert del av tjenestetilbudet, og arbeidet videreføres i ordinær drift.",
        "{kommune} har også delt erfaringene sine i regionale nettverk, slik at andre kommuner kan lære av dem.",
        "Både politisk og administrativ ledelse har stått bak satsingen fra første dag.",
        "Satsingen på {tema} har gitt kommunen et bedre grunnlag for å hjelpe {mg} tidlig.",
    ],
    "Resultat": [
        "{tall} husstander har kjøpt egen bolig med startlån siden {aar}.",
        "Antallet bostedsløse gikk ned fra {hoy} til {lav} i løpet av perioden.",
        "Ventetiden på kommunal bolig er redusert fra {mnd_hoy} til {mnd_lav} måneder.",
        "{prosent} prosent av leietakerne i kommunale boliger har fått tilbud om oppfølging i bolig.",
        "Antallet begjæringer om utkastelse er nesten halvert.",
        "Kommunen har fått en oppdatert oversikt over boligbehovet i alle deler av kommunen.",
        "{tall} nye utleieboliger er tatt i bruk, de fleste med god tilgjengelighet.",
        "Flere barnefamilier bor nå stabilt, og færre barn må bytte skole på grunn av flytting.",
        "Tildelingen av kommunale boliger følger nå faste kriterier som er kjent for alle søkere.",
        "Ansatte i {enhet} opplever at samarbeidet på tvers er blitt enklere og mer forutsigbart.",
        "Bruken av startlån og tilskudd økte med {prosent} prosent fra {start} til {aar}.",
        "Kommunen har etablert et fast boligsosialt forum som møtes {frekvens}.",
        "Brukerundersøkelsen viser at {prosent} prosent er fornøyd med hjelpen de har fått.",
        "{tall} personer har fått tett oppfølging i egen bolig.",
        "Midlertidige botilbud brukes sjeldnere, og oppholdene er kortere enn før.",
        "Ingen barnefamilier har bodd i midlertidig botilbud siden {aar}.",
        "Ansatte har fått økt kompetanse om {tema}.",
        "Flere går videre fra kommunal leiebolig til egen bolig, og botiden i de kommunale boligene er kortere.",
        "{tall} leietakere har fått hjelp til å lage en nedbetalingsplan for husleierestanser.",
        "Andelen kommunale boliger som er tilgjengelige for rullestolbrukere, har økt til {prosent} prosent.",
    ],
    "Resultat-etter": [
        "Tallene er hentet fra kommunens egen rapportering og fra sluttrapporten for arbeidet.",
        "Kommunen understreker at utviklingen også henger sammen med forhold i boligmarkedet som den ikke rår over.",
        "Resultatene ble lagt fram for kommunestyret i {aar}.",
        "Flere av resultatene er bekreftet i en ekstern evaluering.",
    ],
    "Bakgrunn": [
        "Før arbeidet startet, hadde {kommune} ingen samlet oversikt over hvem som trengte hjelp til å skaffe seg bolig.",
        "En kartlegging i {aar_for} viste at {tall} personer var bostedsløse eller sto i fare for å miste boligen.",
        "Kommunen har {innbyggere}, og boligmarkedet er preget av {marked}.",
        "Mange av de kommunale boligene var gamle, lite tilpasset og samlet i noen få områder.",
        "{mg} ble ofte boende lenge i midlertidige løsninger fordi det manglet egnede boliger.",
        "Tjenestene var fordelt på mange enheter, og ingen hadde et helhetlig ansvar for boligspørsmål.",
        "Både NAV og helse- og omsorgstjenesten opplevde at de brukte mye tid på akutte boligsaker.",
        "Prisene i det private leiemarkedet hadde steget mer enn inntektene til husstander med lav inntekt.",
        "Statsforvalteren hadde påpekt at oppfølgingen av leietakere i kommunale boliger var for tilfeldig.",
        "Erfaringer fra nabokommuner og fra Husbankens nettverk inspirerte kommunen til å tenke nytt.",
        "I kommunestyret var det bred enighet om at boligsosialt arbeid måtte prioriteres høyere.",
        "Boligbehovet var ventet å øke, blant annet fordi det blir flere eldre og flere som bor alene.",
        "Startlån ble lite brukt, og mange som kunne ha kjøpt egen bolig, ble værende i kommunale leieboliger.",
        "Antallet begjæringer om utkastelse hadde økt jevnt gjennom flere år.",
        "Mange av dem som søkte om kommunal bolig, hadde også behov for hjelp med økonomi, helse eller arbeid.",
        "Det var lang ventetid på kommunal bolig, og søkerne visste ofte ikke hvor søknaden sto.",
        "Kommunen hadde få boliger som passet for {mg}.",
        "I {aar_for} vedtok kommunestyret å utarbeide {plan}.",
    ],
    "Målsettinger-innledning": [
        "Kommunen formulerte ett hovedmål og flere delmål:",
        "Målene ble vedtatt av kommunestyret i {start}:",
        "Arbeidet hadde disse målene:",
        "Målene for arbeidet ble formulert i {plan}:",
    ],
    "Målsettinger": [
        "Alle skal ha et godt sted å bo.",
        "Alle med behov for tjenester skal få hjelp til å mestre boforholdet.",
        "Flere skal kunne eie sin egen bolig.",
        "Ingen barnefamilier skal bo i midlertidige botilbud.",
        "Ventetiden på kommunal bolig skal ned.",
        "Kommunen skal til enhver tid ha en oppdatert oversikt over boligbehovet.",
        "Tjenestene skal oppleves som samordnede og forutsigbare for brukerne.",
        "Antallet utkastelser skal reduseres.",
        "Ansatte skal ha god kunnskap om de boligsosiale virkemidlene.",
        "{mg} skal få tilbud om en varig bolig.",
        "Det skal bygges eller kjøpes flere boliger som passer for {mg}.",
        "Den offentlige innsatsen skal være helhetlig og effektiv.",
    ],
    "Målsettinger-etter": [
        "Målene var i tråd med den nasjonale strategien Bolig for velferd (2014–2020).",
        "Delmålene ble fulgt opp med indikatorer som ble rapportert til kommunestyret hvert år.",
        "Hvert delmål fikk en ansvarlig enhet og en frist.",
    ],
    "Beskrivelse av hvem som gjorde hva": [
        "En styringsgruppe med kommunalsjefene for helse, oppvekst og teknisk hadde det overordnede ansvaret.",
        "Den daglige ledelsen lå hos en prosjektleder i {enhet}, som rapporterte til kommunedirektøren.",
        "{enhet} fikk ansvaret for å koordinere søknader om startlån, tilskudd og kommunal bolig.",
        "Det ble opprettet et tverrfaglig team med ansatte fra NAV, psykisk helse og rus og eiendomsforvaltningen.",
        "Teamet møttes hver uke for å gå gjennom nye saker og fordele oppgaver.",
        "Kommunen inngikk en samarbeidsavtale med {partner} om {samarbeid_om}.",
        "Alle som søker om bolig, får nå en samtale der hele situasjonen blir kartlagt.",
        "Tildelingen av kommunale boliger skjer i et eget tildelingsmøte der flere tjenester er representert.",
        "Leietakerne får tilbud om en fast kontaktperson det første året etter innflytting.",
        "Boligveiledere hjelper med husleie, vedlikehold og kontakt med naboer.",
        "Kommunen kjøpte {tall} boliger spredt i ordinære bomiljøer i stedet for å samle dem i ett bygg.",
        "Eiendomsforvaltningen fikk i oppdrag å vurdere hvilke kommunale boliger som burde selges, pusses opp eller erstattes.",
        "Det ble laget en felles rutine for varsling når en leietaker står i fare for å miste boligen.",
        "Økonomiske rådgivere i NAV ble koblet tidlig inn når noen fikk betalingsproblemer.",
        "For {mg} ble det utviklet et eget tilbud med tettere oppfølging i overgangen til egen bolig.",
        "Arbeidet med {tema} ble organisert som et delprosjekt med egen arbeidsgruppe.",
        "Husbanken bidro med veiledning, nettverkssamlinger og tilskudd til kompetanseheving.",
        "Kommunen arrangerte fagdager der ansatte fra ulike enheter lærte om hverandres arbeid.",
        "Frivillige organisasjoner bidro med aktiviteter og nettverk for dem som bor i kommunale boliger.",
        "Prosjektlederen utarbeidet en veileder som beskriver hvem som gjør hva i boligsaker.",
        "Alle nye ansatte i {enhet} får opplæring i de boligsosiale virkemidlene.",
        "Saksbehandlingen av startlån ble forenklet, og søkerne får svar innen {uker} uker.",
        "Kommunen bruker et felles saksbehandlingssystem, slik at informasjon ikke går tapt mellom enhetene.",
        "I en periode ble det ansatt en egen boligkoordinator med ansvar for {mg}.",
        "Utleiere som leier ut til kommunens brukere, har en fast kontaktperson i kommunen.",
        "Kommunen la vekt på å finne løsninger sammen med den enkelte, ikke for den enkelte.",
        "Arbeidet ble evaluert underveis, og rutinene ble justert etter innspill fra ansatte og brukere.",
        "Det ble utarbeidet en plan for hvordan {tema} skal følges opp når prosjektperioden er over.",
        "Enhetene fikk tydelige mandater, og ansvarsfordelingen ble skrevet inn i delegeringsreglementet.",
        "Boligkontoret og NAV har felles mottak to dager i uken.",
        "Arbeidsgruppen besøkte {tall} kommuner for å lære av hvordan de hadde organisert arbeidet.",
        "Leietakere med husleierestanser får tilbud om en samtale før saken sendes videre.",
        "Kommunens vaktmestertjeneste ble styrket, slik at små feil i boligene rettes raskt.",
        "Kommunen tok i bruk Husbankens verktøy for kartlegging av boligbehov.",
        "Når noen flytter ut av en kommunal bolig, vurderes det om de kan kjøpe bolig med startlån.",
        "Arbeidet ble fulgt opp i de faste møtene mellom kommunalsjefene.",
        "Tiltakene for {mg} ble utformet i samarbeid med {partner}.",
        "Kommunen satte av midler til å tilpasse boliger slik at flere kan bo hjemme lenger.",
    ],
    "Sikre brukermedvirkning": [
        "Brukerne ble intervjuet før tiltakene ble utformet, og svarene påvirket hvordan tilbudet ble organisert.",
        "En representant fra en brukerorganisasjon satt i prosjektgruppen gjennom hele perioden.",
        "Leietakerne i de kommunale boligene svarer på en brukerundersøkelse hvert år.",
        "Erfaringskonsulenter med egen erfaring fra rus og bostedsløshet har vært med i oppfølgingsteamet.",
        "Beboerne har vært med og bestemt hvordan fellesarealene skal brukes.",
        "Kommunen har brukt individuell plan og koordinator for dem som ønsker det.",
        "Tilbakemeldingene viser at brukerne setter pris på å bli møtt med respekt og å ha én fast kontakt.",
        "Ungdomsrådet og eldrerådet ga innspill til {plan}.",
    ],
    "Finansiering": [
        "Arbeidet ble finansiert med tilskudd fra Husbanken og egne midler over kommunens budsjett.",
        "Kommunen tar opp {mill} millioner kroner i startlån fra Husbanken hvert år.",
        "Husbanken ga tilskudd til utleieboliger tilsvarende {andel} prosent av anskaffelseskostnaden.",
        "Prosjektstillingen ble i de første årene finansiert med kompetansetilskudd.",
        "Fra {aar} ble stillingene innarbeidet i det ordinære budsjettet.",
        "Statsforvalteren bidro med midler til utvikling av tjenester for {mg}.",
        "Investeringstilskudd ble brukt til å bygge nye omsorgsboliger.",
        "Kommunen regner med at tiltakene sparer penger på sikt, blant annet fordi behovet for midlertidige botilbud går ned.",
    ],
    "Suksessfaktorer": [
        "Forankring i politisk og administrativ ledelse gjorde at arbeidet fikk de ressursene det trengte.",
        "En fast møtestruktur gjorde det enklere å holde framdriften.",
        "At én enhet har det samlede ansvaret, har gjort det tydelig for både brukere og ansatte hvor de skal henvende seg.",
        "Tett samarbeid med Husbanken ga tilgang til kunnskap og virkemidler.",
        "Ildsjeler blant de ansatte var viktige i starten, men faste rutiner har gjort arbeidet mindre sårbart.",
    ],
    "Utfordringer underveis": [
        "Det tok tid å få alle enhetene til å se nytten av å samarbeide tettere.",
        "Mangel på egnede boliger har vært den største flaskehalsen.",
        "Stor utskifting blant ansatte gjorde at kompetanse gikk tapt og måtte bygges opp på nytt.",
        "Noen naboer var skeptiske da kommunen kjøpte boliger i deres område, og det krevde god dialog.",
        "Taushetsplikten gjorde det i starten vanskelig å dele informasjon mellom enhetene; løsningen ble samtykkeskjemaer.",
        "Kommuneøkonomien har satt forebyggende tiltak under press.",
        "Det var krevende å måle effekten av tiltakene, fordi mange forhold påvirker boforholdet.",
        "Prosjektperioden var kort, og det var en utfordring å få tiltakene inn i ordinær drift.",
    ],
    "Tips til andre": [
        "Start med en grundig kartlegging av boligbehovet.",
        "Sørg for at ledelsen eier arbeidet, ikke bare prosjektlederen.",
        "Gi én enhet ansvaret for å koordinere boligsakene.",
        "Bruk Husbankens virkemidler aktivt, og søk råd tidlig.",
        "Lytt til brukerne; de vet ofte best hva som skal til.",
        "Lag enkle rutiner som tåler at ansatte slutter.",
        "Del erfaringer med nabokommuner – mange utfordringer er felles.",
        "Sett av tid til opplæring av nye ansatte.",
        "Tenk bolig tidlig i planarbeidet.",
    ],
    "Relevant lovverk": [
        "Lov om kommunenes ansvar på det boligsosiale feltet",
        "Lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven)",
        "Helse- og omsorgstjenesteloven",
        "Husleieloven",
        "Plan- og bygningsloven",
        "Forskrift om startlån fra Husbanken",
        "Forskrift om bostøtte",
        "Folkehelseloven",
        "Likestillings- og diskrimineringsloven",
    ],
    "Videreføring av arbeidet": [
        "Arbeidet videreføres i ordinær drift, og ansvaret ligger nå hos {enhet}.",
        "Kommunen rullerer {plan} hvert fjerde år, og erfaringene fra arbeidet er tatt inn i planen.",
        "Det tverrfaglige teamet er gjort permanent.",
        "Kommunen vil bruke erfaringene i arbeidet med en ny boligsosial handlingsplan.",
        "Flere av rutinene er tatt inn i kommunens kvalitetssystem.",
        "Kommunen deltar fortsatt i et regionalt nettverk for boligsosialt arbeid.",
    ],
    "Vedlegg": [
        "Lenkene under «Kilder» viser til planer og rapporter fra arbeidet.",
        "Sluttrapporten beskriver tiltakene og resultatene mer utførlig.",
        "Planen og evalueringen kan også fås ved henvendelse til kommunen.",
    ],
    "generelt": [
        "Erfaringene viser at små grep kan gi store utslag når flere tjenester samarbeider.",
        "Mange av tiltakene kostet lite, men krevde at ansatte endret måten de jobbet på.",
        "Kommunen har vært opptatt av at tiltakene skal være enkle å forstå for dem som trenger dem.",
        "Det har vært viktig å vise fram resultater for politikerne underveis.",
        "Arbeidet har gitt ansatte bedre innsikt i hvordan boligen påvirker helse, arbeid og skolegang.",
        "{kommune} har også hatt nytte av erfaringsutveksling med kommuner i {fylke}.",
        "Kommunen har fått positive tilbakemeldinger fra både brukere og samarbeidspartnere.",
        "Tallene må likevel tolkes med forsiktighet, fordi utviklingen også påvirkes av boligmarkedet.",
        "En god bolig er et fundament for å delta i arbeid, utdanning og sosialt liv.",
        "Gjennom arbeidet har kommunen fått et felles språk for de boligsosiale utfordringene.",
        "Samarbeidet mellom fagfolk og politikere har vært preget av åpenhet og gjensidig tillit.",
        "Kommunen understreker at arbeidet aldri blir ferdig, fordi behovene endrer seg over tid.",
        "For mange har det vært avgjørende å få hjelp tidlig, før problemene vokser seg store.",
        "Tiltakene har også gjort det enklere å rekruttere fagfolk til kommunen.",
        "Ansatte beskriver en mer løsningsorientert kultur i møte med {mg}.",
        "Kommunen har prioritert å bruke eksisterende ressurser bedre framfor å bygge opp nye tjenester.",
        "I {aar} ble det gjennomført en ekstern evaluering av arbeidet.",
        "Evalueringen pekte på at {tema} hadde bidratt til bedre boforhold for mange.",
        "Kommunen publiserer en årlig rapport om det boligsosiale arbeidet på sine nettsider.",
        "Det ble lagt vekt på at løsningene skulle fungere i en {storrelse} kommune med begrensede ressurser.",
        "Når boligen er på plass, blir det lettere å gi hjelp med helse, økonomi og arbeid.",
        "Kommunen bruker erfaringene fra {tema} også i andre deler av tjenestene.",
        "Flere av tiltakene ble prøvd ut i liten skala før de ble tatt i bruk i hele kommunen.",
        "Arbeidet har vist at det lønner seg å bruke tid på gode overganger, for eksempel fra institusjon til egen bolig.",
    ],
}
_NB_SUBHEADINGS = [
    "Organisering",
    "Prosjektgruppe og styringsgruppe",
    "Samarbeid med NAV",
    "Boligkontoret",
    "Kartlegging og tildeling",
    "Oppfølging i bolig",
    "Samarbeid med private utleiere",
    "Bruk av startlån og tilskudd",
    "Kompetanse og opplæring",
    "Rutiner og verktøy",
    "Tiltak for {mg}",
    "Arbeidet med {tema}",
    "Planarbeid",
    "Samarbeid med frivillige",
]

_NN: dict[str, list[str]] = {
    "Oppsummert": [
        "{kommune} kommune har arbeidd systematisk med {tema} {periode_tekst}, med {mg} som ei viktig målgruppe.",
        "Arbeidet starta som eit lite prosjekt i {enhet}, men vart etter kvart ein fast del av tenestene i kommunen.",
        "Kommunen ønskte å gå frå enkeltståande tiltak til eit heilskapleg bustadsosialt arbeid der alle einingar dreg i same retning.",
        "Eit viktig grep var å samle ansvaret for bustadsaker på éin stad, slik at innbyggjarane slepp å gå frå kontor til kontor.",
        "{kommune} har lagt vekt på {sf}, og det har gjort det lettare å halde trykket oppe over tid.",
        "Resultata viser at færre står utan bustad, og at fleire klarer å bli buande der dei bur.",
        "Samarbeidet med {partner} har vore avgjerande for å nå måla.",
        "Det bustadsosiale arbeidet er forankra i {plan}, som er vedteken av kommunestyret.",
        "I dag er {tema} ein integrert del av tenestetilbodet, og arbeidet held fram i ordinær drift.",
        "Både politisk og administrativ leiing har stått bak satsinga frå første dag.",
        "Eksempelet viser korleis ein {storrelse} kommune kan bruke statlege verkemiddel aktivt.",
    ],
    "Resultat": [
        "{tall} hushald har kjøpt eigen bustad med startlån sidan {aar}.",
        "Talet på bustadlause gjekk ned frå {hoy} til {lav} i løpet av perioden.",
        "Ventetida på kommunal bustad er redusert frå {mnd_hoy} til {mnd_lav} månader.",
        "{prosent} prosent av leigetakarane i kommunale bustader har fått tilbod om oppfølging i bustaden.",
        "Talet på utkastingar er nesten halvert.",
        "Kommunen har fått ei oppdatert oversikt over bustadbehovet i alle delar av kommunen.",
        "{tall} nye utleigebustader er tekne i bruk, dei fleste med god tilgjenge.",
        "Tildelinga av kommunale bustader følgjer no faste kriterium som er kjende for alle søkjarar.",
        "Brukarundersøkinga viser at {prosent} prosent er nøgde med hjelpa dei har fått.",
        "Tilsette i {enhet} opplever at samarbeidet på tvers er blitt enklare.",
        "Ingen barnefamiliar har budd i mellombels butilbod sidan {aar}.",
    ],
    "Resultat-etter": [
        "Tala er henta frå rapporteringa til kommunen og frå sluttrapporten for arbeidet.",
        "Resultata vart lagde fram for kommunestyret i {aar}.",
    ],
    "Bakgrunn": [
        "Før arbeidet starta, hadde {kommune} inga samla oversikt over kven som trong hjelp til å skaffe seg bustad.",
        "Ei kartlegging i {aar_for} viste at {tall} personar var bustadlause eller stod i fare for å miste bustaden.",
        "Kommunen har {innbyggere}, og bustadmarknaden er prega av {marked}.",
        "Mange av dei kommunale bustadene var gamle, lite tilpassa og samla i nokre få område.",
        "Tenestene var fordelte på mange einingar, og ingen hadde eit heilskapleg ansvar for bustadspørsmål.",
        "Prisane i den private leigemarknaden hadde stige meir enn inntektene til hushald med låg inntekt.",
        "Startlån vart lite brukt, og mange som kunne ha kjøpt eigen bustad, vart buande i kommunale leigebustader.",
        "Mange av dei som søkte om kommunal bustad, hadde også behov for hjelp med økonomi, helse eller arbeid.",
        "Kommunen hadde få bustader som passa for {mg}.",
        "I {aar_for} vedtok kommunestyret å utarbeide {plan}.",
    ],
    "Målsettinger-innledning": [
        "Kommunen formulerte eitt hovudmål og fleire delmål:",
        "Måla vart vedtekne av kommunestyret i {start}:",
        "Arbeidet hadde desse måla:",
    ],
    "Målsettinger": [
        "Alle skal ha ein god stad å bu.",
        "Alle som treng tenester, skal få hjelp til å meistre buforholdet.",
        "Fleire skal kunne eige sin eigen bustad.",
        "Ingen barnefamiliar skal bu i mellombelse butilbod.",
        "Ventetida på kommunal bustad skal ned.",
        "Tenestene skal opplevast som samordna og føreseielege for brukarane.",
        "Talet på utkastingar skal ned.",
        "{mg} skal få tilbod om ein varig bustad.",
    ],
    "Målsettinger-etter": [
        "Måla var i tråd med den nasjonale strategien Bolig for velferd (2014–2020).",
        "Delmåla vart følgde opp med indikatorar som vart rapporterte til kommunestyret kvart år.",
    ],
    "Beskrivelse av hvem som gjorde hva": [
        "Ei styringsgruppe med kommunalsjefane for helse, oppvekst og teknisk hadde det overordna ansvaret.",
        "Den daglege leiinga låg hos ein prosjektleiar i {enhet}, som rapporterte til kommunedirektøren.",
        "Det vart oppretta eit tverrfagleg team med tilsette frå NAV, psykisk helse og rus og eigedomsforvaltninga.",
        "Teamet møttest kvar veke for å gå gjennom nye saker og fordele oppgåver.",
        "Kommunen inngjekk ein samarbeidsavtale med {partner} om {samarbeid_om}.",
        "Alle som søkjer om bustad, får no ein samtale der heile situasjonen blir kartlagd.",
        "Leigetakarane får tilbod om ein fast kontaktperson det første året etter innflytting.",
        "Kommunen kjøpte {tall} bustader spreidde i ordinære bumiljø i staden for å samle dei i eitt bygg.",
        "Det vart laga ein felles rutine for varsling når ein leigetakar står i fare for å miste bustaden.",
        "For {mg} vart det utvikla eit eige tilbod med tettare oppfølging i overgangen til eigen bustad.",
        "Husbanken bidrog med rettleiing, nettverkssamlingar og tilskot til kompetanseheving.",
        "Kommunen arrangerte fagdagar der tilsette frå ulike einingar lærte om arbeidet til kvarandre.",
        "Alle nye tilsette i {enhet} får opplæring i dei bustadsosiale verkemidla.",
        "Arbeidet vart evaluert undervegs, og rutinane vart justerte etter innspel frå tilsette og brukarar.",
        "Sakshandsaminga av startlån vart forenkla, og søkjarane får svar innan {uker} veker.",
        "Arbeidet med {tema} vart organisert som eit delprosjekt med eiga arbeidsgruppe.",
        "Tildelinga av kommunale bustader skjer i eit eige tildelingsmøte der fleire tenester er med.",
        "Økonomiske rådgjevarar i NAV vart kopla tidleg inn når nokon fekk betalingsproblem.",
    ],
    "Sikre brukermedvirkning": [
        "Brukarane vart intervjua før tiltaka vart utforma, og svara påverka korleis tilbodet vart organisert.",
        "Ein representant frå ein brukarorganisasjon sat i prosjektgruppa gjennom heile perioden.",
        "Leigetakarane i dei kommunale bustadene svarar på ei brukarundersøking kvart år.",
        "Erfaringskonsulentar med eiga erfaring frå rus og bustadløyse har vore med i oppfølgingsteamet.",
    ],
    "Finansiering": [
        "Arbeidet vart finansiert med tilskot frå Husbanken og eigne midlar over kommunebudsjettet.",
        "Kommunen tek opp {mill} millionar kroner i startlån frå Husbanken kvart år.",
        "Frå {aar} vart stillingane innarbeidde i det ordinære budsjettet.",
        "Investeringstilskot vart brukt til å byggje nye omsorgsbustader.",
    ],
    "Suksessfaktorer": [
        "Forankring i politisk og administrativ leiing gjorde at arbeidet fekk dei ressursane det trong.",
        "Ein fast møtestruktur gjorde det enklare å halde framdrifta.",
        "Tett samarbeid med Husbanken gav tilgang til kunnskap og verkemiddel.",
    ],
    "Utfordringer underveis": [
        "Det tok tid å få alle einingane til å sjå nytten av å samarbeide tettare.",
        "Mangel på eigna bustader har vore den største flaskehalsen.",
        "Stor utskifting blant tilsette gjorde at kompetanse gjekk tapt.",
        "Kommuneøkonomien har sett førebyggjande tiltak under press.",
    ],
    "Tips til andre": [
        "Start med ei grundig kartlegging av bustadbehovet.",
        "Sørg for at leiinga eig arbeidet, ikkje berre prosjektleiaren.",
        "Gi éi eining ansvaret for å koordinere bustadsakene.",
        "Bruk verkemidla til Husbanken aktivt.",
        "Lytt til brukarane.",
        "Del erfaringar med nabokommunane.",
    ],
    "Relevant lovverk": [
        "Lov om kommunane sitt ansvar på det bustadsosiale feltet",
        "Sosialtenestelova",
        "Helse- og omsorgstenestelova",
        "Husleigelova",
        "Plan- og bygningslova",
    ],
    "Videreføring av arbeidet": [
        "Arbeidet held fram i ordinær drift, og ansvaret ligg no hos {enhet}.",
        "Det tverrfaglege teamet er gjort permanent.",
        "Fleire av rutinane er tekne inn i kvalitetssystemet til kommunen.",
    ],
    "Vedlegg": [
        "Lenkjene under «Kjelder» viser til planar og rapportar frå arbeidet.",
        "Sluttrapporten skildrar tiltaka og resultata meir utførleg.",
    ],
    "generelt": [
        "Erfaringane viser at små grep kan gi store utslag når fleire tenester samarbeider.",
        "Mange av tiltaka kosta lite, men kravde at tilsette endra måten dei arbeidde på.",
        "Det har vore viktig å vise fram resultat for politikarane undervegs.",
        "{kommune} har også hatt nytte av erfaringsutveksling med kommunar i {fylke}.",
        "Tala må likevel tolkast med varsemd, fordi utviklinga også blir påverka av bustadmarknaden.",
        "Ein god bustad er eit fundament for å delta i arbeid, utdanning og sosialt liv.",
        "Kommunen understrekar at arbeidet aldri blir ferdig, fordi behova endrar seg over tid.",
        "For mange har det vore avgjerande å få hjelp tidleg, før problema veks seg store.",
        "Tilsette skildrar ein meir løysingsorientert kultur i møte med {mg}.",
        "I {aar} vart det gjennomført ei ekstern evaluering av arbeidet.",
        "Evalueringa peika på at {tema} hadde bidrege til betre buforhold for mange.",
        "Det vart lagt vekt på at løysingane skulle fungere i ein {storrelse} kommune med avgrensa ressursar.",
        "Når bustaden er på plass, blir det lettare å gi hjelp med helse, økonomi og arbeid.",
        "Fleire av tiltaka vart prøvde ut i liten skala før dei vart tekne i bruk i heile kommunen.",
    ],
}
_NN_SUBHEADINGS = [
    "Organisering",
    "Samarbeid med NAV",
    "Bustadkontoret",
    "Kartlegging og tildeling",
    "Oppfølging i bustaden",
    "Kompetanse og opplæring",
    "Rutinar og verktøy",
    "Tiltak for {mg}",
    "Arbeidet med {tema}",
]

_TITLES = {
    "nb": [
        "{Tema} i {kommune}",
        "{Tema} for {mg} i {kommune}",
        "Helhetlig boligsosialt arbeid i {kommune}",
        "Bolig for {mg} i {kommune}",
        "{kommune} satser på {tema}",
        "{kommune}: fra midlertidig botilbud til egen bolig",
        "{Tema} i {kommune} {start}–{slutt}",
        "Et godt sted å bo for {mg} i {kommune}",
    ],
    "nn": [
        "{Tema} i {kommune}",
        "Heilskapleg bustadsosialt arbeid i {kommune}",
        "Bustad for {mg} i {kommune}",
        "{kommune} satsar på {tema}",
    ],
}
_PROGRAM_TITLES = {
    "boligsosialt-utviklingsprogram": {
        "nb": "Boligsosialt utviklingsprogram i {kommune} {start}–{slutt}",
        "nn": "Bustadsosialt utviklingsprogram i {kommune} {start}–{slutt}",
    },
    "kommuneprogrammet": {"nb": "Kommuneprogrammet i {kommune}: {tema}", "nn": "Kommuneprogrammet i {kommune}: {tema}"},
}
_SUMMARIES = {
    "nb": [
        "{kommune} har arbeidet med {tema} for å gi {mg} en trygg bolig. Arbeidet har gitt {utfall} og {utfall2}.",
        "{kommune} kommune samlet flere enheter om {tema} og fikk {utfall}. Målgruppen var særlig {mg}.",
        "Med {sf} som grunnlag har {kommune} styrket arbeidet med {tema}, med {utfall} som resultat.",
    ],
    "nn": [
        "{kommune} har arbeidd med {tema} for å gi {mg} ein trygg bustad. Arbeidet har gitt {utfall} og {utfall2}.",
        "{kommune} kommune samla fleire einingar om {tema} og fekk {utfall}. Målgruppa var særleg {mg}.",
    ],
}
_SOURCE_TITLES = {
    "nb": [
        "Sluttrapport: {Tema} i {kommune}",
        "Boligsosial handlingsplan for {kommune}",
        "Evaluering av det boligsosiale arbeidet i {kommune}",
        "Årsrapport for boligsosialt arbeid {aar}",
    ],
    "nn": [
        "Sluttrapport: {Tema} i {kommune}",
        "Bustadsosial handlingsplan for {kommune}",
        "Evaluering av det bustadsosiale arbeidet i {kommune}",
    ],
}


def _phrase(table: dict[str, tuple[str, str]], term_id: str, label: str, language: str) -> str:
    if term_id in table:
        return table[term_id][1 if language == "nn" else 0]
    return label if label.isupper() or label.split()[0].isupper() else label[:1].lower() + label[1:]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


class _Slots(dict):
    """Slot values for one sentence: fixed ones from the example, figures drawn when asked for."""

    def __init__(self, rng: random.Random, fixed: dict[str, Any]):
        super().__init__()
        self.rng = rng
        self.fixed = fixed

    def __missing__(self, key: str) -> str:
        rng, fixed = self.rng, self.fixed
        value: Any
        if key in fixed:
            value = fixed[key]
            if isinstance(value, list):  # pick one of the example's values for this sentence
                value = rng.choice(value)
            elif callable(value):
                value = value()
        elif key == "tall":
            value = rng.randint(4, 60)
        elif key == "hoy":
            value = rng.randint(14, 90)
        elif key == "lav":
            value = rng.randint(0, int(self["hoy"]) // 2)
        elif key == "mnd_hoy":
            value = rng.randint(8, 24)
        elif key == "mnd_lav":
            value = rng.randint(2, int(self["mnd_hoy"]) // 2)
        elif key == "prosent":
            value = rng.randint(15, 90)
        elif key == "andel":
            value = rng.randint(20, 45)
        elif key == "mill":
            value = rng.randint(3, 90)
        elif key == "uker":
            value = rng.randint(2, 6)
        elif key == "aar":
            value = rng.randint(fixed["start"], fixed["last_year"])
        elif key == "aar_for":
            value = rng.randint(fixed["start"] - 3, fixed["start"] - 1)
        else:
            raise KeyError(key)
        self[key] = value
        return str(value)


class _Writer:
    """Sentences for one example, drawn without repeats until a pool runs dry."""

    def __init__(self, rng: random.Random, language: str, fixed: dict[str, Any]):
        self.rng = rng
        self.pools = _NN if language == "nn" else _NB
        self.fixed = fixed
        self.left: dict[str, list[str]] = {}

    def fill(self, template: str) -> str:
        return _capitalize(template.format_map(_Slots(self.rng, self.fixed)))

    def sentence(self, pool: str) -> str:
        left = self.left.get(pool)
        if not left:
            left = list(self.pools.get(pool) or self.pools["generelt"])
            self.rng.shuffle(left)
            self.left[pool] = left
        return self.fill(left.pop())

    def sentences(self, pool: str, count: int, generic_share: float = 0.25) -> list[str]:
        return [self.sentence("generelt" if self.rng.random() < generic_share else pool) for _ in range(count)]

    def paragraph(self, pool: str, low: int = 3, high: int = 6) -> str:
        text = " ".join(self.sentences(pool, self.rng.randint(low, high)))
        return textwrap.fill(text, width=100, break_long_words=False, break_on_hyphens=False)

    def bullets(self, pool: str, low: int, high: int) -> str:
        items = []
        seen = set()
        for _ in range(self.rng.randint(low, high)):
            item = self.sentence(pool)
            if item not in seen:
                seen.add(item)
                items.append("- " + item)
        return "\n".join(items)


_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
_PLAIN = re.compile(r"[^\W\d_][^\n\"'#]*|\d{4}–(?:\d{4}|pågår)")


def _yaml_scalar(value: Any) -> str:
    """A scalar as an editor would write it: plain where YAML reads it back as the same text, else quoted."""
    if not isinstance(value, str):
        return str(value)  # numbers, dates
    if (
        _PLAIN.fullmatch(value)
        and ": " not in value
        and not value.endswith((":", " "))
        and value.lower() not in _YAML_WORDS
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _front_matter(fields: list[tuple[str, Any]]) -> str:
    lines = ["---"]
    for name, value in fields:
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{name}:")
            for entry in value:
                first = True
                for key, item in entry.items():
                    lines.append(f"  {'- ' if first else '  '}{key}: {_yaml_scalar(item)}")
                    first = False
        elif isinstance(value, list):
            lines.append(f"{name}:")
            lines += [f"  - {_yaml_scalar(item)}" for item in value]
        elif name == "oppsummering":
            lines.append(f"{name}: >-")
            lines += [
                "  " + line for line in textwrap.wrap(value, width=96, break_long_words=False, break_on_hyphens=False)
            ]
        else:
            lines.append(f"{name}: {_yaml_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


class _Dealer:
    """Deal each value out once, in a shuffled order, before drawing at random."""

    def __init__(self, rng: random.Random, values: list[Any]):
        self.rng = rng
        self.values = list(values)
        self.order = list(values)
        rng.shuffle(self.order)

    def first(self, index: int) -> Any:
        return self.order[index] if index < len(self.order) else self.rng.choice(self.values)

    def some(self, index: int, low: int, high: int) -> list[Any]:
        chosen = [self.first(index)]
        extra = [v for v in self.values if v != chosen[0]]
        count = min(len(extra), self.rng.randint(low, high) - 1)
        chosen += self.rng.sample(extra, max(0, count))
        return chosen


def generate_examples(count: int, seed: int = DEFAULT_SEED, schema: Schema | None = None) -> dict[str, str]:
    """``count`` example files as {file name: text}; the same seed gives the same files."""
    schema = schema or load_schema()
    rng = random.Random(seed)
    register = schema.register
    fields = schema.fields

    def vocabulary_of(field_name: str):
        return schema.field_vocabulary(fields[field_name])

    by_county: dict[str, list[Municipality]] = {}
    for m in register.municipalities:
        by_county.setdefault(m.county.id, []).append(m)
    counties = _Dealer(rng, [c.id for c in register.counties if c.id in by_county])
    sizes = _Dealer(rng, list(vocabulary_of("kommunestorrelse")))
    factors = _Dealer(rng, vocabulary_of("suksessfaktorer").ids())
    groups = _Dealer(rng, vocabulary_of("malgrupper").ids())
    themes = _Dealer(rng, vocabulary_of("tema").ids())
    programs = _Dealer(rng, vocabulary_of("program").ids()) if "program" in fields else None
    # The duties under the housing act draw from a random stream of their own, so the other choices
    # (and every file made before the facet existed) stay as they were for the same seed.
    duties = (
        _Dealer(random.Random(f"{seed}:lovplikter"), vocabulary_of("lovplikter").ids())
        if "lovplikter" in fields
        else None
    )
    former_by_successor: dict[str, list] = {}
    for former in register.former_municipalities:
        former_by_successor.setdefault(former.merged_into.number, []).append(former)

    files: dict[str, str] = {}
    for index in range(count):
        language = "nn" if (index == 1 or (index > 1 and rng.random() < NYNORSK_SHARE)) else "nb"
        name, text = _example(
            rng,
            schema,
            index,
            language,
            by_county,
            counties,
            sizes,
            factors,
            groups,
            themes,
            programs,
            former_by_successor,
            files,
            duties=duties,
        )
        files[name] = text
    return files


def _example(
    rng,
    schema,
    index,
    language,
    by_county,
    counties,
    sizes,
    factors,
    groups,
    themes,
    programs,
    former_by_successor,
    taken,
    duties=None,
) -> tuple[str, str]:
    nn = language == "nn"
    vocab = schema.vocabularies
    fields = schema.fields

    # Place: a municipality in the dealt county; sometimes two, sometimes a former one.
    county_id = counties.first(index)
    municipality = rng.choice(by_county[county_id])
    municipalities = [municipality]
    formers = []
    roll = rng.random()
    if roll < 0.04 and len(by_county[county_id]) > 1:
        municipalities.append(rng.choice([m for m in by_county[county_id] if m != municipality]))
    elif roll < 0.08 and former_by_successor:
        successor_number = rng.choice(sorted(former_by_successor))
        formers = [rng.choice(former_by_successor[successor_number])]
        municipalities = [formers[0].merged_into]
        municipality = municipalities[0]
    place = formers[0].name if formers else municipality.name
    kommune_text = place if len(municipalities) == 1 else f"{municipalities[0].name} og {municipalities[1].name}"

    size = sizes.first(index)
    low = int(size.extra.get("min_innbyggere", 0)) or 800
    high = int(size.extra.get("maks_innbyggere", 0)) or 120_000
    population = rng.randint(low, high)
    population = max(low, min(high, round(population, -2)))

    chosen_factors = factors.some(index, 1, 4)
    chosen_groups = groups.some(index, 1, 3)
    chosen_themes = themes.some(index, 1, 4)
    program = None
    if programs is not None and (index < len(programs.values) or rng.random() < 0.25):
        program = programs.first(index)

    # Period, consistent with the programme.
    if program == "boligsosialt-utviklingsprogram":
        start = rng.randint(2009, 2014)
        end: int | None = start + rng.randint(3, 5)
    elif program == "kommuneprogrammet":
        start, end = rng.choice([2016, 2017]), 2020
    else:
        start = rng.randint(2005, 2024)
        shape = rng.random()
        end = None if shape < 0.3 else start if shape < 0.4 else min(2025, start + rng.randint(1, 5))
    last_year = end if end is not None else 2025
    if end is None:
        period = f"{start}–pågår"
        period_text = f"sidan {start}" if nn else f"siden {start}"
    elif end == start:
        period = str(start)
        period_text = f"i {start}"
    else:
        period = f"{start}–{end}"
        period_text = f"frå {start} til {end}" if nn else f"fra {start} til {end}"

    def labels(field_name: str, ids: list[str]) -> list[str]:
        return [vocab[fields[field_name].vocabulary].label(i) for i in ids]

    group_phrases = [_phrase(_GROUPS, g, vocab["malgrupper"].label(g), language) for g in chosen_groups]
    theme_phrases = [_phrase(_THEMES, t, vocab["tema"].label(t), language) for t in chosen_themes]
    factor_phrases = [_phrase(_FACTORS, f, vocab["suksessfaktorer"].label(f), language) for f in chosen_factors]
    size_word = size.label.lower()
    population_text = (
        f"om lag {_thousands(population)} innbyggjarar" if nn else f"om lag {_thousands(population)} innbyggere"
    )
    fixed: dict[str, Any] = {
        "kommune": kommune_text,
        "fylke": municipality.county.name,
        "mg": group_phrases,
        "tema": theme_phrases,
        "Tema": [_capitalize(t) for t in theme_phrases],
        "sf": factor_phrases,
        "enhet": _UNITS[language],
        "partner": _PARTNERS[language],
        "plan": _PLANS[language],
        "marked": _MARKETS[language],
        "samarbeid_om": _AGREEMENTS[language],
        "frekvens": _FREQUENCIES[language],
        "utfall": _OUTCOMES[language],
        "utfall2": _OUTCOMES[language],
        "periode_tekst": period_text,
        "innbyggere": population_text,
        "storrelse": size_word,
        "start": start,
        "slutt": end if end is not None else ("i dag"),
        "last_year": last_year,
    }
    writer = _Writer(rng, language, fixed)

    # Front matter.
    if (
        program in _PROGRAM_TITLES
        and rng.random() < 0.6
        and (end is not None or "{slutt}" not in _PROGRAM_TITLES[program][language])
    ):
        title_template = _PROGRAM_TITLES[program][language]
    else:
        title_template = rng.choice([t for t in _TITLES[language] if end is not None or "{slutt}" not in t])
    title = writer.fill(title_template)
    if len(title) > 110:
        title = writer.fill("{Tema} i {kommune}")[:110].rstrip()
    summary = writer.fill(rng.choice(_SUMMARIES[language]))
    while len(summary) > 300:
        summary = writer.fill(_SUMMARIES[language][1])[:300]

    slug = slugify(title)[:80].strip("-")
    name, n = slug, 2
    while f"{name}.md" in taken:
        name = f"{slug}-{n}"
        n += 1
    if n > 2:  # titles are unique across the bank too: number a repeated one as its file is numbered
        title = f"{title[:110]} ({n - 1})"

    front: list[tuple[str, Any]] = [("tittel", title)]
    # A name shared with a former municipality («Sande») must be written as the number.
    written = [m.number if schema.register.lookup_municipality(m.name).former else m.name for m in municipalities]
    front.append(("kommune", written[0] if len(written) == 1 else written))
    if formers:
        front.append(("tidligere_kommune", formers[0].name))
    if rng.random() < 0.05:
        front.append(("fylke", municipality.county.name))
    front.append(("kommunestorrelse", size.id))
    if rng.random() < 0.4:
        front += [("innbyggertall", population), ("innbyggertall_aar", start)]
    front.append(("ansvarlig_aktor", f"{municipality.name.split(' (')[0]} kommune"))
    if rng.random() < 0.5:
        front.append(("ansvarlig_enhet", rng.choice(_UNIT_NAMES)))
    front += [("suksessfaktorer", chosen_factors), ("malgrupper", chosen_groups), ("tema", chosen_themes)]
    if duties is not None and (index < len(duties.values) or duties.rng.random() < 0.5):
        front.append(("lovplikter", duties.some(index, 1, 3)))
    if program:
        front.append(("program", program))
    if rng.random() < 0.02 and end is not None:
        front.append(("pris", f"Statens pris for boligsosialt arbeid {min(end + 1, 2025)}"))
    front += [("oppsummering", summary), ("periode", start if end == start else period), ("sprak", language)]

    host = slugify(municipality.name.split(" (")[0])
    sources = []
    for number in range(rng.randint(1, 2)):
        source: dict[str, Any] = {"tittel": writer.fill(rng.choice(_SOURCE_TITLES[language]))}
        source["utgiver"] = rng.choice([f"{municipality.name} kommune", "Husbanken", "Veiviseren.no (Husbanken)"])
        source["aar"] = rng.randint(start, last_year)
        if rng.random() < 0.75:
            source["url"] = f"https://www.{host}.kommune.no/bolig/{name}/rapport-{number + 1}.pdf"
        else:
            source["dokument"] = "Trykt rapport, arkivert hos kommunen"
            source["uten_nettadresse"] = REVIEWED_UNTIL  # the date someone looked for it online
        sources.append(source)
    if not any("url" in s for s in sources):  # a source to read on (the validator warns otherwise)
        sources[0].pop("dokument")
        sources[0].pop("uten_nettadresse")
        sources[0]["url"] = f"https://www.{host}.kommune.no/bolig/{name}/rapport-1.pdf"
    front.append(("kilder", sources))
    links = []
    if rng.random() < 0.3:
        links = [
            {
                "tittel": rng.choice(["Boligsosial handlingsplan", "Sluttrapport", "Evaluering", "Temaplan for bolig"]),
                "url": f"https://www.{host}.kommune.no/planer/{name}.pdf",
            }
        ]
        front.append(("lenker", links))
    reviewed = REVIEWED_UNTIL - timedelta(days=rng.randint(0, 720))
    front.append(("sist_vurdert", reviewed))

    # Body: every required section, some optional ones, in the schema's order.
    target_words = rng.randint(1350, 1650)
    blocks: dict[str, list[str]] = {}
    chosen_sections = []
    for spec in schema.sections:
        if spec.required or (spec.title == "Vedlegg" and links) or (spec.title != "Vedlegg" and rng.random() < 0.45):
            chosen_sections.append(spec)
    for spec in chosen_sections:
        blocks[spec.title] = _section(writer, spec.title, language, chosen_factors, schema)

    def words() -> int:
        return sum(len(b.split()) for parts in blocks.values() for b in parts)

    main = "Beskrivelse av hvem som gjorde hva"
    grow = main if main in blocks else chosen_sections[0].title
    subheadings = list(_NN_SUBHEADINGS if nn else _NB_SUBHEADINGS)
    rng.shuffle(subheadings)
    while words() < target_words:
        if grow == main and subheadings and rng.random() < 0.5:
            blocks[grow].append("### " + writer.fill(subheadings.pop()))
        blocks[grow].append(writer.paragraph(grow, 3, 6))

    body = []
    for spec in chosen_sections:
        body.append(f"## {spec.title_in(language)}")
        body += blocks[spec.title]
    text = _front_matter(front) + "\n" + "\n\n".join(body) + "\n"
    return f"{name}.md", text


def _section(writer: _Writer, title: str, language: str, factors: list[str], schema: Schema) -> list[str]:
    rng = writer.rng
    if title == "Oppsummert":
        return [writer.paragraph(title, 4, 6) for _ in range(rng.randint(2, 3))]
    if title == "Resultat":
        parts = [writer.bullets(title, 5, 8)]
        if rng.random() < 0.7:
            parts.append(writer.paragraph("Resultat-etter", 1, 2))
        return parts
    if title == "Bakgrunn":
        return [writer.paragraph(title, 3, 6) for _ in range(rng.randint(2, 3))]
    if title == "Målsettinger":
        parts = [writer.sentence("Målsettinger-innledning"), writer.bullets(title, 3, 5)]
        if rng.random() < 0.6:
            parts.append(writer.paragraph("Målsettinger-etter", 1, 2))
        return parts
    if title == "Beskrivelse av hvem som gjorde hva":
        return [writer.paragraph(title, 4, 6) for _ in range(2)]
    if title == "Suksessfaktorer":
        vocabulary = schema.vocabularies["suksessfaktorer"]
        items = []
        for factor in factors:
            term = vocabulary.get(factor)
            items.append(f"- **{term.label}**" + (f": {term.extra['kort']}" if term.extra.get("kort") else ""))
        return ["\n".join(items), writer.paragraph(title, 2, 4)]
    if title in ("Tips til andre", "Relevant lovverk"):
        return [writer.bullets(title, 3, 6)]
    return [writer.paragraph(title, 3, 6)]


def write_examples(directory: Path, count: int, seed: int = DEFAULT_SEED, schema: Schema | None = None) -> list[Path]:
    """Write ``count`` synthetic examples into ``directory`` (created if missing); return their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate_examples(count, seed, schema).items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def word_count(text: str) -> int:
    """Words in an example's body (after the front matter)."""
    body = text.split("\n---\n", 1)[-1]
    return len(re.findall(r"\w+", body))
