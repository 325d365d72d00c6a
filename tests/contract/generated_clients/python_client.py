"""What a new user writes with the client openapi-python-client generates (as ``mentora_api``).

Type-checked with ``mypy --strict`` beside the generated package, then run against a live
server: ``python python_client.py BASE_URL PASSWORD``. Prints what it read, as JSON.
"""

from __future__ import annotations

import json
import sys

from mentora_api import AuthenticatedClient, Client
from mentora_api.api.auth import login
from mentora_api.api.console_users import invite_user
from mentora_api.api.users import get_me
from mentora_api.models import (
    LoginIn,
    SuccessEnvelopeMeOut,
    SuccessEnvelopeTokenPair,
    UserInvite,
    ValidationErrorResponse,
)

TENANT = "demo"
ADMIN = "admin@demo.example.com"


def main(base_url: str, password: str) -> None:
    anonymous = Client(base_url=base_url, raise_on_unexpected_status=True)
    signed_in = login.sync(client=anonymous, body=LoginIn(email=ADMIN, password=password), x_tenant=TENANT)
    if not isinstance(signed_in, SuccessEnvelopeTokenPair):
        raise SystemExit(f"login failed: {signed_in!r}")
    client = AuthenticatedClient(base_url=base_url, token=signed_in.data.access_token, raise_on_unexpected_status=True)

    me = get_me.sync(client=client, x_tenant=TENANT)
    if not isinstance(me, SuccessEnvelopeMeOut):
        raise SystemExit(f"GET /v1/users/me failed: {me!r}")

    # The seed's example: the generated model passes the values on as they are, the server refuses them.
    invite = UserInvite.from_dict({"email": "not-an-email", "name": "X", "settings": {"max_sessions": "abc"}})
    refused = invite_user.sync_detailed(client=client, body=invite, x_tenant=TENANT, idempotency_key="seed-example")
    error = refused.parsed
    if not isinstance(error, ValidationErrorResponse):
        raise SystemExit(f"expected the typed VALIDATION_ERROR, got {error!r}")
    details: dict[str, str] = error.details.additional_properties
    print(
        json.dumps(
            {
                "email": me.data.email,
                "status": int(refused.status_code),
                "request_id": refused.headers.get("X-Request-ID"),
                "error": {"success": error.success, "error": error.error, "code": error.code, "details": details},
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
