/**
 * The main screens at phone and desktop width, into docs/screenshots/<screen>-<width>.png:
 * `npm run screenshots` (the demo data of a fresh stack).
 */
import { type Page, expect, test } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { BASE_URL, PEOPLE, type Role, bearer, signInContext } from "./support/stack";

const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

interface Screen {
  name: string;
  role: Role | null;
  path: string | ((page: Page) => Promise<string>);
}

const SCREENS: Screen[] = [
  { name: "sign-in", role: null, path: "/sign-in" },
  { name: "case-studies", role: "student", path: "/case-studies" },
  {
    name: "session",
    role: "student",
    path: async (page) => {
      const student = await bearer(page.request, PEOPLE.student);
      const answer = await page.request.get(`${BASE_URL}/v1/sessions`, { headers: student });
      const sessions = ((await answer.json()) as { data: { id: string }[] }).data;
      expect(sessions.length).toBeGreaterThan(0);
      return `/sessions/${sessions[0]!.id}`;
    },
  },
  { name: "my-grades", role: "student", path: "/grades" },
  { name: "staff-grades", role: "faculty", path: "/staff/grades" },
  { name: "users", role: "admin", path: "/admin/users" },
  { name: "roles", role: "admin", path: "/admin/roles" },
  { name: "institution", role: "admin", path: "/admin/institution" },
  { name: "jobs", role: "admin", path: "/admin/jobs" },
  { name: "institutions", role: "operator", path: "/operator/institutions" },
];

for (const screen of SCREENS) {
  test(screen.name, async ({ page, context }) => {
    if (screen.role !== null) await signInContext(context, PEOPLE[screen.role]);
    const path = typeof screen.path === "string" ? screen.path : await screen.path(page);
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      await page.goto(path);
      await expect(page.getByRole("heading").first()).toBeVisible();
      await expect(page.getByRole("status").filter({ has: page.getByLabel(/Loading|Signing you in/) })).toHaveCount(0);
      await page.waitForLoadState("networkidle");
      // Charts animate in; the picture is of the settled screen.
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${OUT}${screen.name}-${viewport.width}.png`, fullPage: true, animations: "disabled" });
    }
  });
}
