"""Dutch and German topic words applicants type about pages written in English.

A message word found here (or a compound of such words: "longkankerscreening" = long +
kanker + screening) also looks for its English equivalents in the pages. The table covers
the vocabulary of research vacancies — medicine and anatomy, imaging, data and methods,
people and places of research — not single test phrases; entries are folded
(`knowledge.textnorm.fold`), an English side may hold several words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

_TABLE = """
# medicine and anatomy
kanker krebs tumor tumour tumoren: cancer tumor
longkanker lungenkrebs: lung cancer
borstkanker brustkrebs: breast cancer
prostaatkanker prostatakrebs: prostate cancer
darmkanker darmkrebs: colorectal cancer
huidkanker hautkrebs: skin cancer
alvleesklier bauchspeicheldruse pancreas: pancreas pancreatic
long longen lunge lungen: lung lungs pulmonary
hart herz: heart cardiac
hartinfarct herzinfarkt: myocardial infarction heart attack
kransslagader kransslagaders koronararterie koronararterien herzkranzgefasse: coronary artery
bloedvat bloedvaten blutgefass blutgefasse: blood vessel vascular
ader aders slagader slagaders arterie arterien: artery arteries vein
bloed blut: blood
bloeddruk blutdruck: blood pressure
lever leber: liver
nier nieren niere: kidney renal
blaas blase: bladder
hersenen hersens gehirn hirn: brain
ruggenmerg ruckenmark: spinal cord
wervel wervels wirbel wirbelsaule wervelkolom: vertebra vertebrae spine spinal
bot botten knochen: bone bones
heup hufte: hip
knie: knee
oog ogen auge augen netvlies netzhaut: eye retina retinal
huid haut: skin
darm darmen: bowel colon intestine
maag magen: stomach gastric
spier spieren muskel muskeln: muscle
vet fett: fat
zwangerschap schwangerschaft: pregnancy prenatal
baby babys zuigeling saugling: baby infant
kinderen kinder kind: children child pediatric
ouderen: elderly older
patient patienten: patient patients
ziekte ziekten krankheit krankheiten aandoening: disease
zeldzame seltene: rare
erfelijk genetisch genetische erblich: genetic hereditary
gen genen: gene genes
ontsteking entzundung: inflammation
infectie infectien infektion: infection
dementie demenz: dementia
beroerte schlaganfall: stroke
epilepsie: epilepsy
diabetes suikerziekte: diabetes
verslaving sucht: addiction
pijn schmerz schmerzen: pain
rugpijn ruckenschmerzen: back pain
breuk breuken fraktur frakturen bruch: fracture
gewricht gelenk: joint
artrose arthrose: osteoarthritis
# care
ziekenhuis krankenhaus klinik kliniek: hospital clinical
huisarts hausarzt: general practitioner primary care
zorg pflege gezondheidszorg gesundheitswesen: care healthcare
behandeling behandelingen behandlung therapie: treatment therapy
bestraling bestralingen strahlentherapie radiotherapie: radiotherapy radiation
chemotherapie: chemotherapy
operatie operation chirurgie: surgery surgical
diagnose diagnostiek diagnostik: diagnosis diagnostic
voorspelling voorspellen vorhersage vorhersagen prognose: prediction predict prognosis
screening vorsorge bevolkingsonderzoek: screening
geneesmiddel geneesmiddelen medicijn medicijnen medikament arzneimittel: drug medication
vaccin vaccins impfstoff: vaccine
# imaging
beelden beeld bilder bild afbeeldingen: images image imaging
beeldvorming bildgebung: imaging
rontgen rontgenfoto: x-ray radiograph
echo echografie ultraschall: ultrasound
scan scans: scan scans
mri mrt kernspin: mri
ct: ct
microscoop mikroskop: microscope microscopy
coupes schnitte weefsel gewebe: tissue slides sections
pathologie: pathology
radiologie: radiology
# data and methods
gegevens daten: data
tekst texte text: text
taal sprache: language
spraak: speech
verslagen berichte befunde: reports
toetsenbord tastatur: keyboard typing
typen tippen tippdaten: typing keystroke
patronen muster: patterns
herkennen erkennen: recognize detect detection
detectie erkennung: detection
segmentatie segmentierung: segmentation
classificatie klassifikation: classification
registratie registrierung: registration
kunstmatige kunstliche: artificial
intelligentie intelligenz: intelligence
netwerken netzwerke: networks
model modellen modelle: model models
uitlegbaarheid uitlegbaar erklarbarkeit erklarbar: explainability explainable
betrouwbaar zuverlassig: reliable robust
robuust robust: robust robustness
ethische ethisch ethik ethiek: ethical ethics
juridische juridisch rechtliche rechtlich: legal
maatschappelijke maatschappelijk gesellschaftliche gesellschaftlich: societal social
kanten aspecten aspekte: aspects
software programmatuur: software
ontwikkeling entwicklung: development
onderzoek forschung: research
firma firmen unternehmen bedrijf bedrijven: company industry
zusammenarbeit kooperation samenwerking samenwerken zusammen: collaboration collaborate
rekenkracht rechenleistung rechenzeit: compute computing gpu
# research and places
universiteit universitat hochschule: university
promotie promotion: phd
stage praktikum: internship
"""


def _load() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in _TABLE.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition(":")
        english = tuple(right.split())
        for word in left.split():
            table[word] = tuple(dict.fromkeys(table.get(word, ()) + english))
    return table


GLOSSARY = _load()


_LINKS = ("s", "en", "e", "n")


def english(word: str, known: Callable[[str], bool]) -> tuple[tuple[str, ...], ...]:
    """The English words for each part of a folded Dutch or German word: "leverhypertrofie"
    -> (("liver",), ("hypertrofie",)) when "hypertrofie" is `known`; () when no part of it is
    in the glossary. Parts are glossary words or words `known` accepts, fewest parts first,
    with the linking letters of compounds ("long-kanker-s-screening") allowed."""
    return _english(word, known)


@lru_cache(maxsize=8192)
def _english(word: str, known: Callable[[str], bool]) -> tuple[tuple[str, ...], ...]:
    if word in GLOSSARY:
        return (GLOSSARY[word],)
    if len(word) < 7 or not word.isalpha():
        return ()
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - 24), i - 2):
            prefix = best[j]
            if prefix is None:
                continue
            piece = word[j:i]
            pieces = [piece] + [piece[: -len(k)] for k in _LINKS if piece.endswith(k)]
            hit = next((p for p in pieces if len(p) >= 3 and (p in GLOSSARY or known(p))), None)
            if hit is not None and (best[i] is None or len(prefix) + 1 < len(best[i] or [])):
                best[i] = [*prefix, hit]
    parts = best[n]
    if not parts or len(parts) < 2 or not any(p in GLOSSARY for p in parts):
        return ()
    return tuple(GLOSSARY.get(p, (p,)) for p in parts)
