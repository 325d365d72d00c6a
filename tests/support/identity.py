"""Two tenants with a user of each system role, a platform operator, and sign-in helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from mentora.bootstrap import create_superuser, create_tenant, create_user
from mentora.config import Settings
from mentora.platform.security.permissions import SYSTEM_ROLE_PERMISSIONS, SystemRole

PASSWORD = "correct horse battery"
OPERATOR_EMAIL = "operator@platform.example.com"
ROLES = (SystemRole.ADMIN, SystemRole.FACULTY, SystemRole.STUDENT)
# (email, tenant slug) of a user holding each system role.
SIGN_IN = {
    SystemRole.STUDENT: ("student@alpha.example.com", "alpha"),
    SystemRole.FACULTY: ("faculty@alpha.example.com", "alpha"),
    SystemRole.ADMIN: ("admin@alpha.example.com", "alpha"),
    SystemRole.SUPER_ADMIN: (OPERATOR_EMAIL, "platform"),
}


@dataclass
class TenantUsers:
    slug: str
    id: str
    user_ids: dict[str, str] = field(default_factory=dict)  # role -> user id

    def email(self, role: str) -> str:
        return f"{role.lower()}@{self.slug}.example.com"


@dataclass
class Identity:
    a: TenantUsers
    b: TenantUsers
    operator_id: str


async def create_identity(settings: Settings) -> Identity:
    tenants = []
    for slug in ("alpha", "beta"):
        tenant = await create_tenant(settings, name=f"{slug.title()} University", slug=slug)
        users = TenantUsers(slug=slug, id=tenant.id)
        for role in ROLES:
            user = await create_user(
                settings,
                tenant_slug=slug,
                email=users.email(role),
                name=f"{role.title()} {slug}",
                password=PASSWORD,
                role=role,
            )
            users.user_ids[role] = user.id
        tenants.append(users)
    operator = await create_superuser(settings, email=OPERATOR_EMAIL, name="Operator", password=PASSWORD)
    return Identity(a=tenants[0], b=tenants[1], operator_id=operator.id)


async def login(client: httpx.AsyncClient, email: str, tenant: str, password: str = PASSWORD) -> dict[str, str]:
    response = await client.post(
        "/v1/auth/login", json={"email": email, "password": password}, headers={"X-Tenant": tenant}
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()["data"]
    return tokens


async def bearer(client: httpx.AsyncClient, email: str, tenant: str) -> dict[str, str]:
    tokens = await login(client, email, tenant)
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def assert_gated(response: httpx.Response, role: SystemRole, required: str, what: str) -> None:
    """A system role gets through exactly when it holds ``required``; otherwise 403 naming it."""
    if required in SYSTEM_ROLE_PERMISSIONS[role]:
        assert response.status_code not in (401, 403), f"{role} {what}: {response.text}"
    else:
        assert response.status_code == 403, f"{role} {what}: {response.status_code}"
        assert response.json()["details"] == {"required": required}


async def give_role(client: httpx.AsyncClient, admin: dict[str, str], user_id: str, name: str, perms: list[str]) -> str:
    """Create a custom role with ``perms`` and make it the user's role; returns the role's id."""
    role = await client.post("/v1/console/roles", headers=admin, json={"name": name, "permissions": perms})
    assert role.status_code == 201, role.text
    assigned = await client.patch(f"/v1/console/users/{user_id}", headers=admin, json={"role": name})
    assert assigned.status_code == 200, assigned.text
    return str(role.json()["data"]["id"])
