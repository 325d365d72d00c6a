/** The learning management systems an institution can publish grades to, by name. */
import type { components } from "@mentora/client";

export type LmsType = NonNullable<components["schemas"]["TenantCreate"]["lms_type"]>;

export const LMS_TYPES: Record<LmsType, string> = { canvas: "Canvas", moodle: "Moodle", blackboard: "Blackboard", lti: "LTI 1.3" };
