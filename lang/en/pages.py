"""How English pages speak of what answers quote from them (see `lang.base.PageWords`)."""

from __future__ import annotations

from lang.base import PageWords

PAGES = PageWords(
    pay=(r"salar|\bpay|\bpaid\b|remunerat|\bwages?\b|stipend|reimburse|per hour|depends|"
         r"depending|(?<![-\w])scales?\b"),  # not "large-scale"
    numbers=r"one|two|three|four|five|six|twelve|eighteen",
    range=r"to|or",
    units=r"years?|months?",
    duration=r"fixed-term|temporary|extension|renewable",
    contract=(r"contract|appoint|employ|position|project|thesis|internship|duration|phd|"
              r"fixed-term|temporary"),
    dates=r"start|begin|deadline|before|until|closing|apply by",
    send=r"send|submit|apply|application",
    questions=r"\bquestions?\b|inquir|informal",
    contact=r"contact",
    procedure=(r"appl|send|submit|letter|subject|referee|reference|grades|transcript|"
               r"interview|portal|form|deadline|before|until|only applications"),
    not_procedure=(r"encourage[sd]? applications|applications (from|of|by) (women|individuals|"
                   r"candidates with|people|persons)|equal|disabilit|diversity"),
    desirable=(r"desirable|preferred|preferably|a plus|an advantage|advantageous|nice to have|"
               r"bonus|ideally|would be great|beneficial"),
)
