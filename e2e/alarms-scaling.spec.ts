import { DEMO_SCALING, SESSIONS_THROTTLE_ALARM, SHOP_READS_ALARM } from "../local/stack/demo-scaling";
import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";

// The e2e stack's 30 simulated minutes evaluate the demo's alarms and auto scaling minute by minute: Sessions' write
// throttle alarm fires, Shop's read alarm stays OK, and Shop's GSI1 writes scale out to their maximum.
test.describe("alarms and auto scaling", () => {
  test("Sessions: the firing alarm heads the verdicts, is listed in ALARM, and is drawn on the throttle chart", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Sessions");
    const first = page.getByTestId("verdict").first();
    await expect(first).toHaveAttribute("data-kind", "alarm-firing");
    await expect(first).toContainText(`Alarm “${SESSIONS_THROTTLE_ALARM}” is firing since`);
    await expect(page.getByTestId("verdicts").locator('[data-kind="no-auto-scaling"]')).toBeVisible();

    const alarm = page.getByTestId("alarm-list").getByTestId("alarm").filter({ hasText: SESSIONS_THROTTLE_ALARM });
    await expect(alarm).toHaveAttribute("data-state", "ALARM");
    await expect(alarm).toContainText("Sum of WriteThrottleEvents above 0 in 1 of 1 period of 5 min");
    await expect(page.getByTestId("alarms-card")).toContainText("1 in ALARM");
    await expect(page.getByTestId("scaling-none")).toBeVisible();

    const throttles = page.getByTestId("chart-throttles");
    await expect(throttles.locator('[data-overlay="threshold"][data-state="ALARM"]')).toContainText(SESSIONS_THROTTLE_ALARM);
    await expect(throttles.locator('[data-overlay="alarm-band"]')).toBeVisible();
    const device = isMobile ? "phone" : "desktop";
    await page.screenshot({ path: testInfo.outputPath(`sessions-${device}.png`), fullPage: true });
    await page.getByTestId("alarms-card").screenshot({ path: testInfo.outputPath(`sessions-cards-${device}.png`) });
    await throttles.screenshot({ path: testInfo.outputPath(`sessions-throttles-${device}.png`) });
  });

  test("Shop: the OK alarm's threshold is a line on the reads chart, and GSI1's scale-outs are marked and listed", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Shop");
    const alarm = page.getByTestId("alarm-list").getByTestId("alarm").filter({ hasText: SHOP_READS_ALARM });
    await expect(alarm).toHaveAttribute("data-state", "OK");
    // 80% of 100 RCU over a one-minute period, drawn per second.
    await expect(page.getByTestId("chart-reads").locator('[data-overlay="threshold"][data-state="OK"]')).toContainText("(> 80)");
    // Auto scaling's own alarms are listed apart and never counted as firing.
    await expect(page.getByTestId("autoscaling-alarms")).toContainText("Auto scaling's own alarms");
    // Their long names and reasons wrap: the cards never push the page sideways on a phone.
    expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });

    const target = page.locator(`[data-testid="scaling-target"][data-resource="${DEMO_SCALING.resourceId}"][data-kind="write"]`);
    await expect(target).toContainText(`${DEMO_SCALING.min}–${DEMO_SCALING.max} WCU`);
    await expect(target.locator('[data-testid="scaling-activity"][data-direction="out"]').first()).toBeVisible();
    await expect(target.locator('[data-testid="scaling-not-scaled"][data-reason="AlreadyAtMaxCapacity"]')).toContainText("stopped at the maximum");
    await expect(page.getByTestId("verdicts").locator('[data-kind="scaling-at-maximum"]')).toContainText(DEMO_SCALING.index);

    // The GSI's own charts carry its activities as markers.
    await page.goto(`/tables/Shop?gsi=${DEMO_SCALING.index}`);
    const writes = page.getByTestId("chart-writes");
    await expect(writes.locator('[data-overlay="scaling-activity"][data-direction="out"]').first()).toBeVisible();
    await expect(writes.locator("canvas").first()).toBeVisible();
    await page.getByTestId("chart-writes").scrollIntoViewIfNeeded();
    const device = isMobile ? "phone" : "desktop";
    await page.screenshot({ path: testInfo.outputPath(`shop-gsi1-${device}.png`), fullPage: true });
    await writes.screenshot({ path: testInfo.outputPath(`shop-gsi1-writes-${device}.png`) });
    await page.getByTestId("scaling-card").screenshot({ path: testInfo.outputPath(`shop-scaling-${device}.png`) });
    await page.getByTestId("alarms-card").screenshot({ path: testInfo.outputPath(`shop-alarms-${device}.png`) });
  });

  test("zoomed to when GSI1's throttling began, the verdict says how late auto scaling reacted", async ({ page, isMobile }) => {
    test.skip(isMobile, "one browser is enough for a zoomed window");
    // The history starts GSI1 at its minimum, so it throttles at once and scales out minutes later (then sits at its
    // maximum, which is what the default window says): the minutes before the first scale-out show the slow reaction.
    const scaling = (await (await page.request.get("/api/tables/Shop/scaling?range=1h")).json()) as { targets: Array<{ resourceId: string; kind: string; activities: Array<{ start: number; direction: string | null; notScaledReasons: string[] }> }> };
    const target = scaling.targets.find((entry) => entry.resourceId === DEMO_SCALING.resourceId && entry.kind === "write");
    const firstOut = target?.activities.find((activity) => activity.direction === "out" && activity.notScaledReasons.length === 0);
    expect(firstOut).toBeDefined();
    const start = Math.floor(((firstOut?.start ?? 0) - 10 * 60_000) / 60_000) * 60_000;
    const end = Math.ceil(((firstOut?.start ?? 0) + 60_000) / 60_000) * 60_000;
    await page.goto(`/tables/Shop?gsi=${DEMO_SCALING.index}&start=${start}&end=${end}`);
    await expect(page.getByTestId("verdicts").locator('[data-kind="scaling-slow"]')).toContainText(/reacted \d+ minutes? after they began to be turned away/);
  });

  test("the overview puts the table with an alarm in ALARM first, with its count", async ({ page, isMobile }) => {
    await page.goto("/");
    const list = page.getByTestId(isMobile ? "tables-cards" : "tables-grid");
    const firstRow = list.locator(isMobile ? "li" : "tbody tr").first();
    await expect(firstRow.getByRole("link", { name: "Sessions", exact: true })).toBeVisible();
    await expect(firstRow.getByTestId("alarms-in-alarm")).toHaveAttribute("data-count", "1");
    await expect(firstRow.getByRole("img", { name: "1 CloudWatch alarm in ALARM" })).toBeVisible();
  });
});
