"""Every domain's tables, imported so that ``Base.metadata`` is complete (migrations, tests)."""

from mentora.case_studies.models import CaseStudy
from mentora.grades.models import Grade
from mentora.platform.idempotency import IdempotencyRecord
from mentora.platform.jobs import Job, JobAttempt
from mentora.roles.models import Role
from mentora.sessions.models import SessionMessage, TutoringSession
from mentora.sign_ins.models import RefreshFamily, RefreshToken
from mentora.tenants.models import Tenant
from mentora.users.models import User

__all__ = [
    "CaseStudy",
    "Grade",
    "IdempotencyRecord",
    "Job",
    "JobAttempt",
    "RefreshFamily",
    "RefreshToken",
    "Role",
    "SessionMessage",
    "Tenant",
    "TutoringSession",
    "User",
]
