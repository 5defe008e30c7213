"""The Telegram transport: python-telegram-bot v22, thin over the router.

- `config`: environment and `.env`; `logs`: logging without the token
- `app`: `build_application(config)`, every handler registered in one place
- `handlers`: questions, commands, buttons, media hints; `inline`: inline mode
- `admin`: /reload and /stats; `knowledge`: the reloadable knowledge base
- `callbacks`: compact button data; `reply`: answers to Telegram messages
- `persistence`: per-chat state in SQLite (JSON); `stats`: usage statistics
- `guard`/`flood`: group addressing and the per-user flood guard
- `concurrency`: concurrent updates with per-chat ordering; `errors`: the error handler
- `main`: `run(...)` for `vacbot run` (polling or webhook)
"""
