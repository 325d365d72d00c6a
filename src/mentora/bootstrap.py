"""First-run data and the operator's CLI actions: the demo tenant, superusers, tenants, users."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.schemas import CaseStudyCreate
from mentora.case_studies.service import CaseStudyService
from mentora.config import Settings
from mentora.contract import ValidationFailedError
from mentora.platform.auth.passwords import PasswordService
from mentora.platform.auth.permissions import SystemRole
from mentora.platform.db import Database
from mentora.platform.secrets import SecretBox
from mentora.roles.service import RoleService
from mentora.tenants.models import Tenant
from mentora.tenants.schemas import TenantCreate
from mentora.tenants.service import TenantRepository, TenantService
from mentora.users.models import User
from mentora.users.service import UserService
from mentora.users.sign_ins import revoke_sign_ins

DEMO_SLUG = "demo"
SAMPLE_CASE_STUDY = CaseStudyCreate(
    title="The Late Shipment",
    slug="late-shipment",
    description=(
        "A small furniture maker has promised a hotel 40 custom tables by the end of the month. "
        "Two weeks before the deadline, their wood supplier announces a three-week delay. "
        "You advise the owner."
    ),
    instructions=[
        "Describe the problem and who is affected by it.",
        "List the options the owner has, including ones that look unattractive at first.",
        "Weigh the options against cost, the hotel relationship, and the workshop's reputation.",
        "Recommend a course of action and say how you would tell the hotel.",
    ],
    system_prompt=(
        "You are a patient business-studies tutor. Ask one guiding question at a time, never "
        "give the full answer, and push the student to justify each claim with facts from the case."
    ),
    first_message="Welcome! Read the case, then tell me: what is the real problem here?",
    time_limit_minutes=45,
)
DEMO_USERS = (
    ("admin@demo.example.com", "Demo Admin", SystemRole.ADMIN),
    ("faculty@demo.example.com", "Demo Faculty", SystemRole.FACULTY),
    ("student@demo.example.com", "Demo Student", SystemRole.STUDENT),
)


@dataclass(frozen=True)
class DemoAccounts:
    tenant_slug: str
    password: str
    emails: tuple[str, ...]


async def _add_user(
    session: AsyncSession,
    passwords: PasswordService,
    tenant_id: str,
    email: str,
    name: str,
    password_hash: str,
    role: str,
) -> User:
    role_row = await RoleService(session, tenant_id).find(role)
    if role_row is None:
        raise ValidationFailedError.for_field("role", "unknown role")
    return await UserService(session, tenant_id, passwords).create(
        email=email, name=name, password_hash=password_hash, role=role_row
    )


async def _hashed(settings: Settings, password: str) -> tuple[PasswordService, str]:
    """Hash before a transaction opens: the embedded database's write lock is never held for it.
    One PasswordService per command: building one computes its dummy hash."""
    passwords = PasswordService(settings)
    return passwords, await passwords.hash(password)


@asynccontextmanager
async def _transaction(settings: Settings) -> AsyncIterator[AsyncSession]:
    """One transaction on an engine of its own, for a command run outside a server."""
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            yield session
    finally:
        await database.dispose()


async def _has_tenants(session: AsyncSession) -> bool:
    count = select(func.count()).select_from(TenantRepository(session).base_statement().subquery())
    return bool((await session.execute(count)).scalar_one())


async def create_demo_if_fresh(settings: Settings) -> DemoAccounts | None:
    """On a database with no institution yet, create the demo tenant and its three users."""
    async with _transaction(settings) as session:
        if await _has_tenants(session):
            return None
    password = settings.demo_password or secrets.token_urlsafe(12)
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        if await _has_tenants(session):  # another process was first
            return None
        tenant = await TenantService(session, SecretBox(settings)).create(
            TenantCreate(name="Demo University", slug=DEMO_SLUG)
        )
        for email, name, role in DEMO_USERS:
            await _add_user(session, passwords, tenant.id, email, name, password_hash, role)
        await CaseStudyService(session, tenant.id).create(SAMPLE_CASE_STUDY)
    return DemoAccounts(DEMO_SLUG, password, tuple(email for email, _, _ in DEMO_USERS))


async def existing_demo_accounts(settings: Settings) -> tuple[str, ...]:
    """The demo users still there (in the ``demo`` tenant, active), for the start-up message."""
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(DEMO_SLUG)
        if tenant is None:
            return ()
        users = UserService(session, tenant.id, PasswordService(settings))
        found = [await users.find_by_email(email) for email, _, _ in DEMO_USERS]
        return tuple(user.email for user in found if user is not None and user.is_active)


async def set_password(settings: Settings, *, tenant_slug: str, email: str, password: str) -> User:
    """An operator sets a user's password; the user's sign-ins end, as on a password change."""
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(tenant_slug)
        if tenant is None:
            raise ValidationFailedError.for_field("tenant", "unknown tenant")
        user = await UserService(session, tenant.id, passwords).find_by_email(email)
        if user is None:
            raise ValidationFailedError.for_field("email", "no such user in this tenant")
        user.password_hash = password_hash
        await revoke_sign_ins(session, reason="password set by operator", tenant_id=tenant.id, user_id=user.id)
        return user


async def create_superuser(settings: Settings, *, email: str, name: str, password: str) -> User:
    """A platform operator: SUPER_ADMIN in the platform tenant (signs in with X-Tenant: platform)."""
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        platform = await TenantService(session, SecretBox(settings)).ensure_platform_tenant()
        return await _add_user(session, passwords, platform.id, email, name, password_hash, SystemRole.SUPER_ADMIN)


async def create_tenant(settings: Settings, *, name: str, slug: str) -> Tenant:
    async with _transaction(settings) as session:
        return await TenantService(session, SecretBox(settings)).create(TenantCreate(name=name, slug=slug))


async def create_user(settings: Settings, *, tenant_slug: str, email: str, name: str, password: str, role: str) -> User:
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(tenant_slug)
        if tenant is None:
            raise ValidationFailedError.for_field("tenant", "unknown tenant")
        return await _add_user(session, passwords, tenant.id, email, name, password_hash, role)
