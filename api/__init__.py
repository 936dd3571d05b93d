"""The HTTP API (FastAPI): `api.app.create_app` builds it; one router per resource in `api.routes`."""
