/**
 * The seed's error handler, one test per branch that belongs to sign-in or the app's
 * shell, each caused for real against the running server (no mocked responses): the
 * feature screens' own branches (VALIDATION_ERROR, CONFLICT, EXTERNAL_SERVICE_ERROR) are
 * tested in their specs.
 */
import { type Page, type Request, type Response, expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import {
  BASE_URL,
  PASSWORD,
  PEOPLE,
  type Person,
  bearer,
  holdDatabaseLock,
  mentoraCli,
  signInContext,
  sql,
  stack,
  unique,
} from "./support/stack";

const isApi = (request: Request, path: string) => new URL(request.url()).pathname === path;

/** The sign-in form, filled and sent. */
async function signInThroughForm(page: Page, person: Person, password = PASSWORD): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await expect(form.getByRole("textbox", { name: "Email" })).toBeVisible();
  const institution = form.getByRole("textbox", { name: "Institution" });
  if (await institution.isVisible()) await institution.fill(person.institution);
  await form.getByRole("textbox", { name: "Email" }).fill(person.email);
  await form.getByRole("textbox", { name: "Password" }).fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** A person of their own (a revoked or locked-out sign-in must not touch the demo's). */
async function newDemoPerson(page: Page, role: "ADMIN" | "STUDENT"): Promise<Person> {
  const admin = await bearer(page.request, PEOPLE.admin);
  const email = `${unique(role.toLowerCase())}@demo.example.com`;
  const created = await page.request.post(`${BASE_URL}/v1/console/users`, {
    headers: admin,
    data: { email, name: `Branch ${role.toLowerCase()}`, role, password: PASSWORD },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { email, institution: "demo" };
}

test.describe("AUTHENTICATION_ERROR", () => {
  test("a sign-in ended on the server sends the person to sign in, and back where they were", async ({ page, context }) => {
    const person = await newDemoPerson(page, "ADMIN");
    await signInContext(context, person);
    await page.goto("/admin/users");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { name: "Users" })).toBeVisible();

    // The operator's CLI sets a new password: every sign-in of the person ends.
    const newPassword = "a-new-password-1";
    await mentoraCli("set-password", "--tenant", "demo", "--email", person.email, "--password", newPassword);
    // The server trusts a user's state for principal_cache_seconds (2 s) before reading it again.
    await page.waitForTimeout(2500);

    const refused = page.waitForResponse((response) => response.status() === 401 && !isApi(response.request(), "/v1/auth/refresh"));
    // A screen whose data is not cached yet, so going there asks the server.
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Institution" }).click();
    const body = (await (await refused).json()) as { code: string };
    expect(body.code).toBe("AUTHENTICATION_ERROR");

    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Finstitution$/);
    await expect(page.getByRole("status").filter({ hasText: "Please sign in again to continue." })).toBeVisible();

    await signInThroughForm(page, person, newPassword);
    await expect(page).toHaveURL(/\/admin\/institution$/);
    await expect(main.getByRole("heading", { name: "Institution" }).first()).toBeVisible();
  });
});

test.describe("TOKEN_EXPIRED", () => {
  test("is never seen: parallel requests after expiry share one refresh", async ({ page, context }) => {
    const { shortTokenBaseUrl, shortTokenSeconds } = stack();
    await signInContext(context, PEOPLE.admin, PASSWORD, shortTokenBaseUrl);
    // A screen that asks nothing of the Users screen's requests, so none of them is cached.
    await page.goto(`${shortTokenBaseUrl}/account/password`);
    await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();

    const refreshes: Request[] = [];
    const expired: Response[] = [];
    page.on("request", (request) => {
      if (isApi(request, "/v1/auth/refresh")) refreshes.push(request);
    });
    page.on("response", (response) => {
      if (response.status() === 401) expired.push(response);
    });
    await page.waitForTimeout((shortTokenSeconds + 1.5) * 1000);

    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("main").getByRole("heading", { name: "Users" }).first()).toBeVisible();
    await expect(page.getByRole("table").first()).toBeVisible();
    await page.waitForLoadState("networkidle");

    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("alert")).toHaveCount(0);
    const codes = await Promise.all(expired.map(async (response) => ((await response.json()) as { code: string }).code));
    expect(codes.length, "the page's parallel requests all met the expired token").toBeGreaterThanOrEqual(2);
    expect(new Set(codes)).toEqual(new Set(["TOKEN_EXPIRED"]));
    expect(refreshes).toHaveLength(1);
  });
});

test.describe("AUTHORIZATION_ERROR", () => {
  test("a student opening /admin/users directly sees access denied, naming the permission", async ({ page, context }) => {
    await signInContext(context, PEOPLE.student);
    const refused = page.waitForResponse((response) => isApi(response.request(), "/v1/console/users"));
    await page.goto("/admin/users");
    const body = (await (await refused).json()) as { code: string; details: { required?: string } };
    expect(body.code).toBe("AUTHORIZATION_ERROR");
    expect(body.details.required).toBe("USER_MANAGEMENT.can_view");

    const denied = page.getByRole("region", { name: "Access denied" });
    await expect(denied).toBeVisible();
    await expect(denied).toContainText("USER_MANAGEMENT.can_view");
  });

  test("the navigation never offers a student the administration screens", async ({ page, context }) => {
    await signInContext(context, PEOPLE.student);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "My grades", exact: true })).toBeVisible();
    for (const name of ["Users", "Roles", "Institution", "Jobs", "Institutions", "Manage case studies"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
  });
  // That every screen each role is offered also opens for them: a11y.spec.ts visits them all.
});

test.describe("NOT_FOUND", () => {
  test("a session that does not exist shows the not-found view", async ({ page, context }) => {
    await signInContext(context, PEOPLE.student);
    const missing = page.waitForResponse((response) => response.status() === 404);
    await page.goto(`/sessions/${randomUUID()}`);
    expect(((await (await missing).json()) as { code: string }).code).toBe("NOT_FOUND");
    await expect(page.getByRole("region", { name: "Not found" })).toBeVisible();
  });

  test("an unknown path of the app shows the not-found view", async ({ page, context }) => {
    await signInContext(context, PEOPLE.student);
    await page.goto("/no-such-page");
    await expect(page.getByRole("region", { name: "Not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the start page" }).click();
    await expect(page).toHaveURL(/\/case-studies$/);
  });
});

test.describe("TENANT_ERROR", () => {
  test("an unknown institution is named under the Institution field", async ({ page }) => {
    await page.goto("/sign-in");
    await signInThroughForm(page, { email: PEOPLE.admin.email, institution: "no-such-institution" });
    const field = page.getByRole("textbox", { name: "Institution" });
    await expect(field).toHaveAccessibleDescription(/We don't know that institution/);
    await expect(field).toHaveAttribute("aria-invalid", "true");
  });

  test("an inactive institution says so", async ({ page }) => {
    const operator = await bearer(page.request, PEOPLE.operator);
    const slug = unique("closed-");
    const created = await page.request.post(`${BASE_URL}/v1/console/tenants`, { headers: operator, data: { name: "Closed College", slug } });
    expect(created.status(), await created.text()).toBe(201);
    const tenant = ((await created.json()) as { data: { id: string } }).data;
    const email = `admin@${slug}.example.com`;
    const admin = await page.request.post(`${BASE_URL}/v1/console/tenants/${tenant.id}/admins`, {
      headers: operator,
      data: { email, name: "Closed Admin", password: PASSWORD },
    });
    expect(admin.status(), await admin.text()).toBe(201);
    const closed = await page.request.delete(`${BASE_URL}/v1/console/tenants/${tenant.id}`, { headers: operator });
    expect(closed.ok(), await closed.text()).toBe(true);

    await page.goto("/sign-in");
    const refused = page.waitForResponse((response) => isApi(response.request(), "/v1/auth/login"));
    await signInThroughForm(page, { email, institution: slug });
    const body = (await (await refused).json()) as { code: string; details: { reason?: string } };
    expect(body).toMatchObject({ code: "TENANT_ERROR", details: { reason: "inactive" } });
    await expect(page.getByRole("textbox", { name: "Institution" })).toHaveAccessibleDescription(/not active/);
  });
});

test.describe("RATE_LIMIT_EXCEEDED", () => {
  test("a countdown from Retry-After, then the form is sent again by itself", async ({ page }) => {
    // The `limited` institution allows three sign-in attempts per address and email per 15 s.
    const person = { email: `${unique("guess")}@limited.example.com`, institution: "limited" };
    const logins: Request[] = [];
    page.on("request", (request) => {
      if (isApi(request, "/v1/auth/login")) logins.push(request);
    });
    await page.goto("/sign-in");
    let limited: Response | null = null;
    for (let attempt = 1; attempt <= 6 && limited === null; attempt += 1) {
      const answered = page.waitForResponse((response) => isApi(response.request(), "/v1/auth/login"));
      if (attempt === 1) await signInThroughForm(page, person, "wrong-password");
      else await page.getByRole("form", { name: "Sign in" }).getByRole("button", { name: "Sign in" }).click();
      const response = await answered;
      if (response.status() === 429) limited = response;
      else await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toBeVisible();
    }
    expect(limited, "the sign-in limit was reached").not.toBeNull();
    expect(((await limited!.json()) as { code: string }).code).toBe("RATE_LIMIT_EXCEEDED");
    const sentBeforeWait = logins.length;

    const notice = page.getByRole("status").filter({ hasText: /trying again in \d+ seconds?/ });
    await expect(notice).toBeVisible();
    const first = Number(/in (\d+)/.exec((await notice.textContent()) ?? "")?.[1]);
    expect(first).toBeGreaterThan(1);
    expect(first).toBeLessThanOrEqual(15);
    await expect(notice).toContainText(`in ${first - 1} second`, { timeout: 3000 });
    // When it reaches zero the form goes again, with nobody pressing anything.
    await expect.poll(() => logins.length, { timeout: (first + 5) * 1000 }).toBe(sentBeforeWait + 1);
  });
});

test.describe("DATABASE_ERROR and INTERNAL_ERROR", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  });

  /** The support notice shows the failed response's request id, and copies it. */
  async function expectSupportNotice(page: Page, failed: Response, code: string): Promise<void> {
    const body = (await failed.json()) as { code: string };
    expect(body.code).toBe(code);
    const requestId = failed.headers()["x-request-id"];
    expect(requestId).toBeTruthy();
    const notice = page.getByRole("alert").filter({ hasText: "Something went wrong" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(requestId!);
    await notice.getByRole("button", { name: "Copy reference" }).click();
    await expect(notice.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);
  }

  test("DATABASE_ERROR: the database locked by another process @exclusive", async ({ page }) => {
    await page.goto("/sign-in");
    // Signing in writes (a new refresh token): with the lock held elsewhere it waits out the
    // busy timeout (2 s on this server) and fails; sign-in is never retried by the client.
    const lock = await holdDatabaseLock(15);
    try {
      const failed = page.waitForResponse((response) => isApi(response.request(), "/v1/auth/login"));
      await signInThroughForm(page, PEOPLE.admin);
      await expectSupportNotice(page, await failed, "DATABASE_ERROR");
    } finally {
      await lock.release();
    }
    await page.getByRole("form", { name: "Sign in" }).getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
  });

  test("INTERNAL_ERROR: a stored setting no longer valid", async ({ page }) => {
    const { id } = stack().tenants.broken;
    const [[original]] = (await sql("SELECT settings FROM tenants WHERE id = ?", [id])) as [[string]];
    // The institution's settings are validated on every sign-in; a number stored as text fails that.
    await sql("UPDATE tenants SET settings = json_set(settings, '$.max_sessions', 'many') WHERE id = ?", [id]);
    try {
      await page.goto("/sign-in");
      const failed = page.waitForResponse((response) => isApi(response.request(), "/v1/auth/login"));
      await signInThroughForm(page, { email: "admin@broken.example.com", institution: "broken" });
      await expectSupportNotice(page, await failed, "INTERNAL_ERROR");
    } finally {
      await sql("UPDATE tenants SET settings = ? WHERE id = ?", [original, id]);
    }
  });
});
