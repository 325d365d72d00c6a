/**
 * Where a VALIDATION_ERROR or CONFLICT message goes on a form.
 *
 * The server names each problem by a dot path into the request body (`email`,
 * `settings.max_sessions`, `ai_config.base_url`); a form names its fields by the same paths.
 * A path lands on the field it names, or on the nearest field that contains it (an error
 * on `lms_config.course_mapping.CS101` goes under `lms_config.course_mapping`). Paths no
 * field holds (`_body`, `query.*`, a field this form does not show) go at the top of the
 * form, so no message is ever lost.
 */
export interface PlacedErrors {
  /** Field path -> message, for fields the form shows. */
  fields: Record<string, string>;
  /** Messages for the top of the form, each prefixed with its path when that helps. */
  form: string[];
}

const WHOLE_BODY = "_body";

export function placeFieldErrors(details: Record<string, unknown>, formFields: readonly string[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, form: [] };
  for (const [path, message] of Object.entries(details)) {
    if (typeof message !== "string") continue;
    const field = fieldHolding(path, formFields);
    if (field === null) {
      placed.form.push(path === WHOLE_BODY ? message : `${readablePath(path)}: ${message}`);
    } else if (placed.fields[field] === undefined) {
      placed.fields[field] = message;
    }
  }
  return placed;
}

/** The form field `path` names, or the deepest one containing it; null if none does. */
export function fieldHolding(path: string, formFields: readonly string[]): string | null {
  let best: string | null = null;
  for (const field of formFields) {
    const holds = path === field || path.startsWith(`${field}.`);
    if (holds && (best === null || field.length > best.length)) best = field;
  }
  return best;
}

/** `settings.max_sessions` -> `Settings › max sessions`, for a message shown away from its field. */
export function readablePath(path: string): string {
  return path
    .split(".")
    .map((part, index) => {
      const words = part.replace(/_/g, " ");
      return index === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    })
    .join(" › ");
}
