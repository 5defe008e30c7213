"""Dutch words for what research vacancies are about, with the English words pages written
in English use for them (see `bot.glossary`). Lines "dutch words: english words"."""

GLOSSARY = """
# medicine and anatomy
kanker tumor tumoren: cancer tumor
longkanker: lung cancer
borstkanker: breast cancer
prostaatkanker: prostate cancer
darmkanker: colorectal cancer
huidkanker: skin cancer
alvleesklier pancreas: pancreas pancreatic
long longen: lung lungs pulmonary
hart: heart cardiac
hartinfarct: myocardial infarction heart attack
kransslagader kransslagaders: coronary artery
bloedvat bloedvaten: blood vessel vascular
ader aders slagader slagaders arterie arterien: artery arteries vein
bloed: blood
bloeddruk: blood pressure
lever: liver
nier nieren: kidney renal
blaas: bladder
hersenen hersens: brain
ruggenmerg: spinal cord
wervel wervels wervelkolom: vertebra vertebrae spine spinal
bot botten: bone bones
heup: hip
knie: knee
oog ogen netvlies: eye retina retinal
huid: skin
darm darmen: bowel colon intestine
maag: stomach gastric
spier spieren: muscle
vet: fat
zwangerschap: pregnancy prenatal
baby babys zuigeling: baby infant
kinderen kind: children child pediatric
ouderen: elderly older
patient patienten: patient patients
ziekte ziekten aandoening: disease
zeldzame: rare
erfelijk genetisch genetische: genetic hereditary
gen genen: gene genes
ontsteking: inflammation
infectie infectien: infection
dementie: dementia
beroerte: stroke
epilepsie: epilepsy
diabetes suikerziekte: diabetes
verslaving: addiction
pijn: pain
rugpijn: back pain
breuk breuken: fracture
gewricht: joint
artrose: osteoarthritis
# care
ziekenhuis kliniek: hospital clinical
huisarts: general practitioner primary care
zorg gezondheidszorg: care healthcare
behandeling behandelingen therapie: treatment therapy
bestraling bestralingen radiotherapie: radiotherapy radiation
chemotherapie: chemotherapy
operatie chirurgie: surgery surgical
diagnose diagnostiek: diagnosis diagnostic
voorspelling voorspellen prognose: prediction predict prognosis
screening bevolkingsonderzoek: screening
geneesmiddel geneesmiddelen medicijn medicijnen: drug medication
vaccin vaccins: vaccine
# imaging
beelden beeld afbeeldingen: images image imaging
beeldvorming: imaging
rontgen rontgenfoto: x-ray radiograph
echo echografie: ultrasound
scan scans: scan scans
mri: mri
ct: ct
microscoop: microscope microscopy
coupes weefsel: tissue slides sections
pathologie: pathology
radiologie: radiology
# data and methods
gegevens: data
tekst: text
taal: language
spraak: speech
verslagen: reports
toetsenbord: keyboard typing
typen: typing keystroke
patronen: patterns
herkennen: recognize detect detection
detectie: detection
segmentatie: segmentation
classificatie: classification
registratie: registration
kunstmatige: artificial
intelligentie: intelligence
netwerken: networks
model modellen: model models
uitlegbaarheid uitlegbaar: explainability explainable
betrouwbaar: reliable robust
robuust: robust robustness
ethische ethisch ethiek: ethical ethics
juridische juridisch: legal
maatschappelijke maatschappelijk: societal social
kanten aspecten: aspects
software programmatuur: software
ontwikkeling: development
onderzoek: research
firma bedrijf bedrijven: company industry
samenwerking samenwerken: collaboration collaborate
rekenkracht: compute computing gpu
# research and places
universiteit: university
promotie: phd
stage: internship
"""
