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
    deadline=r"deadline|closing date|applications close",
    send=r"send|submit|apply|application",
    questions=r"\bquestions?\b|inquir|informal",
    contact=r"contact",
    procedure=(r"appl|send|submit|letter|subject|referee|reference|grades|transcript|"
               r"interview|portal|form|deadline|before|until|only applications"),
    not_procedure=(r"encourage[sd]? applications|applications (from|of|by) (women|individuals|"
                   r"candidates with|people|persons)|equal|disabilit|diversity"),
    desirable=(r"desirable|preferred|preferably|a plus|an advantage|advantageous|nice to have|"
               r"bonus|ideally|would be great|beneficial"),
    requiring=(r"\b(candidates?|applicants?|students?)\b[^.;:]{0,40}\b(should|must|will|need to|"
               r"(is|are) expected to)\s+(\w+\s+)?(have|hold|possess|bring|demonstrate)\b|"
               r"\b(candidates?|applicants?)\b[^.;:]{0,40}\b(should|must) be\b|"
               r"\byou\s+(have|hold|possess|bring|(should|must) (have|be|hold|speak))\b(?! the "
               r"(opportunity|chance|possibility))|"
               r"\b(looking for|we seek|we welcome)\b[^.;]{0,120}\b(who (has|have|is|are)|with "
               r"(an? )?(strong|solid|good|excellent|background|experience|degree|knowledge|"
               r"interest|skills))|"
               r"\b(degree|background|experience|knowledge|skills?) (in|of|with)\b|"
               r"\bfamiliar(ity)? with|\bproficien|\bfluen(t|cy)\b|\b(is|are|be) required\b|"
               r"\bprerequisite|\bqualifications\b|\bideal candidate|"
               r"\b(must|should) have\b|\bmandatory\b"),
    section_cues=(
        ("terms", r"salary|scale \d|benefits|reimbursement|allowance|appointed for|vacation|"
                  r"pension"),
        ("contact", r"contact|more information"),
        ("application", r"\bappl(y|ication)|motivation letter|cover letter"),
        ("requirements", r"\bmsc\b|master'?s degree|degree in|experience (with|in)|skills|"
                         r"you have|you are|proficien|fluent|knowledge of"),
        ("organisation", r"group|department|institute|university|researchers|radboud|"
                         r"hospital"),
        ("job", r"you will|the project|this project|develop|goal|aim|we will|the student will"),
        ("background", r"patients|disease|clinical|cancer|diagnos"),
    ),
)
