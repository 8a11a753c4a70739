import { renderPdfToPng } from "./support/render-pdf";
import { expect, test } from "./support/fixtures";

// The e2e stack's history: a deploy role lowers Sessions' write capacity from 20 to 5 early on, and its bursts
// throttle from then; the local CloudWatch holds the same window a day and a week earlier.
test.describe("what changed, compared with when, and the incident report", () => {
  test("Sessions: the change is on the timeline, marked on the charts, and named by the verdict", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Sessions");
    const change = page.getByTestId("change-timeline").getByTestId("change").filter({ hasText: "write capacity 20 → 5" });
    await expect(change).toBeVisible();
    await expect(change).toContainText("deploy");
    await expect(page.getByTestId("chart-writes").locator('[data-overlay="change"]').filter({ hasText: "write capacity 20 → 5" })).toBeVisible();
    await expect(page.getByTestId("chart-requests").locator('[data-overlay="change"]').first()).toBeVisible();
    const verdict = page.getByTestId("verdicts").locator('[data-kind="changed-before"]');
    await expect(verdict).toContainText(/lowered from 20 to 5/);
    await page.getByTestId("changes-card").screenshot({ path: testInfo.outputPath(`sessions-changes-${isMobile ? "phone" : "desktop"}.png`) });
  });

  test("Compare overlays last week's window on the charts and states the difference", async ({ page, isMobile }, testInfo) => {
    await page.goto("/tables/Shop");
    await page.getByRole("group", { name: "Compare with" }).getByRole("button", { name: "last week" }).click();
    await expect(page).toHaveURL(/compare=1w/);
    const writes = page.getByTestId("chart-writes");
    await expect(writes.locator("details[data-series]")).toHaveAttribute("data-series", /Consumed writes, last week/);
    await expect(page.getByTestId("capacity-summary")).toContainText("last week");
    await writes.screenshot({ path: testInfo.outputPath(`shop-compare-${isMobile ? "phone" : "desktop"}.png`) });
    await page.getByRole("group", { name: "Compare with" }).getByRole("button", { name: "yesterday" }).click();
    await expect(page).toHaveURL(/compare=1d/);
    await expect(writes.locator("details[data-series]")).toHaveAttribute("data-series", /Consumed writes, yesterday/);
  });

  test("Report freezes the window and writes a self-contained, printable report", async ({ page, context, isMobile }, testInfo) => {
    test.skip(isMobile, "the report is one file; one browser is enough to print it");
    await page.goto("/tables/Sessions");
    await page.getByTestId("report").getByRole("button", { name: "Report" }).click();
    await expect(page).toHaveURL(/start=\d+&end=\d+|end=\d+.*start=\d+/);
    const htmlHref = await page.getByTestId("report-html").getAttribute("href");
    const mdHref = await page.getByTestId("report-md").getAttribute("href");
    expect(htmlHref).toMatch(/format=html/);

    const html = await (await page.request.get(htmlHref ?? "")).text();
    expect(html).toContain("<svg");
    expect(html).toContain("write capacity 20 → 5");
    expect(html).not.toMatch(/<script/i);

    // Opened with the network blocked: the report must not ask for anything.
    const reportPage = await context.newPage();
    const requested: string[] = [];
    await reportPage.route("**/*", (route) => {
      requested.push(route.request().url());
      return route.abort();
    });
    await reportPage.setContent(html, { waitUntil: "load" });
    await expect(reportPage.locator("svg").first()).toBeVisible();
    expect(requested).toEqual([]);
    await reportPage.screenshot({ path: testInfo.outputPath("report-html.png"), fullPage: true });
    const pdf = await reportPage.pdf({ format: "A4", printBackground: true });
    await reportPage.close();

    const viewer = await context.newPage();
    const pages = await renderPdfToPng(viewer, pdf, testInfo.outputPath("report-printed-a4.png"));
    expect(pages).toBeGreaterThan(0);
    await viewer.close();

    const markdown = await (await page.request.get(mdHref ?? "")).text();
    expect(markdown).toMatch(/^# /m);
    expect(markdown).toContain("write capacity 20 → 5");
  });
});
