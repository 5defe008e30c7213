# ruff: noqa: E501
"""English words and phrases that say what an applicant asks (see `lang.base.Cues`).

Phrases keep the other languages' words an English question may carry ("how to solliciteren",
"when can I bewerben"): applicants mix languages.
"""

from __future__ import annotations

from lang.base import Cues

CUES = Cues(
    words={
        "salary": {
            0.95: """salary salaries remuneration stipend stipends wage wages salar* remunerat*
                compensat* reimburse reimbursed reimbursement reimbursements""",
            0.85: """pay pays paid paying earn earns earning earnings income money euro euros
                gross monthly payment payed""",
            0.7: """benefits benefit bonus allowance allowances pension holiday holidays vacation
                fte part-time parttime full-time fulltime perks scale employment conditions""",
            0.55: """hours insurance childcare leave leaves relocation grade tariff secondary
                funding funded budget""",
            0.35: "terms cost costs",
        },
        "requirements": {
            0.95: """requirements requirement qualifications qualification eligible eligibility
                prerequisite prerequisites criteria requir* qualif* eligib* prerequis*""",
            0.75: """profile background backgrounds degree degrees diploma enough sufficient
                skills skill experience experienced expertise competences competencies
                suitable suited mandatory necessary""",
            0.55: """knowledge programming coding fluent fluency grades certificate
                proficiency""",
        },
        "contact": {
            0.95: """contact contacts contacting email e-mail emails e-mails mail phone
                telephone contact*""",
            0.8: "supervisor supervisors inquiries enquiries inquiry enquiry",
            0.5: "address",
            0.55: "reach call questions question informal",
        },
        "apply": {
            0.95: """apply applying application applications applies applicant
                applicants applic* aply""",
            0.8: "submit submission submitting documents resume transcripts transcript upload portal",
            0.6: """send sending document letter references referees recommendation size
                procedure interview interviews selection attachment attachments""",
            0.4: "form process include",
        },
        "overview": {
            0.85: """describe description summary summarize summarise overview duties tasks
                partners partner consortium involve involves entail entails collaborate
                collaborates collaborating collaboration company companies industry""",
            0.6: "topic topics goal aim focus collaboration responsibilities",
        },
        "dates": {
            0.95: "deadline deadlines startdate",
            0.8: "start starts starting begin begins beginning timeline",
            # "what has the group posted?" asks for a list: when, only with "when"
            0.6: "date dates asap due schedule published posted",
        },
        "duration": {
            0.95: "duration fixed-term",
            0.8: "temporary permanent contract contracts length extension renewable",
            0.55: "years year months month",
        },
        "location": {
            0.95: "location locations located situated",
            0.8: "city remote remotely on-site onsite hybrid campus relocate",
            0.6: "address",
            0.45: "place office country land department institute university",
        },
        "status": {
            0.95: "status filled expired vacant",
            0.8: "closed available availability accepting outdated",
            0.6: "open close closes expire taken active valid",
        },
        "list": {
            0.85: "list",
            0.55: "vacancies openings opportunities jobs",
            0.45: "positions",
        },
        "greeting": {
            0.95: "hi hello hey hiya heya howdy greetings morning",
        },
        "help": {
            0.95: "help commands command menu instructions",
            0.6: "assist options usage",
        },
        "thanks": {
            0.95: "thanks thank thx ty cheers bye goodbye",
            0.6: "great perfect ok okay cool nice super top sorry",
        },
    },
    weak={
        "location": {0.55: "where wheres"},
        "dates": {0.55: "when whens until", 0.4: "closing"},
        "contact": {0.45: "who whos", 0.4: "responsible"},
        "overview": {0.55: "about details explain",
                     0.4: "project info information"},
        "list": {0.55: "hiring recruiting",
                 0.5: "projects"},
        "status": {0.35: "still"},
        "requirements": {0.45: """fit fits fitting study studied studies field discipline
            need needed english dutch german speak expected""",
                         0.3: "level"},
    },
    classes={
        "nouns": """vacancies vacancys positions posts jobs openings opportunities projects
            places roles studentships""",
        "noun": "vacancy position post job opening opportunity role project studentship",
        "applyw": "apply applying application applications submit send",
        "closew": "close closes closing closed end ends expire expires",
        "openw": "open available",
        "degree": "bachelor bachelors master masters degree diploma background studied",
        "doc": "letter statement essay proposal expose cv resume abstract summary text",
    },
    phrases={
        # salary / terms
        "how much": "?salary=.75",
        "how much ~ experience|knowledge|background|skills|programming": "requirements=.85 salary=-1",
        "how much ~ time|years|months": "duration=.8 salary=-1",
        "what ~ earn|pay|paid": "salary=.9",
        "what would|will|do|can|could i ~ get|receive|make": "salary=.85",
        "terms of employment": "salary=.95",
        "terms and conditions": "salary=.85",
        "employment|working|work conditions|terms": "salary=.9",
        "salary|pay scale|grade|range": "salary=.95",
        "per month|year|hour": "salary=.7",
        "how many hours": "salary=.9 overview=-1",
        "working|work hours|week": "salary=.8",
        "secondary|fringe benefits": "salary=.95",
        "13th|thirteenth month|salary": "salary=.9 duration=-1",
        # requirements
        "what do i need": "requirements=.8",
        "what ~ need|needed|required ~ qualify|eligible|apply|for|to|have|be": "requirements=.7",
        "do i need": "?requirements=.65",
        "must i ~ speak|know|be": "?requirements=.65",  # as "moet ik", "muss ich"
        "who can|may|should apply": "requirements=.95 apply=-.7 contact=-1",
        "can|may i apply|solliciteren|bewerben with|without|if|as|after|before": "requirements=.85 apply=-.5",
        "am|would|do|could i ~ suitable|eligible|qualified|qualify|fit": "requirements=.95",
        "am|would|could|is ~ good enough": "requirements=.8",
        "what|who ~ you|they|are ~ looking for": "requirements=.85 help=-1",
        "ideal|right|suitable candidate": "requirements=.9",
        "@degree ... can|may|could i apply|solliciteren|bewerben": "requirements=.9 apply=-.6",
        "with|have|has|only|just ~ @degree": "requirements=.85",
        "accept|accepted|consider ~ international|foreign|non-eu|students|applicants|candidates": "requirements=.85",
        "international|foreign|non-eu students|applicants|candidates": "requirements=.8",
        "must have|know": "requirements=.7",
        "can|could|may i ~ be|become|join|come|visit": "requirements=.8",
        "can|could|may i ~ work|do|apply as|at|for|with|in": "requirements=.8",
        "can|could|may i ~ do|take|pick|choose the|this|that|a|an|it": "requirements=.75",
        "do|would i need": "?requirements=.6",
        "should|do|must|need|would i ~ know|learn|master|bring": "requirements=.8",
        "which|what ~ libraries|frameworks|tools|languages|software ~ know|use|need|learn": "requirements=.8",
        "is|are ~ required|needed|necessary|mandatory|must": "requirements=.75",
        "what ~ expected|expect": "?requirements=.6",
        # what is expected of an applicant is asked, not how to apply
        "expect|expected from|of ~ applicants|applicant|candidates|candidate|students|me|us":
            "requirements=.9 apply=-.6",
        "speak|know dutch|german|english|nederlands|deutsch": "requirements=.75",
        # contact
        "who ~ contact|ask|email|mail|e-mail|talk|reach|write|call|speak|approach": "contact=.95",
        "who ~ tell me more": "contact=.95 overview=-1",
        "who is ~ supervisor|supervising|responsible|leading|pi|professor|prof|head|leader|boss": "contact=.95",
        "who ~ supervises|leads|runs|supervise|lead": "contact=.9",
        "contact person|details|info|information|address": "contact=.95",
        "email|e-mail|mail address|adres|adresse|adress": "contact=.95 location=-1",
        "in charge": "contact=.85",
        "get|be in touch": "contact=.95",
        "reach out": "contact=.9",
        "tell me more": "?overview=.6",
        "more information|info|details": "?contact=.55 ?overview=.5",
        "questions about": "contact=.6",
        "talk|speak|chat to|with ~ someone|somebody|anyone|person|professor|supervisor": "contact=.9",
        "principal investigator": "contact=.9",
        # apply
        "how ~ apply|applying|application|solliciteren|bewerben": "apply=.95",
        # "applied" asks only as a verb: "i already applied", not "applied bioinformatics"
        "i|we|already|have|has|had|just|you applied": "apply=.8",
        "where ~ apply|application|send|submit|upload|solliciteren|bewerben": "apply=.95 location=-1",
        "need ~ send|submit|include|upload|provide|attach": "apply=.9 requirements=-.8",
        "what|which ~ send|submit|include|upload|provide|attach": "apply=.85 contact=-.5",
        "what ... contain": "apply=.85 contact=-.5",  # "what should my first email contain?"
        "what ~ write|put": "apply=.85 contact=-.5",
        "cover|motivation|application|recommendation|reference letter|letters": "apply=.95",
        "subject line": "apply=.95 contact=-.7",
        "email|e-mail|mail subject|betreff|onderwerp": "apply=.95 contact=-.7",
        "last|final day|date ~ apply|application|applications|submit": "dates=.95 apply=-.6",
        "when ... close|closes|closing|closed|end|ends|ended|expire|expires|expired": "dates=.95 status=-.7 duration=-.7",
        "as ~ bachelorarbeit|masterarbeit|bachelor|master|thesis|scriptie|afstudeerproject": "requirements=.8",
        "application|applications requirements|requirement|documents|materials": "apply=.95 requirements=-.5",
        "per|by|via mail|email|e-mail|post": "apply=.9 contact=-.5",
        "send|submit|apply ~ mail|email|e-mail|post": "apply=.9 contact=-.6",
        "my email|mail|e-mail|letter": "?apply=.5 contact=-.6",
        "file size|format|type": "apply=.95",
        "size limit": "apply=.9",
        # overview
        "what is|are|s ~ about": "?overview=.85",
        "what ~ about": "?overview=.7",
        "what|how about": "overview=-1",
        "tell me about": "?overview=.85",
        "tell me ~ about": "?overview=.7",
        "more about": "?overview=.7",
        "what will|would|do i ~ do|work|working|doing": "?overview=.85",
        "what is|s ~ the project|topic|research|phd|position|job": "?overview=.55",
        "what is it": "?overview=.55",
        "how many ~ @nouns|people|candidates|students|phds": "overview=.9 list=-1 status=-.8",
        "overview|list|summary ~ @nouns": "list=.95 overview=-.8",
        # dates
        "when ~ start|starts|starting|begin|begins|commence": "dates=.95",
        "start|starting|closing|application date": "dates=.95",
        "until when": "dates=.95",
        "how long ~ apply|application|applications|open|deadline|submit|send|solliciteren|bewerben": "dates=.95 duration=-1 apply=-.5 status=-.5",
        "when ~ apply|application|applications|solliciteren": "dates=.85 apply=-.5",
        "deadline|deadlines ... @applyw": "apply=-.5",
        "when ~ @closew": "dates=.95 status=-.7",
        "when ~ published|posted|advertised|open|opened": "dates=.9 status=-.7",
        "hear back": "dates=.7",
        # duration
        "how long": "duration=.9",
        "how long ~ @doc": "apply=.9 duration=-1",  # a letter's length, not a contract's
        "how many years|months": "duration=.95 overview=-1",
        "fixed term": "duration=.95",
        # location
        "where ~ based|located|work|working|live|situated|be": "location=.9",
        "based in|at|near|out|where": "location=.9",
        "is|are|it|be|job|position|phd|project|lab|group ~ based": "?location=.7",
        "based on": "location=-1",
        "learning|ai|model|deep|data|image|evidence|machine|knowledge|graph|rule|network based": "location=-1",
        "which city|country|university|institute|hospital|department": "location=.9",
        "on site": "location=.9",
        "home office": "location=.9",
        "work from home": "location=.95",
        "move to": "location=.6",
        # status
        "open source|access|science|day|house|call": "status=-1",
        "still open|available|accepting|valid|active|possible|going|there|hiring|recruiting|looking": "status=.95 apply=-.6",
        "is|are ~ open|closed|available|filled|expired|taken": "status=.9",
        "too late": "status=.95 apply=-.6",
        "deadline ~ passed|over|gone|expired": "status=.95 dates=-.5",
        "can|could i still ~ apply|send|submit|solliciteren|bewerben": "status=.95 apply=-.6 dates=-.5",
        "still accepting|taking ~ applications": "status=.95 apply=-.7",
        # list
        "which|what|any|all|list|show|other|more|open|available|current|new|some|find|search|latest|recent ~ @nouns": "list=.9 status=-.7",
        "are|is there ~ @nouns|@noun|openings|anything|vacancy|position": "list=.9 status=-.7",
        "do|does ~ have|offer ~ @nouns|openings": "list=.9",
        "do|does you|they|your|diag ~ have|offer ~ any|anything": "list=.9",
        "what|which ~ open|available": "list=.7 status=-.6",
        "what|which do you|they offer": "list=.85",
        "am|m|im looking|searching for": "list=.6 requirements=-1",
        "looking|searching for a|an ~ @noun": "list=.8 requirements=-1",
        "show me": "?list=.5",
        "anything|something in|for|on|related": "list=.7",
        # greeting, help, thanks
        "good morning|afternoon|evening|day": "greeting=.95",
        "how are you": "greeting=.8",
        "what can you do|tell|answer": "help=.95",
        "what do you do|know": "help=.8",
        "how does this|it work|works": "help=.9",
        "how does the bot work|works": "help=.9",
        "what can i ask": "help=.9",  # as "wat kan ik vragen", "was kann ich fragen"
        "how do|can i use this|you": "help=.9",
        "how do|can i use the bot": "help=.9",
        "who|what are you": "help=.8",
        "thank you|u": "thanks=.95",
    },
    known="amply quantification",
)
