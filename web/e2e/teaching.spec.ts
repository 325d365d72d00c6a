/**
 * The teaching screens against a real server with the demo data (its sample students'
 * graded sessions) and a stand-in LMS: sessions and grades narrowed by their filters, a
 * transcript, the CSV export, and publishing a grade to the LMS when it works and when it fails.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Locator, type Page, expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { BASE_URL, PASSWORD, PEOPLE, type Person, bearer, setAiMode, setLmsMode, signInContext, stack, unique } from "./support/stack";

// The demo's sample students and case studies (bootstrap.create_demo_if_fresh).
const AMARA = "Amara Okafor";
const LATE_SHIPMENT = "The Late Shipment";
const WATER = "Water for Three Towns";
// The institution whose LMS is the stand-in (tests/support/e2e_stack.py).
const STAND_IN = "ai-down";
const STAND_IN_FACULTY: Person = { email: `faculty@${STAND_IN}.example.com`, institution: STAND_IN };
// Grading runs as a background job once a session ends.
const GRADING_TIMEOUT = 45_000;

async function signIn(page: Page, person: Person, path: string): Promise<void> {
  await signInContext(page.context(), person);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
}

async function choose(page: Page, filter: string, option: string | RegExp): Promise<void> {
  await page.getByRole("search").getByRole("combobox", { name: filter }).click();
  await page.getByRole("option", { name: option }).click();
}

/** The body rows of a table, with the text of each cell. */
async function cellsOf(table: Locator): Promise<string[][]> {
  const rows = table.locator("tbody").getByRole("row");
  const all: string[][] = [];
  for (const row of await rows.all()) all.push(await row.getByRole("cell").allInnerTexts());
  return all;
}

/** RFC 4180, as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  return rows;
}

test.describe("sessions", () => {
  test("the student and case study filters narrow the sessions", async ({ page }) => {
    await signIn(page, PEOPLE.faculty, "/staff/sessions");
    const table = page.getByRole("table", { name: "Sessions" });
    await expect(table.locator("tbody").getByRole("row").first()).toBeVisible();
    const everyone = await cellsOf(table);
    expect(new Set(everyone.map(([student]) => student)).size).toBeGreaterThan(1);

    await choose(page, "Student", new RegExp(`^${AMARA}`));
    await expect(page).toHaveURL(/student=/);
    await expect.poll(async () => (await cellsOf(table)).every(([student]) => student === AMARA)).toBe(true);
    const amaras = await cellsOf(table);
    expect(amaras.length).toBeGreaterThan(1);
    expect(amaras.length).toBeLessThan(everyone.length);

    await choose(page, "Case study", LATE_SHIPMENT);
    await expect.poll(async () => (await cellsOf(table)).map(([student, caseStudy]) => [student, caseStudy])).toEqual([[AMARA, LATE_SHIPMENT]]);
    await expect(page.getByRole("navigation", { name: "Pages of sessions" })).toContainText("1 in all");
  });

  test("a session opens as its transcript, with its grade", async ({ page }) => {
    await signIn(page, PEOPLE.faculty, "/staff/sessions");
    await choose(page, "Student", new RegExp(`^${AMARA}`));
    await choose(page, "Case study", LATE_SHIPMENT);
    await page.getByRole("link", { name: new RegExp(`^Transcript of ${AMARA} on ${LATE_SHIPMENT}`) }).click();

    await expect(page.getByRole("heading", { level: 2, name: `${AMARA} · ${LATE_SHIPMENT}` })).toBeVisible();
    const about = page.getByRole("region", { name: "About this session" });
    await expect(about).toContainText("Ended");
    await expect(about).toContainText("Ended by the student");
    const grade = page.getByRole("region", { name: "Grade" });
    await expect(grade).toContainText("Final score");
    await expect(grade).toContainText("Critical thinking");
    const turns = page.getByRole("list", { name: "Transcript" }).getByRole("listitem");
    expect(await turns.count()).toBeGreaterThan(2);
    await expect(turns.first()).toContainText("Tutor");
    await expect(page.getByRole("list", { name: "Transcript" })).toContainText(AMARA);

    await page.getByRole("link", { name: "← All sessions" }).click();
    await expect(page).toHaveURL(/\/staff\/sessions$/);
  });
});

test.describe("grades", () => {
  test("filters narrow the grades, and the chart follows them", async ({ page }) => {
    await signIn(page, PEOPLE.faculty, "/staff/grades");
    const table = page.getByRole("table", { name: "Grades" });
    await expect(table.locator("tbody").getByRole("row").first()).toBeVisible();
    await expect(page.getByRole("img", { name: /Bar chart: how many of \d+ grades/ })).toBeVisible();

    await choose(page, "Case study", WATER);
    await expect.poll(async () => (await cellsOf(table)).every((cells) => cells[1] === WATER)).toBe(true);
    const water = await cellsOf(table);
    expect(water.length).toBeGreaterThan(0);
    await expect(page.getByRole("img", { name: `Bar chart: how many of ${water.length} grades fall in each score band, per case study. The counts are also in a table.` })).toBeVisible();

    // The chart's text alternative: the same counts, one column per case study.
    await page.getByRole("button", { name: "Show the counts as a table" }).click();
    const counts = page.getByRole("table", { name: "Grades per score band and case study" });
    await expect(counts.getByRole("columnheader", { name: WATER })).toBeVisible();
    const perBand = await counts.locator("tbody").getByRole("cell").allInnerTexts();
    expect(perBand.map(Number).reduce((sum, n) => sum + n, 0)).toBe(water.length);

    await choose(page, "Student", new RegExp(`^${AMARA}`));
    await expect.poll(async () => (await cellsOf(table)).every(([student, caseStudy]) => student === AMARA && caseStudy === WATER)).toBe(true);
  });

  test("the CSV export holds exactly the filtered rows of the table", async ({ page }) => {
    await signIn(page, PEOPLE.faculty, "/staff/grades");
    await choose(page, "Student", new RegExp(`^${AMARA}`));
    const table = page.getByRole("table", { name: "Grades" });
    await expect.poll(async () => (await cellsOf(table)).every(([student]) => student === AMARA)).toBe(true);
    await expect(page.getByRole("region", { name: "All grades of this filter" })).toContainText(/\d+ grades? in this filter/);
    const shown = await cellsOf(table);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^grades-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv((await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, ""));
    expect(header).toEqual(["Student", "Case study", "Final score", "Critical thinking", "Comprehension", "Communication", "Graded", "LMS status", "Published", "Summary"]);
    const number = (text: string | undefined) => Number(text ?? Number.NaN);
    expect(rows.map((row) => [row[0], row[1], number(row[2]), number(row[3]), number(row[4]), number(row[5])])).toEqual(
      shown.map((cells) => [cells[0], cells[1], number(cells[2]), number(cells[3]), number(cells[4]), number(cells[5])]),
    );
    expect(rows.every((row) => (row[9] ?? "").length > 0)).toBe(true); // summaries with commas stayed one cell
  });

});

/**
 * A student of the stand-in institution whose session has just been graded, by the API: each
 * test has its own, so none meets another's grade or the session limit.
 */
async function gradedStudent(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const name = `Pat ${unique("Publish")}`;
  const registered = await request.post(`${BASE_URL}/v1/auth/register`, {
    data: { email: `${unique("pat")}@${STAND_IN}.example.com`, password: PASSWORD, name, tenant_slug: STAND_IN },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const student = { Authorization: `Bearer ${((await registered.json()) as { data: { access_token: string } }).data.access_token}` };
  const me = (await (await request.get(`${BASE_URL}/v1/users/me`, { headers: student })).json()) as { data: { id: string } };
  const started = await request.post(`${BASE_URL}/v1/sessions/initialize`, {
    headers: student,
    data: { content_id: stack().tenants[STAND_IN].caseStudyId },
  });
  expect(started.status(), await started.text()).toBe(201);
  const sessionId = ((await started.json()) as { data: { id: string } }).data.id;
  const said = await request.post(`${BASE_URL}/v1/sessions/${sessionId}/messages`, { headers: student, data: { content: "The budget is too small." } });
  expect(said.status(), await said.text()).toBe(200);
  expect((await request.post(`${BASE_URL}/v1/sessions/${sessionId}/end`, { headers: student })).status()).toBe(200);
  const faculty = await bearer(request, STAND_IN_FACULTY);
  await expect
    .poll(async () => ((await (await request.get(`${BASE_URL}/v1/grades`, { headers: faculty, params: { user_id: me.data.id } })).json()) as { total: number }).total, {
      timeout: GRADING_TIMEOUT,
    })
    .toBe(1);
  return { id: me.data.id, name };
}

// Both switch the one stand-in LMS (and need its AI to grade): alone, after everything else.
test.describe("publishing to the LMS @exclusive", () => {
  test.describe.configure({ mode: "serial" });
  test.beforeEach(async () => {
    await setAiMode("ok");
  });
  test.afterEach(async () => {
    await setLmsMode("ok");
  });

  async function gradeRow(page: Page, studentId: string): Promise<Locator> {
    await signIn(page, STAND_IN_FACULTY, `/staff/grades?student=${studentId}`);
    const rows = page.getByRole("table", { name: "Grades" }).locator("tbody").getByRole("row");
    await expect(rows).toHaveCount(1);
    return rows.first();
  }

  // First: a failure opens the server's circuit to the LMS for a while, and this one needs it closed.
  test("a published grade says so on its row", async ({ page, request }) => {
    await setLmsMode("ok");
    const student = await gradedStudent(request);
    const row = await gradeRow(page, student.id);
    // The background publication may be there first; either way the click must not fail.
    await row.getByRole("button", { name: new RegExp(`^Publish (again )?${student.name}'s grade for The Stand-in Case to the LMS$`) }).click();
    await expect(row.getByText("Published", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: `Publish again ${student.name}'s grade for The Stand-in Case to the LMS` })).toBeVisible();
    await expect(row.getByRole("status")).not.toContainText("did not accept");
  });

  test("an LMS failure shows on the grade, and the page goes on working", async ({ page, request }) => {
    await setLmsMode("500");
    const student = await gradedStudent(request);
    const row = await gradeRow(page, student.id);
    await expect(row.getByText("Pending", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: `Publish ${student.name}'s grade for The Stand-in Case to the LMS` }).click();
    const outcome = row.getByRole("status");
    await expect(outcome).toContainText("The learning management system did not accept the grade.");
    // With the reason: unavailable, or (after earlier failures) the server waiting before it asks again.
    await expect(outcome).toContainText(/did not accept the grade\. It (is not available right now|has failed repeatedly)/);
    // Only the row says so: no page-level error, and the rest of the page still answers.
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
  });
});

test.describe("phones and keyboards", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const path of ["/staff/sessions", "/staff/grades"]) {
    test(`${path} fits a 390px screen: only its tables scroll sideways`, async ({ page }) => {
      await signIn(page, PEOPLE.faculty, path);
      await expect(page.locator("tbody").getByRole("row").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).include("main").analyze();
      expect(results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`))).toEqual([]);
    });
  }

  test("the filters and the export are reached and used with the keyboard", async ({ page }) => {
    await signIn(page, PEOPLE.faculty, "/staff/grades");
    const student = page.getByRole("search").getByRole("combobox", { name: "Student" });
    await expect(student).toBeEnabled();
    await student.focus();
    await page.keyboard.type("Amara");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/student=/);
    const exportButton = page.getByRole("button", { name: "Export CSV" });
    for (let presses = 0; presses < 40 && !(await exportButton.evaluate((el) => el === document.activeElement)); presses += 1) {
      await page.keyboard.press("Tab");
    }
    await expect(exportButton).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  });
});
