"""Any OpenAI-compatible chat-completions endpoint (``POST {base_url}/chat/completions``).

What the provider returns is validated before use: a malformed answer is
EXTERNAL_SERVICE_ERROR ``bad_response``, never half-understood text.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import httpx
from httpx_sse import EventSource, SSEError
from pydantic import BaseModel, ValidationError

from mentora.contract import ExternalServiceError
from mentora.integrations.ai.base import ChatMessage
from mentora.platform.outbound.client import OutboundClient

SERVICE = "ai"


class _Message(BaseModel):
    content: str


class _Choice(BaseModel):
    message: _Message


class _Completion(BaseModel):
    choices: list[_Choice]


class _Delta(BaseModel):
    content: str | None = None


class _StreamChoice(BaseModel):
    delta: _Delta


class _Chunk(BaseModel):
    choices: list[_StreamChoice]


def _bad_response() -> ExternalServiceError:
    return ExternalServiceError(service=SERVICE, reason="bad_response")


def _content(response: httpx.Response) -> str:
    try:
        content = _Completion.model_validate_json(response.content).choices[0].message.content
    except (ValidationError, IndexError):
        raise _bad_response() from None
    if not content.strip():
        raise _bad_response()
    return content


@dataclass
class OpenAICompatibleTutor:
    outbound: OutboundClient
    base_url: str
    model: str
    api_key: str | None
    temperature: float
    max_tokens: int
    circuit: str
    name: str = "openai-compatible"

    def _payload(self, messages: Sequence[ChatMessage], *, stream: bool) -> dict[str, object]:
        return {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stream": stream,
        }

    @property
    def _url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    @property
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    async def reply(self, messages: Sequence[ChatMessage]) -> str:
        return await self.outbound.request(
            "POST",
            self._url,
            circuit=self.circuit,
            parse=_content,
            json=self._payload(messages, stream=False),
            headers=self._headers,
        )

    async def stream(self, messages: Sequence[ChatMessage]) -> AsyncIterator[str]:
        payload = self._payload(messages, stream=True)
        async with self.outbound.stream(
            "POST", self._url, circuit=self.circuit, json=payload, headers=self._headers
        ) as response:
            events = EventSource(response).aiter_sse()
            while True:
                try:
                    event = await anext(events)
                except StopAsyncIteration:  # the stream ended without its terminator: cut off
                    raise httpx.RemoteProtocolError("stream ended before [DONE]", request=response.request) from None
                except SSEError:  # not an event stream at all
                    raise _bad_response() from None
                if event.data.strip() == "[DONE]":
                    return
                try:  # parsed and validated in one pass (pydantic-core), a chunk at a time
                    chunk = _Chunk.model_validate_json(event.data)
                except ValidationError:
                    raise _bad_response() from None
                for choice in chunk.choices[:1]:
                    if choice.delta.content:
                        yield choice.delta.content
