/**
 * The browser tests: the built app served by a real `mentora serve` (with the stand-in AI
 * provider and LMS, tests/support/e2e_stack.py), driven in the system's chromium.
 *
 *   npm run test:e2e                     every spec, desktop and phone, then the @exclusive tests alone
 *   npx playwright test error-branches   one spec (a stack left running is reused outside CI)
 *   npm run screenshots                  docs/screenshots/<screen>-<width>.png
 *
 * The app must be built first (`vite build`, or ./scripts/test-web does it all).
 */
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, CONTROL_PORT, PASSWORD, PORT, STATE_FILE } from "./e2e/support/stack";

// Never a browser download: the tests use the system's chromium (Debian's `chromium`).
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";
// The feature specs sign in with the demo password from here.
process.env.MENTORA_DEMO_PASSWORD = PASSWORD;

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags chromium keeps calling home, which on a closed
// network only adds noise and delay.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const browser = {
  ...devices["Desktop Chrome"],
  browserName: "chromium" as const,
  launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
};
// Tests that disturb every other test (holding the database lock) run alone, in a run of
// their own after the rest: `E2E_EXCLUSIVE=1 playwright test` (npm run test:e2e runs both).
// Not a project depending on the others: a dependency project runs whole even when a
// single spec file is asked for.
const EXCLUSIVE = /@exclusive/;
const exclusive = process.env.E2E_EXCLUSIVE === "1";
// Run at both widths; everything else at desktop width (a spec may still set its own viewport).
const BOTH_WIDTHS = /(a11y|responsive|smoke)\.spec\.ts/;
const screenshots = process.env.SCREENSHOTS === "1";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // One server for every worker; this machine class has two cores.
  workers: exclusive ? 1 : 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `uv run --frozen python -m tests.support.e2e_stack --state ${JSON.stringify(STATE_FILE)} --port ${PORT} --control-port ${CONTROL_PORT}`,
    cwd: "..",
    url: `http://127.0.0.1:${CONTROL_PORT}/control/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
  projects: screenshots
    ? [{ name: "screenshots", testMatch: /screenshots\.spec\.ts/, use: { ...browser, viewport: DESKTOP } }]
    : exclusive
      ? [{ name: "exclusive", testIgnore: /screenshots\.spec\.ts/, grep: EXCLUSIVE, use: { ...browser, viewport: DESKTOP } }]
      : [
          { name: "desktop", testIgnore: /screenshots\.spec\.ts/, grepInvert: EXCLUSIVE, use: { ...browser, viewport: DESKTOP } },
          {
            name: "phone",
            testMatch: BOTH_WIDTHS,
            grepInvert: EXCLUSIVE,
            use: { ...browser, viewport: PHONE, hasTouch: true },
          },
        ],
});
