"""Request body cap: bodies over MAX_BODY_BYTES are answered 413 before anything parses them."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from api.headers import ASGIApp, Message, Receive, Send

MAX_BODY_BYTES = 256 * 1024
# Routes that take a whole file get a larger cap of their own: path → bytes. A route module registers
# its path when it is imported (the review workbench's upload); the route applies its own, smaller,
# configured limit with a message that says so.
LARGER_BODIES: dict[str, int] = {}


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
        max_bytes = LARGER_BODIES.get(scope.get("path", ""), self.max_bytes)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._reject(send, max_bytes)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise _TooLarge(max_bytes)
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
                await self._reject(send, max_bytes)

    async def _reject(self, send: Send, max_bytes: int) -> None:
        body = json.dumps({"detail": f"request body over {max_bytes // 1024} KB"}).encode()
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
