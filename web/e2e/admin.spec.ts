/**
 * The administration screens against a real server: users, roles, case studies, the
 * institution's settings, jobs, and the platform operator's institutions.
 *
 * A test that changes something does it in an institution of its own, made through the
 * operator's API, so no other test (of this spec or another, running beside it) sees a user,
 * role, case study or setting it did not expect. Only reading the demo, and retrying its one
 * dead job (whose grade no other test looks at), happen in the demo itself.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, type Locator, type Page, expect, test } from "@playwright/test";
import { BASE_URL, PASSWORD, PEOPLE, type Person, bearer, signInContext, unique } from "./support/stack";

const PHONE = { width: 390, height: 844 };

/** A new institution with an administrator who signs in with `PASSWORD`. */
async function ownInstitution(request: APIRequestContext): Promise<{ slug: string; admin: Person }> {
  const operator = await bearer(request, PEOPLE.operator);
  const slug = unique("admin-spec-");
  const created = await request.post(`${BASE_URL}/v1/console/tenants`, { headers: operator, data: { name: `Spec ${slug}`, slug } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: string } }).data;
  const admin = { email: `admin@${slug}.example.com`, institution: slug };
  const added = await request.post(`${BASE_URL}/v1/console/tenants/${id}/admins`, {
    headers: operator,
    data: { email: admin.email, name: "Spec Admin", password: PASSWORD },
  });
  expect(added.status(), await added.text()).toBe(201);
  return { slug, admin };
}

async function openAs(page: Page, person: Person, path: string, password = PASSWORD): Promise<void> {
  await signInContext(page.context(), person, password);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** Someone else, in a browser of their own; closed by the caller. */
async function otherPerson(browser: Browser, person: Person, path: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openAs(page, person, path, password);
  return page;
}

/** What axe finds in `scope` against WCAG 2.1 A and AA, but for the rules `ignoring`. */
async function axeProblems(page: Page, scope: string, ignoring: string[] = []): Promise<string[]> {
  const axe = new AxeBuilder({ page }).include(scope).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).disableRules(ignoring);
  const results = await axe.analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

async function openInviteForm(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Invite a user" }).click();
  return page.getByRole("dialog", { name: "Invite a user" });
}

async function invite(page: Page, { name, email, role, password }: { name: string; email: string; role: string; password: string }) {
  const dialog = await openInviteForm(page);
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Email" }).fill(email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: role, exact: true }).click();
  await dialog.getByRole("textbox", { name: "Password" }).fill(password);
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog).toBeHidden();
}

test.describe("users", () => {
  test("the seed's example: the server's VALIDATION_ERROR under Email and Max sessions", async ({ page }) => {
    await openAs(page, PEOPLE.admin, "/admin/users");
    const dialog = await openInviteForm(page);
    await dialog.getByRole("textbox", { name: "Name" }).fill("Typo Person");
    await dialog.getByRole("textbox", { name: "Email" }).fill("not-an-email");
    await dialog.getByRole("textbox", { name: "Max sessions" }).fill("abc");

    const isInvite = (url: string, method: string) => method === "POST" && url.endsWith("/v1/console/users");
    const sent = page.waitForRequest((request) => isInvite(request.url(), request.method()));
    const answered = page.waitForResponse((response) => isInvite(response.url(), response.request().method()));
    await dialog.getByRole("button", { name: "Invite" }).click();

    // The form sent what was typed; the messages are the server's, not the browser's.
    expect((await sent).postDataJSON()).toMatchObject({ email: "not-an-email", settings: { max_sessions: "abc" } });
    const response = await answered;
    expect(response.status()).toBe(422);
    expect(await response.json()).toMatchObject({
      success: false,
      code: "VALIDATION_ERROR",
      details: { email: "value is not a valid email address", "settings.max_sessions": "value is not a valid integer" },
    });

    const email = dialog.getByRole("textbox", { name: "Email" });
    const maxSessions = dialog.getByRole("textbox", { name: "Max sessions" });
    await expect(email).toHaveAccessibleDescription(/value is not a valid email address/);
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(maxSessions).toHaveAccessibleDescription(/value is not a valid integer/);
    await expect(maxSessions).toHaveAttribute("aria-invalid", "true");
    expect(await axeProblems(page, '[role="dialog"]', [])).toEqual([]);
  });

  test("an invitation shows the temporary password once, and it signs the person in", async ({ page, browser, request }) => {
    const { slug, admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/users");
    const email = `${unique("new")}@${slug}.example.com`;
    const dialog = await openInviteForm(page);
    await dialog.getByRole("textbox", { name: "Name" }).fill("New Student");
    await dialog.getByRole("textbox", { name: "Email" }).fill(email);
    await dialog.getByRole("textbox", { name: "Max sessions" }).fill("3");
    await dialog.getByRole("button", { name: "Invite" }).click();

    const shown = page.getByRole("dialog", { name: "Temporary password" });
    const field = shown.getByRole("textbox", { name: "Temporary password" });
    await expect(field).toHaveValue(/\S{8,}/);
    const temporaryPassword = await field.inputValue();
    await expect(shown.getByRole("button", { name: "Copy password" })).toBeVisible();
    await shown.getByRole("button", { name: "Done" }).click();

    await expect(shown).toBeHidden();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();
    await expect(page.getByText(temporaryPassword)).toHaveCount(0);

    const newcomer = await otherPerson(browser, { email, institution: slug }, "/case-studies", temporaryPassword);
    await newcomer.context().close();
  });

  test("a taken email is refused under Email (CONFLICT)", async ({ page, request }) => {
    const { admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/users");
    const dialog = await openInviteForm(page);
    await dialog.getByRole("textbox", { name: "Name" }).fill("Second Admin");
    await dialog.getByRole("textbox", { name: "Email" }).fill(admin.email);
    await dialog.getByRole("button", { name: "Invite" }).click();
    await expect(dialog.getByRole("textbox", { name: "Email" })).toHaveAccessibleDescription(/already registered/);
    await expect(page.getByRole("dialog", { name: "Temporary password" })).toHaveCount(0);
  });

  test("a person's role is changed, then they are deactivated after a confirmation", async ({ page, request }) => {
    const { slug, admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/users");
    const email = `${unique("mover")}@${slug}.example.com`;
    await invite(page, { name: "Mo Ver", email, role: "STUDENT", password: "mover-password-1" });
    const row = page.getByRole("row", { name: new RegExp(email) });
    await expect(row).toContainText("STUDENT");

    await row.getByRole("button", { name: "Change role of Mo Ver" }).click();
    const change = page.getByRole("dialog", { name: "Change role of Mo Ver" });
    await change.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "FACULTY", exact: true }).click();
    await change.getByRole("button", { name: "Save role" }).click();
    await expect(change).toBeHidden();
    await expect(row).toContainText("FACULTY");

    await row.getByRole("button", { name: "Deactivate Mo Ver" }).click();
    await page.getByRole("dialog", { name: "Deactivate user" }).getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("Deactivated");
    await expect(row.getByRole("button", { name: "Deactivate Mo Ver" })).toHaveCount(0);
  });
});

test.describe("roles", () => {
  test("an editor cannot grant what they lack, and creates a custom role", async ({ page, browser, request }) => {
    const { slug, admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/roles");
    // A role manager who holds nothing else: every other permission is beyond them.
    const managerRole = unique("ROLE_KEEPER_").toUpperCase();
    await page.getByRole("button", { name: "New role" }).click();
    const editor = page.getByRole("dialog", { name: "New role" });
    await editor.getByRole("textbox", { name: "Name" }).fill(managerRole);
    for (const action of ["view", "create", "edit", "delete"]) {
      await editor.getByRole("checkbox", { name: `Roles: ${action}` }).check();
    }
    await editor.getByRole("button", { name: "Create role" }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole("button", { name: new RegExp(`^${managerRole}, 4 permissions`) })).toBeVisible();

    const email = `${unique("keeper")}@${slug}.example.com`;
    const password = "keeper-password-1";
    await page.goto("/admin/users");
    await invite(page, { name: "Role Keeper", email, role: managerRole, password });

    const keeper = await otherPerson(browser, { email, institution: slug }, "/admin/roles", password);
    await keeper.getByRole("button", { name: "New role" }).click();
    const ownEditor = keeper.getByRole("dialog", { name: "New role" });
    await expect(ownEditor.getByRole("checkbox", { name: "Settings: edit" })).toBeDisabled();
    await expect(ownEditor.getByRole("checkbox", { name: "Users: view" })).toBeDisabled();
    await expect(ownEditor.getByRole("checkbox", { name: "Settings: edit" })).toHaveAccessibleDescription(/do not hold yourself/);
    await expect(ownEditor.getByRole("checkbox", { name: "Roles: view" })).toBeEnabled();

    const viewerRole = unique("ROLE_VIEWER_").toUpperCase();
    await ownEditor.getByRole("textbox", { name: "Name" }).fill(viewerRole);
    await ownEditor.getByRole("checkbox", { name: "Roles: view" }).check();
    await ownEditor.getByRole("button", { name: "Create role" }).click();
    await expect(ownEditor).toBeHidden();
    await keeper.getByRole("button", { name: new RegExp(`^${viewerRole}, 1 permissions`) }).click();
    await expect(keeper.getByRole("table", { name: `Permissions of ${viewerRole}` })).toBeVisible();
    await keeper.context().close();
  });
});

test.describe("case studies", () => {
  test("one is created, refused a taken slug, edited and deleted", async ({ page, request }) => {
    const { admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/case-studies");
    const title = unique("Harbour Strike ");
    const slug = unique("harbour-strike-");
    await page.getByRole("button", { name: "New case study" }).click();
    const create = page.getByRole("dialog", { name: "New case study" });
    await create.getByRole("textbox", { name: "Title" }).fill(title);
    await create.getByRole("textbox", { name: "Slug" }).fill(slug);
    await create.getByRole("textbox", { name: "Instruction 1" }).fill("Name who is affected.");
    await create.getByRole("textbox", { name: "Time limit (minutes)" }).fill("soon");
    await create.getByRole("button", { name: "Create case study" }).click();
    await expect(create.getByRole("textbox", { name: "Time limit (minutes)" })).toHaveAccessibleDescription(/not a valid integer/);

    await create.getByRole("textbox", { name: "Time limit (minutes)" }).fill("30");
    await create.getByRole("button", { name: "Create case study" }).click();
    await expect(create).toBeHidden();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("30 min");

    await page.getByRole("button", { name: "New case study" }).click();
    await create.getByRole("textbox", { name: "Title" }).fill(`${title} again`);
    await create.getByRole("textbox", { name: "Slug" }).fill(slug);
    await create.getByRole("button", { name: "Create case study" }).click();
    await expect(create.getByRole("textbox", { name: "Slug" })).toHaveAccessibleDescription(/already/);
    await create.getByRole("button", { name: "Cancel" }).click();

    await row.getByRole("button", { name: `Edit ${title}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${title}` });
    await edit.getByRole("switch", { name: /Active/ }).uncheck();
    await edit.getByRole("button", { name: "Save case study" }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText("Inactive");

    await row.getByRole("button", { name: `Delete ${title}` }).click();
    await page.getByRole("dialog", { name: "Delete case study" }).getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("institution", () => {
  test("nested VALIDATION_ERROR paths land under their fields", async ({ page, request }) => {
    const { admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/institution");
    const origins = page.getByRole("group", { name: "Allowed origins" });
    await origins.getByRole("button", { name: "Add origin" }).click();
    await origins.getByRole("button", { name: "Add origin" }).click();
    await origins.getByRole("textbox", { name: "Origin 1" }).fill("https://lms.example.edu");
    await origins.getByRole("textbox", { name: "Origin 2" }).fill("not an origin");
    await page.getByRole("textbox", { name: "AI base URL" }).fill("nowhere");
    await page.getByRole("textbox", { name: "Max sessions" }).fill("many");
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(origins.getByRole("textbox", { name: "Origin 2" })).toHaveAttribute("aria-invalid", "true");
    await expect(origins.getByRole("textbox", { name: "Origin 1" })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("textbox", { name: "AI base URL" })).toHaveAccessibleDescription(/not a valid URL/);
    await expect(page.getByRole("textbox", { name: "Max sessions" })).toHaveAccessibleDescription(/not a valid integer/);
  });

  test("a secret shows Set after saving and is never echoed", async ({ page, request }) => {
    const { admin } = await ownInstitution(request);
    await openAs(page, admin, "/admin/institution");
    const secret = unique("sk-test-");
    const ai = page.getByRole("group", { name: "AI tutor" });
    await expect(ai.getByText("Not set", { exact: true })).toBeVisible();
    await ai.getByRole("button", { name: "Set API key" }).click();
    await ai.getByLabel("New API key").fill(secret);

    const isInstitution = (url: string) => url.endsWith("/v1/console/institution");
    const saved = page.waitForResponse((response) => response.request().method() === "PATCH" && isInstitution(response.url()));
    await page.getByRole("button", { name: "Save settings" }).click();
    const response = await saved;
    expect(response.ok()).toBe(true);
    expect(await response.text()).not.toContain(secret);

    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
    await expect(ai.getByText("Set", { exact: true })).toBeVisible();
    await expect(ai.getByRole("button", { name: "Replace API key" })).toBeVisible();
    await expect(ai.getByLabel("New API key")).toHaveCount(0);

    const reloaded = page.waitForResponse((answer) => answer.request().method() === "GET" && isInstitution(answer.url()));
    await page.reload();
    expect(await (await reloaded).text()).not.toContain(secret);
    await expect(ai.getByText("Set", { exact: true })).toBeVisible();
    const values = await page.getByRole("textbox").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values.some((value) => value.includes(secret))).toBe(false);
    await expect(page.getByText(secret)).toHaveCount(0);
  });
});

test.describe("jobs", () => {
  test("the demo's dead publication is retried and its new outcome shown", async ({ page }) => {
    await openAs(page, PEOPLE.admin, "/admin/jobs");
    await page.getByRole("combobox", { name: "Status" }).click();
    await page.getByRole("option", { name: "Dead" }).click();
    const jobs = page.getByRole("table", { name: "Jobs" });
    await expect(page).toHaveURL(/status=dead/);
    await expect(jobs).toHaveAttribute("aria-busy", "false");
    const dead = jobs.getByRole("button", { name: /^Details of Publish grade/ });
    test.skip((await dead.count()) === 0, "an earlier run on this stack (reused outside CI) retried the demo's one dead job");
    await dead.first().click();

    const drawer = page.getByRole("dialog", { name: "Publish grade" });
    await expect(drawer.getByRole("table", { name: "Attempts" })).toBeVisible();
    await drawer.getByRole("button", { name: "Retry" }).click();
    // The demo's LMS has lost its token: the publication now finds no connection and succeeds as "not configured".
    await expect(drawer.getByText("The retry succeeded.")).toBeVisible({ timeout: 30_000 });
    await expect(drawer.getByRole("button", { name: "Retry" })).toHaveCount(0);
  });
});

test.describe("platform operator", () => {
  test("creates an institution and its first administrator, who can sign in", async ({ page, browser }) => {
    await openAs(page, PEOPLE.operator, "/operator/institutions");
    const slug = unique("college-");
    await page.getByRole("button", { name: "New institution" }).click();
    const create = page.getByRole("dialog", { name: "New institution" });
    await create.getByRole("textbox", { name: "Name" }).fill("Northfield College");
    await create.getByRole("textbox", { name: "Slug" }).fill("demo");
    await create.getByRole("button", { name: "Create institution" }).click();
    await expect(create.getByRole("textbox", { name: "Slug" })).toHaveAccessibleDescription(/already exists/);
    await create.getByRole("textbox", { name: "Slug" }).fill(slug);
    await create.getByRole("button", { name: "Create institution" }).click();

    const addAdmin = page.getByRole("dialog", { name: "Add an administrator to Northfield College" });
    const email = `dean@${slug}.example.edu`;
    await addAdmin.getByRole("textbox", { name: "Name" }).fill("Nora Field");
    await addAdmin.getByRole("textbox", { name: "Email" }).fill(email);
    await addAdmin.getByRole("button", { name: "Add administrator" }).click();

    const shown = page.getByRole("dialog", { name: "Temporary password" });
    const field = shown.getByRole("textbox", { name: "Temporary password" });
    await expect(field).toHaveValue(/\S{8,}/);
    const temporaryPassword = await field.inputValue();
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row", { name: new RegExp(slug) })).toBeVisible();

    const dean = await otherPerson(browser, { email, institution: slug }, "/admin/users", temporaryPassword);
    await expect(dean.getByRole("row", { name: new RegExp(email) })).toBeVisible();
    await dean.context().close();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("no screen scrolls the page sideways, and axe finds nothing", async ({ page }) => {
    await signInContext(page.context(), PEOPLE.admin);
    for (const [path, heading] of [
      ["/admin/users", "Users"],
      ["/admin/roles", "Roles"],
      ["/admin/case-studies", "Manage case studies"],
      ["/admin/institution", "Institution"],
      ["/admin/jobs", "Jobs"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
      await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
      expect(await axeProblems(page, "main")).toEqual([]);
    }
  });
});
