/** A real `mentora serve` on loopback, configured by a profile of `scenarios/servers.json`. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SCENARIOS_DIR, serverPython } from "./paths.js";

interface ServersFile {
  demo_password: string;
  common: Record<string, string>;
  profiles: Record<string, Record<string, string>>;
}

export function loadServers(): ServersFile {
  return JSON.parse(readFileSync(join(SCENARIOS_DIR, "servers.json"), "utf8")) as ServersFile;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class MentoraServer {
  readonly demoPassword: string;
  baseUrl = "";
  #process: ChildProcess | null = null;
  readonly #dataDir: string;
  readonly #logPath: string;
  #logFd: number | null = null;

  constructor(private readonly profile: string) {
    this.demoPassword = loadServers().demo_password;
    this.#dataDir = mkdtempSync(join(tmpdir(), `mentora-client-ts-${profile}-`));
    this.#logPath = join(this.#dataDir, "serve.log");
  }

  async start(timeoutMs = 30_000): Promise<void> {
    const config = loadServers();
    const python = serverPython();
    if (!existsSync(python)) throw new Error(`${python} not found: sync the main project (uv sync) or set MENTORA_SERVER_PYTHON`);
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && !name.startsWith("MENTORA_")) env[name] = value;
    }
    Object.assign(env, config.common, config.profiles[this.profile], { MENTORA_DATA_DIR: this.#dataDir });
    this.#logFd = openSync(this.#logPath, "w");
    const child = spawn(python, ["-m", "mentora", "serve", "--host", "127.0.0.1", "--port", String(port)], {
      env,
      cwd: this.#dataDir,
      stdio: ["ignore", this.#logFd, this.#logFd],
    });
    this.#process = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`mentora serve exited with ${child.exitCode}:\n${this.log()}`);
      try {
        const response = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`mentora serve not ready after ${timeoutMs} ms:\n${this.log()}`);
  }

  log(): string {
    return existsSync(this.#logPath) ? readFileSync(this.#logPath, "utf8").slice(-5000) : "";
  }

  async stop(): Promise<void> {
    const child = this.#process;
    if (child !== null && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.#logFd !== null) closeSync(this.#logFd);
    rmSync(this.#dataDir, { recursive: true, force: true });
  }
}

/** One server per profile, started on first use. */
export class Servers {
  readonly #running = new Map<string, MentoraServer>();

  async get(profile: string): Promise<MentoraServer> {
    let server = this.#running.get(profile);
    if (server === undefined) {
      server = new MentoraServer(profile);
      this.#running.set(profile, server);
      await server.start();
    }
    return server;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#running.values()].map((server) => server.stop()));
  }
}
