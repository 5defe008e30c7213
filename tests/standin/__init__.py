"""A local stand-in for the Telegram Bot API, for running the real PTB stack offline."""

from .server import BotApiStandIn, RecordedRequest, Rejection, SentMessage
from .validate import (
    ApiError,
    check_reply_markup,
    check_text,
    detect_entities,
    parse_html,
    utf16_len,
)

__all__ = [
    "ApiError",
    "BotApiStandIn",
    "RecordedRequest",
    "Rejection",
    "SentMessage",
    "check_reply_markup",
    "check_text",
    "detect_entities",
    "parse_html",
    "utf16_len",
]
