/**
 * The student's screens against a real server whose tutor and grader are the stand-in AI
 * provider (the `ai-down` institution): registering, a whole tutoring session with the
 * reply streamed in, the one-active-session CONFLICT, the AI failing and a retry that
 * answers the kept turn, and the grade with its chart.
 *
 * Each test signs up a student of its own, so none sees another's sessions or meets the
 * session limit. Tests that switch the one stand-in AI run alone (@exclusive).
 */
import { type BrowserContext, type Locator, type Page, expect, test } from "@playwright/test";
import { BASE_URL, PASSWORD, type Person, bearer, setAiMode, unique } from "./support/stack";

const INSTITUTION = "ai-down";
// The institution's one case study (tests/support/e2e_stack.py), and what its stand-ins answer.
const CASE_STUDY = "The Stand-in Case";
const FIRST_MESSAGE = "What is the problem here?";
const tutorAnswer = (message: string) => `Fake tutor answer to: ${message}`;
const GRADE = { criticalThinking: "80", comprehension: "70", communication: "60", final: "71", summary: "Solid reasoning." };
// Grading runs as a background job once a session ends.
const GRADING_TIMEOUT = 45_000;

function newPerson(): Person & { name: string } {
  return { email: `${unique("learner")}@${INSTITUTION}.example.com`, institution: INSTITUTION, name: "Lee Learner" };
}

/** A new student, signed in to `context` as the app's own sign-up would (the refresh cookie). */
async function signUp(context: BrowserContext): Promise<Person> {
  const person = newPerson();
  const answer = await context.request.post(`${BASE_URL}/v1/auth/register`, {
    data: { email: person.email, password: PASSWORD, name: person.name, tenant_slug: INSTITUTION, refresh_cookie: true },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return person;
}

async function startSession(page: Page): Promise<string> {
  await page.goto("/case-studies");
  await page.getByRole("button", { name: `Start session: ${CASE_STUDY}` }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/);
  await expect(page.getByRole("heading", { name: CASE_STUDY })).toBeVisible();
  return page.url();
}

function conversation(page: Page): Locator {
  return page.getByRole("list", { name: "Conversation" });
}

/** The student's own messages with this text (the tutor's answers quote it too). */
function studentMessages(page: Page, text: string): Locator {
  return conversation(page).getByRole("listitem").filter({ hasText: /^You:/ }).filter({ hasText: text });
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Your message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

async function transcriptOf(page: Page, person: Person, sessionUrl: string) {
  const sessionId = sessionUrl.split("/").pop() ?? "";
  const answer = await page.request.get(`${BASE_URL}/v1/sessions/${sessionId}`, { headers: await bearer(page.request, person) });
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { data: { messages: { role: string; content: string; status: string }[] } };
  return body.data.messages;
}

test("a student signs up, works through a session with the tutor and ends it", async ({ page }) => {
  const person = newPerson();
  await page.goto("/register");
  const form = page.getByRole("form", { name: "Create an account" });
  const institution = form.getByRole("textbox", { name: "Institution" });
  await institution.fill(INSTITUTION); // the stack's host names no institution
  await form.getByRole("textbox", { name: "Name" }).fill(person.name);
  await form.getByRole("textbox", { name: "Email" }).fill(person.email);
  await form.getByRole("textbox", { name: "Password" }).fill(PASSWORD);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/case-studies$/);

  const caseStudy = page.getByRole("article", { name: CASE_STUDY });
  await expect(caseStudy).toContainText("Time limit: 30 minutes");
  await caseStudy.getByRole("button", { name: `Start session: ${CASE_STUDY}` }).click();
  await expect(page).toHaveURL(/\/sessions\/[^/]+$/);
  await expect(conversation(page).getByRole("listitem").first()).toHaveText(`Tutor:${FIRST_MESSAGE}`);
  await expect(page.getByRole("timer")).toHaveAccessibleName(/^Time left: (29|30) minutes?/);

  const message = "The owner promised more than the supplier can deliver.";
  await send(page, message);
  await expect(conversation(page).getByRole("listitem").filter({ hasText: tutorAnswer(message) })).toBeVisible();
  // Screen readers hear the finished reply once, whole.
  await expect(page.getByRole("status").filter({ hasText: "The tutor replied:" })).toContainText(tutorAnswer(message));
  await expect(studentMessages(page, message)).toHaveCount(1);

  await page.getByRole("button", { name: "End session" }).click();
  const confirm = page.getByRole("dialog", { name: "End this session?" });
  await confirm.getByRole("button", { name: "End session" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("This session has ended")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your message" })).toHaveCount(0);
  await expect(conversation(page)).toContainText(tutorAnswer(message));

  await page.getByRole("link", { name: "See your grade" }).click({ timeout: GRADING_TIMEOUT });
  await expect(page).toHaveURL(/\/grades#grade-/);
  await expect(page.getByRole("article", { name: CASE_STUDY })).toBeVisible();

  await page.getByRole("link", { name: "My sessions" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: CASE_STUDY }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Ended");
  await expect(row).toContainText("You ended it");
});

test("starting a second session on a case study offers the active one (CONFLICT)", async ({ page, context }) => {
  await signUp(context);
  const active = await startSession(page);

  await page.getByRole("link", { name: "Case studies" }).click();
  await page.getByRole("button", { name: `Start session: ${CASE_STUDY}` }).click();
  const resume = page.getByRole("link", { name: "Resume your active session" });
  await expect(resume).toBeVisible();
  await resume.click();
  await expect(page).toHaveURL(active);
  await expect(page.getByRole("textbox", { name: "Your message" })).toBeVisible();
});

test("my grades show each criterion as a chart and a table, and the feedback", async ({ page, context }) => {
  await signUp(context);
  await startSession(page);
  await send(page, "A first idea.");
  await expect(conversation(page)).toContainText(tutorAnswer("A first idea."));
  await page.getByRole("button", { name: "End session" }).click();
  await page.getByRole("dialog", { name: "End this session?" }).getByRole("button", { name: "End session" }).click();
  await expect(page.getByRole("link", { name: "See your grade" })).toBeVisible({ timeout: GRADING_TIMEOUT });

  await page.getByRole("link", { name: "My grades" }).click();
  const grade = page.getByRole("article", { name: CASE_STUDY });
  await expect(grade).toContainText(`Final score: ${GRADE.final} / 100`);
  await expect(grade.getByRole("img", { name: /^Bar chart of your rubric scores/ })).toHaveAccessibleName(
    `Bar chart of your rubric scores out of 100: Critical thinking ${GRADE.criticalThinking}, ` +
      `Comprehension ${GRADE.comprehension}, Communication ${GRADE.communication}.`,
  );
  const scores = grade.getByRole("table", { name: "Rubric scores, out of 100" });
  await expect(scores.getByRole("row", { name: "Critical thinking 40% 80" })).toBeVisible();
  await expect(scores.getByRole("row", { name: "Comprehension 30% 70" })).toBeVisible();
  await expect(scores.getByRole("row", { name: "Communication 30% 60" })).toBeVisible();
  await expect(grade.getByRole("heading", { name: "Feedback" })).toBeVisible();
  await expect(grade).toContainText(GRADE.summary);
});

test("on a phone the chat is usable from the keyboard and nothing scrolls sideways", async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(context);
  await startSession(page);
  const box = page.getByRole("textbox", { name: "Your message" });
  await box.focus();
  await page.keyboard.type("Sent with the Enter key.");
  await page.keyboard.press("Enter");
  await expect(conversation(page)).toContainText(tutorAnswer("Sent with the Enter key."));
  await expect(box).toHaveValue("");
  await expect(box).toBeFocused();
  for (const path of [page.url(), "/case-studies", "/sessions", "/grades", "/account/password"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(sideways, `${path} scrolls sideways`).toBe(0);
  }
});

test.describe("when the AI tutor fails @exclusive", () => {
  // They switch the one stand-in AI provider.
  test.describe.configure({ mode: "serial" });
  test.afterEach(async () => setAiMode("ok"));

  test("the reply streams in as it is written, then is announced whole", async ({ page, context }) => {
    await signUp(context);
    await startSession(page);
    await setAiMode("slow_stream");
    const message = "Is the deadline the real problem?";
    await send(page, message);
    const writing = conversation(page).getByRole("listitem").filter({ hasText: /^Tutor:Fake tutor/ });
    await expect(writing).toHaveAttribute("aria-busy", "true");
    await expect(writing).not.toHaveText(`Tutor:${tutorAnswer(message)}`);
    await expect(conversation(page).getByRole("listitem").filter({ hasText: tutorAnswer(message) })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "The tutor replied:" })).toContainText(tutorAnswer(message));
  });

  test("EXTERNAL_SERVICE_ERROR keeps the message; Retry answers it once it is back", async ({ page, context }) => {
    const person = await signUp(context);
    const sessionUrl = await startSession(page);
    await setAiMode("500");
    const message = "My first thought.";
    await send(page, message);
    await expect(page.getByRole("alert")).toContainText("The AI tutor is unavailable right now.");
    const kept = studentMessages(page, message);
    await expect(kept).toContainText("Not answered");
    await expect(kept.getByRole("button", { name: "Retry" })).toBeVisible();

    // Kept by the server, not only on this page: a reload shows it, still to be retried.
    await page.reload();
    await expect(studentMessages(page, message).getByRole("button", { name: "Retry" })).toBeVisible();

    await setAiMode("ok");
    const answer = conversation(page).getByRole("listitem").filter({ hasText: tutorAnswer(message) });
    // As a student would: Retry until the tutor answers (a circuit opened by earlier failures stays open a while).
    await expect(async () => {
      const retry = studentMessages(page, message).getByRole("button", { name: "Retry" });
      if (await retry.isVisible()) await retry.click();
      await expect(answer).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 45_000 });
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(studentMessages(page, message)).toHaveCount(1);
    await expect(studentMessages(page, message)).not.toContainText("Not answered");

    const stored = await transcriptOf(page, person, sessionUrl);
    // The stand-in streams word by word, each with its space: the last one included.
    expect(stored.map(({ role, content, status }) => [role, content.trim(), status])).toEqual([
      ["student", message, "answered"],
      ["tutor", tutorAnswer(message), "complete"],
    ]);
  });
});
