import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";

// A fresh module graph per file: lib/env.ts parses these values when the routes first call env().
vi.stubEnv("AUTH_MODE", "proxy");

const apiRoot = join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response> | Response;

describe("AUTH_MODE=proxy without the identity header", () => {
  const files = routeFiles(apiRoot);

  it.each(files.map((file) => [relative(process.cwd(), file), file]))("%s answers 401 in the error envelope for every method", async (_name, file) => {
    const route = (await import(/* @vite-ignore */ file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const params = { table: "it-auth-any", id: "00000000-0000-4000-8000-000000000000", path: ["nowhere"] };
    let called = 0;
    for (const method of METHODS) {
      const handler = route[method];
      if (!handler) continue;
      called++;
      // Groups alone are not an identity.
      const request = new Request("http://localhost/api/tables/it-auth-any/items?pk=x", {
        method,
        headers: { "x-forwarded-groups": "sre" },
        body: method === "GET" ? undefined : "{}",
      });
      const response = await handler(request, { params: Promise.resolve(params) });
      expect(response.status, `${method} ${file}`).toBe(401);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/login proxy/) } });
    }
    expect(called).toBeGreaterThan(0);
  });
});
