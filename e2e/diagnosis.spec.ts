import { HOT_CUSTOMER_PK } from "../local/seed/shop-items";
import { expect, test } from "./support/fixtures";

// The e2e stack runs the demo traffic model as 30 minutes of simulated history through the metering code, so these
// verdicts come from the same signals a live demo produces within its first minutes.
test.describe("diagnosis", () => {
  test("Shop opens with a hot-key verdict naming the workload's hot key, and its evidence links to the partition", async ({ page }) => {
    await page.goto("/tables/Shop");
    const first = page.getByTestId("verdict").first();
    await expect(first).toHaveAttribute("data-kind", "hot-key");
    await expect(first).toHaveAttribute("data-severity", "critical");
    await expect(first).toContainText(HOT_CUSTOMER_PK);
    await expect(first.getByRole("link", { name: "open partition" }).first()).toHaveAttribute("href", new RegExp(encodeURIComponent(HOT_CUSTOMER_PK)));
    await expect(page.getByTestId("verdicts").locator('[data-kind="gsi-back-pressure"]')).toContainText("GSI1");
  });

  test("Sessions shows under-provisioned writes and Events shows scan-heavy", async ({ page }) => {
    await page.goto("/tables/Sessions");
    await expect(page.getByTestId("verdicts").locator('[data-kind="under-provisioned-writes"]')).toBeVisible();
    await page.goto("/tables/Events");
    await expect(page.getByTestId("verdicts").locator('[data-kind="scan-heavy"]')).toBeVisible();
  });

  test("the heat map draws the hot key's row first, and Sessions explains how to enable Contributor Insights", async ({ page }) => {
    await page.goto("/tables/Shop");
    const heatMap = page.getByTestId("heat-map-accessed");
    await expect(heatMap.getByTestId("heat-map-key").first()).toHaveText(HOT_CUSTOMER_PK);
    await expect(heatMap.locator("rect").first()).toBeAttached();
    await page.goto("/tables/Sessions");
    await expect(page.getByTestId("insights-disabled")).toContainText("aws dynamodb update-contributor-insights --table-name Sessions");
  });

  test("the overview is a triage list: each table's worst verdict, worst first", async ({ page, isMobile }) => {
    await page.goto("/");
    const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
    const verdicts = list.getByTestId("worst-verdict");
    // Shop, Sessions, Events and the global table Profiles live in the default account and region.
    await expect(verdicts).toHaveCount(4);
    await expect(verdicts.first()).toHaveAttribute("data-severity", "critical");
    const severities = await verdicts.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-severity")));
    const rank = { critical: 0, warning: 1, info: 2, ok: 3 } as Record<string, number>;
    expect(severities.map((severity) => rank[severity ?? ""] ?? 4)).toEqual([...severities.map((severity) => rank[severity ?? ""] ?? 4)].sort());
  });

  test("each table's line on the overview is the first verdict on its page (same last hour), from a full check", async ({ page, isMobile }) => {
    for (const name of ["Events", "Sessions", "Shop"]) {
      await page.goto("/");
      const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
      const line = list
        .locator(isMobile ? "li" : "tr")
        .filter({ has: page.getByRole("link", { name, exact: true }) })
        .getByTestId("worst-verdict");
      await expect(line).toHaveAttribute("data-check", "full");
      // Each demo table has a problem; the overview used to call Events healthy from its capacity metrics alone.
      await expect(line).not.toHaveAttribute("data-severity", "ok");
      const kind = (await line.getAttribute("data-kind")) ?? "";
      const severity = (await line.getAttribute("data-severity")) ?? "";
      await page.goto(`/tables/${name}`);
      const first = page.getByTestId("verdict").first();
      await expect(first).toHaveAttribute("data-kind", kind);
      await expect(first).toHaveAttribute("data-severity", severity);
    }
  });
});

test("the key heat map follows the capacity charts' crosshair", async ({ page, isMobile }) => {
  test.skip(isMobile, "a hover needs a pointer");
  await page.goto("/tables/Shop");
  await expect(page.getByTestId("heat-map-accessed")).toBeVisible();
  await page.getByTestId("chart-writes").locator(".u-over").hover({ position: { x: 120, y: 40 } });
  await expect(page.getByTestId("heat-map-crosshair")).toBeAttached();
});

test("the capacity charts follow the key heat map's hovered minute", async ({ page, isMobile }) => {
  test.skip(isMobile, "a hover needs a pointer");
  await page.goto("/tables/Shop");
  const cursor = page.getByTestId("chart-writes").locator(".u-cursor-x");
  await expect(cursor).toBeAttached();
  await page.getByTestId("heat-map-accessed").locator("rect").nth(10).hover();
  await expect(cursor).not.toHaveClass(/u-off/);
  await page.mouse.move(0, 0);
  await expect(cursor).toHaveClass(/u-off/);
});
