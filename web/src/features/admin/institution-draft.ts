/**
 * The institution form's state and what it sends. Text fields are keyed by the dot path
 * of the request body they fill (`ai_config.base_url`), so each VALIDATION_ERROR message
 * lands under the field that holds its path.
 *
 * Secrets are write-only: the form never holds the stored ones, only what to do about
 * them (keep, replace with what was typed, clear).
 */
import type { components } from "@mentora/client";
import type { LmsType } from "../../lib/lms";
import { optionalText, typedNumber } from "../../lib/typed-input";

type Schemas = components["schemas"];
export type Institution = Schemas["TenantOut"];
export type InstitutionUpdate = Schemas["InstitutionUpdate"];
type RateLimitName = keyof Schemas["RateLimitOverrides"];
export type WidgetPosition = NonNullable<Schemas["Branding"]["widget_position"]>;

/** Each rate limit a tenant may override, with what it counts. */
export const RATE_LIMITS: Record<RateLimitName, string> = {
  anonymous: "Requests without sign-in, per address",
  login: "Sign-in attempts",
  login_ip: "Sign-in attempts per address",
  login_account: "Sign-in attempts per account",
  user: "Requests per signed-in person",
  tenant: "Requests of the whole institution",
  ai_turns: "AI tutor turns per person",
};
const RATE_LIMIT_NAMES = Object.keys(RATE_LIMITS) as RateLimitName[];

export const WIDGET_POSITIONS: Record<WidgetPosition, string> = {
  "bottom-right": "Bottom right",
  "bottom-left": "Bottom left",
  "top-right": "Top right",
  "top-left": "Top left",
};

export type SecretChange<T> = { kind: "keep" } | { kind: "replace"; value: T } | { kind: "clear" };

export interface Credential {
  name: string;
  value: string;
}

export interface InstitutionDraft {
  /** Every text field, by the dot path it fills. */
  text: Record<string, string>;
  registrationOpen: boolean;
  allowedOrigins: string[];
  apiKey: SecretChange<string>;
  credentials: SecretChange<Credential[]>;
}

export function rateLimitPath(name: RateLimitName): string {
  return `settings.rate_limits.${name}`;
}

export const RATE_LIMIT_PATHS = RATE_LIMIT_NAMES.map(rateLimitPath);

export function draftOf(institution: Institution): InstitutionDraft {
  const { branding, ai_config: ai, lms_config: lms, settings } = institution;
  const text: Record<string, string> = {
    name: institution.name,
    lms_type: institution.lms_type ?? "",
    "branding.logo_url": branding.logo_url ?? "",
    "branding.primary_color": branding.primary_color ?? "",
    "branding.secondary_color": branding.secondary_color ?? "",
    "branding.widget_position": branding.widget_position ?? "bottom-right",
    "ai_config.base_url": ai.base_url ?? "",
    "ai_config.model": ai.model ?? "",
    "ai_config.temperature": String(ai.temperature ?? 0.7),
    "ai_config.max_tokens": String(ai.max_tokens ?? 800),
    "lms_config.base_url": lms.base_url ?? "",
    "lms_config.client_id": lms.client_id ?? "",
    "lms_config.deployment_id": lms.deployment_id ?? "",
    "lms_config.token_url": lms.token_url ?? "",
    "settings.max_sessions": String(settings.max_sessions ?? ""),
    "settings.session_minutes": String(settings.session_minutes ?? ""),
    "settings.daily_message_quota": String(settings.daily_message_quota ?? ""),
  };
  for (const name of RATE_LIMIT_NAMES) text[rateLimitPath(name)] = settings.rate_limits?.[name] ?? "";
  return {
    text,
    registrationOpen: settings.registration_open ?? true,
    allowedOrigins: [...institution.allowed_origins],
    apiKey: { kind: "keep" },
    credentials: { kind: "keep" },
  };
}

/** What to send for a secret: undefined (left out) keeps the stored one, null clears it, a value replaces it. */
function secretToSend<T>(change: SecretChange<T>, typed: (value: T) => boolean): T | null | undefined {
  if (change.kind === "clear") return null;
  if (change.kind === "replace" && typed(change.value)) return change.value;
  return undefined;
}

function credentialsObject(rows: Credential[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.name.trim() !== "" || row.value !== "").map((row) => [row.name.trim(), row.value]));
}

/** The whole institution as the form holds it; each section replaces the stored one. */
export function updateOf(draft: InstitutionDraft, institution: Institution): InstitutionUpdate {
  const text = (path: string) => draft.text[path] ?? "";
  const apiKey = secretToSend(draft.apiKey, (value) => value !== "");
  const credentials = secretToSend(draft.credentials, (rows) => rows.some((row) => row.value !== ""));
  const lmsType = text("lms_type");
  return {
    name: text("name"),
    ...(lmsType === "" ? {} : { lms_type: lmsType as LmsType }),
    branding: {
      logo_url: optionalText(text("branding.logo_url")),
      primary_color: optionalText(text("branding.primary_color")),
      secondary_color: optionalText(text("branding.secondary_color")),
      widget_position: text("branding.widget_position") as WidgetPosition,
    },
    ai_config: {
      base_url: optionalText(text("ai_config.base_url")),
      model: optionalText(text("ai_config.model")),
      temperature: typedNumber(text("ai_config.temperature"), "decimal"),
      max_tokens: typedNumber(text("ai_config.max_tokens")),
      ...(apiKey === undefined ? {} : { api_key: apiKey }),
    },
    lms_config: {
      base_url: optionalText(text("lms_config.base_url")),
      client_id: optionalText(text("lms_config.client_id")),
      deployment_id: optionalText(text("lms_config.deployment_id")),
      token_url: optionalText(text("lms_config.token_url")),
      // Not edited here, but the section is replaced as a whole: sent back as it was.
      course_mapping: institution.lms_config.course_mapping ?? {},
      ...(credentials === undefined ? {} : { credentials: credentials === null ? null : credentialsObject(credentials) }),
    },
    allowed_origins: draft.allowedOrigins,
    settings: {
      max_sessions: typedNumber(text("settings.max_sessions")),
      session_minutes: typedNumber(text("settings.session_minutes")),
      daily_message_quota: typedNumber(text("settings.daily_message_quota")),
      registration_open: draft.registrationOpen,
      rate_limits: Object.fromEntries(RATE_LIMIT_NAMES.map((name) => [name, optionalText(text(rateLimitPath(name)))])),
    },
  };
}

/** Every path a message may name, for `useApiForm`: the text fields, each origin, the secrets. */
export function formFields(draft: InstitutionDraft): string[] {
  return [
    ...Object.keys(draft.text),
    "allowed_origins",
    ...draft.allowedOrigins.map((_, index) => `allowed_origins.${index}`),
    "ai_config.api_key",
    "lms_config.credentials",
    "lms_config.course_mapping",
    "settings.registration_open",
  ];
}
