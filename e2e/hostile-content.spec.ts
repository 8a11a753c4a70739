import type { Locator, Page } from "@playwright/test";
import { SPECIAL_PK, specialItems } from "../local/seed/special-items";
import { expect, test } from "./support/fixtures";

/**
 * Stored and typed markup must render as inert text everywhere the dashboard shows a value. The shared fixture already
 * fails a test on any dialog (alert) or page error; on top of that, the typed payloads set a `window.__xss` sentinel if
 * they ever run, and no element that a payload would create (an <img onerror>) may appear.
 */

const unicodeItem = specialItems().find((item) => item.SK?.S === "UNICODE");
const MARKUP = unicodeItem?.markup?.S ?? "";
const KEY = JSON.stringify({ PK: { S: SPECIAL_PK }, SK: { S: "UNICODE" } });
/** How the markup looks inside JSON text: quotes escaped, nothing else changed. */
const MARKUP_AS_JSON = JSON.stringify(MARKUP).slice(1, -1);

/** Typed into the partition box: if any of these ran, window.__xss would be set. */
const TYPED_PAYLOADS = [
  "<script>window.__xss='script'</script>",
  '"><img src=x onerror="window.__xss=\'img\'">',
  "<svg onload=\"window.__xss='svg'\"></svg>",
  "javascript:window.__xss='href'",
];

async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  // Elements the payloads would create had they been parsed as HTML.
  await expect(page.locator("img[src='x'], [onerror], [onload], svg[onload]")).toHaveCount(0);
}

/** The item's value in the tree view, then in DynamoDB JSON and plain JSON, each shown literally. */
async function checkItemViews(page: Page, scope: Locator): Promise<void> {
  await expect(scope.getByText(MARKUP, { exact: true })).toBeVisible();
  await expectInert(page);
  await scope.getByRole("tab", { name: "DynamoDB JSON" }).click();
  await expect(scope).toContainText(`"S": "${MARKUP_AS_JSON}"`);
  await expectInert(page);
  await scope.getByRole("tab", { name: "Plain JSON" }).click();
  await expect(scope).toContainText(`"markup": "${MARKUP_AS_JSON}"`);
  await expectInert(page);
}

test.describe("hostile content", () => {
  test.beforeEach(() => {
    expect(MARKUP).toContain("<script>");
    expect(MARKUP).toContain('"><img src=x onerror=alert(1)>');
  });

  test("renders stored markup as text in the item panel: tree, DynamoDB JSON and plain JSON", async ({ page }) => {
    await page.goto(`/tables/Shop/items?pk=${encodeURIComponent(SPECIAL_PK)}`);
    await page.getByRole("listbox", { name: /Items in partition/ }).getByRole("option", { name: /UNICODE/ }).click();
    const panel = page.getByRole("dialog");
    await expect(panel).toContainText(`${SPECIAL_PK} · UNICODE`);
    await checkItemViews(page, panel);
  });

  test("renders stored markup as text on the item's own page", async ({ page }) => {
    await page.goto(`/tables/Shop/item?key=${encodeURIComponent(KEY)}`);
    await checkItemViews(page, page.locator("main"));
  });

  for (const payload of TYPED_PAYLOADS) {
    test(`shows a typed partition key literally and runs nothing: ${payload}`, async ({ page }) => {
      await page.goto("/tables/Shop/items");
      await page.getByLabel(/Go to partition/).fill(payload);
      await page.getByRole("button", { name: "Go", exact: true }).click();
      await expect(page.getByTestId("selected-partition")).toHaveText(payload);
      // Compared decoded: the URL may encode the same value in more than one way (a space as "+" or "%20").
      await expect.poll(() => new URL(page.url()).searchParams.get("pk")).toBe(payload);
      await expectInert(page);
      // Reloading renders the value from the URL on the server too.
      await page.reload();
      await expect(page.getByTestId("selected-partition")).toHaveText(payload);
      await expectInert(page);
    });
  }

  test("runs nothing when the item page URL's key holds markup", async ({ page }) => {
    const key = JSON.stringify({ PK: { S: TYPED_PAYLOADS[1] }, SK: { S: TYPED_PAYLOADS[0] } });
    await page.goto(`/tables/Shop/item?key=${encodeURIComponent(key)}`);
    await expect(page.locator("main")).toBeVisible();
    await expectInert(page);
  });
});
