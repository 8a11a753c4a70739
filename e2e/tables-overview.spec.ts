import { expect, test } from "./support/fixtures";

test.describe("tables overview", () => {
  test("lists the three demo tables with their capacity and keys", async ({ page, isMobile }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Tables" })).toBeVisible();
    // The demo history throttles Shop (hot key) and Sessions (provisioned writes), and the top line says so.
    await expect(page.getByTestId("overview-summary")).toContainText("Throttled in the last hour:");
    await expect(page.getByTestId("overview-summary")).toContainText(/Sessions \([\d,]+ provisioned\)/);
    await expect(page.getByTestId("overview-summary")).toContainText(/Shop \([\d,]+ key range/);
    const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
    for (const name of ["Shop", "Sessions", "Events"]) await expect(list.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(list).toContainText("100 RCU · 50 WCU");
    await expect(list).toContainText("max 400 RRU/s · max 200 WRU/s");
    await expect(list).toContainText("PK (S) · SK (S)");
    // The desktop grid trades the TTL column for last-hour metrics; the cards and the table page still show it.
    if (isMobile) await expect(list).toContainText("expiresAt");
    else await expect(list).toContainText(/R \d+%/);
  });

  test("filters by name, keeps the filter in the URL, and focuses it with /", async ({ page, isMobile }) => {
    await page.goto("/");
    // The shortcut works once the page has hydrated; retry the key press until then.
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(page.getByPlaceholder(/Filter tables/)).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.type("sess");
    await expect(page).toHaveURL(/\?q=sess$/);
    const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
    await expect(list.getByRole("link")).toHaveCount(1);
    await page.reload();
    await expect(page.getByPlaceholder(/Filter tables/)).toHaveValue("sess");
    await expect(list.getByRole("link", { name: "Sessions" })).toBeVisible();
  });
});

test.describe("table page", () => {
  test("shows the full description of Shop, indexes included", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Shop", exact: true }).first().click();
    // Links inside a page carry the account and region it reads.
    await expect(page).toHaveURL(/\/tables\/Shop\?account=demo&region=us-east-1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Shop" })).toBeVisible();
    await expect(page.getByTestId("table-health")).toHaveText("Shop is active and all 3 indexes are active.");
    const indexes = page.getByTestId("index-list");
    await expect(indexes).toContainText("GSI1");
    await expect(indexes).toContainText("GSI1PK (S) · GSI1SK (S)");
    await expect(indexes).toContainText("ByOrderTotal");
    await expect(indexes).toContainText("include status, placedAt");
    await expect(indexes).toContainText("shares the table's");
    await expect(page.getByText("arn:aws:dynamodb:ddblocal:000000000000:table/Shop")).toBeVisible();
  });

  test("explains terms in plain language on focus", async ({ page }) => {
    await page.goto("/tables/Sessions");
    await page.getByRole("button", { name: "About capacity" }).focus();
    await expect(page.getByRole("tooltip")).toContainText("How much reading and writing a table may do per second");
  });

  test("answers an unknown table with a not-found page and the API with a 404 envelope", async ({ page, request }) => {
    const response = await page.goto("/tables/NoSuchTable");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    const api = await request.get("/api/tables/NoSuchTable");
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("NoSuchTable") } });
  });
});
