/**
 * What a form sends is what the person typed: the server judges it and names each problem
 * by its field (VALIDATION_ERROR). A form that dropped text it could not parse would save
 * something the person did not ask for, or say nothing about why.
 */

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number field's text as sent: the number when it reads as one, otherwise the text
 * itself. Typed as `number` because the API's field is; text that is not a number is sent
 * on purpose so the server's message lands under the field.
 */
export function typedNumber(text: string, kind: "integer" | "decimal" = "integer"): number {
  const trimmed = text.trim();
  const pattern = kind === "integer" ? INTEGER : DECIMAL;
  return (pattern.test(trimmed) ? Number(trimmed) : text) as number;
}

/** An optional number field: left empty, it says "not set" (null). */
export function optionalNumber(text: string, kind: "integer" | "decimal" = "integer"): number | null {
  return text.trim() === "" ? null : typedNumber(text, kind);
}

/** An optional text field: left empty, it says "not set" (null). */
export function optionalText(text: string): string | null {
  return text.trim() === "" ? null : text;
}

/** A stored number or text, back into a field. */
export function fieldText(value: number | string | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
