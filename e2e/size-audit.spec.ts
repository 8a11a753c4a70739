import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";

test.describe("size audit", () => {
  test("a full audit of Shop finds the large items and links to them", async ({ page, isMobile }) => {
    test.skip(isMobile, "one run of a 50k-item audit is enough; the phone layout is covered by screenshots");
    test.setTimeout(120_000);
    await page.goto("/tables/Shop");
    const audit = page.getByTestId("size-audit");
    await audit.getByLabel("Read").selectOption("full");
    // Shop is provisioned at 100 RCU/s and the metering proxy enforces it; stay under it.
    await audit.getByLabel("Max RCU per second").fill("80");
    await audit.getByLabel("RCU budget").fill("5000");
    await audit.getByRole("button", { name: "Run size audit" }).click();
    await expect(page.getByTestId("size-audit").getByTestId("job-progress")).toHaveAttribute("data-status", "running");
    await expect(page.getByTestId("size-audit").getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
    await expect(page.getByTestId("size-audit").getByTestId("job-progress")).toContainText("read the whole table");
    const over = page.getByTestId("audit-over-threshold");
    await expect(over).toContainText("At or over 350 KB: 2");
    await expect(over.getByRole("link", { name: /catalog-399k/ })).toBeVisible();
    await expect(over.getByRole("link", { name: /manual-350k/ })).toBeVisible();
    await expect(page.getByTestId("audit-largest-list").getByRole("link").first()).toContainText("catalog-399k");
    await expect(page.getByTestId("audit-collections")).toBeVisible();
    // The results outlive the page: reload and they are still there.
    await page.reload();
    await expect(page.getByTestId("audit-over-threshold")).toContainText("At or over 350 KB: 2");
    await over.getByRole("link", { name: /catalog-399k/ }).click();
    await expect(page.getByTestId("item-size")).toHaveAttribute("data-level", "high");
  });

  test("on a phone, an audit's results fit the screen", async ({ page, isMobile }) => {
    test.skip(!isMobile, "the desktop layout has room; the full audit above covers the results");
    test.setTimeout(120_000);
    const started = await page.request.post("/api/tables/Shop/jobs", { data: { kind: "size-audit", mode: "sample", sampleSize: 2000, rcuBudget: 2000, rcuPerSecond: 50, segments: 2 } });
    expect(started.status()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await expect.poll(async () => ((await (await page.request.get(`/api/jobs/${id}`)).json()) as { job: { status: string } }).job.status, { timeout: 90_000 }).not.toBe("running");
    await page.goto("/tables/Shop");
    await expect(page.getByTestId("audit-histogram")).toBeVisible();
    // The size labels ("DescribeTable mean ≈") once held the histogram card wider than a phone.
    expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });
  });
});
