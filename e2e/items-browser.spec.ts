import { shopItems } from "../local/seed/shop-items";
import { THIRTY_EIGHT_DIGITS } from "../local/seed/special-items";
import { expect, test } from "./support/fixtures";

// The demo's largest partition, computed from the same deterministic seed the e2e stack loaded.
const sizes = new Map<string, number>();
for (const item of shopItems()) {
  const pk = item.PK?.S ?? "";
  sizes.set(pk, (sizes.get(pk) ?? 0) + 1);
}
const [largestPk = "", largestCount = 0] = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];

test.describe("items browser", () => {
  test("opens the largest partition, pages through it and counts it exactly", async ({ page }) => {
    await page.goto("/tables/Shop");
    await page.getByRole("link", { name: "Browse items" }).click();
    await expect(page.getByTestId("partition-scan-label")).toContainText("storage order");
    await page.getByLabel(/Go to partition/).fill(largestPk);
    await page.getByRole("button", { name: "Go", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`pk=${encodeURIComponent(largestPk)}`));
    await expect(page.getByTestId("selected-partition")).toHaveText(largestPk);
    await expect(page.getByTestId("cost-line")).toContainText("100 items loaded");
    await expect(page.getByTestId("cost-line")).toContainText("1 request");
    for (const loaded of [200, 300]) {
      await page.getByRole("button", { name: "Load 100 more" }).click();
      await expect(page.getByTestId("cost-line")).toContainText(`${loaded} items loaded`);
    }
    await page.getByRole("button", { name: "Count items" }).click();
    await expect(page.getByTestId("partition-count")).toContainText(`${largestCount.toLocaleString("en-US")} items`);
    await expect(page.getByTestId("partition-count")).toContainText("RCU");
  });

  test("shows the 38-digit number exactly, from the list and from the item's own link", async ({ page }) => {
    await page.goto(`/tables/Shop/items?pk=${encodeURIComponent("SPECIAL#types")}`);
    const list = page.getByRole("listbox", { name: /Items in partition/ });
    await list.getByRole("option", { name: /NUMBERS/ }).click();
    const panel = page.getByRole("dialog");
    await expect(panel).toContainText(THIRTY_EIGHT_DIGITS);
    await expect(panel).toContainText("-0.000123");
    await expect(page).toHaveURL(/item=/);
    await panel.getByRole("tab", { name: "Plain JSON" }).click();
    await expect(panel).toContainText(`"big": ${THIRTY_EIGHT_DIGITS}`);
    const permalink = await panel.getByRole("link", { name: "Link to this item" }).getAttribute("href");
    expect(permalink).toBeTruthy();
    await page.goto(permalink ?? "/");
    await expect(page.getByText(THIRTY_EIGHT_DIGITS, { exact: true })).toBeVisible();
  });

  test("is usable from the keyboard: arrows move, Enter opens, Escape closes", async ({ page }) => {
    await page.goto(`/tables/Shop/items?pk=${encodeURIComponent("SPECIAL#types")}`);
    const list = page.getByRole("listbox", { name: /Items in partition/ });
    await expect(list.getByRole("option")).toHaveCount(5);
    await list.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toContainText("SPECIAL#types · NUMBERS");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).not.toHaveURL(/item=/);
  });

  test("renders hostile strings as inert text", async ({ page }) => {
    await page.goto(`/tables/Shop/item?key=${encodeURIComponent(JSON.stringify({ PK: { S: "SPECIAL#types" }, SK: { S: "UNICODE" } }))}`);
    await expect(page.getByText('<script>alert("not executed")</script>', { exact: false })).toBeVisible();
    await expect(page.getByText("東京")).toBeVisible();
  });

  test("groups a scan by partition and links each group to its partition", async ({ page }) => {
    await page.goto("/tables/Shop/items?view=scan");
    const groups = page.getByTestId("scan-groups");
    const open = groups.getByRole("button", { name: "Open partition →" }).first();
    await expect(open).toBeVisible();
    await open.click();
    await expect(page).toHaveURL(/pk=/);
    await expect(page.getByTestId("selected-partition")).not.toBeEmpty();
  });

  test("browses a GSI", async ({ page }) => {
    await page.goto(`/tables/Shop/items?index=GSI1&pk=${encodeURIComponent("STATUS#PAID")}&order=desc`);
    await expect(page.getByTestId("selected-partition")).toHaveText("STATUS#PAID");
    await expect(page.getByRole("listbox", { name: /Items in partition/ }).getByRole("option").first()).toBeVisible();
  });
});
