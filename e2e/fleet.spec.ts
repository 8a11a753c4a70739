import { expect, test } from "./support/fixtures";

/**
 * The demo fleet: account `demo` in us-east-1 (Shop, Sessions, Events, Profiles) and eu-west-1 (the Profiles replica,
 * Invoices), and account `analytics` in us-east-1 (Reports). Screenshots of each view go to the test's output folder.
 */
test.describe("accounts, regions and the fleet", () => {
  test("the header switches region and account, and the choice stays in the URL", async ({ page, isMobile }) => {
    await page.goto("/");
    const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
    await expect(list.getByRole("link", { name: "Shop", exact: true })).toBeVisible();
    await page.getByRole("combobox", { name: "Region" }).selectOption("eu-west-1");
    await expect(page).toHaveURL(/account=demo&region=eu-west-1/);
    await expect(list.getByRole("link", { name: "Invoices", exact: true })).toBeVisible();
    await expect(list.getByRole("link", { name: "Shop", exact: true })).toHaveCount(0);
    // Links inside the page keep the scope.
    await expect(list.getByRole("link", { name: "Profiles", exact: true })).toHaveAttribute("href", /\/tables\/Profiles\?account=demo&region=eu-west-1/);

    await page.getByRole("combobox", { name: "Account" }).selectOption("analytics");
    await expect(page).toHaveURL(/account=analytics&region=us-east-1/);
    await expect(list.getByRole("link", { name: "Reports", exact: true })).toBeVisible();
    // A reload (or a shared link) shows the same scope.
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Account" })).toHaveValue("analytics");
    await expect(list.getByRole("link", { name: "Reports", exact: true })).toBeVisible();
  });

  test("an unknown account or region is a 400 that lists the known ones", async ({ page, request }) => {
    const response = await page.goto("/?account=prod");
    expect(response?.status()).toBe(400);
    await expect(page.locator("body")).toContainText('Unknown account "prod". Known accounts: demo, analytics.');
    const api = await request.get("/api/tables?account=demo&region=ap-south-1");
    expect(api.status()).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "BAD_REQUEST", message: 'Unknown region "ap-south-1" for account demo. Known regions: us-east-1, eu-west-1.' } });
  });

  test("/fleet lists every account and region, trouble first, with filters in the URL", async ({ page, isMobile }, testInfo) => {
    await page.goto("/fleet");
    await expect(page.getByRole("heading", { name: "Fleet" })).toBeVisible();
    const rows = page.getByTestId(isMobile ? "fleet-card" : "fleet-row");
    await expect(page.getByTestId("fleet-counts")).toContainText("in 3 of 3 account–region pairs");
    await expect(rows).toHaveCount(7);
    if (!isMobile) {
      const scopes = await rows.evaluateAll((elements) => elements.map((element) => `${element.getAttribute("data-account")}/${element.getAttribute("data-region")}/${element.getAttribute("data-table")}`));
      expect(new Set(scopes)).toEqual(
        new Set(["demo/us-east-1/Shop", "demo/us-east-1/Sessions", "demo/us-east-1/Events", "demo/us-east-1/Profiles", "demo/eu-west-1/Profiles", "demo/eu-west-1/Invoices", "analytics/us-east-1/Reports"]),
      );
      // Trouble first: the first row is critical (the demo history throttles Shop and Sessions).
      await expect(rows.first().getByTestId("worst-verdict")).toHaveAttribute("data-severity", "critical");
    }
    await page.screenshot({ path: testInfo.outputPath("fleet.png"), fullPage: true });

    await page.getByRole("combobox", { name: "Only account" }).selectOption("analytics");
    await expect(page).toHaveURL(/inAccount=analytics/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Reports");
    await rows.first().getByRole("link", { name: "Reports" }).click();
    await expect(page).toHaveURL(/\/tables\/Reports\?account=analytics&region=us-east-1/);
    await expect(page.getByRole("heading", { name: "Reports" })).toBeVisible();
  });

  test("a global table lists its replica, charts replication, warns that eu-west-1 falls behind, and links to the replica", async ({ page }, testInfo) => {
    await page.goto("/tables/Profiles?account=demo&region=us-east-1");
    const card = page.getByTestId("global-table");
    await expect(card.getByTestId("replica")).toHaveAttribute("data-region", "eu-west-1");
    await expect(page.getByTestId("replication-charts")).toBeVisible();
    await expect(page.locator('[data-testid="verdict"][data-kind="replica-lag"]').first()).toContainText("eu-west-1");
    await page.screenshot({ path: testInfo.outputPath("global-table.png"), fullPage: true });
    await card.getByRole("link", { name: /eu-west-1/ }).click();
    await expect(page).toHaveURL(/\/tables\/Profiles\?account=demo&region=eu-west-1/);
    await expect(page.getByRole("combobox", { name: "Region" })).toHaveValue("eu-west-1");
    await expect(page.getByTestId("global-table").getByTestId("replica")).toHaveAttribute("data-region", "us-east-1");
  });
});
