/** The institution a person signs in to, remembered on this device (it is not a secret). */
const KEY = "mentora.institution";

export function rememberedInstitution(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? "";
  } catch {
    return ""; // storage blocked: the person types it again
  }
}

export function rememberInstitution(slug: string): void {
  try {
    if (slug === "") globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, slug);
  } catch {
    // storage blocked: nothing to remember it in
  }
}
