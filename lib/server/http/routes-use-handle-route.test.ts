import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const apiRoot = join(process.cwd(), "app", "api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

// Every handler must run through handleRoute(request, …), which resolves the caller's identity; tests/integration/
// auth-unauthenticated.test.ts also calls each one without identity and expects a 401.
describe("API routes", () => {
  const files = routeFiles(apiRoot);

  it("exist", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(process.cwd(), file), file]))("%s: every handler goes through handleRoute(request, …)", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const functions = [...source.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\(/g)];
    const handleCalls = [...source.matchAll(/handleRoute\(request, /g)];
    expect(handleCalls.length).toBeGreaterThanOrEqual(Math.max(functions.length, 1));
    // Methods exported as constants must come from a helper that itself goes through handleRoute.
    for (const match of source.matchAll(/export const (\{[^}]*\}|\w+) = ([^;]+);/g)) {
      const [, , value = ""] = match;
      if (/^(GET|POST|PUT|PATCH|DELETE)$/.test((match[1] ?? "").trim())) expect(value).toMatch(/^(notFound|methodNotAllowed)/);
      if ((match[1] ?? "").startsWith("{")) expect(value).toMatch(/^methodNotAllowed\(/);
    }
  });
});
