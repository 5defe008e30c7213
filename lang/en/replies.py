"""The bot's own words in English: replies, what a page does not state, button labels.

Keys and {placeholders} are the same in every language (tests/test_lang.py).
"""

from __future__ import annotations

from lang.base import Replies

REPLIES = Replies(
    phrases={
        "closed": "This vacancy is closed: it no longer accepts applications.",
        "closed_tag": "closed",
        "open": "This vacancy is open.",
        "open_old": (
            "The page gives no deadline and does not say it is filled, but it was posted on "
            "{date}, over a year ago: it may no longer be open."
        ),
        "open_until": "This vacancy is open; the deadline is {date}.",
        "not_stated": "The page does not state {what}.",
        "not_mentioned": "The page does not mention {what}.",
        "ask_contact": "Please ask {who}.",
        "ask_contact_none": (
            "The page names no contact person either; please ask the group directly."
        ),
        "ask_group": "Please ask the group directly.",
        "which": "Which vacancy do you mean?",
        "more_choices": "… and {n} more: tell me a word from the title, or ask for the list.",
        "fallback": (
            "I can only answer questions about our vacancies: requirements, salary, contact, how "
            "to apply, dates, duration, location and status. Try “/vacancies” or ask e.g. “What "
            "is the salary for the PhD position?”"
        ),
        "greeting": (
            "Hello! I answer questions about our research vacancies — what they require, what "
            "they pay, whom to contact and how to apply."
        ),
        "example": "Pick one by its number, or ask e.g. “What does the PhD pay?”",
        "help": (
            "Ask me in your own words, in English, Dutch or German, for example:\n"
            "“What are the requirements for the PhD on pathology?”\n"
            "“How much does the Bonn position pay?”\n"
            "“Who is the contact person?” — I remember which vacancy we are talking about.\n"
            "/vacancies — the open vacancies\n"
            "/vacancy <name> — one vacancy\n"
            "/requirements, /salary, /contact, /apply [name] — straight to the point\n"
            "/search <words> — find vacancies by topic, person or place\n"
            "/subscribe <words> — be told when a matching vacancy appears"
        ),
        "thanks": "You're welcome! Ask me anything else about the vacancies.",
        "no_match": "No vacancy matches that.",
        "none": "No vacancy matches {what}.",
        "none_open": "No open vacancy matches {what}.",
        "that": "that",
        "exists_yes": "Yes — {n} matching:",
        "count": "{n} matching:",
        "exists_closed": "Only closed ones — {n} matching:",
        "yes_this": "Yes:",
        "only_closed_this": "No open vacancy at the moment — the matching one is closed:",
        "other_kind_this": "No {kind} vacancy matches — the closest is a {other}:",
        "showing": "Showing {first}–{last} of {total}.",
        "gone": "That vacancy is no longer listed.",
        "search_what": "Tell me what to search for, e.g. /search pathology",
        "unknown_command": "I don't know the command /{name}.",
        "twin": "Another posting with the same title is {status}.",
        "also_closed": "A similar vacancy is closed: {title}.",
        "source": "Source",
        "section": "section",
        "page_link": "vacancy page",
        "required": "Required:",
        "desirable": "Nice to have:",
        "send_to": "Send your application to",
        "apply_via": "Apply via",
        "documents": "Documents",
        "subject_line": "E-mail subject",
        "reference": "Reference",
        "size_limit": "Size or format",
        "deadline": "Deadline",
        "start": "Start",
        "end": "End",
        "published": "Published",
        "duration": "Duration",
        "location": "Location",
        "institution": "Institution",
        "positions": "Positions",
        "supervisor": "Contact",
        "part_time": "part-time",
        "deadline_passed": "The deadline ({date}) has passed.",
        "not_found": "I found no vacancy about {words}.",
        "not_found_no": "No — I found no vacancy about {words}.",
        "closest": "The closest:",
        "see_all": "All vacancies: /vacancies",
        "none_open_closed": "No open {what} vacancy at the moment; closed ({n}):",
        "or": "or",
        "review": "Applications reviewed from",
        "interview": "Interviews",
    },
    what={
        "salary": "a salary amount",
        "requirements": "specific requirements",
        "contact": "a contact person",
        "apply": "how to apply",
        "deadline": "an application deadline",
        "start": "a start date",
        "duration": "the contract duration",
        "location": "the location",
    },
    labels={
        "requirements": "Requirements",
        "salary": "Salary",
        "contact": "Contact",
        "apply": "How to apply",
        "page": "Page",
        "more": "More",
        "subscribe": "Tell me when one appears",
    },
)
