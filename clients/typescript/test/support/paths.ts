import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package folder (`clients/typescript`), found from wherever the compiled tests run. */
export const PACKAGE_ROOT: string = (() => {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@mentora/client") {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error("package.json of @mentora/client not found");
    folder = parent;
  }
})();
export const CLIENTS_ROOT = resolve(PACKAGE_ROOT, "..");
export const REPO_ROOT = resolve(CLIENTS_ROOT, "..");
export const SCENARIOS_DIR = join(CLIENTS_ROOT, "scenarios");

export function specPath(): string {
  return process.env["MENTORA_OPENAPI"] ?? join(REPO_ROOT, "docs", "openapi.json");
}

export function serverPython(): string {
  return process.env["MENTORA_SERVER_PYTHON"] ?? join(REPO_ROOT, ".venv", "bin", "python");
}
