import { HOT_DEVICE_ID } from "../local/seed/session-and-event-items";
import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";
import { AS_VIEWER, proxyAuthUrl } from "./support/proxy-auth";
import { runPrefix, startTraffic, type TrafficRun } from "./support/stream-traffic";

// The e2e stack has no live workload, so these specs write their own traffic (under keys of their own) while they
// watch: Shop has a NEW_AND_OLD_IMAGES stream, Events a NEW_IMAGE one, Sessions none.

const rowsOf = (page: import("@playwright/test").Page) => page.getByTestId("tail-row");

test.describe("the live tail", () => {
  let traffic: TrafficRun | null = null;
  test.afterEach(async () => {
    await traffic?.stop();
    traffic = null;
  });

  test("Shop: live rows appear, Pause freezes them, Resume brings new ones", async ({ page, isMobile }, testInfo) => {
    const prefix = runPrefix("tail");
    traffic = startTraffic("Shop", 4, (n) => ({ put: { PK: { S: `${prefix}#${n}` }, SK: { S: "PROFILE" }, entity: { S: "E2E" }, n: { N: String(n) } } }));
    await page.goto("/tables/Shop");
    await page.getByTestId("stream-link").click();
    await expect(page).toHaveURL(/\/tables\/Shop\/stream/);
    await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "running");
    await expect(rowsOf(page).filter({ hasText: prefix }).first()).toBeVisible();
    await expect(page.getByTestId("tail-read-cost")).toContainText("GetRecords calls");

    const toggle = page.getByTestId("tail-toggle");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(toggle).toHaveText("Resume");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const frozenCount = await rowsOf(page).count();
    const frozenFirst = await rowsOf(page).first().getByTestId("tail-row-key").textContent();
    // Wait until the tail itself holds newer records than the page shows, so "unchanged" means frozen, not idle.
    await expect
      .poll(async () => {
        const body = (await (await page.request.get("/api/tables/Shop/stream/records?limit=1")).json()) as { records: Array<{ keys: { PK?: { S?: string } } }> };
        return body.records[0]?.keys.PK?.S ?? null;
      })
      .not.toBe(frozenFirst?.split(" · ")[0] ?? null);
    expect(await rowsOf(page).count()).toBe(frozenCount);
    await expect(rowsOf(page).first().getByTestId("tail-row-key")).toHaveText(frozenFirst ?? "");

    await toggle.click();
    await expect(toggle).toHaveText("Pause");
    await expect(rowsOf(page).first().getByTestId("tail-row-key")).not.toHaveText(frozenFirst ?? "");

    // The newest record opens to its images: an INSERT has a new image and no old one.
    const newest = rowsOf(page).filter({ hasText: prefix }).first();
    await toggle.click();
    await newest.getByRole("button").first().click();
    await expect(newest.getByTestId("new-image")).toContainText("entity");
    await expect(newest.getByTestId("old-image")).toContainText(/None: the write created the item|Not recorded/);
    await page.getByTestId("live-tail").screenshot({ path: testInfo.outputPath(`stream-tail-${isMobile ? "phone" : "desktop"}.png`) });
    expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });
  });

  test("filters by event name and key prefix, and keeps them in the link", async ({ page }) => {
    const prefix = runPrefix("filter");
    // Each key is put, then deleted: INSERT and REMOVE records in turn.
    traffic = startTraffic("Shop", 4, (n) => {
      const key = { PK: { S: `${prefix}#${Math.floor(n / 2)}` }, SK: { S: "PROFILE" } };
      return n % 2 === 0 ? { put: { ...key, entity: { S: "E2E" } } } : { delete: key };
    });
    await page.goto("/tables/Shop/stream");
    // Rows come from the client's first poll, so once one shows the page is hydrated and the toggles respond.
    await expect(rowsOf(page).first()).toBeVisible();
    const events = page.getByRole("group", { name: "Event types" });
    await events.getByRole("button", { name: "INSERT" }).click();
    await events.getByRole("button", { name: "MODIFY" }).click();
    await expect(events.getByRole("button", { name: "REMOVE" })).toBeDisabled();
    await page.getByTestId("tail-key-prefix").fill(prefix);
    await expect(page).toHaveURL(/events=REMOVE/);
    await expect(page).toHaveURL(new RegExp(`keyPrefix=${prefix}`));
    await expect(rowsOf(page).first()).toBeVisible();
    await expect.poll(async () => new Set(await rowsOf(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-event"))))).toEqual(new Set(["REMOVE"]));
    for (const key of await rowsOf(page).getByTestId("tail-row-key").allTextContents()) expect(key.startsWith(prefix)).toBe(true);

    // The link reproduces the filters.
    await page.reload();
    await expect(page.getByRole("group", { name: "Event types" }).getByRole("button", { name: "INSERT" })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("tail-key-prefix")).toHaveValue(prefix);
    await expect(rowsOf(page).first()).toHaveAttribute("data-event", "REMOVE");
  });
});

test.describe("the write sample", () => {
  test("Events: a 20-second sample names the chatty device as the top writer", async ({ page, isMobile }, testInfo) => {
    test.setTimeout(120_000);
    const prefix = runPrefix("sample");
    // The chatty device writes 6 times a second; 30 others once every few seconds between them.
    const traffic = startTraffic("Events", 8, (n) => {
      const device = n % 4 === 3 ? `${prefix}-device-${n % 30}` : HOT_DEVICE_ID;
      return { put: { deviceId: { S: device }, ts: { N: String(Date.now() * 1000 + n) }, kind: { S: "reading" }, temperatureC: { N: "21.5" } } };
    });
    try {
      // Events' history throttles one key and its Contributor Insights is off, so until a sample has run, the
      // diagnosis can only say a key is overloaded, and offers the sample that would name it.
      const before = (await (await page.request.get("/api/tables/Events/jobs?kind=stream-sample")).json()) as { job: unknown };
      if (before.job === null) {
        await page.goto("/tables/Events");
        const unknown = page.getByTestId("verdict").and(page.locator('[data-kind="key-range-unknown-key"]')).first();
        await expect(unknown).toBeVisible();
        await unknown.getByTestId("verdict-action").click();
        await expect(page).toHaveURL(/\/tables\/Events\/stream\?.*tab=sample/);
      } else {
        await page.goto("/tables/Events/stream?tab=sample");
      }
      const section = page.getByTestId("stream-sample");
      const start = section.getByRole("button", { name: "Start stream sample" });
      // Both browsers run this spec; if the other one's sample is running, this one reads its result. The form shows
      // once the latest job has loaded, so wait for one or the other before deciding.
      await expect(start.or(section.getByTestId("job-progress")).first()).toBeVisible();
      if (await start.isVisible()) {
        await section.getByLabel("Duration (seconds)").fill("20");
        await expect(section.getByTestId("starting-position-note")).toContainText("LATEST");
        await start.click();
      }
      // A sample now runs (this one, or the other browser's); its result, not an earlier one, is what counts.
      await expect(section.getByTestId("job-progress")).toHaveAttribute("data-status", "running");
      await expect(section.getByRole("progressbar")).toBeVisible();
      await expect(section.getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
      await expect(section.getByTestId("stream-sample-results")).toBeVisible();
      const top = section.getByTestId("stream-top-partitions").getByTestId("stream-key-row").first();
      await expect(top).toContainText(HOT_DEVICE_ID);
      await expect(top.getByRole("link", { name: HOT_DEVICE_ID })).toHaveAttribute("href", /\/tables\/Events\/items\?pk=/);
      await expect(section.getByTestId("stream-sample-units")).toContainText("estimated");
      await expect(section.getByTestId("heat-map-accessed").getByTestId("heat-map-key").first()).toHaveText(HOT_DEVICE_ID);
      await expect(section.getByTestId("sample-read-cost")).toContainText("GetRecords calls");
      await section.screenshot({ path: testInfo.outputPath(`stream-sample-${isMobile ? "phone" : "desktop"}.png`) });
      expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });

      // The sample is the diagnosis' evidence now: Events' overloaded key has a name, from the stream.
      await page.goto("/tables/Events");
      const hot = page.getByTestId("verdict").first();
      await expect(hot).toHaveAttribute("data-kind", "hot-key");
      await expect(hot).toContainText(HOT_DEVICE_ID);
      // The first verdict opens with its evidence shown.
      await expect(hot.getByRole("button", { name: "Hide evidence" })).toBeVisible();
      await expect(hot).toContainText("(stream)");
      await hot.screenshot({ path: testInfo.outputPath(`stream-verdict-${isMobile ? "phone" : "desktop"}.png`) });
    } finally {
      await traffic.stop();
    }
  });
});

test.describe("without a stream", () => {
  test("Sessions explains what a stream would give and how to turn one on", async ({ page }) => {
    await page.goto("/tables/Sessions/stream");
    const none = page.getByTestId("no-stream");
    await expect(none).toContainText("Sessions has no stream");
    await expect(none).toContainText("24 hours");
    await expect(none).toContainText("never turns a stream on itself");
    await expect(none.getByTestId("enable-stream-command")).toHaveText(
      "aws dynamodb update-table --table-name Sessions --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES",
    );
    await expect(none.getByRole("button", { name: "Copy the command" })).toBeVisible();
    await expect(page.getByTestId("live-tail")).toHaveCount(0);
  });
});

test.describe("a viewer", () => {
  test.use({ baseURL: async ({}, provide) => provide(proxyAuthUrl()), extraHTTPHeaders: AS_VIEWER });

  test("sees why only engineers read the stream, and no button that would start a read", async ({ page }) => {
    await page.goto("/tables/Shop/stream");
    await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "viewer");
    await expect(page.getByTestId("stream-engineers-only")).toContainText("about 5 reads a second");
    await expect(page.getByTestId("stream-engineers-only")).toContainText("at most two readers per shard");
    await expect(page.getByTestId("tail-status")).toBeVisible();
    await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
    await page.getByRole("tab", { name: "Write sample" }).click();
    await expect(page).toHaveURL(/tab=sample/);
    await expect(page.getByTestId("stream-engineers-only")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start stream sample" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  });
});
