/** Where to go after signing in: back where the person was, but only within this app. */
export function nextPage(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get("next");
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
