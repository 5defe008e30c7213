"""The Telegram transport: python-telegram-bot v22, thin over the router.

A question passes through `updates` (journalled, ordered per chat), `handlers` (router call),
`replies` (Telegram HTML, buttons, safe links) and `limits` (Telegram's rate limits, retries).

- `app`: `vacbot run`, `build_application(config)` with every handler registered in one
  place, start-up and shutdown; `config`: environment and `.env`
- `context`: the services and the typed context handlers reach them through
- `updates`: the update journal, per-chat ordering with admins first, the webhook server
- `handlers`: questions, commands, buttons, media, inline mode, the flood guard, errors
- `replies`: answers to Telegram messages, keyboards, callback data, typing…
- `limits`: what the bot may send (per chat, per group, bulk, 429s, retries) and the flood guard
- `admin`: /reload and /stats; `knowledge`: the knowledge base, rebuilt and reloaded
- `alerts`: vacancy alerts' commands and sending; `subscriptions`: their storage
- `state`: the state database — one connection, one schema
- `health`: the heartbeat the job queue writes and `vacbot health` reads
"""
