import type { MetricsResponse } from "../lib/metrics/metrics-response";
import { expect, test } from "./support/fixtures";

type DrawnSeries = Record<string, Array<number | null>>;

async function drawn(page: import("@playwright/test").Page, chart: string): Promise<DrawnSeries> {
  const raw = await page.getByTestId(chart).locator("details[data-series]").getAttribute("data-series");
  return JSON.parse(raw ?? "{}") as DrawnSeries;
}

test.describe("capacity and throttling", () => {
  test("Shop shows consumed against provisioned, throttle bars by cause, and the summary line", async ({ page }) => {
    await page.goto("/tables/Shop");
    const section = page.getByTestId("capacity-section");
    await expect(section.getByTestId("capacity-summary")).toContainText(/key range \(hot partition\) throttle events since \d\d:\d\d UTC/);
    await expect(page.getByTestId("chart-reads").locator("canvas").first()).toBeVisible();
    const reads = await drawn(page, "chart-reads");
    expect(reads["Consumed reads"]?.some((value) => value !== null && value > 0)).toBe(true);
    expect(new Set(reads["Provisioned reads"]?.filter((value) => value !== null))).toEqual(new Set([100]));
    const throttles = await drawn(page, "chart-throttles");
    expect(throttles["key range (hot partition)"]?.some((value) => value !== null && value > 0)).toBe(true);
    await expect(page.getByTestId("chart-throttles").locator("[data-empty]")).toHaveCount(0);
  });

  test("switching range updates the URL and draws exactly what the API returns", async ({ page, request }) => {
    await page.goto("/tables/Shop");
    await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "3h" }).click();
    await expect(page).toHaveURL(/range=3h/);
    await expect(page.getByRole("button", { name: "3h" })).toHaveAttribute("aria-pressed", "true");
    const api = (await (await request.get("/api/tables/Shop/metrics?range=3h")).json()) as MetricsResponse;
    const consumed = api.series.find((series) => series.metric === "ConsumedWriteCapacityUnits" && series.scope.index === null && series.scope.operation === null);
    await expect(async () => {
      const writes = await drawn(page, "chart-writes");
      expect(writes["Consumed writes"]?.length).toBe(api.timestamps.length);
      // The chart may have been fetched a moment apart from our API call; compare the settled periods.
      const settled = api.partialFrom === null ? api.timestamps.length : api.timestamps.indexOf(api.partialFrom);
      expect(writes["Consumed writes"]?.slice(0, settled)).toEqual(consumed?.values.slice(0, settled));
    }).toPass();
  });

  test("a GSI can be chosen and Sessions shows provisioned-throughput throttling", async ({ page }) => {
    await page.goto("/tables/Shop?gsi=GSI1");
    await expect(page.getByRole("heading", { name: /Capacity and throttling/ })).toContainText("GSI GSI1");
    await page.goto("/tables/Sessions");
    await expect(page.getByTestId("capacity-summary")).toContainText("provisioned throughput exceeded throttle events");
  });

  test("metrics failing leaves the rest of the page working", async ({ page }) => {
    await page.route("**/api/tables/Shop/metrics**", (route) => route.fulfill({ status: 502, contentType: "application/json", body: JSON.stringify({ error: { code: "UPSTREAM", message: "CloudWatch failed: ThrottlingException: Rate exceeded." } }) }));
    await page.goto("/tables/Shop");
    await expect(page.getByRole("alert").filter({ hasText: "CloudWatch metrics are unavailable" })).toContainText("ThrottlingException");
    await expect(page.getByTestId("index-list")).toContainText("GSI1");
    await expect(page.getByRole("link", { name: "Browse items" })).toBeVisible();
  });
});
