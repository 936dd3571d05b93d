"""Request body cap: bodies over MAX_BODY_BYTES are answered 413 before anything parses them."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from api.headers import ASGIApp, Message, Receive, Send

MAX_BODY_BYTES = 256 * 1024


class _TooLarge(HTTPException):
    """Raised while the body streams in; FastAPI re-raises HTTPExceptions from body parsing as they are."""

    def __init__(self, max_bytes: int):
        super().__init__(413, f"request body over {max_bytes // 1024} KB")


class BodySizeLimit:
    """Pure ASGI middleware: checks Content-Length, and counts streamed bytes when it is absent."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._reject(send)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body over {self.max_bytes // 1024} KB"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
