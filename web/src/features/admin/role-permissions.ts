/**
 * The permissions a tenant's role may hold, as the matrix shows them: modules by actions.
 *
 * The list is the spec's own enum (`RoleCreate.permissions`): the compiler refuses this
 * file when the API adds or drops a permission, so the matrix cannot drift from the
 * server. TENANT_MANAGEMENT is not in it: it belongs to the platform operator alone.
 */
import type { components } from "@mentora/client";
import { type Me, can } from "../../lib/permissions";

export type Grantable = components["schemas"]["RoleCreate"]["permissions"][number];
type ModuleOf<P> = P extends `${infer M}.${string}` ? M : never;
type ActionOf<P> = P extends `${string}.${infer A}` ? A : never;
export type Module = ModuleOf<Grantable>;
export type Action = ActionOf<Grantable>;

const GRANTABLE: Record<Grantable, true> = {
  "USER_MANAGEMENT.can_view": true,
  "USER_MANAGEMENT.can_create": true,
  "USER_MANAGEMENT.can_edit": true,
  "USER_MANAGEMENT.can_delete": true,
  "ROLE_MANAGEMENT.can_view": true,
  "ROLE_MANAGEMENT.can_create": true,
  "ROLE_MANAGEMENT.can_edit": true,
  "ROLE_MANAGEMENT.can_delete": true,
  "CASE_STUDIES.can_view": true,
  "CASE_STUDIES.can_create": true,
  "CASE_STUDIES.can_edit": true,
  "CASE_STUDIES.can_delete": true,
  "SESSIONS.can_view": true,
  "SESSIONS.can_create": true,
  "SESSIONS.can_edit": true,
  "SESSIONS.can_delete": true,
  "GRADES.can_view": true,
  "GRADES.can_create": true,
  "GRADES.can_edit": true,
  "GRADES.can_delete": true,
  "LMS.can_view": true,
  "LMS.can_create": true,
  "LMS.can_edit": true,
  "LMS.can_delete": true,
  "SETTINGS.can_view": true,
  "SETTINGS.can_edit": true,
};

export const MODULE_LABELS: Record<Module, string> = {
  USER_MANAGEMENT: "Users",
  ROLE_MANAGEMENT: "Roles",
  CASE_STUDIES: "Case studies",
  SESSIONS: "Sessions",
  GRADES: "Grades",
  LMS: "LMS",
  SETTINGS: "Settings",
};

export const ACTION_LABELS: Record<Action, string> = {
  can_view: "view",
  can_create: "create",
  can_edit: "edit",
  can_delete: "delete",
};

export const MODULES = Object.keys(MODULE_LABELS) as Module[];
export const ACTIONS = Object.keys(ACTION_LABELS) as Action[];

/** The permission at a cell of the matrix, or null where the module has no such action (SETTINGS has no create). */
export function permissionAt(module: Module, action: Action): Grantable | null {
  const candidate = `${module}.${action}`;
  return candidate in GRANTABLE ? (candidate as Grantable) : null;
}

/** "Case studies: edit": a cell's accessible name. */
export function cellName(module: Module, action: Action): string {
  return `${MODULE_LABELS[module]}: ${ACTION_LABELS[action]}`;
}

/** What the signed-in person could hand out: the server refuses granting more than one holds. */
export function canGrant(me: Me, permission: string): boolean {
  return can(me, permission);
}

/** Whether the person may hand out, or take away, every permission in `permissions`. */
export function canGrantAll(me: Me, permissions: readonly string[]): boolean {
  return permissions.every((permission) => canGrant(me, permission));
}
