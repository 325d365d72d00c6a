"""A stand-in LMS: a real HTTP server on 127.0.0.1 speaking LTI 1.3 AGS and Canvas REST.

- ``POST /token``: OAuth 2 client credentials with a JWT assertion, verified against the
  tool's public key (RS256, iss = sub = client id, aud = this URL).
- ``POST /lineitems/{item}/scores``: an AGS score; one score is kept per (line item,
  user), the latest, as AGS platforms do.
- ``PUT /api/v1/courses/{c}/assignments/{a}/submissions/{user}``: a Canvas grade.
Switchable to: timeout, 500, 429, 401, malformed body, dropped connection.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.loopback import LoopbackServer

CLIENT_ID = "mentora-tool"
CANVAS_TOKEN = "canvas-api-token"
MODES = ("ok", "timeout", "500", "429", "401", "malformed", "drop")


class FakeLMS(LoopbackServer):
    def __init__(self) -> None:
        self.mode = "ok"
        super().__init__(
            [
                Route("/token", self._token, methods=["POST"]),
                Route("/lineitems/{item}/scores", self._score, methods=["POST"]),
                Route(
                    "/api/v1/courses/{course}/assignments/{assignment}/submissions/{user}",
                    self._canvas,
                    methods=["PUT"],
                ),
            ]
        )
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.token_url = self.base_url + "/token"
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private_key_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self._public_key = key.public_key()
        self._tokens: set[str] = set()
        self.scores: dict[tuple[str, str], dict[str, Any]] = {}
        self.score_posts = 0
        self.canvas_grades: dict[tuple[str, str, str], str] = {}
        self.calls = 0

    def line_item(self, name: str) -> str:
        return f"{self.base_url}/lineitems/{name}"

    async def _failure(self) -> Response | None:
        self.calls += 1
        mode = self.mode
        if mode == "timeout":
            await asyncio.sleep(60)
        if mode == "500":
            return JSONResponse({"errors": ["internal at /var/lms/app.rb"]}, status_code=500)
        if mode == "429":
            return JSONResponse({"errors": ["throttled"]}, status_code=429)
        if mode == "401":
            return JSONResponse({"errors": ["invalid token lms-secret"]}, status_code=401)
        if mode == "drop":
            return StreamingResponse(_dropped(), media_type="application/json")
        return None

    async def _token(self, request: Request) -> Response:
        failure = await self._failure()
        if failure is not None:
            return failure
        if self.mode == "malformed":
            return Response(b"<html>login</html>", media_type="text/html")
        form = await request.form()
        try:
            claims = jwt.decode(
                str(form["client_assertion"]), self._public_key, algorithms=["RS256"], audience=self.token_url
            )
        except (KeyError, jwt.PyJWTError):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        if (
            claims.get("iss") != CLIENT_ID
            or claims.get("sub") != CLIENT_ID
            or form.get("grant_type") != ("client_credentials")
        ):
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        token = f"lms-access-{len(self._tokens)}"
        self._tokens.add(token)
        return JSONResponse({"access_token": token, "token_type": "Bearer", "expires_in": 3600})

    async def _score(self, request: Request) -> Response:
        failure = await self._failure()
        if failure is not None:
            return failure
        if request.headers.get("authorization", "").removeprefix("Bearer ") not in self._tokens:
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        if request.headers.get("content-type") != "application/vnd.ims.lis.v1.score+json":
            return JSONResponse({"error": "unsupported media type"}, status_code=415)
        body = await request.json()
        self.score_posts += 1
        key = (request.path_params["item"], body["userId"])
        previous = self.scores.get(key)
        if previous is None or previous["timestamp"] <= body["timestamp"]:
            self.scores[key] = body
        return Response(status_code=200)

    async def _canvas(self, request: Request) -> Response:
        failure = await self._failure()
        if failure is not None:
            return failure
        if request.headers.get("authorization") != f"Bearer {CANVAS_TOKEN}":
            return JSONResponse({"errors": [{"message": "Invalid access token."}]}, status_code=401)
        if self.mode == "malformed":
            return Response(b'{"id": ', media_type="application/json")
        body = await request.json()
        params = request.path_params
        self.canvas_grades[(params["course"], params["assignment"], params["user"])] = body["submission"][
            "posted_grade"
        ]
        return JSONResponse({"id": 1, "user_id": params["user"], "grade": body["submission"]["posted_grade"]})


async def _dropped() -> AsyncIterator[bytes]:
    yield b'{"partial": '
    raise ConnectionResetError("LMS went away")


@contextmanager
def running_fake_lms() -> Iterator[FakeLMS]:
    lms = FakeLMS()
    lms.start()
    try:
        yield lms
    finally:
        lms.stop()
