/** `npm pack` makes a package that installs and imports, with its types, in a clean folder. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { PACKAGE_ROOT } from "./support/paths.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    assert.fail(`${command} ${args.join(" ")} failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
  }
}

test("npm pack installs and imports in a clean folder", () => {
  const folder = mkdtempSync(join(tmpdir(), "mentora-client-pack-"));
  try {
    const packed = JSON.parse(run(NPM, ["pack", "--json", "--pack-destination", folder], PACKAGE_ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const [tarball] = packed;
    assert.ok(tarball);
    const files = tarball.files.map((file) => file.path);
    assert.ok(files.includes("dist/index.js") && files.includes("dist/index.d.ts"), files.join(", "));
    assert.ok(files.every((file) => /^(dist\/|README\.md$|package\.json$)/.test(file)), `unexpected files: ${files.join(", ")}`);

    const app = join(folder, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    run(NPM, ["install", "--no-package-lock", "--offline", join(folder, tarball.filename)], app);

    const script = [
      'import { MentoraClient, ValidationError, ApiError, ERROR_CLASSES, parseRetryAfter } from "@mentora/client";',
      'const client = new MentoraClient({ baseUrl: "http://127.0.0.1:9", tenant: "demo" });',
      'if (typeof client.users.invite !== "function") throw new Error("no users.invite");',
      'if (!(new ValidationError({ message: "m", status: 422, code: "VALIDATION_ERROR" }) instanceof ApiError)) throw new Error("hierarchy");',
      'if (Object.keys(ERROR_CLASSES).length !== 11 || parseRetryAfter("2") !== 2000) throw new Error("exports");',
      'console.log("imported");',
    ].join("\n");
    assert.equal(run(process.execPath, ["--input-type=module", "-e", script], app).trim(), "imported");

    writeFileSync(
      join(app, "check.ts"),
      [
        'import { MentoraClient, type UserOut, type Hooks } from "@mentora/client";',
        "const hooks: Hooks = { onFieldErrors: (error) => console.log(error.fieldErrors) };",
        'const client = new MentoraClient({ baseUrl: "http://x", hooks });',
        "export const me: Promise<UserOut> = client.me.get();",
        "// @ts-expect-error name is required",
        'export const bad = client.users.invite({ email: "a@b.c" });',
      ].join("\n"),
    );
    const config = { compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", lib: ["ES2022", "DOM"], noEmit: true, types: [] }, files: ["check.ts"] };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(config));
    run(process.execPath, [join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", app], app);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
