import { HOT_CUSTOMER_PK } from "../local/seed/shop-items";
import { itemHref } from "../lib/items/item-key";
import { expect, test } from "./support/fixtures";
import { sidewaysOverflow } from "./support/sideways-overflow";
import { AS_ENGINEER, AS_VIEWER, proxyAuthUrl } from "./support/proxy-auth";

// These run against the second server global setup starts, with AUTH_MODE=proxy: the headers stand in for the
// authenticating proxy, on every request the browser makes.
test.use({ baseURL: async ({}, provide) => provide(proxyAuthUrl()) });

const PROFILE = itemHref("Shop", JSON.stringify({ PK: { S: HOT_CUSTOMER_PK }, SK: { S: "PROFILE" } }));
const DIGEST = /#[0-9a-f]{10}/;

test.describe("without a signed-in user", () => {
  test("pages and the API answer 401", async ({ page, request }) => {
    const response = await page.goto("/tables/Shop");
    expect(response?.status()).toBe(401);
    await expect(page.getByRole("heading", { name: "401 · Not signed in" })).toBeVisible();
    const api = await request.get("/api/tables");
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  });
});

test.describe("a viewer", () => {
  test.use({ extraHTTPHeaders: AS_VIEWER });

  test("sees the item with personal values redacted, its size intact, and no export", async ({ page }) => {
    await page.goto(PROFILE);
    await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "viewer");
    await expect(page.locator('[data-redacted="S"]')).toHaveCount(2);
    await expect(page.getByTestId("item-size")).toBeVisible();
    // The values never reached the browser, so no part of the page can show them.
    expect(await page.content()).not.toMatch(/@example\.com/);
    await page.goto(`/tables/Shop/items?pk=${encodeURIComponent(HOT_CUSTOMER_PK)}`);
    await expect(page.getByTestId("item-table")).toBeVisible();
    await expect(page.getByRole("link", { name: "Export JSONL" })).toHaveCount(0);
  });

  test("reads the hot-key verdict with the key as a digest that links nowhere, and cannot start jobs", async ({ page }) => {
    await page.goto("/tables/Shop");
    const first = page.getByTestId("verdict").first();
    await expect(first).toHaveAttribute("data-kind", "hot-key");
    await expect(first).toContainText(DIGEST);
    await expect(page.getByTestId("verdicts")).not.toContainText(HOT_CUSTOMER_PK);
    // A critical verdict opens with its evidence shown.
    await expect(first.getByRole("button", { name: "Hide evidence" })).toBeVisible();
    await expect(first.getByRole("link", { name: "open partition" })).toHaveCount(0);
    const heatKey = page.getByTestId("heat-map-accessed").getByTestId("heat-map-key").first();
    await expect(heatKey).toHaveText(DIGEST);
    await expect(heatKey).toHaveAttribute("data-key-digest", "true");
    await expect(page.getByTestId("top-keys").getByRole("link")).toHaveCount(0);
    await expect(page.getByTestId("engineers-run-jobs")).toHaveCount(2);
    await expect(page.getByRole("button", { name: "Sample keys" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Run size audit" })).toHaveCount(0);
    // The header carries the user's address: it must wrap, not push the page sideways on a phone.
    expect(await sidewaysOverflow(page)).toEqual({ pixels: 0, culprits: [] });
  });
});

test.describe("an engineer", () => {
  test.use({ extraHTTPHeaders: AS_ENGINEER });

  test("sees every value, the real keys with links, export and the job forms", async ({ page }) => {
    await page.goto(PROFILE);
    await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "engineer");
    await expect(page.getByText(/@example\.com/).first()).toBeVisible();
    await page.goto("/tables/Shop");
    const first = page.getByTestId("verdict").first();
    await expect(first).toContainText(HOT_CUSTOMER_PK);
    await expect(page.getByTestId("heat-map-accessed").getByRole("link", { name: HOT_CUSTOMER_PK })).toBeVisible();
    await expect(page.getByTestId("engineers-run-jobs")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Run size audit" })).toBeVisible();
  });
});
