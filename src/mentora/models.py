"""Every domain's tables, imported so that ``Base.metadata`` is complete (migrations, tests)."""

from mentora.auth.models import RefreshFamily, RefreshToken
from mentora.platform.idempotency import IdempotencyRecord
from mentora.roles.models import Role
from mentora.tenants.models import Tenant
from mentora.users.models import User

__all__ = ["IdempotencyRecord", "RefreshFamily", "RefreshToken", "Role", "Tenant", "User"]
