import { GLOSSARY } from "../lib/glossary/glossary-terms";
import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";

test.describe("plain language", () => {
  test("the glossary explains RCU/WCU, partition, throttling, GSI and Scan vs Query, each at its own address", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Glossary" }).click();
    await expect(page).toHaveURL(/\/glossary$/);
    await expect(page.getByRole("heading", { name: "Glossary", level: 1 })).toBeVisible();
    for (const id of ["rcu", "wcu", "partition", "throttling", "gsi", "scan-vs-query"] as const) {
      const entry = page.locator(`article#${id}`);
      await expect(entry.getByRole("heading", { level: 2 })).toHaveText(GLOSSARY[id].term);
      await expect(entry).toContainText(GLOSSARY[id].summary);
    }
    await page.getByRole("navigation", { name: "Terms" }).getByRole("link", { name: GLOSSARY["scan-vs-query"].term }).click();
    await expect(page).toHaveURL(/#scan-vs-query$/);
    await expect(page.locator("article#scan-vs-query")).toBeInViewport();
    expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });
  });

  test("every capacity chart has a tooltip that explains it and links to its glossary entry", async ({ page }) => {
    await page.goto("/tables/Shop");
    const captions = page.getByTestId("capacity-section").locator("figcaption");
    await expect(captions).toHaveCount(6);
    for (const caption of await captions.all()) {
      const hint = caption.getByRole("button", { name: /^What/ });
      await hint.focus();
      const tooltip = caption.getByRole("tooltip");
      await expect(tooltip).toBeVisible();
      // Fully on screen, even beside a "?" at the right edge of a phone.
      const box = await tooltip.boundingBox();
      const width = page.viewportSize()?.width ?? 0;
      expect(box && box.x >= 0 && box.x + box.width <= width, `tooltip at ${JSON.stringify(box)} in ${width}px`).toBe(true);
      const term = await tooltip.locator("[data-glossary-term]").getAttribute("data-glossary-term");
      expect(term).not.toBeNull();
      await expect(tooltip.getByRole("link", { name: "More in the glossary" })).toHaveAttribute("href", `/glossary#${term}`);
      await hint.blur();
    }
    // Keyboard: Tab moves from the "?" into its tooltip's link, and following it lands on the entry.
    const reads = page.getByTestId("chart-reads").locator("figcaption");
    await reads.getByRole("button").focus();
    await page.keyboard.press("Tab");
    await expect(reads.getByRole("link", { name: "More in the glossary" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/glossary#rcu$/);
    await expect(page.locator("article#rcu")).toBeInViewport();
  });

  test("every metric column of the overview has a tooltip", async ({ page, isMobile }) => {
    await page.goto("/");
    if (isMobile) {
      const card = page.getByTestId("tables-cards").locator("li").first();
      await expect(card.locator("dt")).not.toHaveCount(0);
      // Every labelled figure but TTL (a setting, not a metric) explains itself.
      const labels = await card.locator("dt").allTextContents();
      const hinted = await card.locator("dt").filter({ has: page.getByRole("button") }).count();
      expect(hinted).toBe(labels.filter((label) => !label.startsWith("TTL")).length);
      return;
    }
    const headers = page.getByTestId("tables-grid").locator("thead th");
    const texts = await headers.allTextContents();
    const metricColumns = texts.filter((text) => !/^(Table|Status)/.test(text));
    expect(metricColumns.length).toBe(8);
    await expect(page.getByTestId("tables-grid").locator("thead th").filter({ has: page.getByRole("button") })).toHaveCount(metricColumns.length);
    await headers.filter({ hasText: "Throttling" }).getByRole("button").hover();
    await expect(page.getByRole("tooltip")).toContainText(GLOSSARY.throttling.summary);
  });

  test("a verdict names the glossary entries that explain it", async ({ page }) => {
    await page.goto("/tables/Shop");
    const first = page.getByTestId("verdict").first();
    await expect(first.getByTestId("verdict-terms")).toContainText(GLOSSARY["hot-key"].term);
    await first.getByTestId("verdict-terms").getByRole("link", { name: GLOSSARY["hot-key"].term }).click();
    await expect(page).toHaveURL(/\/glossary#hot-key$/);
  });
});
