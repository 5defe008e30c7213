"""vacbot's knowledge base: vacancy pages in, a queryable SQLite database out. No Telegram."""
