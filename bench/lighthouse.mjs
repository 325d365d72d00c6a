#!/usr/bin/env node
/**
 * Lighthouse scores (performance, accessibility, best practices; 0-100) of the web app's
 * sign-in page, the case studies and a tutoring session (signed in as the demo student),
 * beside a baseline: a bare static HTML page, measured the same way in the same run.
 * Scores only, never a pass/fail on timing: timings on a shared machine say little.
 * The aim is 90 / 100 / 100.
 *
 *   node bench/lighthouse.mjs              starts the browser tests' stack (tests/support/e2e_stack.py)
 *   E2E_STATE=web/.e2e-stack.json node bench/lighthouse.mjs     measures a stack already running
 *
 * Uses the system's chromium (CHROME_PATH or CHROMIUM_PATH, default /usr/bin/chromium),
 * with the flags the browser tests use; the lighthouse package comes from web/node_modules.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const WEB_MODULES = join(REPO, "web", "node_modules");
const load = (path) => import(pathToFileURL(join(WEB_MODULES, path)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const { default: desktopConfig } = await load("lighthouse/core/config/desktop-config.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js");
const { default: puppeteer } = await load("puppeteer-core/lib/esm/puppeteer/puppeteer-core.js");

const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CATEGORIES = ["performance", "accessibility", "best-practices"];
const STUDENT = { email: "student@demo.example.com", tenant_slug: "demo" };

async function startStack() {
  const state = process.env.E2E_STATE ?? join(tmpdir(), `mentora-lighthouse-${process.pid}.json`);
  if (process.env.E2E_STATE && existsSync(state)) return { state: JSON.parse(readFileSync(state, "utf8")), stop: async () => {} };
  const controlPort = String(47900 + (process.pid % 90));
  const port = String(47990 + (process.pid % 9));
  const child = spawn("uv", ["run", "--frozen", "python", "-m", "tests.support.e2e_stack", "--state", state, "--port", port, "--control-port", controlPort], {
    cwd: REPO,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  while (!existsSync(state)) {
    if (child.exitCode !== null) throw new Error(`the stack exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the stack did not start in 3 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    state: JSON.parse(readFileSync(state, "utf8")),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** The baseline: the least a page can be, served from loopback. */
function startBaseline() {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="A bare page"><title>Baseline</title></head><body><main><h1>Baseline</h1><p>A bare static page.</p></main></body></html>`;
  const server = createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const { state, stop } = await startStack();
const baseline = await startBaseline();
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const page = await browser.newPage();
  const rows = [];
  const measure = async (name, url) => {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES, disableStorageReset: true },
      desktopConfig,
      page,
    );
    const { categories, finalDisplayedUrl, runtimeError, audits } = result.lhr;
    if (runtimeError) console.error(`${name}: ${runtimeError.code}: ${runtimeError.message}`);
    // What cost points outside performance: the audits that failed, by id.
    const failed = Object.values(audits).filter((audit) => audit.score === 0 && audit.scoreDisplayMode === "binary");
    if (failed.length > 0) console.error(`${name}: failed audits: ${failed.map((audit) => audit.id).join(", ")}`);
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    rows.push({ page: name, performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), url: finalDisplayedUrl });
  };
  await measure("baseline (bare static page)", `http://127.0.0.1:${baseline.address().port}/`);
  await measure("sign-in", `${state.baseUrl}/sign-in`);

  // Signed in as the app signs in: the refresh cookie in this browser; each page measured next resumes from it.
  const signedIn = await page.evaluate(async (body) => {
    const answer = await fetch("/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return answer.status;
  }, { ...STUDENT, password: state.password, refresh_cookie: true });
  if (signedIn !== 200) throw new Error(`signing in answered ${signedIn}`);
  const sessions = await page.evaluate(async (body) => {
    const login = await fetch("/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const token = (await login.json()).data.access_token;
    const answer = await fetch("/v1/sessions", { headers: { authorization: `Bearer ${token}` } });
    return (await answer.json()).data.map((session) => session.id);
  }, { ...STUDENT, password: state.password });
  await measure("case studies", `${state.baseUrl}/case-studies`);
  await measure("a session", `${state.baseUrl}/sessions/${sessions[0]}`);

  console.log("\nLighthouse (desktop preset), 0-100; aim: performance 90, accessibility 100, best practices 100");
  console.table(rows);
  const lost = rows.filter((row) => row.page !== "sign-in" && new URL(row.url).pathname.startsWith("/sign-in"));
  if (lost.length > 0) console.warn(`not signed in when measured: ${lost.map((row) => row.page).join(", ")}`);
  await browser.disconnect();
} finally {
  await chrome.kill();
  baseline.close();
  await stop();
}
