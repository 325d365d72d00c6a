/**
 * Tokens in the browser (OAuth 2.0 for Browser-Based Apps): nothing in web storage, the
 * refresh token in an HttpOnly cookie; a reload and a second tab stay signed in; signing
 * out ends it in every tab and clears the cookie.
 */
import { type Page, expect, test } from "@playwright/test";
import { BASE_URL, PASSWORD, PEOPLE, bearer, unique } from "./support/stack";

async function signInThroughForm(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByRole("textbox", { name: "Institution" }).fill("demo"); // the stack's host names none
  await form.getByRole("textbox", { name: "Email" }).fill(email);
  await form.getByRole("textbox", { name: "Password" }).fill(PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Case studies" })).toBeVisible();
}

async function webStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const all: Record<string, string> = {};
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key !== null) all[key] = storage.getItem(key) ?? "";
      }
    }
    return all;
  });
}

test("no token in web storage; a reload and a second tab stay signed in; sign-out ends every tab", async ({
  page,
  context,
}) => {
  const admin = await bearer(page.request, PEOPLE.admin);
  const email = `${unique("tabs")}@demo.example.com`;
  const created = await page.request.post(`${BASE_URL}/v1/console/users`, {
    headers: admin,
    data: { email, name: "Tab Student", role: "STUDENT", password: PASSWORD },
  });
  expect(created.status(), await created.text()).toBe(201);

  await signInThroughForm(page, email);
  // Only the institution's name is remembered on the device; no token, of either kind.
  expect(await webStorage(page)).toEqual({ "mentora.institution": "demo" });
  const cookies = Object.fromEntries((await context.cookies()).map((cookie) => [cookie.name, cookie]));
  expect(cookies["mentora_refresh"]).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/v1/auth" });
  expect(cookies["mentora_csrf"]).toMatchObject({ httpOnly: false, path: "/" });

  await page.reload();
  await expect(page.getByRole("link", { name: "Case studies" })).toBeVisible();
  await expect(page).toHaveURL(/\/case-studies$/);

  const second = await context.newPage();
  await second.goto("/grades");
  await expect(second.getByRole("heading", { name: "My grades" })).toBeVisible();
  await expect(second.getByRole("link", { name: "My sessions" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
  // The other tab hears of it at once, and its cookie is gone: a reload cannot resume.
  await expect(second.getByRole("form", { name: "Sign in" })).toBeVisible();
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("mentora_refresh");
  await second.reload();
  await expect(second.getByRole("form", { name: "Sign in" })).toBeVisible();
});
