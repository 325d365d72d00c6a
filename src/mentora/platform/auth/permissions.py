"""Permissions are ``MODULE.action``; system roles are fixed sets of them.

Custom roles (per tenant) pick any permissions except TENANT_MANAGEMENT, which belongs
to the platform operator alone.
"""

from __future__ import annotations

from enum import StrEnum


class Module(StrEnum):
    USER_MANAGEMENT = "USER_MANAGEMENT"
    ROLE_MANAGEMENT = "ROLE_MANAGEMENT"
    TENANT_MANAGEMENT = "TENANT_MANAGEMENT"
    CASE_STUDIES = "CASE_STUDIES"
    SESSIONS = "SESSIONS"
    GRADES = "GRADES"
    LMS = "LMS"


class Action(StrEnum):
    VIEW = "can_view"
    CREATE = "can_create"
    EDIT = "can_edit"
    DELETE = "can_delete"


def permission(module: Module, action: Action) -> str:
    return f"{module.value}.{action.value}"


ALL_PERMISSIONS: frozenset[str] = frozenset(permission(m, a) for m in Module for a in Action)
PLATFORM_ONLY: frozenset[str] = frozenset(permission(Module.TENANT_MANAGEMENT, a) for a in Action)
TENANT_ASSIGNABLE: frozenset[str] = ALL_PERMISSIONS - PLATFORM_ONLY


def _all_of(*modules: Module) -> set[str]:
    return {permission(m, a) for m in modules for a in Action}


class SystemRole(StrEnum):
    STUDENT = "STUDENT"
    FACULTY = "FACULTY"
    ADMIN = "ADMIN"
    SUPER_ADMIN = "SUPER_ADMIN"


SYSTEM_ROLE_PERMISSIONS: dict[SystemRole, frozenset[str]] = {
    SystemRole.STUDENT: frozenset(
        {
            permission(Module.CASE_STUDIES, Action.VIEW),
            permission(Module.SESSIONS, Action.VIEW),
            permission(Module.SESSIONS, Action.CREATE),
            permission(Module.SESSIONS, Action.EDIT),
            permission(Module.GRADES, Action.VIEW),
        }
    ),
    SystemRole.FACULTY: frozenset(
        _all_of(Module.CASE_STUDIES)
        | {
            permission(Module.USER_MANAGEMENT, Action.VIEW),
            permission(Module.ROLE_MANAGEMENT, Action.VIEW),
            permission(Module.SESSIONS, Action.VIEW),
            permission(Module.GRADES, Action.VIEW),
            permission(Module.GRADES, Action.EDIT),
            permission(Module.LMS, Action.VIEW),
            permission(Module.LMS, Action.CREATE),
        }
    ),
    SystemRole.ADMIN: TENANT_ASSIGNABLE,
    SystemRole.SUPER_ADMIN: ALL_PERMISSIONS,
}


def role_sees_all_of_tenant(permissions: frozenset[str], module: Module) -> bool:
    """Staff who may edit a module's records read everyone's, not only their own."""
    return permission(module, Action.EDIT) in permissions
