import { itemSize, ITEM_SIZE_LIMIT } from "../lib/dynamo/item-size";
import { LARGE_ITEMS_PK, specialItems } from "../local/seed/special-items";
import { expect, test } from "./support/fixtures";

const itemLink = (sk: string) => `/tables/Shop/item?key=${encodeURIComponent(JSON.stringify({ PK: { S: LARGE_ITEMS_PK }, SK: { S: sk } }))}`;
const seeded = (sk: string) => {
  const item = specialItems().find((candidate) => candidate.SK?.S === sk);
  if (!item) throw new Error(`no seeded item ${sk}`);
  return itemSize(item);
};

test.describe("item size", () => {
  test("the ~399 KB demo item is within the limit but flagged high, with its exact size and cost", async ({ page }) => {
    const bytes = seeded("ASSET#catalog-399k");
    expect(bytes).toBeLessThanOrEqual(ITEM_SIZE_LIMIT);
    await page.goto(itemLink("ASSET#catalog-399k"));
    const size = page.getByTestId("item-size");
    await expect(size).toHaveAttribute("data-level", "high");
    await expect(size).toContainText(`${bytes.toLocaleString("en-US")} bytes`);
    await expect(size).toContainText("high: 350 KB or more");
    await expect(page.getByTestId("attribute-sizes")).toContainText("content");
    await expect(page.getByTestId("item-capacity")).toContainText(`${Math.ceil(bytes / 1024)} WCU`);
  });

  test("a 100 KB item is within the limit, and sizes show in the item panel of the browser too", async ({ page }) => {
    await page.goto(`/tables/Shop/items?pk=${encodeURIComponent(LARGE_ITEMS_PK)}`);
    await page.getByRole("listbox", { name: /Items in partition/ }).getByRole("option", { name: /manual-100k/ }).click();
    const size = page.getByRole("dialog").getByTestId("item-size");
    await expect(size).toHaveAttribute("data-level", "ok");
    await expect(size).toContainText(`${seeded("ASSET#manual-100k").toLocaleString("en-US")} bytes`);
  });
});
