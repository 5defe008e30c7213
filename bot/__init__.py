"""vacbot's conversation layer: intent router, answers, and the console and Telegram transports."""
