"""Permissions are ``MODULE.action``; system roles are fixed sets of them.

Custom roles (per tenant) pick any permissions except TENANT_MANAGEMENT, which belongs
to the platform operator alone. SETTINGS is an institution's own configuration, one
record per tenant: it can be viewed and edited, never created or deleted.
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
    SETTINGS = "SETTINGS"


class Action(StrEnum):
    VIEW = "can_view"
    CREATE = "can_create"
    EDIT = "can_edit"
    DELETE = "can_delete"


# Modules that lack some actions; every other module has all four.
_ACTIONS: dict[Module, tuple[Action, ...]] = {Module.SETTINGS: (Action.VIEW, Action.EDIT)}


def actions_of(module: Module) -> tuple[Action, ...]:
    return _ACTIONS.get(module, tuple(Action))


def permission(module: Module, action: Action) -> str:
    # Checked because a route gated on a permission that does not exist would refuse everyone.
    if action not in actions_of(module):
        raise ValueError(f"{module.value} has no {action.value}")
    return f"{module.value}.{action.value}"


def _all_of(*modules: Module) -> set[str]:
    return {permission(m, a) for m in modules for a in actions_of(m)}


ALL_PERMISSIONS: frozenset[str] = frozenset(_all_of(*Module))
PLATFORM_ONLY: frozenset[str] = frozenset(_all_of(Module.TENANT_MANAGEMENT))
TENANT_ASSIGNABLE: frozenset[str] = ALL_PERMISSIONS - PLATFORM_ONLY


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
