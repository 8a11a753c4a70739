import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";

/**
 * The cost advisor on the demo's 14 days of history: Sessions, provisioned far above its mostly quiet traffic, is
 * told to switch to on-demand; Events, on-demand with a nightly export scan, is told its mode is fine (the cheaper
 * provisioned options would throttle the scan); /fleet's cost and savings columns sort. Screenshots of each view go
 * to the test's output folder, desktop and phone.
 */
const DAY = 86_400_000;

test.describe("cost advisor", () => {
  test("Sessions: the Cost section recommends on-demand, with the formula behind every figure and the prices' date", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Sessions");
    const section = page.getByTestId("cost-section");
    await expect(section.getByTestId("cost-current")).toHaveAttribute("data-mode", "provisioned", { timeout: 30_000 });
    await expect(section.getByTestId("cost-verdict")).toHaveAttribute("data-switch-to", "on-demand");
    await expect(section.getByTestId("cost-verdict")).toContainText(/on-demand would cost \$[\d.,]+ a month less \(−\d+(\.\d)?%\)/i);
    await expect(section.getByTestId("cost-alternative-on-demand")).toHaveAttribute("data-recommended", "true");
    // Only one option is recommended (whether auto scaling would throttle Sessions' bursts depends on the live minutes;
    // Events' test pins "would throttle" down).
    await expect(section.locator('[data-recommended="true"]')).toHaveCount(1);
    // The prices and the date they were taken, next to the figures.
    await expect(section.getByTestId("cost-prices")).toContainText(/as of 20\d\d-\d\d/);
    await expect(section.getByTestId("cost-window")).toContainText("14 days");

    // The same verdict in the diagnosis panel, from the same answer.
    await expect(page.locator('[data-testid="verdict"][data-kind="capacity-mode-savings"]')).toContainText(/on-demand/i);

    // Every dollar figure shows its formula: on hover (title), and printed on click or with "Show formulas".
    await expect(section.getByTestId("cost-current-month")).toHaveAttribute("title", /throughput \+ .* storage = .*prices as of 20\d\d-\d\d-\d\d/);
    await expect(section.getByTestId("cost-current-throughput")).toHaveAttribute("title", /table reads \+ .* table writes = /);
    await expect(section.locator('[data-testid="cost-current-part"][data-label="table writes"] [title]').first()).toHaveAttribute("title", /WCU-hours .* × \$[\d.]+ per WCU-hour × [\d.]+ .*prices as of/);
    await expect(section.getByTestId("cost-formula")).toHaveCount(0);
    await section.getByTestId("cost-show-formulas").click();
    await expect(page).toHaveURL(/costFormulas=on/);
    await expect(section.getByTestId("cost-formula").filter({ hasText: /per million/ }).first()).toBeVisible();
    expect(await section.getByTestId("cost-formula").count()).toBeGreaterThan(8);

    const overflow = await sidewaysOverflow(page);
    expect(overflow.pixels, overflow.culprits.join("\n")).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: testInfo.outputPath(`cost-sessions-${isMobile ? "phone" : "desktop"}.png`) });
    await page.screenshot({ path: testInfo.outputPath(`cost-sessions-page-${isMobile ? "phone" : "desktop"}.png`), fullPage: true });

    // A shorter range is one click, kept in the URL, and a reload keeps it.
    await section.getByTestId("cost-range-7d").click();
    await expect(page).toHaveURL(/cost=7d/);
    await expect(section).toHaveAttribute("data-range", "7d");
    await expect(section.getByTestId("cost-window")).toContainText("7 days");
    await page.reload();
    await expect(page.getByTestId("cost-section").getByTestId("cost-window")).toContainText("7 days", { timeout: 30_000 });
  });

  test("Events: on-demand is fine, and the cheaper provisioned options say they would throttle", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Events");
    const section = page.getByTestId("cost-section");
    await expect(section.getByTestId("cost-current")).toHaveAttribute("data-mode", "on-demand", { timeout: 30_000 });
    await expect(section.getByTestId("cost-verdict")).toHaveAttribute("data-switch-to", "none");
    await expect(page.locator('[data-testid="verdict"][data-kind="capacity-mode-fine"]')).toBeVisible();
    await expect(section.getByTestId("cost-alternative-on-demand")).toHaveAttribute("data-status", "same-as-now");
    await expect(section.getByTestId("cost-alternative-autoscaling")).toHaveAttribute("data-status", "would-throttle");
    await expect(section.getByTestId("cost-table-class")).toHaveAttribute("data-current", "STANDARD");
    const overflow = await sidewaysOverflow(page);
    expect(overflow.pixels, overflow.culprits.join("\n")).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: testInfo.outputPath(`cost-events-${isMobile ? "phone" : "desktop"}.png`) });
  });

  test("the API states what it used: 14 days of history, the prices and their date, the on-demand formula exactly", async ({ request }) => {
    const response = await request.get("/api/tables/Sessions/cost?range=14d");
    expect(response.status()).toBe(200);
    const cost = (await response.json()) as {
      window: { start: number; end: number };
      monthFactor: number;
      prices: { onDemandReadPerMillion: number; onDemandWritePerMillion: number; date: string; source: string };
      consumed: { readUnits: number; writeUnits: number };
      alternatives: Array<{ mode: string; throughputMonthlyUsd: number }>;
    };
    // The demo publishes 14 days before its history: the whole range is covered.
    expect(cost.window.end - cost.window.start).toBe(14 * DAY);
    expect(cost.prices.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    const onDemand = cost.alternatives.find((option) => option.mode === "on-demand");
    const expected = ((cost.consumed.readUnits * cost.prices.onDemandReadPerMillion + cost.consumed.writeUnits * cost.prices.onDemandWritePerMillion) / 1e6) * ((30 * DAY) / (cost.window.end - cost.window.start));
    expect(onDemand?.throughputMonthlyUsd).toBeCloseTo(expected, 9);
    expect((await request.get("/api/tables/Sessions/cost?range=30d")).status()).toBe(400);
  });

  test("/fleet: monthly cost and potential savings for every table, sortable, the sort in the URL", async ({ page, isMobile }, testInfo) => {
    await page.goto("/fleet");
    const rows = page.getByTestId(isMobile ? "fleet-card" : "fleet-row");
    await expect(rows).toHaveCount(7, { timeout: 60_000 });
    if (isMobile) {
      await expect(page.getByTestId("fleet-card-cost-demo-us-east-1-Sessions")).toContainText(/\$[\d.,]+/);
      await page.getByTestId("fleet-sort-select").selectOption("savings");
    } else {
      for (const table of ["Shop", "Sessions", "Events", "Profiles"]) await expect(page.getByTestId(`fleet-cost-demo-us-east-1-${table}`)).toHaveAttribute("data-state", "value");
      await expect(page.getByTestId("fleet-savings-demo-us-east-1-Sessions")).toHaveAttribute("data-switch-to", "on-demand");
      await expect(page.getByTestId("fleet-savings-demo-us-east-1-Events")).toHaveAttribute("data-state", "muted");
      await page.getByTestId("fleet-sort-savings").click();
      await expect(page.getByTestId("fleet-sort-savings").locator("xpath=ancestor::th")).toHaveAttribute("aria-sort", "descending");
    }
    await expect(page).toHaveURL(/sort=savings/);
    if (!isMobile) {
      // Highest saving first: the first row's saving is at least the second's.
      const savings = await rows.evaluateAll((elements) =>
        elements.map((element) => Number((element.querySelector('[data-testid^="fleet-savings-"]')?.textContent ?? "").replace(/^[^$]*\$([\d,.]+).*$/s, "$1").replace(/,/g, "")) || 0),
      );
      expect(savings[0] ?? 0).toBeGreaterThan(0);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
    }
    const overflow = await sidewaysOverflow(page);
    expect(overflow.pixels, overflow.culprits.join("\n")).toBe(0);
    await page.screenshot({ path: testInfo.outputPath(`fleet-cost-${isMobile ? "phone" : "desktop"}.png`), fullPage: true });
    // A shared link opens in the same order.
    await page.reload();
    await expect(page).toHaveURL(/sort=savings/);
    await expect(rows).toHaveCount(7, { timeout: 60_000 });
  });
});
