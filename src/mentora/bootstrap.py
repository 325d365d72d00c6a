"""First-run data and the operator's CLI actions: the demo tenant, superusers, tenants, users."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

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

DEMO_SLUG = "demo"
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
    session: AsyncSession, settings: Settings, tenant_id: str, email: str, name: str, password: str, role: str
) -> User:
    passwords = PasswordService(settings)
    password_hash = await passwords.hash(password)
    role_row = await RoleService(session, tenant_id).find(role)
    if role_row is None:
        raise ValidationFailedError.for_field("role", "unknown role")
    return await UserService(session, tenant_id, passwords).create(
        email=email, name=name, password_hash=password_hash, role=role_row
    )


async def create_demo_if_fresh(settings: Settings) -> DemoAccounts | None:
    """On a database with no institution yet, create the demo tenant and its three users."""
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            count = select(func.count()).select_from(TenantRepository(session).base_statement().subquery())
            if (await session.execute(count)).scalar_one():
                return None
            tenant = await TenantService(session, SecretBox(settings)).create(
                TenantCreate(name="Demo University", slug=DEMO_SLUG)
            )
            password = settings.demo_password or secrets.token_urlsafe(12)
            for email, name, role in DEMO_USERS:
                await _add_user(session, settings, tenant.id, email, name, password, role)
        return DemoAccounts(DEMO_SLUG, password, tuple(email for email, _, _ in DEMO_USERS))
    finally:
        await database.dispose()


async def create_superuser(settings: Settings, *, email: str, name: str, password: str) -> User:
    """A platform operator: SUPER_ADMIN in the platform tenant (signs in with X-Tenant: platform)."""
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            platform = await TenantService(session, SecretBox(settings)).ensure_platform_tenant()
            return await _add_user(session, settings, platform.id, email, name, password, SystemRole.SUPER_ADMIN)
    finally:
        await database.dispose()


async def create_tenant(settings: Settings, *, name: str, slug: str) -> Tenant:
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            return await TenantService(session, SecretBox(settings)).create(TenantCreate(name=name, slug=slug))
    finally:
        await database.dispose()


async def create_user(settings: Settings, *, tenant_slug: str, email: str, name: str, password: str, role: str) -> User:
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            tenant = await TenantRepository(session).find_by_slug(tenant_slug)
            if tenant is None:
                raise ValidationFailedError.for_field("tenant", "unknown tenant")
            return await _add_user(session, settings, tenant.id, email, name, password, role)
    finally:
        await database.dispose()
