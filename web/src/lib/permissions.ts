/** What the signed-in person may do: the server's `MODULE.action` strings from `/v1/users/me`. */
import type { MeOut } from "@mentora/client";

export type Me = MeOut;
export type Permission = Me["permissions"][number];

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** `USER_MANAGEMENT.can_view` -> "view users", for the access-denied view. */
export function describePermission(permission: string): string {
  const [module = "", action = ""] = permission.split(".");
  const verb = action.replace(/^can_/, "");
  const what: Record<string, string> = {
    USER_MANAGEMENT: "users",
    ROLE_MANAGEMENT: "roles",
    TENANT_MANAGEMENT: "institutions",
    CASE_STUDIES: "case studies",
    SESSIONS: "tutoring sessions",
    GRADES: "grades",
    LMS: "LMS publishing",
    SETTINGS: "institution settings",
  };
  return `${verb} ${what[module] ?? module.toLowerCase().replace(/_/g, " ")}`;
}
