"""Errors to HTTP answers, in one place: a table from the project's exception classes to status codes.

Answer-building code raises `SmekgError` subclasses (ontology/errors.py) and never an HTTP exception;
the table below is the only place that knows their status. Every error answer is JSON
`{"detail": …}` (plus `candidates` for an ambiguous name, `problems` for a refused load), never a
traceback or a server path; validation errors echo at most a short, text-safe piece of the input.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from api.headers import SECURITY_HEADERS
from api.shared import summary
from ontology.errors import (
    Ambiguous,
    BadInput,
    Forbidden,
    GraphEmpty,
    IngestFailed,
    LoadBusy,
    LoadMismatch,
    LoadRefused,
    NotFound,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    SmekgError,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    Unauthorized,
)

log = logging.getLogger(__name__)

# The status of each error class; a subclass not listed takes its nearest listed base's.
STATUS: Mapping[type[SmekgError], int] = {
    BadInput: 400,
    QuerySyntaxError: 400,
    IngestFailed: 400,
    Unauthorized: 401,
    Forbidden: 403,
    QueryRefused: 403,
    NotFound: 404,
    QueryTimeout: 408,
    Ambiguous: 409,
    LoadRefused: 409,  # the data did not validate, or another load holds the lock
    LoadBusy: 409,
    StoreError: 503,
    StoreUnavailable: 503,
    StoreBusy: 503,
    GraphEmpty: 503,
    LoadMismatch: 503,  # staged counts differed from the mapping: nothing swapped, retry the load
    SmekgError: 500,
}
RETRY_AFTER = {StoreUnavailable, StoreBusy, LoadMismatch}
VALIDATION_INPUT_CHARS = 200


def status_of(exc: SmekgError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def error_response(exc: SmekgError) -> JSONResponse:
    status = status_of(exc)
    body: dict[str, Any] = {"detail": str(exc)}
    headers = dict(SECURITY_HEADERS)
    if isinstance(exc, Ambiguous):
        text = getattr(exc, "text", None)
        candidates = [summary(c).model_dump() for c in exc.candidates]
        if text is not None:
            body["detail"] = (
                f"{text!r} matches {len(candidates)} entities; ask again with one of their IRIs"
            )
        body["candidates"] = candidates
    if isinstance(exc, LoadRefused):
        problems = [str(p) for p in getattr(exc, "problems", [])]
        if problems:
            body["detail"] = "the data did not validate; the graph in service is unchanged"
        body["problems"] = problems or [str(exc)]
    if isinstance(exc, Unauthorized):
        headers["WWW-Authenticate"] = "X-API-Key"
    if any(isinstance(exc, cls) for cls in RETRY_AFTER):
        headers["Retry-After"] = "1"
    if status >= 500:
        log.warning("%s: %s", type(exc).__name__, exc)
    return JSONResponse(status_code=status, content=body, headers=headers)


def _safe_input(value: Any) -> Any:
    """Validation errors echo the input: bytes that are not UTF-8, lone surrogates or huge bodies
    must not break that (they are shown as text, cut short, or left out)."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value[:VALIDATION_INPUT_CHARS]).decode("utf-8", "replace")
    if isinstance(value, str):
        text = value.encode("utf-8", "replace").decode("utf-8")
        return text if len(text) <= VALIDATION_INPUT_CHARS else text[:VALIDATION_INPUT_CHARS] + "…"
    if isinstance(value, dict | list):
        return "(structured input omitted)"
    return value


def install(app: FastAPI) -> None:
    """The handlers: the table above, request validation (422), deep nesting, and a last resort."""

    async def smekg_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SmekgError)
        return error_response(exc)

    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = []
        for error in exc.errors():
            entry = {k: v for k, v in error.items() if k in ("type", "msg")}
            entry["loc"] = [_safe_input(part) for part in error.get("loc", ())]
            entry["msg"] = _safe_input(entry.get("msg", ""))
            if "input" in error:
                entry["input"] = _safe_input(error["input"])
            errors.append(entry)
        return JSONResponse(status_code=422, content={"detail": errors}, headers=SECURITY_HEADERS)

    async def too_deep(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={"detail": "the request is nested too deeply"},
            headers=SECURITY_HEADERS,
        )

    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(
            status_code=500,
            content={"detail": "internal error (logged on the server)"},
            headers=SECURITY_HEADERS,
        )

    handlers: dict[type[Exception], Callable[[Request, Exception], Any]] = {
        SmekgError: smekg_error,
        RequestValidationError: invalid,
        RecursionError: too_deep,
        Exception: unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)
