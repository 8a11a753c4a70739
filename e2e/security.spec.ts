import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./support/fixtures";

// Strings that would mean a credential or server-only configuration reached the browser.
const FORBIDDEN = [/AWS_/, /aws_secret/i, /AKIA[0-9A-Z]{4,}/, /secretAccessKey/, /DYNAMODB_ENDPOINT/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

test.describe("security headers and hygiene", () => {
  test("pages carry a nonce CSP without inline scripts, and the hardening headers", async ({ request }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    // Every inline script Next wrote carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);
  });

  test("API responses are never cached and carry the hardening headers", async ({ request }) => {
    for (const path of ["/api/tables", "/api/metrics/overview", "/api/diagnosis/overview", "/api/no-such-route"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["cache-control"], path).toBe("no-store");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  });

  test("the browser reports no CSP violation while pages render and hydrate", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, "__cspViolations", { value: seen });
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    // Hydrated: a client-side navigation works.
    await page.waitForLoadState("networkidle");
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
  });

  test("no credential or server configuration string is in the client bundles", () => {
    const root = join(process.cwd(), ".next", "static");
    const bundle = files(root).filter((path) => /\.(js|css|json|html|txt|map)$/.test(path));
    expect(bundle.length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const path of bundle) {
      const text = readFileSync(path, "utf8");
      for (const pattern of FORBIDDEN) if (pattern.test(text)) hits.push(`${path}: ${pattern}`);
    }
    expect(hits).toEqual([]);
  });
});
