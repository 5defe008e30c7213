"""German words for what research vacancies are about, with the English words pages written
in English use for them (see `bot.glossary`). Lines "german words: english words"."""

GLOSSARY = """
# medicine and anatomy
krebs tumor tumoren: cancer tumor
lungenkrebs: lung cancer
brustkrebs: breast cancer
prostatakrebs: prostate cancer
darmkrebs: colorectal cancer
hautkrebs: skin cancer
bauchspeicheldruse: pancreas pancreatic
lunge lungen: lung lungs pulmonary
herz: heart cardiac
herzinfarkt: myocardial infarction heart attack
koronararterie koronararterien herzkranzgefasse: coronary artery
blutgefass blutgefasse: blood vessel vascular
arterie arterien: artery arteries vein
blut: blood
blutdruck: blood pressure
leber: liver
niere nieren: kidney renal
blase: bladder
gehirn hirn: brain
ruckenmark: spinal cord
wirbel wirbelsaule: vertebra vertebrae spine spinal
knochen: bone bones
hufte: hip
knie: knee
auge augen netzhaut: eye retina retinal
haut: skin
darm: bowel colon intestine
magen: stomach gastric
muskel muskeln: muscle
fett: fat
schwangerschaft: pregnancy prenatal
baby babys saugling: baby infant
kinder kind: children child pediatric
patient patienten: patient patients
krankheit krankheiten: disease
seltene: rare
genetisch genetische erblich: genetic hereditary
gen: gene genes
entzundung: inflammation
infektion: infection
demenz: dementia
schlaganfall: stroke
epilepsie: epilepsy
diabetes: diabetes
sucht: addiction
schmerz schmerzen: pain
ruckenschmerzen: back pain
fraktur frakturen bruch: fracture
gelenk: joint
arthrose: osteoarthritis
# care
krankenhaus klinik: hospital clinical
hausarzt: general practitioner primary care
pflege gesundheitswesen: care healthcare
behandlung therapie: treatment therapy
strahlentherapie radiotherapie: radiotherapy radiation
chemotherapie: chemotherapy
operation chirurgie: surgery surgical
diagnose diagnostik: diagnosis diagnostic
vorhersage vorhersagen prognose: prediction predict prognosis
screening vorsorge: screening
medikament arzneimittel: drug medication
impfstoff: vaccine
# imaging
bilder bild: images image imaging
bildgebung: imaging
rontgen: x-ray radiograph
ultraschall: ultrasound
mrt kernspin: mri
ct: ct
mikroskop: microscope microscopy
schnitte gewebe: tissue slides sections
pathologie: pathology
radiologie: radiology
# data and methods
daten: data
texte text: text
sprache: language
berichte befunde: reports
tastatur: keyboard typing
tippen tippdaten: typing keystroke
muster: patterns
erkennen: recognize detect detection
erkennung: detection
segmentierung: segmentation
klassifikation: classification
registrierung: registration
kunstliche: artificial
intelligenz: intelligence
netzwerke: networks
modelle: model models
erklarbarkeit erklarbar: explainability explainable
zuverlassig: reliable robust
robust: robust robustness
ethische ethisch ethik: ethical ethics
rechtliche rechtlich: legal
gesellschaftliche gesellschaftlich: societal social
aspekte: aspects
software: software
entwicklung: development
forschung: research
firma firmen unternehmen: company industry
zusammenarbeit kooperation zusammen: collaboration collaborate
rechenleistung rechenzeit: compute computing gpu
# research and places
universitat hochschule: university
promotion: phd
praktikum: internship
"""
