/**
 * Every screen each role can reach, checked with axe (WCAG 2.0/2.1 A and AA): no serious
 * or critical violation. The screens are found through the navigation each role is
 * offered, so a new screen is checked as soon as it is in the navigation. At phone width
 * the same walk checks that the navigation sits behind "Toggle navigation" and that no
 * screen scrolls sideways.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect, test } from "@playwright/test";
import { PEOPLE, type Role, signInContext } from "./support/stack";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];
const PHONE_WIDTH = 400;

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole("main").getByRole("heading").first()).toBeVisible();
  // Lazily loaded screens and their first requests: nothing is loading any more.
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ has: page.getByLabel(/Loading|Signing you in/) })).toHaveCount(0);
  await page.waitForLoadState("networkidle");
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes.map((node) => {
        // color-contrast says which colours met: enough to find the style at fault.
        const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.contrastRatio === undefined ? "" : ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}:1)`;
        return `${node.target.join(" ")}${colours}`;
      });
      return `${violation.id} (${violation.impact}): ${violation.help} at ${nodes.join(", ")}`;
    });
  expect.soft(serious, `axe on ${screen}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  if (width > PHONE_WIDTH) return;
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect.soft(scrollWidth, `${screen} scrolls sideways at ${width}px`).toBeLessThanOrEqual(width);
}

test.describe("signed out", () => {
  for (const path of ["/sign-in", "/register"]) {
    test(`${path} has no serious accessibility violation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoSeriousViolations(page, path);
      await expectNoSidewaysScroll(page, path);
    });
  }

  test("Tab reaches the sign-in fields and button, each with a visible focus style", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in" });
    await expect(form.getByRole("button", { name: "Sign in" })).toBeVisible();
    const targets = [
      form.getByRole("textbox", { name: "Institution" }),
      form.getByRole("textbox", { name: "Email" }),
      form.getByRole("textbox", { name: "Password" }),
      form.getByRole("button", { name: "Sign in" }),
    ];
    // What marks focus may sit on the element or, for an input inside a wrapper (Mantine's
    // PasswordInput), on the wrapper through :focus-within: the element and two ancestors count.
    const looks = (element: Element) => {
      const chain = [element, element.parentElement, element.parentElement?.parentElement];
      return chain.map((node) => {
        if (!node) return "";
        const computed = getComputedStyle(node);
        const outline = computed.outlineStyle === "none" || computed.outlineWidth === "0px" ? "" : `${computed.outlineStyle} ${computed.outlineColor}`;
        return `${outline}|${computed.boxShadow === "none" ? "" : computed.boxShadow}|${computed.borderColor}`;
      });
    };
    for (const target of targets) {
      const unfocused = await target.evaluate(looks);
      let reached = false;
      for (let presses = 0; presses < 10 && !reached; presses += 1) {
        await page.keyboard.press("Tab");
        reached = await target.evaluate((element) => element === document.activeElement);
      }
      const name = (await target.getAttribute("aria-label")) ?? (await target.evaluate((element) => element.id));
      expect(reached, `Tab reaches ${name}`).toBe(true);
      await expect
        .poll(async () => {
          const focused = await target.evaluate(looks);
          const ownOutline = (focused[0] ?? "").split("|")[0] !== "";
          return ownOutline || focused.some((look, index) => look !== unfocused[index]);
        }, { message: `a visible focus style on ${name} (outline, box-shadow or border)`, timeout: 2000 })
        .toBe(true);
    }
  });
});


for (const role of Object.keys(PEOPLE) as Role[]) {
  test(`every screen offered to the ${role} is accessible`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await signInContext(context, PEOPLE[role]);
    await page.goto("/");
    const phone = (page.viewportSize()?.width ?? 1280) <= PHONE_WIDTH;
    const nav = page.getByRole("navigation", { name: "Main" });
    const toggle = page.getByRole("button", { name: "Toggle navigation" });
    await expect(nav.getByRole("link").first()).toBeAttached();
    const links = await nav.getByRole("link").evaluateAll((anchors) =>
      anchors.map((anchor) => ({ name: anchor.textContent?.trim() ?? "", href: anchor.getAttribute("href") ?? "" })),
    );
    expect(links.length).toBeGreaterThan(1);

    for (const link of links) {
      await test.step(link.name, async () => {
        if (phone) {
          // On a phone the navigation is hidden until asked for.
          await expect(toggle).toBeVisible();
          await expect(nav.getByRole("link", { name: link.name, exact: true })).not.toBeInViewport();
          await toggle.click();
        } else {
          await expect(toggle).toBeHidden();
        }
        await nav.getByRole("link", { name: link.name, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${link.href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
        await settled(page);
        // Offered means allowed: the server does not refuse a screen the navigation offers.
        await expect.soft(page.getByRole("region", { name: "Access denied" })).toHaveCount(0);
        await expectNoSeriousViolations(page, `${link.name} (${role})`);
        await expectNoSidewaysScroll(page, `${link.name} (${role})`);
      });
    }
  });
}
