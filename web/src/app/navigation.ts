/**
 * What the navigation offers: each entry with the permission its screen's first request
 * needs, so nobody is offered a screen the server would refuse them.
 */
import { type Me, type Permission, can } from "../lib/permissions";
import { paths } from "./paths";

export interface NavItem {
  label: string;
  to: string;
  needs: Permission[];
  group: "Learning" | "Teaching" | "Administration" | "Platform";
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Case studies", to: paths.caseStudies, needs: ["CASE_STUDIES.can_view", "SESSIONS.can_create"], group: "Learning" },
  { label: "My sessions", to: paths.mySessions, needs: ["SESSIONS.can_create"], group: "Learning" },
  { label: "My grades", to: paths.myGrades, needs: ["SESSIONS.can_create", "GRADES.can_view"], group: "Learning" },
  { label: "Sessions", to: paths.staffSessions, needs: ["SESSIONS.can_view", "GRADES.can_edit"], group: "Teaching" },
  { label: "Grades", to: paths.staffGrades, needs: ["GRADES.can_view", "GRADES.can_edit"], group: "Teaching" },
  { label: "Manage case studies", to: paths.manageCaseStudies, needs: ["CASE_STUDIES.can_edit"], group: "Teaching" },
  { label: "Users", to: paths.users, needs: ["USER_MANAGEMENT.can_view"], group: "Administration" },
  { label: "Roles", to: paths.roles, needs: ["ROLE_MANAGEMENT.can_view"], group: "Administration" },
  { label: "Institution", to: paths.institution, needs: ["SETTINGS.can_view"], group: "Administration" },
  { label: "Jobs", to: paths.jobs, needs: ["LMS.can_view"], group: "Administration" },
  { label: "Institutions", to: paths.institutions, needs: ["TENANT_MANAGEMENT.can_view"], group: "Platform" },
];

/**
 * The platform operator holds every permission but belongs to no institution: their
 * screens are the platform's, and an institution's screens would only answer NOT_FOUND.
 */
export function isPlatformOperator(me: Me | null): boolean {
  return can(me, "TENANT_MANAGEMENT.can_view");
}

export function navigationFor(me: Me | null): NavItem[] {
  const operator = isPlatformOperator(me);
  return NAV_ITEMS.filter(
    (item) => (item.group === "Platform") === operator && item.needs.every((permission) => can(me, permission)),
  );
}

/** Where a person lands after signing in: their first screen. */
export function startPageFor(me: Me | null): string {
  return navigationFor(me)[0]?.to ?? paths.changePassword;
}
